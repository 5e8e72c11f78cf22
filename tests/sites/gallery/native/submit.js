/*
 * 原生表单的提交：把 FormData 逐项转成 JSON（同名多值 → 数组，文件 → 文件名和大小），
 * 加上 FormData 取不到的可编辑区域（contenteditable）和影子树里的输入框，POST 到 /api/submit/<family>。
 */
/** 多选下拉、多文件、同名的一组复选框：总是数组。 */
function isList(form, name) {
  var els = form.querySelectorAll('[name="' + name + '"]');
  return els[0].multiple || (els[0].type === 'checkbox' && els.length > 1);
}

function serialiseForm(form, extras) {
  var out = {};
  new FormData(form).forEach(function (v, k) {
    var item = typeof v === 'string' ? v : (v.name ? { name: v.name, size: v.size, type: v.type } : null);
    if (item === null) return; // 未选文件
    if (k in out) out[k] = [].concat(out[k], [item]);
    else out[k] = isList(form, k) ? [item] : item;
  });
  for (var key in extras || {}) out[key] = extras[key]();
  return out;
}

function wireForm(form, family, extras) {
  var tip = form.querySelector('.form-tip');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!form.reportValidity()) return;
    fetch('/api/submit/' + family, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(serialiseForm(form, extras))
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (tip) tip.textContent = res.code === 0 ? '提交成功' : (res.msg || '提交失败');
    }, function () { if (tip) tip.textContent = '网络异常，提交失败'; });
  });
}

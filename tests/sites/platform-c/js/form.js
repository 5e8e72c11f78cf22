/*
 * 九小场所检查登记：layui 表单。省/市/区/街道联动下拉逐级经 /api/regions 加载；日期用 laydate；
 * 提交时校验 lay-verify 并将 layui 的 data.field 以表单方式 POST 到 /api/checks。
 */
layui.use(['form', 'laydate', 'layer'], function () {
  var $ = layui.$;
  var form = layui.form;
  var laydate = layui.laydate;
  var layer = layui.layer;

  // ---- 校验规则 ----
  var CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  form.verify({
    xydm: function (value) {
      if (!value) return;
      value = value.toUpperCase();
      if (value.length !== 18) return '统一社会信用代码应为18位';
      if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return '统一社会信用代码格式不正确';
      var sum = 0;
      for (var i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(value.charAt(i)) * CREDIT_WEIGHTS[i];
      var c = 31 - (sum % 31);
      if (CREDIT_CHARS.charAt(c === 31 ? 0 : c) !== value.charAt(17)) return '统一社会信用代码校验位错误，请核对';
    }
  });

  // ---- 日期 ----
  laydate.render({ elem: '#jcrq', type: 'date', format: 'yyyy-MM-dd' });
  laydate.render({ elem: '#zgqx', type: 'date', format: 'yyyy-MM-dd' });
  laydate.render({ elem: '#dcsj', type: 'datetime', format: 'yyyy-MM-dd HH:mm' });

  // ---- 行政区划联动 ----
  var LEVELS = {
    province: { next: '#shi', clear: ['#shi', '#qu', '#jd'] },
    city: { next: '#qu', clear: ['#qu', '#jd'] },
    district: { next: '#jd', clear: ['#jd'] }
  };

  function resetSelect(sel) {
    var $sel = $(sel);
    var tip = $sel.find('option').first().text();
    $sel.html('<option value="">' + tip + '</option>');
  }

  function loadRegions(parent, sel) {
    var $sel = $(sel);
    var tip = $sel.find('option').first().text();
    $.ajax({
      url: '/api/regions',
      type: 'GET',
      data: { parent: parent },
      dataType: 'json',
      success: function (res) {
        if (res.code !== 0) { layer.msg(res.msg || '行政区划加载失败', { icon: 2 }); return; }
        var html = ['<option value="">' + tip + '</option>'];
        $.each(res.data || [], function (_, r) {
          html.push('<option value="' + r.code + '">' + r.name + '</option>');
        });
        $sel.html(html.join(''));
        form.render('select');
      },
      error: function () { layer.msg('行政区划加载失败，请刷新重试', { icon: 2 }); }
    });
  }

  $.each(LEVELS, function (filter, level) {
    form.on('select(' + filter + ')', function (data) {
      $.each(level.clear, function (_, sel) { resetSelect(sel); });
      form.render('select');
      if (data.value) loadRegions(data.value, level.next);
    });
  });

  // ---- 提交 ----
  form.on('submit(save)', function (data) {
    var loading = layer.load(1, { shade: [0.15, '#000'] });
    $.ajax({
      url: '/api/checks',
      type: 'POST',
      data: data.field,
      dataType: 'json',
      success: function (res) {
        layer.close(loading);
        if (res.code === 0) {
          layer.msg('保存成功！登记编号：' + res.data.id, { icon: 1, time: 2000 });
        } else {
          layer.alert(res.msg || '保存失败', { icon: 2, title: '提示' });
        }
      },
      error: function () {
        layer.close(loading);
        layer.msg('网络异常，保存失败', { icon: 2 });
      }
    });
    return false;
  });

  $('#back').on('click', function () {
    layer.confirm('返回将丢失未保存的内容，确定返回吗？', { icon: 3, title: '提示' }, function (i) {
      layer.close(i);
      history.back();
    });
  });
});

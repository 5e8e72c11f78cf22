/*
 * layui 2.9 控件样例：两张表单（表单项布局、表格布局），写法照 layui admin 模板：联动下拉在
 * form.on('select(...)') 里经 /api/regions 逐级加载；laydate 日期、日期时间、时间、日期范围（一个框
 * 和两个框）；slider / rate 的值由回调写进隐藏域；upload 上传到 /api/upload，返回的编号写进隐藏域。
 * 提交时把 layui 的 data.field 以 JSON POST 到 /api/submit/layui。
 */
layui.use(['form', 'laydate', 'slider', 'rate', 'upload', 'layer'], function () {
  var $ = layui.$;
  var form = layui.form;
  var laydate = layui.laydate;
  var layer = layui.layer;

  // ---- 日期 ----
  laydate.render({ elem: '#jcrq', type: 'date' });
  laydate.render({ elem: '#dcsj', type: 'datetime' });
  laydate.render({ elem: '#zbsj', type: 'time' });
  laydate.render({ elem: '#zgqj', type: 'date', range: true });
  laydate.render({ elem: '#tyqj', type: 'date', range: ['#tyks', '#tyjs'] });
  laydate.render({ elem: '#fcrq', type: 'date', format: 'yyyy年MM月dd日' });
  laydate.render({ elem: '#fcsj', type: 'datetime', format: 'yyyy-MM-dd HH:mm' });

  // ---- 行政区划联动：每一级选中后加载下一级 ----
  function fill(sel, list) {
    var $sel = $(sel);
    var tip = $sel.find('option').first().text();
    var html = ['<option value="">' + tip + '</option>'];
    $.each(list || [], function (_, r) { html.push('<option value="' + r.code + '">' + r.name + '</option>'); });
    $sel.html(html.join(''));
  }
  function load(parent, sel) {
    $.ajax({
      url: '/api/regions', type: 'GET', data: { parent: parent }, dataType: 'json',
      success: function (res) { fill(sel, res.data); form.render('select'); },
      error: function () { layer.msg('行政区划加载失败', { icon: 2 }); }
    });
  }
  function link(levels) {
    $.each(levels, function (i, name) {
      var next = levels[i + 1];
      if (!next) return;
      form.on('select(' + name.filter + ')', function (data) {
        for (var j = i + 1; j < levels.length; j++) fill(levels[j].sel, []);
        form.render('select');
        if (data.value) load(data.value, next.sel);
      });
    });
    load('', levels[0].sel);
  }
  link([
    { filter: 'itemProvince', sel: 'select[name=sheng]' },
    { filter: 'itemCity', sel: 'select[name=shi]' },
    { filter: 'itemDistrict', sel: 'select[name=qu]' }
  ]);
  link([
    { filter: 'tableProvince', sel: 'select[name=ssqy_sheng]' },
    { filter: 'tableCity', sel: 'select[name=ssqy_shi]' }
  ]);

  // ---- 滑块、评分：值写进隐藏域，随表单提交 ----
  layui.slider.render({
    elem: '#zgjd-slider', min: 0, max: 100, step: 5, value: 0,
    setTips: function (v) { return v + '%'; },
    change: function (v) { $('input[name=zgjd]').val(v); }
  });
  layui.rate.render({
    elem: '#myd-rate', length: 5, half: true, text: true, value: 0,
    choose: function (v) { $('input[name=myd]').val(v); }
  });

  // ---- 上传：选图即传，缩略图预览，成功后记下文件编号 ----
  var uploaded = [];
  layui.upload.render({
    elem: '#xczp-btn', url: '/api/upload', accept: 'images', multiple: true, number: 9,
    before: function (obj) {
      obj.preview(function (index, file, result) {
        $('#xczp-list').append('<img src="' + result + '" alt="' + file.name + '" title="' + file.name + '" class="layui-upload-img" data-index="' + index + '">');
      });
    },
    done: function (res, index) {
      if (res.code !== 0) return layer.msg(res.msg || '上传失败', { icon: 2 });
      uploaded.push(res.data.id);
      $('input[name=xczp]').val(uploaded.join(','));
    },
    error: function () { layer.msg('上传失败，请重试', { icon: 2 }); }
  });

  // ---- 提交 ----
  function submit(data) {
    $.ajax({
      url: '/api/submit/layui', type: 'POST', contentType: 'application/json', dataType: 'json',
      data: JSON.stringify(data.field),
      success: function (res) { layer.msg(res.code === 0 ? '提交成功' : (res.msg || '提交失败'), { icon: res.code === 0 ? 1 : 2 }); },
      error: function () { layer.msg('网络异常，提交失败', { icon: 2 }); }
    });
    return false;
  }
  form.on('submit(saveItem)', submit);
  form.on('submit(saveTable)', submit);
});

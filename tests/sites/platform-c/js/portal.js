/* 门户：左侧菜单折叠；未开通的菜单提示无权限。 */
layui.use(['layer'], function () {
  var $ = layui.$;
  var layer = layui.layer;

  $('.tree').on('click', 'a.folder', function () {
    var li = $(this).parent();
    li.toggleClass('open');
    $(this).find('.layui-icon')
      .toggleClass('layui-icon-triangle-d', li.hasClass('open'))
      .toggleClass('layui-icon-triangle-r', !li.hasClass('open'));
  });

  $(document).on('click', '[data-deny]', function () {
    layer.msg('您没有该功能的访问权限，请联系系统管理员', { icon: 0 });
  });

  $('.tree').on('click', 'a[target=mainFrame]', function () {
    $('.tree li').removeClass('current');
    $(this).parent().addClass('current');
  });
});

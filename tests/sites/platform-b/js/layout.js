// The back-office shell: dark Sider menu, Header with the system name and the logged-in user, breadcrumb.
import { Icon } from './icons.js';
import { MENU } from './options.js';

const { Layout, Menu, Breadcrumb, Avatar, Badge, Space, Dropdown, Typography } = antd;
const html = htm.bind(React.createElement);

const SIDER_WIDTH = 208;

function menuItems(items) {
  return items.map((it) => ({
    key: it.key,
    label: it.label,
    icon: it.icon ? html`<${Icon} name=${it.icon} />` : undefined,
    children: it.children ? menuItems(it.children) : undefined,
  }));
}

export function Shell({ user, children }) {
  const [collapsed, setCollapsed] = React.useState(false);
  const userLabel = user ? `${user.roleName} ${user.userName}` : '加载中…';
  return html`
    <${Layout} style=${{ minHeight: '100vh' }}>
      <${Layout.Sider} width=${SIDER_WIDTH} collapsible collapsed=${collapsed} onCollapse=${setCollapsed}
        style=${{ position: 'fixed', left: 0, top: 0, bottom: 0, overflow: 'auto' }}>
        <div className="brand">
          <${Icon} name="logo" size=${22} />
          ${collapsed ? null : html`<span>基层智治</span>`}
        </div>
        <${Menu} theme="dark" mode="inline" items=${menuItems(MENU)}
          defaultOpenKeys=${['event']} selectedKeys=${['event-report']} />
      </${Layout.Sider}>
      <${Layout} style=${{ marginLeft: collapsed ? 80 : SIDER_WIDTH, transition: 'margin-left .2s' }}>
        <${Layout.Header} className="top-header">
          <div className="system-name">基层智治综合应用</div>
          <${Space} size=${20}>
            <${Badge} count=${3} size="small"><${Icon} name="bell" size=${18} /></${Badge}>
            <${Dropdown} menu=${{ items: [{ key: 'profile', label: '个人中心' }, { key: 'logout', label: '退出登录' }] }}>
              <${Space} style=${{ cursor: 'pointer' }}>
                <${Avatar} size="small" style=${{ background: '#1677ff' }}>${user ? user.userName.slice(-1) : ''}</${Avatar}>
                <span className="user-name">${userLabel}</span>
                ${user ? html`<${Typography.Text} type="secondary">${user.orgName}</${Typography.Text}>` : null}
              </${Space}>
            </${Dropdown}>
          </${Space}>
        </${Layout.Header}>
        <${Layout.Content} style=${{ padding: '12px 20px 24px' }}>
          <${Breadcrumb} style=${{ marginBottom: 12 }}
            items=${[{ title: '首页' }, { title: '事件管理' }, { title: '事件上报' }]} />
          ${children}
        </${Layout.Content}>
        <${Layout.Footer} style=${{ textAlign: 'center', color: '#999', padding: '12px 0' }}>
          基层智治综合应用 · 技术支持：县级社会治理中心
        </${Layout.Footer}>
      </${Layout}>
    </${Layout}>`;
}

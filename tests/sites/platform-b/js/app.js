// Entry: locale, theme, session, then the 事件上报 page inside the back-office shell.
import { Shell } from './layout.js';
import { EventForm } from './event-form.js';
import { getSession } from './api.js';

const { ConfigProvider, App: AntApp, locales } = antd;
const html = htm.bind(React.createElement);

dayjs.extend(window.dayjs_plugin_customParseFormat);
dayjs.extend(window.dayjs_plugin_localeData);
dayjs.extend(window.dayjs_plugin_weekday);
dayjs.extend(window.dayjs_plugin_weekOfYear);
dayjs.extend(window.dayjs_plugin_advancedFormat);
dayjs.locale('zh-cn');

function Page() {
  const [user, setUser] = React.useState(null);
  const [error, setError] = React.useState(null);
  React.useEffect(() => {
    getSession().then((s) => setUser(s.user), (e) => setError(e.message));
  }, []);
  return html`
    <${Shell} user=${user}>
      ${error ? html`<${antd.Alert} type="error" showIcon message=${`登录信息获取失败：${error}`} />` : null}
      <${EventForm} user=${user} />
    </${Shell}>`;
}

const theme = { token: { colorPrimary: '#1677ff', borderRadius: 4 } };

ReactDOM.createRoot(document.getElementById('root')).render(html`
  <${ConfigProvider} locale=${locales.zh_CN} theme=${theme}>
    <${AntApp}><${Page} /></${AntApp}>
  </${ConfigProvider}>`);

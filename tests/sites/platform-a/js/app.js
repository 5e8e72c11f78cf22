/**
 * Entry of the page: loads the login session and dictionaries, mounts the back-office frame with the
 * form, and watches the session: after the idle limit without user input the login times out and
 * the half-typed form is thrown away, as on the real platform.
 */
import { AppShell } from './layout.js';
import { InspectionForm } from './inspection-form.js';
import { api } from './api.js';
import { ICONS } from './icons.js';

const { createApp, ref, onMounted, onBeforeUnmount } = Vue;
const { ElMessageBox } = ElementPlus;

const USER_INPUT_EVENTS = ['keydown', 'mousedown', 'input', 'wheel', 'touchstart'];

function useIdleSession(idleMs, onExpire) {
  let last = Date.now();
  let expired = false;
  let timer;
  const touch = () => { if (!expired) last = Date.now(); };
  onMounted(() => {
    USER_INPUT_EVENTS.forEach((t) => document.addEventListener(t, touch, true));
    timer = setInterval(() => {
      if (expired || Date.now() - last < idleMs) return;
      expired = true;
      onExpire().finally(() => { expired = false; last = Date.now(); });
    }, Math.max(200, Math.min(1000, idleMs / 5)));
  });
  onBeforeUnmount(() => {
    clearInterval(timer);
    USER_INPUT_EVENTS.forEach((t) => document.removeEventListener(t, touch, true));
  });
}

async function main() {
  const [session, dicts] = await Promise.all([api.get('/api/session'), api.get('/api/dicts')]);
  const App = {
    components: { AppShell, InspectionForm },
    setup() {
      const formComp = ref();
      // Test-only: `?sessionIdleMs=6000` shortens the login's idle limit for this page, so a test can make
      // the session expire (and the form be thrown away) without restarting the replica server.
      const idleMs = Number(new URLSearchParams(location.search).get('sessionIdleMs')) || session.idleMs;
      useIdleSession(idleMs, async () => {
        formComp.value?.reset();
        await ElMessageBox.alert('您长时间未操作，登录已超时，未提交的内容已清空，请重新登录。', '登录超时', {
          type: 'warning', confirmButtonText: '重新登录', showClose: false,
        }).catch(() => {});
      });
      return { user: session.user, dicts, formComp };
    },
    template: `<app-shell :user="user"><inspection-form ref="formComp" :dicts="dicts" /></app-shell>`,
  };
  const app = createApp(App);
  app.use(ElementPlus, { locale: ElementPlusLocaleZhCn });
  for (const [name, comp] of Object.entries(ICONS)) app.component(name, comp);
  app.mount('#app');
}

main().catch((err) => {
  document.getElementById('app').innerHTML = `<div class="load-error">系统加载失败：${String(err.message || err)}</div>`;
});

import { openDb } from '@/lib/store/db';
import { purgeExpired } from '@/lib/store/retention';
import { loadBundled } from '@/lib/mapping/bundled';
import { createBackgroundHandler } from '@/lib/messaging/background';
import { createRegistry } from '@/lib/mapping/registry';
import { browserRegistrar, readManagedPolicy, waitForManagedPolicy } from '@/lib/messaging/registrar';
import { installEntryPoints } from '@/lib/messaging/entry-points';
import { hostPatterns } from '@/lib/mapping/match';

export default defineBackground(() => {
  const db = openDb();
  // Records are the cadre's work: ask the browser not to evict them under storage pressure. Chromium
  // grants this to extensions without a prompt; where it is refused, the options page says so.
  void navigator.storage?.persist?.().catch(() => false);
  // Apply the retention period once per browser start as well as on every capture.
  void purgeExpired(db).catch(() => 0);
  // Bundled mappings, plus those installed at runtime (options page 平台映射), minus retired and
  // switched-off ones; re-read before every message, so a change in the options page takes effect at once.
  const registry = createRegistry({ db, bundled: loadBundled(), registrar: browserRegistrar(), policy: readManagedPolicy });
  void registry.refresh().then(() => registry.checkSources());
  // The unit's policy: Chromium answers storage.managed only once it has loaded the policy, which can be
  // long after the worker started (lib/messaging/registrar.ts waitForManagedPolicy). When that read
  // answers with a policy, check its sources (the start check above gives up on it after 3 s), due once
  // a day as at every start. This read is needed: Chromium sends the 'managed' change event only for a
  // policy that differs from the one the profile stored last time, so an unchanged policy brings none.
  // A policy changed later does arrive as that event.
  void waitForManagedPolicy().then((p) => {
    if (p.mappingSources?.length || p.retentionDays !== undefined) void registry.checkSources().catch(() => undefined);
  });
  browser.storage?.onChanged.addListener((_changes, area) => { if (area === 'managed') void registry.checkSources(true).catch(() => undefined); });
  const handle = createBackgroundHandler({
    db,
    mappings: () => registry.current(),
    // One frame when frameId is given (a fill), else every frame of the tab (first answer wins).
    sendToTab: (tabId, msg, frameId) => (frameId === undefined ? browser.tabs.sendMessage(tabId, msg) : browser.tabs.sendMessage(tabId, msg, { frameId })),
  });
  browser.tabs.onRemoved.addListener((tabId) => handle.forgetTab(tabId));
  // Shortcuts (Alt+Shift+F / Alt+Shift+U) and the context menu with its 最近的记录 submenu: the same fill and undo.
  const entryPoints = installEntryPoints({
    handle,
    hosts: () => hostPatterns(registry.current()),
    recent: async () => ((await handle({ type: 'records', limit: 5 }, { kind: 'extension-page' })) as { cards?: { id: string; title: string }[] }).cards ?? [],
  });
  void registry.refresh().catch(() => undefined).then(() => entryPoints.refreshMenu());
  const CHANGES_RECORDS = new Set(['capture', 'fill-done', 'delete-record', 'restore-record', 'edit-value', 'split-record', 'clear-all', 'set-settings']);
  browser.runtime.onMessage.addListener((msg, sender) => {
    // Only our own pages and content scripts talk to us; answer with a promise (polyfill style).
    if (sender.id !== browser.runtime.id) return undefined;
    // Extension pages (popup, options, also when opened in a tab) have our own origin; anything else
    // is a content script running inside a platform's page, and may ask only what a content script needs.
    const extensionPage = !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
    const from = { kind: extensionPage ? 'extension-page' : 'content-script', tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url } as const;
    // Subscribed sources are checked at most once a day; a message is a sign the browser is in use.
    void registry.checkSources().catch(() => undefined);
    return registry.refresh().catch(() => registry.current()).then(() => handle(msg, from)).then((answer) => {
      if (CHANGES_RECORDS.has((msg as { type?: string })?.type ?? '')) void entryPoints.refreshMenu();
      return answer;
    });
  });
});

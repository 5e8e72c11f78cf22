/**
 * End-to-end fixture: the REAL built extension (.output/chrome-mv3, from `wxt build`) loaded into
 * Debian's Chromium through a persistent context, one fresh profile per test.
 *
 *   import { test, expect, openPopup, tabIdOf } from '../helpers/extension';
 *   test('fills platform B', async ({ context, extensionId, page }) => {
 *     await page.goto(SITE.b);
 *     const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
 *     ...
 *   });
 *
 * Browser-restart tests use the `relaunch` fixture (closes the context and starts a new one on the
 * same profile directory; the new context is closed at teardown). Both contexts send the test's
 * `x-ylt-test` header like every test context (tests/helpers/test.ts), so the replica backends file
 * what their pages post under this test. Build first: `npx wxt build`
 * (`npm test` and `npm run test:e2e` do).
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagContext, test as base } from './test';

export { expect } from './test';

/** Absolute path of the unpacked Chrome MV3 build. */
// YLT_OUT_DIR (also read by wxt.config.ts) lets two builds live side by side, e.g. two developers'
// branches tested at once on one machine: `YLT_OUT_DIR=.output-x npx wxt build`.
export const EXTENSION_DIST = fileURLToPath(
  new URL(`../../${process.env.YLT_OUT_DIR ?? '.output'}/chrome-mv3`, import.meta.url),
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags Chromium needs here: BOTH extension flags (Playwright adds --disable-extensions, which
 * --load-extension alone does not override), and the networking flags so Chromium does not keep
 * trying to reach the internet, which these machines refuse.
 */
export function chromiumArgs(dist: string = EXTENSION_DIST): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface LaunchOptions {
  /** Default true; HEADED=1 in the environment turns it off (run under `xvfb-run -a` without a display). */
  headless?: boolean;
  dist?: string;
  /** Further Playwright launch options (e.g. `viewport: null`, `handleSIGINT: false`); they win over the defaults. */
  extra?: PersistentContextOptions;
}

type PersistentContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/** Launches Chromium with the extension on `userDataDir` (created by Chromium if missing). */
export async function launchWithExtension(userDataDir: string, options: LaunchOptions = {}): Promise<BrowserContext> {
  const dist = options.dist ?? EXTENSION_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist} (manifest.json missing). Run \`npx wxt build\` first.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? !process.env.HEADED,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: chromiumArgs(dist),
    ...options.extra,
  });
}

/**
 * Closes `previous` (if still open) and launches a new context on the SAME profile, as when the user
 * quits and restarts the browser. Whatever the extension stored (IndexedDB, storage.local) survives.
 */
export async function relaunchContext(userDataDir: string, previous?: BrowserContext, options?: LaunchOptions): Promise<BrowserContext> {
  if (previous) await previous.close().catch(() => undefined);
  return launchWithExtension(userDataDir, options);
}

/** The extension's MV3 service worker (waits for it to register if it has not yet). */
export async function extensionServiceWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout });
}

/** The extension id, from the service worker URL chrome-extension://<id>/background.js. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const sw = await extensionServiceWorker(context);
  const id = new URL(sw.url()).host;
  if (!id) throw new Error(`Cannot read the extension id from ${sw.url()}`);
  return id;
}

interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Chrome's tab id of `page`, asked from the extension's service worker (chrome.tabs.query). The
 * extension has no `tabs` permission: it sees the URLs and titles of the mapped hosts (its host
 * permissions) and of its own pages, which is all the tests use. Pages with the same URL are told
 * apart by briefly giving the page a unique title.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const sw = await extensionServiceWorker(context);
  const query = (q: { url?: string; title?: string }) =>
    sw.evaluate(
      async (q): Promise<TabInfo[]> =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the worker
        ((await (globalThis as any).chrome.tabs.query(q)) as TabInfo[]).map((t) => ({ id: t.id, url: t.url, title: t.title })),
      q,
    );
  const url = page.url();
  const all = await query({});
  let hits = all.filter((t) => t.url === url || (t as { pendingUrl?: string }).pendingUrl === url);
  if (hits.length > 1) {
    const marker = `ylt-tab-probe-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const oldTitle = await page.evaluate((m) => {
      const old = document.title;
      document.title = m;
      return old;
    }, marker);
    try {
      await expectEventually(async () => (hits = await query({ title: marker })).length === 1);
    } finally {
      await page.evaluate((t) => { document.title = t; }, oldTitle).catch(() => undefined);
    }
  }
  const id = hits[0]?.id;
  if (hits.length !== 1 || id === undefined) {
    throw new Error(`tabIdOf: found ${hits.length} tabs for ${url}; tabs: ${JSON.stringify(all)}`);
  }
  return id;
}

async function expectEventually(check: () => Promise<boolean>, timeout = 5_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens the extension popup as an ordinary tab: chrome-extension://<id>/popup.html?tab=<tabId>.
 * The popup acts on `targetTabId` when given (a popup opened as a page is its own active tab).
 */
export async function openPopup(context: BrowserContext, extensionId: string, targetTabId?: number): Promise<Page> {
  const popup = await context.newPage();
  const query = targetTabId === undefined ? '' : `?tab=${targetTabId}`;
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return popup;
}

export interface ExtensionFixtures {
  /** This test's fresh profile directory (removed after the test). */
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  /** Restart the browser on the same profile; returns the new context (also closed at teardown). */
  relaunch: () => Promise<BrowserContext>;
}

interface Holder {
  current?: BrowserContext;
}

export const test = base.extend<ExtensionFixtures & { _contextHolder: Holder }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'ylt-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  },
  // Depends on userDataDir so the profile is removed only after the browser using it has closed.
  _contextHolder: async ({ userDataDir: _ }, use) => {
    const holder: Holder = {};
    await use(holder);
    await holder.current?.close().catch(() => undefined);
  },
  context: async ({ userDataDir, _contextHolder }, use, testInfo) => {
    _contextHolder.current = await tagContext(await launchWithExtension(userDataDir), testInfo);
    await use(_contextHolder.current);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  relaunch: async ({ userDataDir, _contextHolder }, use, testInfo) => {
    await use(async () => {
      _contextHolder.current = await tagContext(await relaunchContext(userDataDir, _contextHolder.current), testInfo);
      return _contextHolder.current;
    });
  },
});

/**
 * Asks the background from a fresh extension page (options.html), as the popup and the options page
 * do: the only place allowed to list records and fills. The page is closed afterwards.
 */
export async function inExtension<T>(context: BrowserContext, extensionId: string, msg: unknown): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
    return (await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg)) as T;
  } finally {
    await page.close();
  }
}

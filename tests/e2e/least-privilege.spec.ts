/**
 * Least privilege, read from the BUILT extension (issue 10, point 4): no `tabs`, no `webNavigation`;
 * `storage` only for the unit's policy and `scripting` only for mappings installed at runtime; host
 * access granted only for the hosts the bundled mappings name (others are optional, asked per mapping),
 * and nothing a web page could use to reach the extension (no externally_connectable).
 * README.md 安全说明 explains each entry; a new permission must be argued there and here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { test, expect, EXTENSION_DIST, extensionServiceWorker } from '../helpers/extension';
import { SITE } from '../helpers/sites';

// The replicas' hosts: the bundled mappings name 127.0.0.1 and localhost (ports are not part of a
// browser match pattern; the mapping itself still checks its port).
const HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
// Where the content script is injected: the mappings' own URL patterns, ports and paths included
// (A, B, C's form page, and the test build's gallery wizard, on any port), not the whole hosts.
const PORT = Number(process.env.SITES_PORT ?? 5101);
const PAGES = [
  `http://127.0.0.1:${PORT + 1}/*`, `http://localhost:${PORT + 1}/*`,
  `http://127.0.0.1:${PORT + 2}/form.html*`, `http://localhost:${PORT + 2}/form.html*`,
  `http://127.0.0.1:${PORT}/*`, `http://localhost:${PORT}/*`,
  'http://127.0.0.1/wizard/*', 'http://localhost/wizard/*',
];

test('the built manifest asks for no API permission and only the mapped hosts', async ({ context }) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIST, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    content_scripts: { matches: string[] }[];
    web_accessible_resources: { matches: string[]; resources: string[] }[];
  };
  // storage: the unit's policy (storage.managed) only; scripting: the content script on pages of mappings
  // installed at runtime. Their hosts are optional, asked for one mapping at a time (README 安全说明).
  // activeTab: the recorder (为此页面生成映射) reads the one tab whose icon the maintainer clicked.
  // contextMenus: the 一录通 right-click menu (fill, recent records, undo), shown only on the mapped hosts.
  expect(manifest.permissions ?? []).toEqual(['storage', 'activeTab', 'contextMenus', 'scripting']);
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
  expect(manifest.host_permissions).toEqual(HOSTS);
  expect(manifest.content_scripts.map((c) => [...c.matches].sort())).toEqual([[...PAGES].sort()]);
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-scripts/platform.css'], use_dynamic_url: true, matches: HOSTS }]);
  expect(manifest.externally_connectable).toBeUndefined();

  // What the browser actually granted the running extension.
  const sw = await extensionServiceWorker(context);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the worker
  const granted = await sw.evaluate(async () => (globalThis as any).chrome.permissions.getAll() as Promise<{ permissions: string[]; origins: string[] }>);
  expect([...granted.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
  // Chromium lists the content script's patterns among the granted origins too; each lies within HOSTS.
  expect([...granted.origins].sort()).toEqual([...HOSTS, ...PAGES].sort());
});

/** The extension's scripts a page parsed (CDP), once the page has loaded and the panel had time to appear. */
async function extensionScripts(context: BrowserContext, url: string, panel: boolean): Promise<string[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => { if (e.url.startsWith('chrome-extension://')) parsed.push(e.url); });
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (panel) await expect(page.locator('yiluotong-panel')).toBeAttached({ timeout: 10_000 });
  else {
    // document_idle has passed once a later task ran after load and an idle callback fired.
    await page.evaluate(() => new Promise<void>((ok) => setTimeout(() => requestIdleCallback(() => ok(), { timeout: 2000 }), 300)));
  }
  await page.close();
  return parsed;
}

test('the content script is injected on the pages a mapping matches, and nothing on other pages of the same host', async ({ context }) => {
  await extensionServiceWorker(context);
  // Platform A's form: a mapping matches it, so the content script is there (and shows the panel).
  expect((await extensionScripts(context, SITE.a, true)).some((u) => u.endsWith('/content-scripts/platform.js'))).toBe(true);
  // The galleries' index on 127.0.0.1, a host the mappings name, at a port and path none matches.
  expect(await extensionScripts(context, SITE.gallery, false)).toEqual([]);
});

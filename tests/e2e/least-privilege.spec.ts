/**
 * Least privilege, read from the BUILT extension (issue 10, point 4): no `tabs`, no `webNavigation`;
 * `storage` only for the unit's policy and `scripting` only for mappings installed at runtime; host
 * access granted only for the hosts the bundled mappings name (others are optional, asked per mapping),
 * and nothing a web page could use to reach the extension (no externally_connectable).
 * README.md 安全说明 explains each entry; a new permission must be argued there and here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, EXTENSION_DIST, extensionServiceWorker } from '../helpers/extension';

// The replicas' hosts: the bundled mappings name 127.0.0.1 and localhost (ports are not part of a
// browser match pattern; the mapping itself still checks its port).
const HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

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
  expect(manifest.content_scripts.map((c) => c.matches)).toEqual([HOSTS]);
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-scripts/platform.css'], use_dynamic_url: true, matches: HOSTS }]);
  expect(manifest.externally_connectable).toBeUndefined();

  // What the browser actually granted the running extension.
  const sw = await extensionServiceWorker(context);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the worker
  const granted = await sw.evaluate(async () => (globalThis as any).chrome.permissions.getAll() as Promise<{ permissions: string[]; origins: string[] }>);
  expect([...granted.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
  expect([...granted.origins].sort()).toEqual([...HOSTS].sort());
});

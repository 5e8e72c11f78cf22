import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentScriptPatterns, hostPatterns, isMappingFile } from './lib/mapping/match';
import { parseMapping } from './lib/mapping/load';
import type { Mapping } from './lib/mapping/schema';

/**
 * Host access only for the platforms that the bundled mappings name: the content script's matches
 * and the host permissions are computed from mappings/*.json at build time, each file validated with
 * the same zod schema as at run time (so a `match` of `*` or `*.gov.cn` fails the build, see
 * patternTooBroad). A broken mapping stops the build with the file, the JSON path and what is wrong.
 */
function bundledMappings(tests = false): Mapping[] {
  const read = (folder: string) => {
    const dir = resolve(__dirname, folder);
    return readdirSync(dir)
      .filter(isMappingFile)
      .map((f) => parseMapping(movePorts(readFileSync(resolve(dir, f), 'utf8')), `${folder}/${f}`));
  };
  // A test build (WXT_TEST_MAPPINGS=1, see lib/mapping/bundled.ts) also injects on the galleries' pages.
  return [...read('mappings'), ...(tests && process.env.WXT_TEST_MAPPINGS === '1' ? read('tests/fixtures/mappings') : [])];
}

const SITES_BASE = Number(process.env.SITES_PORT ?? 5101);
/** The replicas' loopback URLs moved to SITES_PORT (see replicaPorts). */
function movePorts(code: string): string {
  if (SITES_BASE === 5101) return code;
  return code.replace(/\b(127\.0\.0\.1|localhost):(510[1-4])\b/g, (_, host: string, port: string) => `${host}:${SITES_BASE + Number(port) - 5101}`);
}

/**
 * Test builds only: the replica platforms serve on 127.0.0.1/localhost ports 5101-5104 (A, B, C,
 * galleries), which the bundled mappings (and a test build's gallery mappings) name. SITES_PORT
 * (tests/sites/serve.ts, playwright.config.ts) moves the replicas; a build made with the same
 * SITES_PORT moves those loopback URLs in the bundled mappings with them, so two lines of work can
 * run end-to-end tests at once. Real platforms' URLs are never touched.
 */
function replicaPorts(): Plugin {
  return {
    name: 'ylt-replica-ports',
    transform(code, id) {
      if (SITES_BASE === 5101 || !/[\\/]mappings[\\/][^\\/]+\.json$/.test(id)) return undefined;
      return movePorts(code);
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Default .output; YLT_OUT_DIR keeps parallel builds apart (tests/helpers/extension.ts reads it too).
  outDir: process.env.YLT_OUT_DIR ?? '.output',
  // Chromium 86 is what 360 安全浏览器 and most 信创 browsers are built on. YLT_SOURCEMAP=1: source maps,
  // to see what each bundle is made of (issue 13 measured the content script by source module this way).
  vite: () => ({ plugins: [preact(), replicaPorts()], build: { target: 'chrome86', sourcemap: process.env.YLT_SOURCEMAP === '1' } }),
  manifest: ({ browser, manifestVersion }) => ({
    // Chinese first; English when the browser's interface is English (public/_locales, lib/ui/i18n.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // See README 安全说明 for each entry. Records live in IndexedDB and the popup needs only the active
    // tab's id (no `tabs`). `storage` is for the unit's policy (storage.managed) only; `scripting`
    // registers the content script on the pages of mappings installed at runtime, whose hosts are
    // optional host permissions asked for one mapping at a time, when it is installed.
    // `activeTab`: 为此页面生成映射 reads the form of the one tab the maintainer clicked the icon on
    // (entrypoints/recorder), read-only, until that tab navigates away; no standing access to any site.
    // `contextMenus`: the 一录通 right-click menu on the mapped platforms' pages (lib/messaging/entry-points.ts).
    permissions: ['storage', 'activeTab', 'contextMenus', ...(manifestVersion === 3 ? ['scripting'] : [])],
    // Shortcuts: fill from the inspection in progress, undo it, open the popup (which lists the recent
    // records). lib/messaging/entry-points.ts; the cadre can change them at chrome://extensions/shortcuts.
    commands: {
      'fill-latest': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFillLatest__' },
      'undo-fill': { suggested_key: { default: 'Alt+Shift+U' }, description: '__MSG_cmdUndoFill__' },
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_cmdOpenPopup__' },
    },
    ...(manifestVersion === 3
      ? { host_permissions: hostPatterns(bundledMappings()), optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser !== 'firefox' ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'yiluotong@example.gov.cn',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['test-results/**', 'playwright-report/**', '.bench/**', '.tmp/**'] },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      const hosts = hostPatterns(bundledMappings());
      // The content script only on the pages the mappings match (path included, README 安全说明);
      // Firefox's match patterns take no port (lib/mapping/match.ts contentScriptPatterns).
      const pages = contentScriptPatterns(bundledMappings(true), { ports: wxt.config.browser !== 'firefox' });
      for (const cs of manifest.content_scripts ?? []) cs.matches = pages;
      // The in-page panel's stylesheet must be loadable on the same hosts.
      for (const war of manifest.web_accessible_resources ?? []) {
        if (typeof war === 'object' && 'matches' in war) war.matches = hosts;
      }
      if (manifest.manifest_version === 2) {
        manifest.permissions = Array.from(new Set([...(manifest.permissions ?? []), ...hosts]));
      }
    },
  },
});

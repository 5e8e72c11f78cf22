import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostPatterns, isMappingFile } from './lib/mapping/match';
import type { Mapping } from './lib/mapping/schema';

/**
 * Host access only for the platforms that the bundled mappings name: the content script's matches
 * and the host permissions are computed from mappings/*.json at build time.
 */
function bundledMappings(): Mapping[] {
  const dir = resolve(__dirname, 'mappings');
  return readdirSync(dir)
    .filter(isMappingFile)
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Mapping);
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Default .output; YLT_OUT_DIR keeps parallel builds apart (tests/helpers/extension.ts reads it too).
  outDir: process.env.YLT_OUT_DIR ?? '.output',
  // Chromium 86 is what 360 安全浏览器 and most 信创 browsers are built on.
  vite: () => ({ plugins: [preact()], build: { target: 'chrome86' } }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '一录通',
    description: '一次录入，多平台一键填充：把在一个平台录入的检查记录填到其他平台的表单里。所有数据只存在本机。',
    permissions: ['storage', 'tabs'],
    ...(manifestVersion === 3 ? { host_permissions: hostPatterns(bundledMappings()) } : {}),
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
    'build:manifestGenerated': (_wxt, manifest) => {
      const hosts = hostPatterns(bundledMappings());
      for (const cs of manifest.content_scripts ?? []) cs.matches = hosts;
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

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests (Node): WXT's plugin wires `browser` to its in-memory fake, the `#imports`/auto-imports
 * and the `@/` aliases from wxt.config.ts; fake-indexeddb gives Dexie an IndexedDB before any test
 * module imports it. Browser tests live under tests/{replicas,widgets,mappings,e2e} and run in
 * Playwright, not here.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});

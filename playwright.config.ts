import { defineConfig } from '@playwright/test';

/**
 * Two kinds of browser tests, both in Debian Chromium:
 * - replicas/: a careful person fills each replica platform by hand (no extension) — proves the
 *   replicas work and that their expected payloads are reachable;
 * - widgets/ and mappings/: the engine bundle injected into real pages, driving real UI libraries;
 * - e2e/: the built extension loaded in Chromium, the cadre's whole path.
 * The replica servers are started once by `webServer` on fixed ports (5101-5103).
 */
export const SITES_PORT = Number(process.env.SITES_PORT ?? 5101);

export default defineConfig({
  testDir: 'tests',
  testMatch: ['replicas/**/*.spec.ts', 'widgets/**/*.spec.ts', 'mappings/**/*.spec.ts', 'e2e/**/*.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // Never retried: a test that fails once has failed. (scripts/test-all.ts counts a "flaky" result as failed.)
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 10_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // Recording traces roughly doubles a run on a 2-core machine; keep them for local debugging only.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx tests/sites/serve.ts',
    url: `http://127.0.0.1:${SITES_PORT}/`,
    reuseExistingServer: !process.env.CI,
    env: { SITES_PORT: String(SITES_PORT) },
    timeout: 30_000,
  },
});

/**
 * The `test` every browser spec uses (instead of the one from '@playwright/test'):
 *
 *   import { test, expect } from '../helpers/test';
 *
 * Every browser context a test uses sends one extra HTTP header, `x-ylt-test: <this test's tag>`, on
 * all its requests (page loads, fetches, XHR, uploads): `context.setExtraHTTPHeaders`, so the pages
 * themselves are untouched. The replica backends (tests/sites/) store that header with each
 * submission, and tests/helpers/sites.ts reads and clears only the submissions carrying the current
 * test's tag. Two workers posting to the same backend at once, or two Playwright runs sharing the
 * replica servers, therefore never see each other's submissions, and no test needs a count taken
 * "before" to find its own.
 *
 * tests/helpers/extension.ts extends this `test` and tags its persistent contexts the same way
 * (`tagContext`), including those made by its `relaunch` fixture.
 */
import { test as base, type BrowserContext, type TestInfo } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { TEST_HEADER } from '../sites/serve';

// Everything else as '@playwright/test' has it (expect, types): this module is a drop-in replacement.
export * from '@playwright/test';
export { TEST_HEADER };

/**
 * Tags differ between runs as well as between tests: the test id is the same in every run of the same
 * code, and other runs (someone else's `playwright test`) may share the replica servers (`reuseExistingServer`).
 * Fixtures and helpers run in the same worker process, so they agree on this value.
 */
const RUN = randomBytes(6).toString('hex');

/** The tag of the test `info` describes: test id, retry and this worker process's run id. */
export function testTag(info: TestInfo = base.info()): string {
  return `${info.testId}.${info.retry}.${RUN}`;
}

/** Makes every request of `context` carry the current test's tag. */
export async function tagContext(context: BrowserContext, info: TestInfo): Promise<BrowserContext> {
  await context.setExtraHTTPHeaders({ [TEST_HEADER]: testTag(info) });
  return context;
}

export const test = base.extend({
  context: async ({ context }, use, testInfo) => {
    await use(await tagContext(context, testInfo));
  },
});

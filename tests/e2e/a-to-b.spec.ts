/**
 * The cadre's whole path with the real extension in Chromium: type the inspection into platform A
 * like a person, submit; open platform B, click 从上次录入填充 in the popup, complete what the report
 * leaves, submit; and check what B's backend received against a payload written by hand.
 */
import { test, expect, openPopup, tabIdOf, extensionIdOf } from '../helpers/extension';
import type { BrowserContext, Page } from '@playwright/test';
import { SITE, submissions } from '../helpers/sites';
import { waitForPanel, clickPanelButton } from '../helpers/panel';
import { readFixture, sampleRecordValues } from '../helpers/fixtures';
import { fillSampleOnA, submitA } from '../helpers/person-a';
import { pickGridOnB, submitB } from '../helpers/person-b';
import { MAPPING_A, MAPPING_B } from '../helpers/mappings';

/** The extension page's own `chrome` (Playwright evaluates this function inside the page). */
declare const chrome: { runtime: { sendMessage(msg: unknown): Promise<unknown> } };

const expectedB = readFixture<Record<string, unknown>>('platform-b/expected-submission.json');

/** Records as the extension holds them, asked through its own message protocol from an extension page. */
async function recordsInExtension(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const res = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'records' })) as { records: { values: Record<string, unknown>; source: { mappingId: string } }[] };
  await page.close();
  return res.records;
}

async function captureOnA(page: Page, unit = '杭州某某小吃店') {
  await page.goto(SITE.a);
  await waitForPanel(page); // the content script is up (the panel is in a closed shadow root: tests/helpers/panel.ts)
  const before = (await submissions(SITE.a)).length;
  await fillSampleOnA(page);
  await submitA(page);
  await expect.poll(async () => (await submissions<{ dwmc: string }>(SITE.a)).slice(before).some((s) => s.dwmc === unit)).toBe(true);
  // The page cleared its form after submitting, as the real one does; the record must not depend on it.
  // (The in-page toast says 一录通已保存本次录入 for a few seconds; the record itself is the proof.)
  await expect.poll(async () => (await recordsInExtension(page.context(), extensionIdOfPage(page))).length).toBeGreaterThan(0);
}

function extensionIdOfPage(page: Page): string {
  return new URL(page.context().serviceWorkers()[0]!.url()).host;
}

test.describe(`capture on A (${MAPPING_A}) and fill B (${MAPPING_B})`, () => {
  test('the whole path, asserted on what B received', async ({ context, extensionId, page }) => {
    test.setTimeout(300_000); // a person types all of A, then B is filled and completed: over 2 min on a busy 2-core machine
    await captureOnA(page);

    const [record] = await recordsInExtension(context, extensionId);
    expect(record?.source.mappingId).toBe('zj.zzd.xfjc');
    expect(record?.values).toEqual(sampleRecordValues());

    const b = await context.newPage();
    await b.goto(SITE.b);
    const popup = await openPopup(context, extensionId, await tabIdOf(context, b));
    await expect(popup.getByText('基层智治综合应用 · 事件上报')).toBeVisible();
    await expect(popup.getByText(/杭州某某小吃店 · /)).toBeVisible();
    await popup.getByRole('button', { name: '从上次录入填充' }).click();
    await expect(popup.getByText(/已填 \d+ 项/)).toBeVisible({ timeout: 120_000 });

    // Field by field: 所属网格 is left for the cadre (grid codes cannot be derived from region codes).
    const statusOf = async (label: string) => popup.locator('li', { hasText: label }).first().getAttribute('data-status');
    expect(await statusOf('所属网格')).toBe('empty');
    for (const label of ['事件标题', '事件来源', '事件类型', '发生时间', '发生地点', '涉及主体', '联系人', '联系方式', '是否存在隐患', '隐患类别', '事件描述', '紧急程度', '处置方式', '要求办结时限', '附件']) {
      expect(await statusOf(label), label).toBe('verified');
    }

    await b.bringToFront();
    const before = (await submissions(SITE.b)).length;
    // The in-page panel opened with the fill's results over the form's right column: the cadre closes it to reach 所属网格.
    await clickPanelButton(b, '×');
    await pickGridOnB(b, ['文新街道', '文苑社区', '第3网格']);
    await submitB(b);
    await expect.poll(async () => (await submissions(SITE.b)).length).toBe(before + 1);
    expect((await submissions(SITE.b)).at(-1)).toEqual(expectedB);
  });

  test('the record survives a browser restart with the same profile', async ({ context, extensionId, page, relaunch }) => {
    test.setTimeout(240_000);
    await captureOnA(page);
    expect(await recordsInExtension(context, extensionId)).toHaveLength(1);

    const again = await relaunch();
    const id = await extensionIdOf(again);
    const records = await recordsInExtension(again, id);
    expect(records).toHaveLength(1);
    expect(records[0]?.values['unit.name']).toBe('杭州某某小吃店');

    const b = await again.newPage();
    await b.goto(SITE.b);
    const popup = await openPopup(again, id, await tabIdOf(again, b));
    await expect(popup.getByText(/杭州某某小吃店 · /)).toBeVisible();
  });

  test('the popup says what to do when there is no record yet, and on a page without a mapping', async ({ context, extensionId, page }) => {
    await page.goto(SITE.b);
    const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
    await expect(popup.getByText('还没有录入记录')).toBeVisible();
    await expect(popup.getByRole('button', { name: '从上次录入填充' })).toBeDisabled();

    const other = await context.newPage();
    await other.goto(`chrome-extension://${extensionId}/options.html`);
    const popup2 = await openPopup(context, extensionId, await tabIdOf(context, other));
    await expect(popup2.getByText('不在已配置的平台中')).toBeVisible();
  });
});

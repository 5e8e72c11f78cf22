/**
 * A form in three steps with the REAL built extension (tests/sites/gallery/wizard/, mapping
 * tests/fixtures/mappings/gallery-wizard.json, bundled only into test builds:
 * `WXT_TEST_MAPPINGS=1 npx wxt build`).
 * - Filled from the sample record: the fill walks 基本信息 → 检查情况 → 隐患与处理 and stops; the cadre
 *   clicks 提交 and the backend receives the expected payload (written by hand).
 * - Typed by a person step by step: 下一步 keeps a draft, 提交 completes the record with every step.
 * - A record the page refuses on step 1: the fill stops with a report naming the field; nothing is submitted.
 */
import { test, expect, tabIdOf, inExtension } from '../helpers/extension';
import type { BrowserContext, Page } from '@playwright/test';
import { SITE } from '../helpers/sites';
import { gallerySubmissions } from '../helpers/gallery';
import { readFixture, sampleRecordValues } from '../helpers/fixtures';
import { item, next, typeStep1, typeStep2, typeStep3 } from '../helpers/person-wizard';


const WIZARD = 'test.gallery.wizard';
const expectedPayload = readFixture<Record<string, unknown>>('gallery-wizard/expected-submission.json');
const expectedRecord = readFixture<{ values: Record<string, unknown> }>('gallery-wizard/expected-record.json').values;

interface Report { fieldId: string; label: string; status: string; message?: string }
interface StoredRecord { status: string; values: Record<string, unknown>; contributions: { kind: string }[] }

const ask = inExtension;

/** Puts a record in the extension as if it had been captured on platform A. */
async function seedRecord(context: BrowserContext, extensionId: string, values: Record<string, unknown>) {
  const r = await ask<{ ok: boolean; error?: string }>(context, extensionId, {
    type: 'capture', captureId: 'seed-a', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: '浙政钉·掌上执法', values, raw: {},
  });
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

async function openWizard(context: BrowserContext, extensionId: string, page: Page): Promise<number> {
  await page.goto(new URL('wizard/', SITE.gallery).href);
  await expect(item(page, '单位名称')).toBeVisible();
  const tabId = await tabIdOf(context, page);
  // The content script is up and this page has the wizard's mapping (a test build bundles it).
  await expect.poll(async () => (await ask<{ mapping?: { id: string } | null }>(context, extensionId, { type: 'tab-status', tabId })).mapping?.id ?? null,
    { message: `no mapping ${WIZARD} on the gallery page: build with WXT_TEST_MAPPINGS=1` }).toBe(WIZARD);
  return tabId;
}

async function fill(context: BrowserContext, extensionId: string, tabId: number): Promise<Report[]> {
  const r = await ask<{ ok: boolean; error?: string; reports?: Report[] }>(context, extensionId, { type: 'fill', tabId });
  expect(r.ok, r.error).toBe(true);
  return r.reports ?? [];
}

async function records(context: BrowserContext, extensionId: string): Promise<StoredRecord[]> {
  return (await ask<{ records: StoredRecord[] }>(context, extensionId, { type: 'records' })).records;
}

test('filled from the sample record through all three steps; the cadre clicks 提交; the backend gets the expected payload', async ({ context, extensionId, page }) => {
  test.setTimeout(180_000);
  await seedRecord(context, extensionId, sampleRecordValues());
  const tabId = await openWizard(context, extensionId, page);
  const reports = await fill(context, extensionId, tabId);
  expect(Object.fromEntries(reports.map((r) => [r.label, r.status]))).toEqual({
    单位名称: 'verified', 统一社会信用代码: 'verified', 法定代表人: 'verified', 联系电话: 'verified',
    检查方式: 'verified', 检查人员: 'verified', 现场检查情况: 'verified', 检查结果: 'verified',
    隐患明细: 'verified', 文书名称及编号: 'verified', 备注: 'verified',
  });
  // Stopped on the last step; nothing submitted by the fill.
  await expect(page.getByRole('button', { name: '提交' })).toBeVisible();
  expect(await gallerySubmissions('wizard')).toEqual([]);

  await page.bringToFront();
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('wizard')).length).toBe(1);
  expect((await gallerySubmissions('wizard'))[0]).toEqual(expectedPayload);
});

test('typed by a person step by step: 下一步 keeps a draft, 提交 completes the record with every step', async ({ context, extensionId, page }) => {
  test.setTimeout(180_000);
  await openWizard(context, extensionId, page);
  await typeStep1(page);
  await next(page, '检查方式');
  // Step 1 left the page; its values are kept as a draft of the inspection.
  await expect.poll(async () => (await records(context, extensionId)).map((r) => [r.status, r.values['unit.name'], r.values['unit.phone']]))
    .toEqual([['draft', '杭州某某小吃店', '13800000000']]);
  await typeStep2(page);
  await next(page, '法律文书');
  await typeStep3(page);
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('wizard')).length).toBe(1);
  expect((await gallerySubmissions('wizard'))[0]).toEqual(expectedPayload);

  await expect.poll(async () => (await records(context, extensionId)).map((r) => r.status)).toEqual(['captured']);
  const [record] = await records(context, extensionId);
  expect(record?.values).toEqual(expectedRecord);
  expect(record?.contributions.map((c) => c.kind)).toEqual(['capture']);
});

test('a record the page refuses on step 1 stops the fill with a report naming the field; nothing is submitted', async ({ context, extensionId, page }) => {
  test.setTimeout(180_000);
  // Wrong GB 32100 check character (…E006): the page's validator refuses 下一步.
  await seedRecord(context, extensionId, { ...sampleRecordValues(), 'unit.creditCode': '92330106MA2CK1E006' });
  const tabId = await openWizard(context, extensionId, page);
  const reports = await fill(context, extensionId, tabId);
  const byLabel = (l: string) => reports.find((r) => r.label === l);
  expect(byLabel('统一社会信用代码')?.status).toBe('error');
  expect(byLabel('统一社会信用代码')?.message).toContain('统一社会信用代码校验位不正确');
  const stop = reports.find((r) => r.fieldId === 'step:basic');
  expect(stop?.status).toBe('error');
  expect(stop?.message).toContain('页面不接受这一步：统一社会信用代码');
  for (const l of ['检查方式', '检查人员', '现场检查情况', '检查结果', '隐患明细', '文书名称及编号', '备注']) expect(byLabel(l)?.status, l).toBe('not-found');
  await expect(item(page, '统一社会信用代码')).toHaveClass(/is-error/);
  await expect(page.getByRole('button', { name: '提交' })).toHaveCount(0);
  expect(await gallerySubmissions('wizard')).toEqual([]);
});

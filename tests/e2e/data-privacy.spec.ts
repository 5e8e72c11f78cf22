/**
 * The cadre's data in the real extension: hostile captured values are shown as text, never as markup,
 * in the popup and the options page; deleting a record can be undone with its fill log; a retention
 * period deletes old records; 清除全部 needs the typed confirmation and then leaves nothing.
 */
import { test, expect, openPopup } from '../helpers/extension';
import type { Page } from '@playwright/test';
import { SITE } from '../helpers/sites';

/** The extension page's own `chrome` (Playwright evaluates these functions inside the page). */
declare const chrome: { runtime: { sendMessage(msg: unknown): Promise<unknown> } };

const HOSTILE = '<img src=x onerror="window.__ylt_pwned=1">杭州<b>某某</b>小吃店<script>window.__ylt_pwned=2</script>';

async function send(page: Page, msg: unknown) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg) as Promise<Record<string, unknown>>;
}

async function capture(page: Page, id: string, values: Record<string, unknown>) {
  const r = await send(page, { type: 'capture', captureId: id, status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: '行政检查记录', values, raw: {} });
  expect(r).toMatchObject({ ok: true });
  return r.recordId as string;
}

async function noMarkupFrom(page: Page) {
  // The values would have become elements (an <img> with src "x", a <b>, a <script>) if rendered as HTML.
  expect(await page.locator('img[src="x"], b, script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __ylt_pwned?: number }).__ylt_pwned)).toBeUndefined();
}

test('hostile values are shown as text in the options page and in the popup', async ({ context, extensionId }) => {
  const options = await context.newPage();
  const dialogs: string[] = [];
  context.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await capture(options, 'hostile-1', { 'unit.name': HOSTILE, 'inspection.findings': '<a href="javascript:alert(1)">点我</a>', 'unit.address': '"><svg onload=alert(1)>' });
  await options.reload();

  const row = options.getByRole('button', { name: /^<img src=x/ });
  await expect(row).toBeVisible();
  await expect(row).toHaveText(HOSTILE);
  await row.click();
  await expect(options.getByText('<a href="javascript:alert(1)">点我</a>', { exact: true })).toBeVisible();
  await expect(options.locator('a[href^="javascript:"], svg')).toHaveCount(0);
  await noMarkupFrom(options);

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText(HOSTILE, { exact: false })).toBeVisible();
  await popup.getByRole('button', { name: '换一条' }).click().catch(() => undefined);
  await noMarkupFrom(popup);
  expect(dialogs).toEqual([]);
});

test('deleting a record from the options page can be undone (its fill log goes with it: tests/unit/data.test.ts)', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await capture(options, 'keep', { 'unit.name': '杭州某某便利店' });
  await capture(options, 'gone', { 'unit.name': '杭州某某小吃店' });
  await options.reload();

  await options.getByRole('button', { name: '删除 杭州某某小吃店 的记录' }).click();
  await expect(options.getByRole('status')).toContainText('已删除“杭州某某小吃店”');
  await expect(options.getByRole('button', { name: '杭州某某小吃店', exact: true })).toHaveCount(0);
  expect(((await send(options, { type: 'records' })).records as unknown[]).length).toBe(1);

  await options.getByRole('button', { name: '撤销删除' }).click();
  await expect(options.getByRole('button', { name: '杭州某某小吃店', exact: true })).toBeVisible();
  expect(((await send(options, { type: 'records' })).records as unknown[]).length).toBe(2);
});

test('a retention period deletes old records; 清除全部 needs the typed words and then leaves nothing', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await capture(options, 'r1', { 'unit.name': '杭州某某便利店' });
  await capture(options, 'r2', { 'unit.name': '杭州某某小吃店' });
  await options.reload();
  await expect(options.getByRole('heading', { name: '检查记录（2）' })).toBeVisible();

  // Records updated just now are inside any period: choosing 7 days deletes nothing.
  await options.getByLabel('记录保留期限').selectOption('7');
  await expect(options.getByRole('status')).toContainText('已保存：保留 7 天');
  await expect(options.getByRole('heading', { name: '检查记录（2）' })).toBeVisible();
  expect(await send(options, { type: 'settings' })).toMatchObject({ ok: true, settings: { retentionDays: 7 } });

  const wipe = options.getByRole('button', { name: '清除全部' });
  await expect(wipe).toBeDisabled();
  await options.getByLabel('输入“清除全部”确认清除').fill('清除');
  await expect(wipe).toBeDisabled();
  await options.getByLabel('输入“清除全部”确认清除').fill('清除全部');
  await wipe.click();
  await expect(options.getByRole('status')).toContainText('已清除全部数据：2 条记录');
  await expect(options.getByRole('heading', { name: '检查记录（0）' })).toBeVisible();
  expect(((await send(options, { type: 'records' })).records as unknown[]).length).toBe(0);
  await options.screenshot({ path: test.info().outputPath('options-data.png'), fullPage: true });
});

test('phone and identity numbers are masked in the record view and shown on demand', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await capture(options, 'm1', { 'unit.name': '杭州某某小吃店', 'unit.phone': '13800001234', 'inspection.remarks': '负责人身份证 330106199001011234，备用电话 13912345678' });
  await options.reload();
  await options.getByRole('button', { name: '杭州某某小吃店', exact: true }).click();
  const phone = options.locator('tr[data-key="unit.phone"] td').first();
  const remarks = options.locator('tr[data-key="inspection.remarks"] td').first();
  await expect(phone).toHaveText('138****1234');
  await expect(remarks).toHaveText('负责人身份证 330106********1234，备用电话 139****5678');
  await expect(options.locator('body')).not.toContainText('13800001234');
  await options.getByRole('button', { name: '显示完整号码' }).click();
  await expect(phone).toHaveText('13800001234');
  await expect(remarks).toContainText('330106199001011234');
  await options.getByRole('button', { name: '隐去号码' }).click();
  await expect(phone).toHaveText('138****1234');
});

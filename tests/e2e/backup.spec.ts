/**
 * Backup with the real extension: a record with its trail is exported from the options page (with a
 * passphrase), and imported into a FRESH browser profile, where it comes back whole.
 */
import { test, expect, launchWithExtension, extensionIdOf } from '../helpers/extension';
import type { Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagContext } from '../helpers/test';
import { SITE } from '../helpers/sites';
import { sampleRecordValues } from '../helpers/fixtures';

declare const chrome: { runtime: { sendMessage(msg: unknown): Promise<unknown> } };

const send = (page: Page, msg: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), msg) as Promise<Record<string, unknown>>;

test('a passphrase-protected backup, imported into a fresh profile, gives back the record and its trail', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const cap = await send(options, { type: 'capture', captureId: 'a1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: '行政检查记录', values: sampleRecordValues(), raw: {} });
  // B was filled from it and submitted: the trail has three events.
  await send(options, { type: 'capture', captureId: 'b1', status: 'captured', mappingId: 'zj.jczz.sjsb', url: SITE.b, title: '事件上报', values: { 'unit.name': '杭州某某小吃店' }, raw: {}, filledFrom: cap.recordId });
  const original = (await send(options, { type: 'record', id: cap.recordId })).record as { trail: unknown[] };
  expect(original.trail).toHaveLength(2);
  await options.reload();

  await options.getByLabel('备份密码（可不填）').fill('西湖区2026');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出备份' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^一录通备份-\d{8}-\d{4}\.json$/);
  const file = test.info().outputPath('backup.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(text).not.toContain('杭州某某小吃店');
  await expect(options.getByRole('status')).toContainText('已导出 1 条记录');

  // A new computer: a fresh profile with nothing in it.
  const dir = await mkdtemp(join(tmpdir(), 'ylt-e2e-fresh-'));
  const fresh = await launchWithExtension(dir);
  try {
    await tagContext(fresh, test.info());
    const freshId = await extensionIdOf(fresh);
    const page = await fresh.newPage();
    await page.goto(`chrome-extension://${freshId}/options.html`);
    await expect(page.getByRole('heading', { name: '检查记录（0）' })).toBeVisible();
    await page.getByLabel('备份文件').setInputFiles(file);
    await page.getByRole('button', { name: '导入备份' }).click();
    await expect(page.getByRole('alert')).toHaveText('这个备份文件设有密码，请输入密码');
    await page.getByLabel('备份文件的密码').fill('西湖区2025');
    await page.getByRole('button', { name: '导入备份' }).click();
    await expect(page.getByRole('alert')).toHaveText('密码不正确，或备份文件已损坏');
    await page.getByLabel('备份文件的密码').fill('西湖区2026');
    await page.getByRole('button', { name: '导入备份' }).click();
    await expect(page.getByRole('status').first()).toContainText('已导入：新增 1 条');
    await expect(page.getByRole('heading', { name: '检查记录（1）' })).toBeVisible();
    const back = (await send(page, { type: 'record', id: cap.recordId })).record;
    expect(back).toEqual(original);
  } finally {
    await fresh.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * A form in three steps (Element Plus el-steps, only the current step in the DOM), with a collapsed
 * section, tabs (one lazy), a 隐患明细 group that starts empty, a 新增 dialog and a 展开更多 toggle
 * (tests/sites/gallery/wizard/). The engine fills step by step, clicks 下一步 as a person would, stops
 * on the last step without submitting; a step the page refuses stops the fill, naming the field.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '../helpers/test';
import type { Page } from '@playwright/test';
import { plan } from '../../lib/engine/plan';
import { parseMapping } from '../../lib/mapping/load';
import { fillWithEngine, undoWithEngine } from '../helpers/engine';
import { gallerySubmissions } from '../helpers/gallery';
import { readFixture, sampleRecordValues, fixturePath } from '../helpers/fixtures';
import { SITE } from '../helpers/sites';

const mapping = parseMapping(readFileSync(fixturePath('mappings/gallery-wizard.json'), 'utf8'), 'tests/fixtures/mappings/gallery-wizard.json');
const expected = readFixture<Record<string, unknown>>('gallery-wizard/expected-submission.json');

async function openWizard(page: Page) {
  await page.goto(new URL('wizard/', SITE.gallery).href);
  await expect(page.locator('.el-form-item', { hasText: '单位名称' })).toBeVisible();
}

const statuses = (reports: { label: string; status: string }[]) => Object.fromEntries(reports.map((r) => [r.label, r.status]));

test('fills all three steps from the sample record, stops on the last without submitting; 提交 posts the expected payload', async ({ page }) => {
  test.setTimeout(120_000);
  await openWizard(page);
  const reports = await fillWithEngine(page, plan({ id: 'r', values: sampleRecordValues() }, mapping), 8000);
  expect(statuses(reports)).toEqual({
    单位名称: 'verified', 统一社会信用代码: 'verified', 法定代表人: 'verified', 联系电话: 'verified',
    检查方式: 'verified', 检查人员: 'verified', 现场检查情况: 'verified', 检查结果: 'verified',
    隐患明细: 'verified', 文书名称及编号: 'verified', 备注: 'verified',
  });
  // On the last step, the dialog closed, the group has one row per hazard; nothing was submitted.
  await expect(page.getByRole('button', { name: '提交' })).toBeVisible();
  await expect(page.locator('.hazard-row')).toHaveCount(2);
  await expect(page.locator('.el-dialog')).toBeHidden();
  expect(await gallerySubmissions('wizard')).toEqual([]);

  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('wizard')).length).toBe(1);
  expect((await gallerySubmissions('wizard'))[0]).toEqual(expected);
});

test('a step the page refuses stops the fill: the report names the field, later steps are not filled, nothing is submitted', async ({ page }) => {
  await openWizard(page);
  // The check character of this code is wrong (GB 32100); the page's validator refuses step 1.
  const values = { ...sampleRecordValues(), 'unit.creditCode': '92330106MA2CK1E006' };
  const reports = await fillWithEngine(page, plan({ id: 'r', values }, mapping), 8000);
  const byLabel = (l: string) => reports.find((r) => r.label === l);
  expect(byLabel('统一社会信用代码')?.status).toBe('error');
  expect(byLabel('统一社会信用代码')?.message).toContain('统一社会信用代码校验位不正确');
  const stage = reports.find((r) => r.fieldId === 'step:basic');
  expect(stage?.status).toBe('error');
  expect(stage?.message).toContain('统一社会信用代码');
  expect(byLabel('单位名称')?.status).toBe('verified');
  for (const l of ['检查方式', '检查人员', '现场检查情况', '检查结果', '隐患明细', '文书名称及编号', '备注']) {
    expect(byLabel(l)?.status, l).toBe('not-found');
    expect(byLabel(l)?.message, l).toContain('基本信息');
  }
  // Still on step 1, with the page's own error shown.
  await expect(page.locator('.el-form-item.is-error', { hasText: '统一社会信用代码' })).toBeVisible();
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  expect(await gallerySubmissions('wizard')).toEqual([]);
});

test('undo on the last step removes the rows the fill added to the group that started empty', async ({ page }) => {
  test.setTimeout(120_000);
  await openWizard(page);
  await fillWithEngine(page, plan({ id: 'r', values: sampleRecordValues() }, mapping), 8000);
  await expect(page.locator('.hazard-row')).toHaveCount(2);
  const undone = await undoWithEngine(page);
  expect(undone.find((r) => r.label === '隐患明细')?.status).toBe('verified');
  await expect(page.locator('.hazard-row')).toHaveCount(0);
  // 备注 was written back to empty; fields of earlier steps are not on the page any more.
  expect(undone.find((r) => r.label === '备注')?.status).toBe('verified');
  expect(undone.find((r) => r.label === '单位名称')?.status).not.toBe('verified');
});

test('a fill started on step 2 (step 1 typed by the cadre) fills from there and says step 1 was left alone', async ({ page }) => {
  test.setTimeout(120_000);
  await openWizard(page);
  await page.locator('.el-form-item', { hasText: '单位名称' }).locator('input').fill('杭州某某小吃店');
  await page.locator('.el-form-item', { hasText: '统一社会信用代码' }).locator('input').fill('92330106MA2CK1E005');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('.el-form-item', { hasText: '检查方式' })).toBeVisible();
  const reports = await fillWithEngine(page, plan({ id: 'r', values: sampleRecordValues() }, mapping), 8000);
  expect(reports.find((r) => r.label === '联系电话')?.status).toBe('not-found');
  expect(reports.find((r) => r.label === '检查方式')?.status).toBe('verified');
  expect(reports.find((r) => r.label === '隐患明细')?.status).toBe('verified');
  await expect(page.getByRole('button', { name: '提交' })).toBeVisible();
});

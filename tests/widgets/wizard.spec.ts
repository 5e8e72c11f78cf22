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

/** The same mapping for the Ant Design Vue page: antd widgets, the same labels, buttons and places. */
const ANTD_KIND: Record<string, string> = { 'el-input': 'antd-input', 'el-select': 'antd-select', 'el-radio-group': 'antd-radio', 'el-date-picker': 'antd-date' };
const antdvMapping = parseMapping(JSON.stringify({
  ...JSON.parse(readFileSync(fixturePath('mappings/gallery-wizard.json'), 'utf8')),
  id: 'test.gallery.wizard-antdv',
  fields: mapping.fields.map((f) => ({
    ...f,
    ...(f.widget !== 'auto' ? { widget: ANTD_KIND[f.widget] ?? f.widget } : {}),
    ...(f.rows ? { rows: { ...f.rows, columns: Object.fromEntries(Object.entries(f.rows.columns).map(([k, c]) => [k, { ...c, widget: ANTD_KIND[c.widget] ?? c.widget }])) } } : {}),
  })),
}), 'antdv variant of gallery-wizard.json');

test('Ant Design Vue: a-steps, a lazy a-collapse panel, a-tabs, the group that starts empty and a-modal; 提交 posts the expected payload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(new URL('wizard/antdv.html', SITE.gallery).href);
  await expect(page.locator('.ant-form-item', { hasText: '单位名称' })).toBeVisible();
  await expect(page.locator('.ant-form-item', { hasText: '法定代表人' })).toHaveCount(0); // the collapsed panel is not rendered yet
  const reports = await fillWithEngine(page, plan({ id: 'r', values: sampleRecordValues() }, antdvMapping), 8000);
  expect(statuses(reports)).toEqual({
    单位名称: 'verified', 统一社会信用代码: 'verified', 法定代表人: 'verified', 联系电话: 'verified',
    检查方式: 'verified', 检查人员: 'verified', 现场检查情况: 'verified', 检查结果: 'verified',
    隐患明细: 'verified', 文书名称及编号: 'verified', 备注: 'verified',
  });
  await expect(page.locator('.hazard-row')).toHaveCount(2);
  expect(await gallerySubmissions('wizard-antdv')).toEqual([]);
  await page.getByRole('button', { name: '提 交' }).click();
  await expect.poll(async () => (await gallerySubmissions('wizard-antdv')).length).toBe(1);
  expect((await gallerySubmissions('wizard-antdv'))[0]).toEqual(expected);
});

test('Ant Design Vue: the refused step is named from ant-form-item-has-error', async ({ page }) => {
  await page.goto(new URL('wizard/antdv.html', SITE.gallery).href);
  await expect(page.locator('.ant-form-item', { hasText: '单位名称' })).toBeVisible();
  const values = { ...sampleRecordValues(), 'unit.creditCode': '92330106MA2CK1E006' };
  const reports = await fillWithEngine(page, plan({ id: 'r', values }, antdvMapping), 8000);
  expect(reports.find((r) => r.label === '统一社会信用代码')).toMatchObject({ status: 'error', message: expect.stringContaining('统一社会信用代码校验位不正确') });
  expect(reports.find((r) => r.fieldId === 'step:basic')?.message).toContain('页面不接受这一步：统一社会信用代码');
  expect(reports.find((r) => r.label === '隐患明细')?.status).toBe('not-found');
  expect(await gallerySubmissions('wizard-antdv')).toEqual([]);
});

test('layui-tab, layui 折叠面板, a WAI-ARIA tablist, <details> and a 展开更多 link are opened before their fields', async ({ page }) => {
  const tabs = parseMapping(JSON.stringify({
    id: 'test.gallery.wizard-tabs', name: '标签页与折叠区', version: 1, schemaVersion: 2, maintainers: [{ name: '测试' }], lastVerified: '2026-12-02',
    match: { urls: ['http://127.0.0.1/wizard/tabs.html'] },
    fields: [
      { id: 'unit', label: '单位名称', widget: 'text', key: 'unit.name' },
      { id: 'address', label: '详细地址', widget: 'text', key: 'unit.address', tab: '基本情况' },
      { id: 'findings', label: '现场检查情况', widget: 'text', key: 'inspection.findings', tab: '现场情况' },
      { id: 'legal', label: '法定代表人', widget: 'text', key: 'unit.legalPerson', section: '负责人信息' },
      { id: 'doc', label: '法律文书及编号', widget: 'text', key: 'inspection.document', tab: '处理意见' },
      { id: 'recheck', label: '复查日期', widget: 'text', key: 'recheck.date', section: '复查信息' },
      { id: 'remarks', label: '备注', widget: 'text', key: 'inspection.remarks', section: '展开更多' },
    ],
  }), 'tabs variant');
  await page.goto(new URL('wizard/tabs.html', SITE.gallery).href);
  await expect(page.locator('.layui-tab-title .layui-this')).toHaveText('基本情况');
  const values = sampleRecordValues();
  const reports = await fillWithEngine(page, plan({ id: 'r', values }, tabs));
  expect(reports.filter((r) => r.status !== 'verified').map((r) => r.message)).toEqual([]);
  expect(statuses(reports)).toEqual({ 单位名称: 'verified', 详细地址: 'verified', 现场检查情况: 'verified', 法定代表人: 'verified', 法律文书及编号: 'verified', 复查日期: 'verified', 备注: 'verified' });
  // Each place was opened the way a person opens it.
  await expect(page.locator('.layui-tab-title .layui-this')).toHaveText('现场情况');
  await expect(page.locator('.layui-colla-content')).toHaveClass(/layui-show/);
  await expect(page.getByRole('tab', { name: '处理意见' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('details')).toHaveAttribute('open', '');
  await expect(page.locator('#more')).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await gallerySubmissions('wizard-tabs')).length).toBe(1);
  expect((await gallerySubmissions('wizard-tabs'))[0]).toEqual({
    dwmc: '杭州某某小吃店', xxdz: '文三路1号', xcqk: '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。',
    fddbr: '张某', jcyj: '', wsbh: '责令限期改正通知书 〔2026〕第0123号', fcrq: '2026-05-28', bz: '已当场告知整改要求',
  });
});

test('a next step that never shows its ready label stops the fill within the bound, nothing after is guessed', async ({ page }) => {
  await openWizard(page);
  const json = JSON.parse(readFileSync(fixturePath('mappings/gallery-wizard.json'), 'utf8'));
  json.steps[1].ready = { label: '不存在的标签', timeoutMs: 1500 };
  const wrongReady = parseMapping(JSON.stringify(json), 'wrong ready label');
  const reports = await fillWithEngine(page, plan({ id: 'r', values: sampleRecordValues() }, wrongReady), 8000);
  expect(reports.find((r) => r.fieldId === 'step:basic')?.message).toContain('点了“下一步”，2 秒内没有进入“检查情况”');
  expect(reports.find((r) => r.label === '检查方式')).toMatchObject({ status: 'not-found', message: expect.stringContaining('没能进入下一步') });
  expect(reports.find((r) => r.label === '单位名称')?.status).toBe('verified');
  // The page did move on; the fill wrote nothing there.
  await expect(page.locator('.el-form-item', { hasText: '检查方式' }).locator('.el-select')).not.toContainText('双随机抽查');
});

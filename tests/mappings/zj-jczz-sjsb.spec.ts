/**
 * Platform B's mapping against its replica (React 18 + antd 5) through the engine injected into the
 * real page: fill from the sample record, complete 所属网格 as the cadre would, and read back what B's
 * backend received; a renamed label is refused; a grid B does not have is reported; undo restores.
 */
import { test, expect, type Page } from '../helpers/test';
import { plan } from '../../lib/engine/plan';
import { validateMapping } from '../../lib/mapping/load';
import { submissions } from '../helpers/sites';
import { readFixture, sampleRecordValues } from '../helpers/fixtures';
import { loadMapping, MAPPING_B } from '../helpers/mappings';
import { fillWithEngine, undoWithEngine } from '../helpers/engine';
import { fillSampleOnB, item, pickGridOnB, submitB } from '../helpers/person-b';
import { startSites, type RunningSites } from '../sites/serve';

const mapping = loadMapping(MAPPING_B);
const expected = readFixture<Record<string, unknown>>('platform-b/expected-submission.json');

let sites: RunningSites;
let B = '';
test.beforeAll(async () => { sites = await startSites({ basePort: 0 }); B = sites.urls['platform-b']; });
test.afterAll(async () => { await sites?.close(); });

async function openB(page: Page) {
  await page.goto(B);
  await expect(page.locator('.top-header')).toContainText('网格员 某某');
}
const byLabel = (reports: { label: string; status: string }[]) => Object.fromEntries(reports.map((r) => [r.label, r.status]));

test.describe(`mapping ${MAPPING_B} on replica B`, () => {
  test('fills B from the sample record; with 所属网格 picked by the cadre, B receives the expected payload', async ({ page }) => {
    test.setTimeout(120_000);
    await openB(page);
    const reports = await fillWithEngine(page, plan({ id: 's', values: sampleRecordValues() }, mapping));
    const s = byLabel(reports);
    expect(s['所属网格']).toBe('empty');
    expect(Object.entries(s).filter(([k, v]) => k !== '所属网格' && v !== 'verified'), JSON.stringify(reports.map((r) => [r.label, r.status, r.message]))).toEqual([]);
    await pickGridOnB(page, ['文新街道', '文苑社区', '第3网格']);
    const before = (await submissions(B)).length;
    await submitB(page);
    await expect.poll(async () => (await submissions(B)).length).toBe(before + 1);
    expect((await submissions(B)).at(-1)).toEqual(expected);
  });

  test('a renamed label is refused; a grid B does not have is reported with the options seen', async ({ page }) => {
    test.setTimeout(90_000);
    await openB(page);
    await page.evaluate(() => {
      const l = Array.from(document.querySelectorAll('.ant-form-item-label > label')).find((e) => e.textContent?.trim() === '联系人')!;
      l.textContent = '现场联系人';
      l.setAttribute('title', '现场联系人');
    });
    const values = { ...sampleRecordValues(), 'unit.grid': ['文新街道', '文苑社区', '第9网格'] };
    const reports = await fillWithEngine(page, plan({ id: 's', values }, mapping));
    const s = byLabel(reports);
    expect(s['联系人']).toBe('label-changed');
    await expect(item(page, '现场联系人').locator('input')).toHaveValue('');
    const grid = reports.find((r) => r.label === '所属网格')!;
    expect(grid.status).toBe('no-option');
    expect(grid.seen).toEqual(expect.arrayContaining(['第1网格', '第5网格']));
    expect(s['联系方式']).toBe('verified');
  });

  test('undo after a fill restores what the person had typed; B submits the original payload', async ({ page }) => {
    test.setTimeout(180_000);
    await openB(page);
    await fillSampleOnB(page, '上报流转');
    const other = readFixture<{ values: Record<string, unknown> }>('records/other-inspection.json').values;
    const reports = await fillWithEngine(page, plan({ id: 'o', values: other }, mapping));
    expect(byLabel(reports)['涉及主体']).toBe('verified');
    await expect(item(page, '涉及主体').locator('input')).toHaveValue('宁波某某快餐店');
    const undone = await undoWithEngine(page);
    expect(undone.filter((r) => r.status !== 'verified'), JSON.stringify(undone.map((r) => [r.label, r.status, r.message]))).toEqual([]);
    const before = (await submissions(B)).length;
    await submitB(page);
    await expect.poll(async () => (await submissions(B)).length).toBe(before + 1);
    expect((await submissions(B)).at(-1)).toEqual(expected);
  });
});

test('undo removes the 隐患清单 rows the fill appended (its own 删除), so the list that started empty is empty again', async ({ page }) => {
  test.setTimeout(120_000);
  await openB(page);
  const rows = page.locator('.hazard-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(0);
  const reports = await fillWithEngine(page, plan({ id: 's', values: sampleRecordValues() }, mapping));
  expect(byLabel(reports)['隐患清单']).toBe('verified');
  await expect(rows).toHaveCount(2);
  const undone = await undoWithEngine(page);
  expect(undone.find((r) => r.label === '隐患清单')?.status).toBe('verified');
  await expect(rows).toHaveCount(0);
});

test('a conditional field: 处置情况 appears after 处置方式 = 自行处置 and is then filled', async ({ page }) => {
  await openB(page);
  // B's mapping reports 上报流转; a county that handles hazards itself maps 自行处置 and 处置情况.
  const selfHandled = validateMapping({
    ...mapping,
    fields: [
      { id: 'disposal', label: '处置方式', widget: 'antd-radio', fill: { pipe: [{ op: 'const', value: '自行处置' }] }, capture: false },
      { id: 'disposalResult', label: '处置情况', widget: 'antd-input', appears: true, after: ['disposal'], fill: { from: 'inspection.remarks' }, capture: false },
    ],
  }, 'tests/mappings/zj-jczz-sjsb.spec.ts');
  await expect(item(page, '处置情况')).toHaveCount(0);
  const reports = await fillWithEngine(page, plan({ id: 's', values: sampleRecordValues() }, selfHandled));
  expect(reports.map((r) => [r.label, r.status])).toEqual([['处置方式', 'verified'], ['处置情况', 'verified']]);
  await expect(item(page, '处置情况').locator('textarea')).toHaveValue('已当场告知整改要求');
});

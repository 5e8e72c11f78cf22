/**
 * Platform A's mapping against its replica (Vue 3 + Element Plus) through the engine injected into
 * the real page: fill from the sample record and read back what A's backend received; a label the
 * platform renamed is refused; values A does not offer are reported; undo restores the page and A's
 * own submit agrees; and a record captured on C fills A.
 */
import { test, expect, type Page } from '../helpers/test';
import { plan } from '../../lib/engine/plan';
import { checkValues } from '../../lib/record/record';
import { submissions } from '../helpers/sites';
import { readFixture, sampleRecordValues } from '../helpers/fixtures';
import { loadMapping, MAPPING_A, MAPPING_C } from '../helpers/mappings';
import { captureWithEngine, fillWithEngine, undoWithEngine } from '../helpers/engine';
import { field, fillSampleOnA, submitA } from '../helpers/person-a';
import { fillSampleOnC } from '../helpers/person-c';
import { startSites, type RunningSites } from '../sites/serve';

const mapping = loadMapping(MAPPING_A);
const expected = readFixture<Record<string, unknown>>('platform-a/expected-submission.json');
const other = readFixture<{ values: Record<string, unknown> }>('records/other-inspection.json').values;

// Its own server: other suites submit to A's fixed port in parallel.
let sites: RunningSites;
let A = '';
test.beforeAll(async () => { sites = await startSites({ basePort: 0 }); A = sites.urls['platform-a']; });
test.afterAll(async () => { await sites?.close(); });

async function openA(page: Page) {
  await page.goto(A);
  await expect(page.locator('.card-title')).toHaveText('行政检查记录（消防监督检查）');
}
const byLabel = (reports: { label: string; status: string }[]) => Object.fromEntries(reports.map((r) => [r.label, r.status]));

test.describe(`mapping ${MAPPING_A} on replica A`, () => {
  test('fills every mapped field from the sample record; the backend receives the expected payload', async ({ page }) => {
    test.setTimeout(150_000);
    await openA(page);
    const reports = await fillWithEngine(page, plan({ id: 's', values: sampleRecordValues() }, mapping));
    const s = byLabel(reports);
    expect(Object.entries(s).filter(([, v]) => v !== 'verified' && v !== 'equal'), JSON.stringify(reports)).toEqual([]);
    // The page derives the credit code from the unit: already equal when its turn comes.
    expect(s['统一社会信用代码']).toBe('equal');
    const before = (await submissions(A)).length;
    await submitA(page);
    await expect.poll(async () => (await submissions(A)).length).toBe(before + 1);
    expect((await submissions(A)).at(-1)).toEqual(expected);
  });

  test('refuses a field whose label changed, and reports values A does not offer with the options seen', async ({ page }) => {
    test.setTimeout(90_000);
    await openA(page);
    // The platform renamed 详细地址 to 门牌地址 (a test variant of the replica).
    await page.evaluate(() => {
      const l = Array.from(document.querySelectorAll('.el-form-item__label')).find((e) => e.textContent?.trim() === '详细地址')!;
      l.textContent = '门牌地址';
    });
    const values = { ...sampleRecordValues(), 'inspection.method': '日常监督检查', 'unit.placeType': '大型商场', 'inspection.checklist': [] };
    const reports = await fillWithEngine(page, plan({ id: 's', values }, mapping));
    const s = byLabel(reports);
    expect(s['详细地址']).toBe('label-changed');
    expect(reports.find((r) => r.label === '详细地址')?.message).toContain('门牌地址');
    await expect(field(page, '门牌地址').locator('input')).toHaveValue('');

    const method = reports.find((r) => r.label === '检查方式')!;
    expect(method.status).toBe('no-option');
    expect(method.seen).toEqual(['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查']);
    await expect(field(page, '检查方式').locator('.el-select__placeholder')).toHaveText('请选择检查方式');
    expect(s['场所类型']).toBe('no-option');

    expect(s['联系电话']).toBe('verified');
    expect(s['单位地址']).toBe('verified');
  });

  test('undo after a fill restores what the person had typed; A submits the original payload', async ({ page }) => {
    test.setTimeout(240_000);
    await openA(page);
    await fillSampleOnA(page);
    const reports = await fillWithEngine(page, plan({ id: 'o', values: other }, mapping));
    expect(byLabel(reports)['被检查单位名称']).toBe('verified');
    await expect(field(page, '详细地址').locator('input')).toHaveValue('解放南路8号');
    const undone = await undoWithEngine(page);
    expect(undone.filter((r) => r.status !== 'verified'), JSON.stringify(undone)).toEqual([]);
    const before = (await submissions(A)).length;
    await submitA(page);
    await expect.poll(async () => (await submissions(A)).length).toBe(before + 1);
    expect((await submissions(A)).at(-1)).toEqual(expected);
  });

  test('a record captured on C fills A', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(sites.urls['platform-c']);
    const frame = (await (await page.locator('#mainFrame').elementHandle())!.contentFrame())!;
    await frame.waitForSelector('.layui-form-select');
    await fillSampleOnC(page.frameLocator('#mainFrame'));
    const captured = checkValues((await captureWithEngine(frame, loadMapping(MAPPING_C))).values).values;

    await openA(page);
    const reports = await fillWithEngine(page, plan({ id: 'c', values: captured }, mapping));
    const s = byLabel(reports);
    // What C knows, A gets; what C never had (time range, 检查事项, photos…) is left for the cadre.
    for (const label of ['检查方式', '被检查单位名称', '单位地址', '详细地址', '法定代表人/主要负责人', '联系电话', '场所类型', '检查人员', '检查项目', '隐患描述', '整改期限', '备注']) {
      expect(s[label], label).toBe('verified');
    }
    for (const label of ['检查时间', '检查事项', '现场照片', '主办人执法证号']) expect(s[label], label).toBe('empty');
    await expect(field(page, '单位地址').locator('input')).toHaveValue('浙江省 / 杭州市 / 西湖区 / 文新街道');
    await expect(field(page, '检查人员').locator('.el-tag')).toHaveText(['李某', '王某']);
    await expect(page.locator('.checklist .el-table__body tr', { hasText: '灭火器' }).locator('.el-radio.is-checked')).toHaveText('不合格');
  });
});

/**
 * Platform C's mapping against its replica (layui 2.9 form in the portal's iframe), through the engine
 * injected into the real page: fill from the sample record and read back what C's backend received;
 * capture from a page a person filled; refuse a field whose label changed; report a missing option.
 */
import { test, expect, type Frame, type Page } from '../helpers/test';
import { plan } from '../../lib/engine/plan';
import { checkValues } from '../../lib/record/record';
import { SITE, submissions } from '../helpers/sites';
import { readFixture, sampleRecordValues } from '../helpers/fixtures';
import { loadMapping, MAPPING_C } from '../helpers/mappings';
import { captureWithEngine, fillWithEngine, undoWithEngine } from '../helpers/engine';
import { fillSampleOnC } from '../helpers/person-c';

const mapping = loadMapping(MAPPING_C);
const expected = readFixture<Record<string, string>>('platform-c/expected-submission.json');

async function formFrame(page: Page): Promise<Frame> {
  await page.goto(SITE.c);
  const handle = await page.locator('#mainFrame').elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.waitForSelector('.layui-form-select');
  return frame;
}

const statuses = (reports: { label: string; status: string }[]) => Object.fromEntries(reports.map((r) => [r.label, r.status]));

test.describe(`mapping ${MAPPING_C} on replica C`, () => {
  test('fills every mapped field from the sample record; the backend receives the expected payload', async ({ page }) => {
    const frame = await formFrame(page);
    const reports = await fillWithEngine(frame, plan({ id: 's', values: sampleRecordValues() }, mapping));
    const s = statuses(reports);
    expect(Object.entries(s).filter(([, v]) => v !== 'verified' && v !== 'equal'), JSON.stringify(reports)).toEqual([]);
    await page.frameLocator('#mainFrame').getByRole('button', { name: '提 交' }).click();
    await expect.poll(() => submissions(SITE.c)).toHaveLength(1);
    expect(await submissions(SITE.c)).toEqual([expected]);
  });

  test('captures what a person typed into the expected record', async ({ page }) => {
    const frame = await formFrame(page);
    await fillSampleOnC(page.frameLocator('#mainFrame'));
    const got = await captureWithEngine(frame, mapping);
    expect(checkValues(got.values).values).toEqual(readFixture<{ values: unknown }>('records/sample-from-c.json').values);
    expect(got.fields.filter((f) => f.status !== 'captured')).toEqual([]);
  });

  test('refuses a field whose label changed and fills the rest', async ({ page }) => {
    const frame = await formFrame(page);
    // The platform renamed 负责人 to 主要负责人 (a test variant of the replica).
    await frame.evaluate(() => {
      const td = Array.from(document.querySelectorAll('td.label')).find((t) => t.textContent?.includes('负责人'))!;
      td.lastChild!.textContent = '主要负责人：';
    });
    const reports = await fillWithEngine(frame, plan({ id: 's', values: sampleRecordValues() }, mapping));
    const s = statuses(reports);
    expect(s['负责人']).toBe('label-changed');
    expect(reports.find((r) => r.label === '负责人')?.message).toContain('主要负责人');
    await expect(frame.locator('input[name="fzr"]')).toHaveValue('');
    expect(s['单位名称']).toBe('verified');
    expect(s['联系电话']).toBe('verified');
  });

  test('a value the target does not offer is reported with the options seen, and nothing is selected', async ({ page }) => {
    const frame = await formFrame(page);
    const values = { ...sampleRecordValues(), 'inspection.method': '营业前检查', 'unit.placeType': '大型商场' };
    const reports = await fillWithEngine(frame, plan({ id: 's', values }, mapping));
    const method = reports.find((r) => r.label === '检查类别')!;
    expect(method.status).toBe('no-option');
    expect(method.seen).toEqual(expect.arrayContaining(['双随机抽查', '日常监督检查', '专项检查', '举报投诉核查', '复查', '其他']));
    await expect(frame.locator('select[name="jclb"]')).toHaveValue('');
    const place = reports.find((r) => r.label === '场所类型')!;
    expect(place.status).toBe('no-option');
    expect(place.seen).toContain('小餐饮场所');
    await expect(frame.locator('select[name="cslx"]')).toHaveValue('');
  });
});

test.describe(`undo on replica C (${MAPPING_C})`, () => {
  test('undo after a fill restores what the person had typed; the page submits the original payload', async ({ page }) => {
    test.setTimeout(90_000);
    const frame = await formFrame(page);
    await fillSampleOnC(page.frameLocator('#mainFrame'));
    const other = readFixture<{ values: Record<string, unknown> }>('records/other-inspection.json').values;
    const filled = await fillWithEngine(frame, plan({ id: 'o', values: other }, mapping));
    expect(filled.find((r) => r.label === '所在地区')?.status).toBe('verified');
    await expect(frame.locator('input[name="dwmc"]')).toHaveValue('宁波某某快餐店');

    const undone = await undoWithEngine(frame);
    expect(undone.filter((r) => r.status !== 'verified'), JSON.stringify(undone)).toEqual([]);
    await expect(frame.locator('input[name="dwmc"]')).toHaveValue('杭州某某小吃店');

    await page.frameLocator('#mainFrame').getByRole('button', { name: '提 交' }).click();
    await expect.poll(() => submissions(SITE.c)).toHaveLength(1);
    expect(await submissions(SITE.c)).toEqual([expected]);
  });
});

/**
 * The Element galleries — Element Plus 2.14 (Vue 3) and Element UI 2.15 (Vue 2.7), RuoYi-style
 * el-forms driven by the same Element adapters: every form widget is found by its label through the
 * engine's locator, written through the adapter from a value, read back through it, and the
 * framework's model is checked through the page's own 提交 (what /api/submit/<family> received),
 * never the DOM. Expected model values are written out by hand: the codes the pages' dictionaries use.
 * The two differ where the libraries do: Element UI has no tree select and no virtual select (its
 * 240 options are one long list), and its el-time-select is a picker, not a select.
 */
import { test, expect, type Page } from '../helpers/test';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { photo } from '../helpers/fixtures';


/** label, adapter kind (also what detect must answer), value as a person reads it. */
type Case = [label: string, kind: string, value: WidgetValue];

async function open(page: Page, family: string) {
  await page.goto(new URL(`${family}/`, SITE.gallery).href);
  await expect(page.locator('.card-header')).toHaveText('新增检查登记');
}

/** Writes every case through the engine and expects each to be done and to read back as written. */
async function writeAll(page: Page, cases: Case[]) {
  for (const [label, kind, value] of cases) {
    const r = await writeByLabel(page, label, kind, value);
    expect.soft(r.outcome, `${label} ← ${JSON.stringify(value)}`).toEqual({ status: 'done' });
    expect.soft(r.shown, `${label} reads back`).toEqual(value);
  }
}

/** Clicks the page's 提交 and returns the model the backend received. */
async function submit(page: Page, FAMILY: string): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions(FAMILY)).length;
  await page.locator('.form-footer .el-button--primary').click();
  await expect.poll(async () => (await gallerySubmissions(FAMILY)).length).toBe(before + 1);
  return (await gallerySubmissions(FAMILY)).at(-1)!;
}

const INPUTS: Case[] = [
  ['单位名称', 'el-input', '杭州某某小吃店'],
  ['从业人数', 'el-input-number', '12'],
  ['情况说明', 'el-input', '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效'],
  ['单位类别', 'el-radio-group', '九小场所'],
  ['隐患等级', 'el-radio-group', '重大火灾隐患'],
  ['处理措施', 'el-checkbox-group', ['责令限期改正', '临时查封']],
  ['是否复查', 'el-switch', true],
  ['满意度', 'el-rate', '4'],
  ['整改完成率', 'el-slider', '65'],
];

const SELECTS: Case[] = [
  ['检查方式', 'el-select', '专项检查'],
  ['检查人员', 'el-select', ['李某', '钱某']],
  ['检查事项', 'el-select', '对九小场所的消防安全检查'],
  ['被检查单位', 'el-select', '杭州某某小吃店'],
  ['消防责任区', 'el-select', '消防责任区187'], // option 187 of 240: virtual in Element Plus, far down in Element UI
];

interface Family {
  family: 'element-plus' | 'element-ui';
  title: string;
  /** Fields only this library has, or has as another widget. */
  selects: Case[];
  /** What those fields put into the model. */
  selectsModel: Record<string, unknown>;
}

const FAMILIES: Family[] = [
  {
    family: 'element-plus', title: 'Element Plus',
    selects: [
      ['所属网格', 'el-tree-select', ['文新街道', '文苑社区', '第3网格']],
      ['预约时段', 'el-select', '14:30'], // Element Plus's el-time-select is an el-select of times
    ],
    selectsModel: { grid: 'WG3301060120010003', bookTime: '14:30' },
  },
  {
    family: 'element-ui', title: 'Element UI 2',
    selects: [['预约时段', 'el-time-picker', '14:30']], // Element UI's el-time-select is a picker (typed, Enter)
    selectsModel: { bookTime: '14:30' },
  },
];

const PATHS_AND_DATES: Case[] = [
  ['单位地址', 'el-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
  ['所属街道', 'el-cascader', ['杭州市', '滨江区', '长河街道']],
  ['检查日期', 'el-date-picker', '2026年05月20日'],
  ['下次检查时间', 'el-date-picker', '2026-08-20 09:30:00'],
  ['整改期间', 'el-date-picker', ['2026-05-21', '2026-05-27']],
  ['检查时段', 'el-date-picker', ['2026-05-20 09:30:00', '2026-05-20 10:10:00']],
  ['到场时间', 'el-time-picker', '09:25:00'],
];

for (const { family, title, selects, selectsModel } of FAMILIES) test.describe(`${title} gallery`, () => {
  test.beforeEach(async ({ page }) => { await open(page, family); });

  test('the locator finds every field by its label and detect names its widget', async ({ page }) => {
    for (const [label, kind] of [...INPUTS, ...SELECTS, ...selects, ...PATHS_AND_DATES]) {
      expect.soft(await detectByLabel(page, label), label).toBe(kind);
    }
    expect.soft(await detectByLabel(page, '现场照片')).toBe('el-upload');
  });

  test('text, textarea, number, radio, radio buttons, checkboxes, switch, rate, slider reach the model', async ({ page }) => {
    await writeAll(page, INPUTS);
    const got = await submit(page, family);
    expect(got).toMatchObject({
      unitName: '杭州某某小吃店', staffCount: 12, remark: '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效',
      unitType: '3', hazardLevel: '2', measures: ['B', 'C'], needRecheck: 'Y', satisfaction: 4, progress: 65,
    });
    // Changing them again: the checkbox group ends with exactly the new set, the switch goes off.
    await writeAll(page, [
      ['处理措施', 'el-checkbox-group', ['责令立即改正']], ['是否复查', 'el-switch', false],
      ['满意度', 'el-rate', '2'], ['整改完成率', 'el-slider', '20'],
    ]);
    expect(await submit(page, family)).toMatchObject({ measures: ['A'], needRecheck: 'N', satisfaction: 2, progress: 20 });
  });

  test('selects: single, multiple, filterable, remote, virtual or long list, tree select, time select', async ({ page }) => {
    await writeAll(page, [...SELECTS, ...selects]);
    expect(await submit(page, family)).toMatchObject({
      checkMode: '02', inspectors: [101, 103], checkItem: 'SX007', unitCode: '92330106MA2CK1E005', zone: 'ZRQ187', ...selectsModel,
    });
  });

  test('cascaders (lazy, hover-expanding), date, datetime, ranges, time', async ({ page }) => {
    await writeAll(page, PATHS_AND_DATES);
    expect(await submit(page, family)).toMatchObject({
      region: ['330000', '330100', '330106', '330106012'], street: ['330100', '330108', '330108002'],
      checkDate: '2026-05-20', nextCheckTime: '2026-08-20 09:30:00',
      rectifyRange: ['2026-05-21', '2026-05-27'], checkPeriod: ['2026-05-20 09:30:00', '2026-05-20 10:10:00'],
      arriveTime: '09:25:00',
    });
    // A range moved later (new start after the old end), another moved earlier: each end is checked
    // by the picker against the other, so both orders must land.
    await writeAll(page, [
      ['检查时段', 'el-date-picker', ['2026-07-01 08:00:00', '2026-07-01 09:00:00']],
      ['整改期间', 'el-date-picker', ['2026-04-01', '2026-04-02']],
    ]);
    expect(await submit(page, family)).toMatchObject({ checkPeriod: ['2026-07-01 08:00:00', '2026-07-01 09:00:00'], rectifyRange: ['2026-04-01', '2026-04-02'] });
  });

  test('upload puts the photos into the list and the model', async ({ page }) => {
    const r = await writeByLabel(page, '现场照片', 'el-upload', [photo('site-1.jpg'), photo('site-2.jpg')], 10_000);
    expect(r.outcome).toEqual({ status: 'done' });
    expect((r.shown as { name: string }[]).map((f) => f.name)).toEqual(['site-1.jpg', 'site-2.jpg']);
    // The page appends each photo when its upload answers: both are there, in whichever order they finished.
    const { photos } = await submit(page, family) as { photos: unknown[] };
    expect(photos).toHaveLength(2);
    expect(photos).toEqual(expect.arrayContaining([
      { name: 'site-1.jpg', url: '/api/files/9dd134f3abf26f25' }, { name: 'site-2.jpg', url: '/api/files/a63c290f11507b72' },
    ]));
  });

  test('no option: nothing is selected and what was offered is reported', async ({ page }) => {
    const sel = await writeByLabel(page, '检查方式', 'el-select', '日常巡查');
    expect(sel.outcome).toEqual({ status: 'no-option', wanted: '日常巡查', seen: ['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查'] });
    expect(sel.shown).toBe('');
    const remote = await writeByLabel(page, '被检查单位', 'el-select', '杭州某某不存在的店');
    expect(remote.outcome).toEqual({ status: 'no-option', wanted: '杭州某某不存在的店', seen: [] });
    expect(remote.shown).toBe('');
    const long = await writeByLabel(page, '消防责任区', 'el-select', '消防责任区999');
    expect(long.outcome?.status).toBe('no-option');
    expect(long.outcome?.status === 'no-option' && long.outcome.seen).toHaveLength(240);
    expect(long.shown).toBe('');
    const casc = await writeByLabel(page, '单位地址', 'el-cascader', ['浙江省', '杭州市', '临平区', '南苑街道']);
    expect(casc.outcome).toEqual({ status: 'no-option', wanted: '浙江省 / 杭州市 / 临平区', seen: ['上城区', '拱墅区', '西湖区', '滨江区', '余杭区'] });
    expect(casc.shown).toEqual([]);
    const hoverCasc = await writeByLabel(page, '所属街道', 'el-cascader', ['杭州市', '西湖区', '三墩镇']);
    expect(hoverCasc.outcome?.status).toBe('no-option');
    expect(hoverCasc.shown).toEqual([]);
    if (family === 'element-plus') {
      const tree = await writeByLabel(page, '所属网格', 'el-tree-select', ['文新街道', '文苑社区', '第9网格']);
      expect(tree.outcome?.status).toBe('no-option');
      expect(await readByLabel(page, '所属网格', 'el-tree-select')).toEqual([]);
    }
    await expect(page.locator('.el-select-dropdown:visible, .el-cascader__dropdown:visible, .el-popper:visible')).toHaveCount(0);
    expect(await submit(page, family)).toMatchObject({ checkMode: '', unitCode: '', zone: '', region: [], street: [], ...(family === 'element-plus' ? { grid: '' } : {}) });
  });
});

/**
 * The TDesign Vue Next gallery (Vue 3, TDesign Starter style t-form): every form widget is found by
 * its label through the engine's locator, written through the TDesign adapters from the value a
 * person reads, read back through them, and the framework's model is checked through the page's own
 * 提交 (what /api/submit/tdesign received), never the DOM. Expected model values are written out by
 * hand: the codes the page's dictionaries use. Dates are shown in one format and kept in another.
 */
import { test, expect, type Page } from '../helpers/test';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { photo } from '../helpers/fixtures';

const FAMILY = 'tdesign';
type Case = [label: string, kind: string, value: WidgetValue];

async function writeAll(page: Page, cases: Case[]) {
  for (const [label, kind, value] of cases) {
    const r = await writeByLabel(page, label, kind, value);
    expect.soft(r.outcome, `${label} ← ${JSON.stringify(value)}`).toEqual({ status: 'done' });
    expect.soft(r.shown, `${label} reads back`).toEqual(value);
  }
}

async function submit(page: Page): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions(FAMILY)).length;
  await page.locator('.form-footer .t-button--theme-primary').click();
  await expect.poll(async () => (await gallerySubmissions(FAMILY)).length).toBe(before + 1);
  return (await gallerySubmissions(FAMILY)).at(-1)!;
}

const INPUTS: Case[] = [
  ['单位名称', 'tdesign-input', '杭州某某小吃店'],
  ['从业人数', 'tdesign-input-number', '12'],
  ['情况说明', 'tdesign-textarea', '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效'],
  ['单位类别', 'tdesign-radio-group', '九小场所'],
  ['隐患等级', 'tdesign-radio-group', '重大火灾隐患'],
  ['处理措施', 'tdesign-checkbox-group', ['责令限期改正', '临时查封']],
];

const SELECTS: Case[] = [
  ['检查方式', 'tdesign-select', '专项检查'],
  ['检查人员', 'tdesign-select', ['李某', '钱某']],
  ['检查事项', 'tdesign-select', '对九小场所的消防安全检查'],
  ['被检查单位', 'tdesign-select', '杭州某某小吃店'],
  ['消防责任区', 'tdesign-select', '消防责任区187'],
  ['所属网格', 'tdesign-tree-select', ['文新街道', '文苑社区', '第3网格']],
];

const PATHS_AND_DATES: Case[] = [
  ['单位地址', 'tdesign-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
  ['所属街道', 'tdesign-cascader', ['杭州市', '滨江区', '长河街道']],
  ['检查日期', 'tdesign-date', '2026年05月20日'],
  ['下次检查时间', 'tdesign-date', '2026-08-20 09:30'],
  ['整改期间', 'tdesign-date', ['2026-05-21', '2026-05-27']],
  ['到场时间', 'tdesign-time', '09:25:00'],
];

test.describe('TDesign Vue Next gallery', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(new URL(`${FAMILY}/`, SITE.gallery).href);
    await expect(page.locator('.card-header')).toHaveText('新增检查登记');
  });

  test('the locator finds every field by its label and detect names its widget', async ({ page }) => {
    for (const [label, kind] of [...INPUTS, ...SELECTS, ...PATHS_AND_DATES]) {
      expect.soft(await detectByLabel(page, label), label).toBe(kind);
    }
    expect.soft(await detectByLabel(page, '现场照片')).toBe('tdesign-upload');
  });

  test('text, textarea, number, radio, radio buttons, checkboxes reach the model', async ({ page }) => {
    await writeAll(page, INPUTS);
    expect(await submit(page)).toMatchObject({
      unitName: '杭州某某小吃店', staffCount: 12, remark: '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效',
      unitType: '3', hazardLevel: '2', measures: ['B', 'C'],
    });
    await writeAll(page, [['处理措施', 'tdesign-checkbox-group', ['责令立即改正']], ['从业人数', 'tdesign-input-number', '8']]);
    expect(await submit(page)).toMatchObject({ measures: ['A'], staffCount: 8 });
  });

  test('switch', async ({ page }) => {
    // t-switch is a bare <div class="t-switch"> (no input, no role): the locator counts it as a control,
    // so the label 是否复查 binds to it and not to the next field's textarea.
    expect.soft(await detectByLabel(page, '是否复查')).toBe('tdesign-switch');
    await writeAll(page, [['是否复查', 'tdesign-switch', true]]);
    expect(await submit(page)).toMatchObject({ needRecheck: 'Y' });
    await writeAll(page, [['是否复查', 'tdesign-switch', false]]);
    expect(await submit(page)).toMatchObject({ needRecheck: 'N' });
  });

  test('selects: single, multiple, filterable, remote, long list, tree select', async ({ page }) => {
    await writeAll(page, SELECTS);
    expect(await submit(page)).toMatchObject({
      checkMode: '02', inspectors: [101, 103], checkItem: 'SX007', unitCode: '92330106MA2CK1E005', zone: 'ZRQ187', grid: 'WG3301060120010003',
    });
    // A multiple select changed again ends with exactly the new set.
    await writeAll(page, [['检查人员', 'tdesign-select', ['王某']]]);
    expect(await submit(page)).toMatchObject({ inspectors: [102] });
  });

  test('cascaders (lazy, hover-expanding), date, datetime, range, time', async ({ page }) => {
    await writeAll(page, PATHS_AND_DATES);
    expect(await submit(page)).toMatchObject({
      region: ['330000', '330100', '330106', '330106012'], street: ['330100', '330108', '330108002'],
      checkDate: '2026-05-20', nextCheckTime: '2026-08-20 09:30:00', rectifyRange: ['2026-05-21', '2026-05-27'], arriveTime: '09:25:00',
    });
    // A range moved to other months, a date a year away.
    await writeAll(page, [['整改期间', 'tdesign-date', ['2026-03-30', '2026-04-02']], ['检查日期', 'tdesign-date', '2025年11月03日']]);
    expect(await submit(page)).toMatchObject({ rectifyRange: ['2026-03-30', '2026-04-02'], checkDate: '2025-11-03' });
  });

  test('upload puts the photos into the list and the model', async ({ page }) => {
    const r = await writeByLabel(page, '现场照片', 'tdesign-upload', [photo('site-1.jpg'), photo('site-2.jpg')], 10_000);
    expect(r.outcome).toEqual({ status: 'done' });
    expect((r.shown as { name: string }[]).map((f) => f.name)).toEqual(['site-1.jpg', 'site-2.jpg']);
    const { photos } = await submit(page) as { photos: unknown[] };
    expect(photos).toEqual([
      { name: 'site-1.jpg', url: '/api/files/9dd134f3abf26f25' }, { name: 'site-2.jpg', url: '/api/files/a63c290f11507b72' },
    ]);
  });

  test('no option: nothing is selected and what was offered is reported', async ({ page }) => {
    const sel = await writeByLabel(page, '检查方式', 'tdesign-select', '日常巡查');
    expect(sel.outcome).toEqual({ status: 'no-option', wanted: '日常巡查', seen: ['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查'] });
    expect(sel.shown).toBe('');
    const remote = await writeByLabel(page, '被检查单位', 'tdesign-select', '杭州某某不存在的店');
    expect(remote.outcome).toEqual({ status: 'no-option', wanted: '杭州某某不存在的店', seen: [] });
    expect(remote.shown).toBe('');
    const casc = await writeByLabel(page, '单位地址', 'tdesign-cascader', ['浙江省', '杭州市', '临平区', '南苑街道']);
    expect(casc.outcome).toEqual({ status: 'no-option', wanted: '浙江省 / 杭州市 / 临平区', seen: ['上城区', '拱墅区', '西湖区', '滨江区', '余杭区'] });
    expect(casc.shown).toEqual([]);
    const tree = await writeByLabel(page, '所属网格', 'tdesign-tree-select', ['文新街道', '文苑社区', '第9网格']);
    expect(tree.outcome).toEqual({ status: 'no-option', wanted: '文新街道 / 文苑社区 / 第9网格', seen: ['第1网格', '第2网格', '第3网格', '第4网格', '第5网格'] });
    expect(await readByLabel(page, '所属网格', 'tdesign-tree-select')).toEqual([]);
    await expect(page.locator('.t-popup:visible')).toHaveCount(0);
    expect(await submit(page)).toMatchObject({ checkMode: '', unitCode: '', region: [], grid: '' });
  });
});

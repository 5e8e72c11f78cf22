/**
 * The Fusion Design gallery (@alifd/next 1.27, React 18): every form widget is found by its label
 * through the engine's locator, written through the Fusion adapters from the value a person reads,
 * read back through them, and the Field's values are checked through the page's own 提交 (what
 * /api/submit/fusion received), never the DOM. Expected values are written out by hand: the codes the
 * page's dictionaries use; CascaderSelect and TreeSelect keep the leaf's code only.
 */
import { test, expect, type Page } from '../helpers/test';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { photo } from '../helpers/fixtures';
import { tapPicks } from '../helpers/engine';

const FAMILY = 'fusion';
type Case = [label: string, kind: string, value: WidgetValue, shown?: WidgetValue];

async function writeAll(page: Page, cases: Case[]) {
  for (const [label, kind, value, shown] of cases) {
    const r = await writeByLabel(page, label, kind, value);
    expect.soft(r.outcome, `${label} ← ${JSON.stringify(value)}`).toEqual({ status: 'done' });
    expect.soft(r.shown, `${label} reads back`).toEqual(shown ?? value);
  }
}

async function submit(page: Page): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions(FAMILY)).length;
  await page.locator('.form-footer .next-btn-primary').click();
  await expect.poll(async () => (await gallerySubmissions(FAMILY)).length).toBe(before + 1);
  return (await gallerySubmissions(FAMILY)).at(-1)!;
}

const INPUTS: Case[] = [
  ['单位名称', 'fusion-input', '杭州某某小吃店'],
  ['从业人数', 'fusion-number', '12'],
  ['情况说明', 'fusion-input', '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效'],
  ['单位类别', 'fusion-radio-group', '九小场所'],
  ['隐患等级', 'fusion-radio-group', '重大火灾隐患'],
  ['处理措施', 'fusion-checkbox-group', ['责令限期改正', '临时查封']],
  ['是否复查', 'fusion-switch', true],
];

const SELECTS: Case[] = [
  ['检查方式', 'fusion-select', '专项检查'],
  ['检查人员', 'fusion-select', ['李某', '钱某']],
  ['检查事项', 'fusion-select', '对九小场所的消防安全检查'],
  ['被检查单位', 'fusion-select', '杭州某某小吃店'],
  ['消防责任区', 'fusion-select', '消防责任区187'],
  // TreeSelect shows only the chosen node; the path the fill picked is remembered while it shows that leaf.
  ['所属网格', 'fusion-tree-select', ['文新街道', '文苑社区', '第3网格']],
];

const PATHS_AND_DATES: Case[] = [
  ['单位地址', 'fusion-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
  ['检查日期', 'fusion-date', '2026年05月20日'],
  ['下次检查时间', 'fusion-date', '2026-08-20 09:30'],
  ['整改期间', 'fusion-date', ['2026-05-21', '2026-05-27']],
  ['到场时间', 'fusion-time', '09:25:00'],
];

test.describe('Fusion Design gallery', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(new URL(`${FAMILY}/`, SITE.gallery).href);
    await expect(page.locator('.card-header')).toHaveText('新增检查登记');
  });

  test('the locator finds every field by its label and detect names its widget', async ({ page }) => {
    const auto = (kind: string) => (kind === 'fusion-tree-select' ? 'fusion-cascader' : kind); // one trigger for both
    for (const [label, kind] of [...INPUTS, ...SELECTS, ...PATHS_AND_DATES]) {
      expect.soft(await detectByLabel(page, label), label).toBe(auto(kind));
    }
    expect.soft(await detectByLabel(page, '现场照片')).toBe('fusion-upload');
  });

  test('text, textarea, number, radio, radio buttons, checkboxes, switch reach the model', async ({ page }) => {
    await writeAll(page, INPUTS);
    expect(await submit(page)).toMatchObject({
      unitName: '杭州某某小吃店', staffCount: 12, remark: '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效',
      unitType: '3', hazardLevel: '2', measures: ['B', 'C'], needRecheck: true,
    });
    await writeAll(page, [
      ['处理措施', 'fusion-checkbox-group', ['责令立即改正']], ['是否复查', 'fusion-switch', false], ['从业人数', 'fusion-number', '8'],
    ]);
    expect(await submit(page)).toMatchObject({ measures: ['A'], needRecheck: false, staffCount: 8 });
  });

  test('selects: single, multiple, showSearch, remote, long list, tree select', async ({ page }) => {
    await writeAll(page, SELECTS);
    expect(await submit(page)).toMatchObject({
      checkMode: '02', inspectors: [101, 103], checkItem: 'SX007', unitCode: '92330106MA2CK1E005', zone: 'ZRQ187', grid: 'WG3301060120010003',
    });
    await writeAll(page, [['检查人员', 'fusion-select', ['王某']]]);
    expect(await submit(page)).toMatchObject({ inspectors: [102] });
  });

  test('lazy cascader select, date, datetime, range, time', async ({ page }) => {
    await writeAll(page, PATHS_AND_DATES);
    expect(await submit(page)).toMatchObject({
      region: '330106012', checkDate: '2026-05-20', nextCheckTime: '2026-08-20 09:30:00', rectifyRange: ['2026-05-21', '2026-05-27'], arriveTime: '09:25:00',
    });
  });

  test('upload puts the photos into the list and the model', async ({ page }) => {
    const r = await writeByLabel(page, '现场照片', 'fusion-upload', [photo('site-1.jpg'), photo('site-2.jpg')], 10_000);
    expect(r.outcome).toEqual({ status: 'done' });
    expect((r.shown as { name: string }[]).map((f) => f.name)).toEqual(['site-1.jpg', 'site-2.jpg']);
    const { photos } = await submit(page) as { photos: unknown[] };
    expect(photos).toEqual([
      { name: 'site-1.jpg', url: '/api/files/9dd134f3abf26f25' }, { name: 'site-2.jpg', url: '/api/files/a63c290f11507b72' },
    ]);
  });

  test('tree select picked by a person reads back as the whole path; a page script\'s pick is read as the leaf it shows', async ({ page }) => {
    await tapPicks(page);
    const grid = page.locator('.next-form-item', { hasText: '所属网格' });
    const pick = async (names: string[], how: 'person' | 'script') => {
      await grid.locator('.next-select').click();
      const tree = page.locator('.next-tree-select-dropdown:visible');
      for (const [i, name] of names.entries()) {
        const node = tree.locator('.next-tree-node-inner', { hasText: new RegExp(`^${name}$`) });
        if (i < names.length - 1) await node.locator('.next-tree-switcher').click();
        else if (how === 'person') await node.locator('.next-tree-node-label').click();
        else await node.locator('.next-tree-node-label').evaluate((el) => (el as HTMLElement).click());
      }
      await expect(grid.locator('.next-select-values em')).toHaveText(names[names.length - 1]!);
      await expect(page.locator('.next-tree-select-dropdown:visible')).toHaveCount(0);
    };
    await pick(['翠苑街道', '翠苑一区社区', '第1网格'], 'person');
    expect(await readByLabel(page, '所属网格', 'fusion-tree-select')).toEqual(['翠苑街道', '翠苑一区社区', '第1网格']);
    await pick(['文新街道', '文苑社区', '第3网格'], 'script');
    expect(await readByLabel(page, '所属网格', 'fusion-tree-select')).toEqual(['第3网格']);
  });

  test('no option: nothing is selected and what was offered is reported', async ({ page }) => {
    const sel = await writeByLabel(page, '检查方式', 'fusion-select', '日常巡查');
    expect(sel.outcome).toEqual({ status: 'no-option', wanted: '日常巡查', seen: ['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查'] });
    expect(sel.shown).toBe('');
    const remote = await writeByLabel(page, '被检查单位', 'fusion-select', '杭州某某不存在的店');
    expect(remote.outcome).toEqual({ status: 'no-option', wanted: '杭州某某不存在的店', seen: [] });
    expect(remote.shown).toBe('');
    const casc = await writeByLabel(page, '单位地址', 'fusion-cascader', ['浙江省', '杭州市', '临平区', '南苑街道']);
    expect(casc.outcome).toEqual({ status: 'no-option', wanted: '浙江省 / 杭州市 / 临平区', seen: ['上城区', '拱墅区', '西湖区', '滨江区', '余杭区'] });
    expect(casc.shown).toEqual([]);
    await expect(page.locator('.next-overlay-wrapper.opened:visible')).toHaveCount(0);
    // Fusion's Field leaves untouched fields out of its values.
    const got = await submit(page);
    for (const key of ['checkMode', 'unitCode', 'region']) expect(got[key] ?? '', key).toBe('');
  });
});

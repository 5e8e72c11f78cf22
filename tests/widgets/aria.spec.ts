/**
 * The generic ARIA adapters (lib/engine/widgets/aria-*.ts) on the WAI-ARIA Authoring Practices
 * patterns in plain DOM (tests/sites/gallery/aria/): an editable combobox with list autocomplete, a
 * select-only combobox, single and multiple listboxes, a radio group, a checkbox group and a single
 * checkbox, a switch button and a tree view. Labels come from <label for>, aria-labelledby on the
 * control or its group. Each field is written by its label, first with `auto` (detect must name the
 * aria-* kind), read back from aria-checked / aria-selected / the text shown, and checked in the
 * model the page posts.
 */
import { expect, test, type Page } from '../helpers/test';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { injectEngine } from '../helpers/engine';
import { detectByLabel, gallerySubmissions, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';

async function submit(page: Page): Promise<Record<string, unknown>> {
  await page.locator('#submit').click();
  await expect.poll(async () => (await gallerySubmissions('aria')).length).toBe(1);
  return (await gallerySubmissions('aria'))[0]!;
}

type Case = [label: string, kind: string, value: WidgetValue, model: Record<string, unknown>];
const CASES: Case[] = [
  ['单位名称', 'aria-combobox', '杭州某某宾馆', { unitName: '杭州某某宾馆' }],
  ['检查方式', 'aria-combobox', '营业前检查', { method: '04' }],
  ['隐患等级', 'aria-listbox', '较大隐患', { level: '2' }],
  ['检查人员', 'aria-listbox', ['李某', '陈某'], { inspectors: ['P001', 'P004'] }],
  ['单位类别', 'aria-radiogroup', '一般单位', { category: '2' }],
  ['处理措施', 'aria-checkbox', ['责令限期改正', '临时查封'], { measures: ['M2', 'M3'] }],
  ['已告知当事人', 'aria-checkbox', true, { informed: true }],
  ['需要复查', 'aria-switch', true, { needReview: true }],
  ['所属网格', 'aria-tree', ['文新街道', '文鼎苑社区', '第2网格'], { grid: 'WG3301060120020002' }],
];

test.describe('WAI-ARIA pattern gallery (plain DOM)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${SITE.gallery}aria/`);
    await injectEngine(page);
  });

  test('detect names the aria-* kind for every pattern', async ({ page }) => {
    const got: Record<string, string | undefined> = {};
    for (const [label] of CASES) got[label] = await detectByLabel(page, label);
    expect(got).toEqual(Object.fromEntries(CASES.map(([l, k]) => [l, k])));
  });

  test('every pattern written by label with auto, read back, and in the submitted model', async ({ page }) => {
    const model: Record<string, unknown> = {};
    for (const [label, kind, value, m] of CASES) {
      const r = await writeByLabel(page, label, 'auto', value);
      expect(r, label).toMatchObject({ located: 'found', widget: kind, outcome: { status: 'done' } });
      expect(r.shown, label).toEqual(value);
      Object.assign(model, m);
    }
    await expect(page.locator('[role=listbox][id$=listbox]:visible')).toHaveCount(0);
    expect(await submit(page)).toMatchObject(model);
  });

  test('changing and clearing: a second choice replaces the first, boxes and switches turn off', async ({ page }) => {
    for (const [label, kind, value] of CASES) expect((await writeByLabel(page, label, kind, value)).outcome, label).toEqual({ status: 'done' });
    const again: [string, string, WidgetValue][] = [
      ['检查方式', 'aria-combobox', '复查'], ['隐患等级', 'aria-listbox', '重大隐患'], ['检查人员', 'aria-listbox', ['王某']],
      ['单位类别', 'aria-radiogroup', '重点单位'], ['处理措施', 'aria-checkbox', []], ['已告知当事人', 'aria-checkbox', false],
      ['需要复查', 'aria-switch', false], ['所属网格', 'aria-tree', ['翠苑街道', '翠苑一区社区', '第1网格']],
    ];
    for (const [label, kind, value] of again) {
      const r = await writeByLabel(page, label, kind, value);
      expect(r.outcome, label).toEqual({ status: 'done' });
      expect(r.shown, label).toEqual(value);
    }
    expect(await submit(page)).toMatchObject({
      method: '05', level: '3', inspectors: ['P002'], category: '1', measures: [], informed: false, needReview: false, grid: 'WG3301060090010001',
    });
  });

  test('options not offered: no-option with what was offered, popups closed, nothing chosen', async ({ page }) => {
    const cases: [string, WidgetValue, string, string[]][] = [
      ['检查方式', '飞行检查', '飞行检查', ['双随机抽查', '专项检查', '营业前检查', '复查']],
      ['隐患等级', '特大隐患', '特大隐患', ['一般隐患', '较大隐患', '重大隐患']],
      ['检查人员', ['李某', '孙某'], '孙某', ['李某', '王某', '赵某', '陈某']],
      ['单位类别', '三小场所', '三小场所', ['重点单位', '一般单位', '九小场所']],
      ['处理措施', ['罚款'], '罚款', ['责令立即改正', '责令限期改正', '临时查封']],
      ['所属网格', ['文新街道', '文苑社区', '第9网格'], '第9网格', ['第1网格', '第2网格', '第3网格']],
    ];
    for (const [label, value, wanted, seen] of cases) {
      const r = await writeByLabel(page, label, 'auto', value);
      expect(r.outcome, label).toEqual({ status: 'no-option', wanted, seen });
    }
    const unit = await writeByLabel(page, '单位名称', 'auto', '不存在的某某单位');
    expect(unit.outcome).toMatchObject({ status: 'no-option', wanted: '不存在的某某单位' });
    await expect(page.locator('#method-listbox')).toBeHidden();
    await expect(page.locator('#unit-listbox')).toBeHidden();
    expect(await submit(page)).toMatchObject({ method: null, level: null, inspectors: [], category: null, measures: [], grid: null });
  });
});

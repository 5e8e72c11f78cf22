/**
 * Naive UI 2 (Vue 3) through the generic layer alone (tests/sites/gallery/naive/). The engine has no
 * Naive adapter: every field is found by its label and written with `"widget": "auto"`, which falls
 * through the library families to the ARIA/behaviour adapters (lib/engine/widgets/aria-*.ts) and the
 * native ones. The spec prints and asserts the share of widgets filled *and verified* that way —
 * written, read back as the value, and present in the model the page submits. A widget the layer
 * cannot drive must say so (「不认识的控件」, an error, no-option) and must never read back as the
 * value while the model is unchanged.
 */
import { expect, test, type Page } from '../helpers/test';
import type { WidgetValue, WriteOutcome } from '../../lib/engine/widgets/types';
import { injectEngine } from '../helpers/engine';
import { photo } from '../helpers/fixtures';
import { gallerySubmissions } from '../helpers/gallery';
import { SITE } from '../helpers/sites';

interface AutoWrite { located: string; widget?: string; outcome?: WriteOutcome; shown?: WidgetValue; readError?: string }

/** Locates by label, lets `auto` pick the adapter, writes, reads back (a read that throws is reported). */
async function writeAuto(page: Page, label: string, value: WidgetValue): Promise<AutoWrite> {
  return page.evaluate(async ({ label, value }) => {
    const found = window.YLT.locateField(document, { label });
    if (found.status !== 'found') return { located: found.status };
    const adapter = window.YLT.detectWidget(found.root);
    if (!adapter) return { located: 'found', outcome: { status: 'error' as const, message: '不认识的控件（没有适配器）' } };
    const outcome = await adapter.write(found.root, value, { timeoutMs: 5000 });
    try {
      return { located: 'found', widget: adapter.kind, outcome, shown: adapter.read(found.root) };
    } catch (e) {
      return { located: 'found', widget: adapter.kind, outcome, readError: (e as Error).message };
    }
  }, { label, value });
}

async function submit(page: Page): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions('naive')).length;
  await page.locator('#submit').click();
  await expect.poll(async () => (await gallerySubmissions('naive')).length).toBe(before + 1);
  return (await gallerySubmissions('naive')).at(-1)!;
}

/** How a value reads back: text compared without spaces; a tree select shows only the leaf of its path. */
function shows(shown: WidgetValue | undefined, value: WidgetValue, leafOnly = false): boolean {
  const norm = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.replace(/\s+/g, '') : x && typeof x === 'object' && 'dataUrl' in x ? (x as { name: string }).name : x));
  if (leafOnly && Array.isArray(value)) return norm(shown) === norm(value.at(-1));
  if (Array.isArray(value) && Array.isArray(shown) && value.length === shown.length) return norm([...shown].sort()) === norm([...value].map((v) => (typeof v === 'string' ? v : v.name)).sort());
  return norm(shown) === norm(value);
}

type Case = { label: string; widget: string; value: WidgetValue; model: Record<string, unknown>; leafOnly?: boolean };
const CASES: Case[] = [
  { label: '单位名称', widget: 'n-input', value: '杭州某某小吃店', model: { unitName: '杭州某某小吃店' } },
  { label: '联系电话', widget: 'n-input', value: '13800000000', model: { phone: '13800000000' } },
  { label: '建筑面积（㎡）', widget: 'n-input-number', value: '80', model: { area: 80 } },
  { label: '检查方式', widget: 'n-select', value: '营业前检查', model: { method: '04' } },
  { label: '检查人员', widget: 'n-select multiple', value: ['李某', '王某'], model: { inspectors: ['P001', 'P002'] } },
  { label: '隐患类型', widget: 'n-select multiple filterable', value: ['灭火器失效', '安全出口锁闭'], model: { hazards: ['H03', 'H02'] } },
  { label: '所在地区', widget: 'n-cascader (remote levels)', value: ['浙江省', '杭州市', '西湖区'], model: { region: '330106' } },
  { label: '所属网格', widget: 'n-tree-select', value: ['文新街道', '文苑社区', '第2网格'], model: { grid: 'WG3301060120010002' }, leafOnly: true },
  { label: '检查日期', widget: 'n-date-picker', value: '2026-05-20', model: { inspectDate: '2026-05-20' } },
  { label: '单位类别', widget: 'n-radio-group', value: '九小场所', model: { category: '3' } },
  { label: '处理措施', widget: 'n-checkbox-group', value: ['责令立即改正', '临时查封'], model: { measures: ['M1', 'M3'] } },
  { label: '需要复查', widget: 'n-switch', value: true, model: { needReview: true } },
  { label: '现场照片', widget: 'n-upload', value: [photo('site-1.jpg')], model: { photos: [{ name: 'site-1.jpg' }] } },
  { label: '标签', widget: 'n-dynamic-tags', value: ['夜间检查'], model: { tags: ['夜间检查'] } },
  { label: '隐患描述', widget: 'n-input textarea', value: '1.疏散通道堆放杂物；2.灭火器失效', model: { description: '1.疏散通道堆放杂物；2.灭火器失效' } },
];

test.describe('Naive UI gallery through the generic layer (no Naive adapter)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${SITE.gallery}naive/`);
    await page.waitForFunction(() => (window as { __naiveReady?: boolean }).__naiveReady === true && !!document.querySelector('.n-form-item'));
    await injectEngine(page);
  });

  test('every widget written by label with auto; the share filled and verified is at least 80%', async ({ page }) => {
    test.setTimeout(180_000); // fifteen widgets driven one after another, lazy levels and uploads included
    const results: { c: Case; r: AutoWrite }[] = [];
    for (const c of CASES) results.push({ c, r: await writeAuto(page, c.label, c.value) });
    const model = await submit(page);
    const blank: Record<string, unknown> = { unitName: '', phone: '', area: null, method: null, inspectors: [], hazards: [], region: null, grid: null,
      inspectDate: null, category: null, measures: [], needReview: false, photos: [], tags: [], description: '' };
    let verified = 0;
    const lines: string[] = [];
    for (const { c, r } of results) {
      const key = Object.keys(c.model)[0]!;
      const inModel = JSON.stringify(model[key]) === JSON.stringify(c.model[key])
        || (key === 'photos' && Array.isArray(model.photos) && (model.photos as { name: string }[]).map((p) => p.name).join() === 'site-1.jpg');
      const readOk = r.outcome?.status === 'done' && shows(r.shown, c.value, c.leafOnly);
      const ok = r.located === 'found' && readOk && inModel;
      if (ok) verified++;
      lines.push(`  ${ok ? '✓' : '✗'} ${c.label} (${c.widget}) → ${r.widget ?? '—'}: ${JSON.stringify(r.outcome)}${r.readError ? ` read: ${r.readError}` : ''} shown ${JSON.stringify(r.shown)} model ${JSON.stringify(model[key])}`);
      // Honesty: a widget reported as done and showing the value must have reached the model.
      if (readOk) expect(inModel, `${c.label}: shows the value, so the model must hold it`).toBe(true);
      // A widget the layer could not drive must leave its model as it was and say why.
      if (!ok) {
        expect(r.outcome?.status === 'done' && readOk, `${c.label}: not verified must not be reported as a good fill`).toBe(false);
        if (!inModel) expect(JSON.stringify(model[key]), `${c.label}: model untouched`).toBe(JSON.stringify(blank[key]));
      }
    }
    const share = Math.round((verified / CASES.length) * 100);
    console.log(`Naive UI through the generic layer: ${verified} of ${CASES.length} widgets (${share}%)\n${lines.join('\n')}`);
    expect(share).toBeGreaterThanOrEqual(80);
  });

  test('options not offered: no-option with the options seen, nothing chosen', async ({ page }) => {
    const method = await writeAuto(page, '检查方式', '飞行检查');
    expect(method.outcome).toMatchObject({ status: 'no-option', wanted: '飞行检查' });
    expect((method.outcome as { seen: string[] }).seen).toEqual(expect.arrayContaining(['双随机抽查', '营业前检查', '复查']));
    const category = await writeAuto(page, '单位类别', '三小场所');
    expect(category.outcome).toEqual({ status: 'no-option', wanted: '三小场所', seen: ['重点单位', '一般单位', '九小场所'] });
    const region = await writeAuto(page, '所在地区', ['浙江省', '杭州市', '不存在区']);
    expect(region.outcome).toMatchObject({ status: 'no-option', wanted: '不存在区' });
    expect((region.outcome as { seen: string[] }).seen).toEqual(expect.arrayContaining(['西湖区', '滨江区']));
    await expect(page.locator('.n-base-select-menu:visible, .n-cascader-menu:visible')).toHaveCount(0);
    expect(await submit(page)).toMatchObject({ method: null, category: null, region: null });
  });

  test('the search input of a filterable select is never taken for a text field', async ({ page }) => {
    const kind = await page.evaluate(() => {
      const found = window.YLT.locateField(document, { label: '隐患类型' });
      return found.status === 'found' ? window.YLT.detectWidget(found.root)?.kind : found.status;
    });
    expect(kind).toBe('aria-combobox');
  });
});

/**
 * The generic layer on a hand-made low-code form (tests/sites/gallery/lowcode/): custom elements with
 * open shadow roots and no known UI library. A schema-driven renderer draws the form after two API
 * calls; labels live in form-item components' shadow roots with the control slotted in from light
 * DOM and its own <input> in yet another shadow root; a control names itself by aria-label, another
 * by aria-labelledby pointing out of its shadow root; ARIA comboboxes (remote search, multiple with
 * tags, a listbox created on first open, closed by a mousedown outside); linked region selects two
 * shadow roots deep, loaded level by level and disabled until their parent is chosen; hidden native
 * radios and checkboxes behind drawn boxes; a role=switch button; a tree; native controls in shadow
 * roots; an upload that clears its input; hidden fields never submitted; a field in an iframe inside
 * a shadow root whose value reaches the form by postMessage. Every field is written by its label
 * with `auto`, read back, and checked in the model the page submits.
 */
import { expect, test, type Page } from '../helpers/test';
import type { FieldReport } from '../../lib/engine/apply';
import type { FillPlan } from '../../lib/engine/plan';
import type { WidgetValue, WriteOutcome } from '../../lib/engine/widgets/types';
import { fillWithEngine, injectEngine } from '../helpers/engine';
import { photo } from '../helpers/fixtures';
import { gallerySubmissions } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import { UNITS } from '../sites/shared/data';

const PAGE = `${SITE.gallery}lowcode/`;

interface AutoWrite { located: string; widget?: string; outcome?: WriteOutcome; shown?: WidgetValue; readError?: string }

async function writeAuto(page: Page, label: string, value: WidgetValue, kind = 'auto'): Promise<AutoWrite> {
  return page.evaluate(async ({ label, value, kind }) => {
    const found = window.YLT.locateField(document, { label });
    if (found.status !== 'found') return { located: found.status };
    const adapter = kind === 'auto' ? window.YLT.detectWidget(found.root) : window.YLT.widgetByKind(kind);
    if (!adapter) return { located: 'found' };
    const outcome = await adapter.write(found.root, value, { timeoutMs: 5000 });
    try {
      return { located: 'found', widget: adapter.kind, outcome, shown: adapter.read(found.root) };
    } catch (e) {
      return { located: 'found', widget: adapter.kind, outcome, readError: (e as Error).message };
    }
  }, { label, value, kind });
}

async function ready(page: Page, query = ''): Promise<void> {
  await page.goto(PAGE + query);
  await injectEngine(page);
  await page.waitForFunction(() => !!document.querySelector('lc-app')?.shadowRoot?.querySelector('lc-form[ready]'));
}

async function submit(page: Page): Promise<Record<string, unknown>> {
  await page.locator('#submit').click();
  await expect.poll(async () => (await gallerySubmissions('lowcode')).length).toBe(1);
  return (await gallerySubmissions('lowcode'))[0]!;
}

const unit = UNITS.find((u) => u.name === '杭州某某小吃店')!;
type Case = [label: string, kind: string, value: WidgetValue, model: Record<string, unknown>];
const CASES: Case[] = [
  ['单位名称', 'aria-combobox', '杭州某某小吃店', { unitName: unit.creditCode }], // editable combobox, remote options
  ['联系电话', 'text', '13800000000', { phone: '13800000000' }], // aria-label on an input in a shadow root
  ['建筑面积（㎡）', 'text', '80', { area: 80 }], // aria-labelledby pointing out of the shadow root
  ['检查日期', 'shadow-native', '2026-05-20', { inspectDate: '2026-05-20' }],
  ['检查时间', 'shadow-native', '2026-05-20 09:30', { inspectTime: '2026-05-20T09:30' }],
  ['检查方式', 'aria-combobox', '营业前检查', { method: '04' }], // select-only combobox
  ['检查人员', 'aria-combobox', ['李某', '王某'], { inspectors: ['P001', 'P002'] }], // multiple, tags
  ['所在地区', 'aria-combobox', ['浙江省', '杭州市', '西湖区'], { region: ['330000', '330100', '330106'] }], // linked selects
  ['所属网格', 'aria-tree', ['文新街道', '文苑社区', '第2网格'], { grid: 'WG3301060120010002' }],
  ['单位类别', 'aria-radiogroup', '九小场所', { category: '3' }], // hidden native radios in labels
  ['处理措施', 'aria-checkbox', ['责令立即改正', '临时查封'], { measures: ['M1', 'M3'] }], // hidden boxes, <label for>
  ['已告知当事人', 'aria-checkbox', true, { informed: true }], // a single hidden box
  ['需要复查', 'aria-switch', true, { needReview: true }],
  ['隐患等级', 'shadow-native', '较大隐患', { level: '2' }], // <select> in a shadow root
  ['隐患描述', 'shadow-native', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效', { description: '1.二楼疏散通道堆放杂物；2.厨房灭火器失效' }],
  ['现场照片', 'generic-upload', [photo('site-1.jpg')], { photos: [{ name: 'site-1.jpg', type: 'image/jpeg' }] }], // clears its input
  ['外部系统备注', 'text', '由街道网格员补录', { externalRemark: '由街道网格员补录' }], // iframe in a shadow root, postMessage
];

test.describe('low-code form: custom elements, shadow roots, ARIA patterns (generic layer)', () => {
  // Seventeen fields driven one after another (remote search, lazy levels, an iframe) on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });
  test('every field written by label with auto, read back, and in the submitted model; hidden fields omitted', async ({ page }) => {
    await ready(page);
    const model: Record<string, unknown> = {};
    for (const [label, kind, value, m] of CASES) {
      const r = await writeAuto(page, label, value);
      expect(r, label).toMatchObject({ located: 'found', widget: kind, outcome: { status: 'done' } });
      expect(r.shown, label).toEqual(Array.isArray(value) && typeof value[0] === 'object' ? ['site-1.jpg'] : value);
      Object.assign(model, m);
    }
    const sent = await submit(page);
    expect(sent).toMatchObject(model);
    expect(sent).not.toHaveProperty('internalId');
    expect(sent).not.toHaveProperty('auditTrail');
  });

  test('the named aria-* kinds drive the same fields', async ({ page }) => {
    await ready(page);
    for (const [label, kind, value] of CASES.filter(([, k]) => k.startsWith('aria-'))) {
      const r = await writeAuto(page, label, value, kind);
      expect(r.outcome, `${label} as ${kind}`).toEqual({ status: 'done' });
    }
    // Writing again what is shown changes nothing; a switch and a box turn back off.
    expect((await writeAuto(page, '需要复查', false, 'aria-switch')).shown).toBe(false);
    expect((await writeAuto(page, '已告知当事人', false, 'aria-checkbox')).shown).toBe(false);
    expect((await writeAuto(page, '检查人员', ['王某'], 'aria-combobox')).shown).toEqual(['王某']);
    expect(await submit(page)).toMatchObject({ needReview: false, informed: false, inspectors: ['P002'], method: '04', category: '3' });
  });

  test('options not offered: no-option with the options seen, every listbox closed, nothing chosen', async ({ page }) => {
    await ready(page);
    const method = await writeAuto(page, '检查方式', '飞行检查');
    expect(method.outcome).toEqual({ status: 'no-option', wanted: '飞行检查', seen: ['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查'] });
    const unitName = await writeAuto(page, '单位名称', '不存在的某某单位');
    expect(unitName.outcome).toMatchObject({ status: 'no-option', wanted: '不存在的某某单位' });
    const region = await writeAuto(page, '所在地区', ['浙江省', '杭州市', '不存在区']);
    expect(region.outcome).toMatchObject({ status: 'no-option', wanted: '不存在区' });
    expect((region.outcome as { seen: string[] }).seen).toEqual(expect.arrayContaining(['上城区', '西湖区', '滨江区']));
    const category = await writeAuto(page, '单位类别', '三小场所');
    expect(category.outcome).toEqual({ status: 'no-option', wanted: '三小场所', seen: ['重点单位', '一般单位', '九小场所'] });
    const grid = await writeAuto(page, '所属网格', ['文新街道', '不存在社区']);
    expect(grid.outcome).toEqual({ status: 'no-option', wanted: '不存在社区', seen: ['文苑社区', '文鼎苑社区', '益乐村社区'] });
    const expanded = await page.evaluate(() => {
      const all: string[] = [];
      const walk = (r: Document | ShadowRoot) => r.querySelectorAll('*').forEach((e) => {
        if (e.getAttribute('role') === 'combobox') all.push(e.getAttribute('aria-expanded') ?? '');
        if (e.shadowRoot) walk(e.shadowRoot);
      });
      walk(document);
      return all;
    });
    expect(expanded.every((x) => x === 'false')).toBe(true);
    const sent = await submit(page);
    for (const k of ['method', 'unitName', 'category', 'grid']) expect(sent, k).not.toHaveProperty(k);
    expect(sent.region).toEqual(['330000', '330100']); // the levels that were offered stay chosen
  });

  test('a control nobody can identify is reported as 不认识的控件, never typed into', async ({ page }) => {
    await ready(page);
    const r = await writeAuto(page, '检查人签名', '张某');
    expect(r.widget).toBe('unknown');
    expect(r.outcome).toMatchObject({ status: 'error', message: expect.stringContaining('不认识的控件') });
    expect(r.readError).toContain('不认识的控件');
    // The search input of the remote combobox is the combobox's, not a text field.
    expect((await writeAuto(page, '单位名称', '杭州某某小吃店')).widget).toBe('aria-combobox');
  });

  test('fields rendered late (schema after an API call, a frame that renders after its own call) wait with appears', async ({ page }) => {
    await page.goto(`${PAGE}?hold&delay=1000`);
    await injectEngine(page); // before the form exists: the renderer holds until told
    await page.waitForFunction(() => typeof (window as { lcRelease?: unknown }).lcRelease === 'function');
    expect(await page.evaluate(() => window.YLT.locateField(document, { label: '检查方式' }).status)).toBe('not-found');
    const plan: FillPlan = {
      mappingId: 'gallery-lowcode', mappingVersion: 1, recordId: 'lowcode-late',
      steps: [
        { fieldId: 'method', label: '检查方式', widget: 'auto', value: '复查', appears: true },
        { fieldId: 'externalRemark', label: '外部系统备注', widget: 'auto', value: '补录', appears: true },
        { fieldId: 'region', label: '所在地区', widget: 'aria-combobox', value: ['浙江省', '宁波市', '海曙区'], appears: true },
      ],
      skipped: [],
    };
    const filling: Promise<FieldReport[]> = fillWithEngine(page, plan, 8000);
    // Released now, the form renders a second later, while the fill waits for 检查方式 to appear.
    await page.evaluate(() => (window as { lcRelease?: () => void }).lcRelease!());
    const reports = await filling;
    expect(reports.map((r) => [r.label, r.status])).toEqual([['检查方式', 'verified'], ['外部系统备注', 'verified'], ['所在地区', 'verified']]);
    expect(await submit(page)).toMatchObject({ method: '05', externalRemark: '补录', region: ['330000', '330200', '330203'] });
  });

  test('a mapping-level `ready` label: the fill waits for the form, then fills; a form that never comes is reported, nothing guessed', async ({ page }) => {
    await page.goto(`${PAGE}?hold&delay=1000`);
    await injectEngine(page);
    await page.waitForFunction(() => typeof (window as { lcRelease?: unknown }).lcRelease === 'function');
    const steps: FillPlan['steps'] = [
      { fieldId: 'method', label: '检查方式', widget: 'auto', value: '复查' },
      { fieldId: 'phone', label: '联系电话', widget: 'auto', value: '13800000000' },
    ];
    // Nobody releases the form: after the bound, every field says the form never came.
    const never = await fillWithEngine(page, { mappingId: 'gallery-lowcode', mappingVersion: 1, recordId: 'r', steps, skipped: [], ready: { label: '检查方式', timeoutMs: 1500 } });
    expect(never.map((r) => r.status)).toEqual(['not-found', 'not-found']);
    expect(never[0]?.message).toContain('表单在 2 秒内没有出现');
    const filling = fillWithEngine(page, { mappingId: 'gallery-lowcode', mappingVersion: 1, recordId: 'r', steps, skipped: [], ready: { label: '检查方式', timeoutMs: 15000 } });
    await page.evaluate(() => (window as { lcRelease?: () => void }).lcRelease!());
    expect((await filling).map((r) => [r.label, r.status])).toEqual([['检查方式', 'verified'], ['联系电话', 'verified']]);
  });
});

/**
 * The fill engine's safety guarantees (issue 10, points 1 and 2) on a page of traps built with the real
 * Element UI 2 (tests/sites/gallery/element-ui/traps.html), plus the antd TreeSelect of the Ant Design
 * Vue gallery. Each test fails when its guarantee breaks:
 * - a label two visible fields share is 「标签不唯一」 and neither is written, unless `within` narrows it;
 * - fields a person cannot see (v-show, a collapsed el-collapse item, visibility hidden, a clipped 0-height
 *   wrapper) are reported hidden and their model values stay untouched (checked through the page's 提交);
 * - a label with no control of its own never takes the next row's or the next item's control;
 * - reports say whose value was written (record, 由映射设定, 已截断), and read-backs compare what the widget
 *   shows: an upload with auto-upload off lists its files as ready, an autocomplete keeps free text, a tree
 *   select shows its leaf.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '../helpers/test';
import { fillWithEngine, injectEngine } from '../helpers/engine';
import { gallerySubmissions } from '../helpers/gallery';
import { photo } from '../helpers/fixtures';
import { SITE } from '../helpers/sites';
import { plan } from '../../lib/engine/plan';
import type { FillPlan, FillStep } from '../../lib/engine/plan';
import type { Mapping } from '../../lib/mapping/schema';
import type { FieldReport } from '../../lib/engine/apply';

const TRAPS = `${SITE.gallery}element-ui/traps.html`;

async function open(page: Page) {
  await page.goto(TRAPS);
  await expect(page.locator('.card-header')).toHaveText('填写陷阱');
  await injectEngine(page);
}

async function locate(page: Page, label: string, within?: string) {
  return page.evaluate(({ label, within }) => {
    const r = window.YLT.locateField(document, { label, locate: within ? { within } : undefined });
    const nameIn = (root: Element) => (root.matches('[name]') ? root : root.querySelector('[name]'))?.getAttribute('name') ?? null;
    if (r.status === 'ambiguous') return { status: r.status, names: r.roots.map(nameIn) };
    if (r.status === 'not-found') return { status: r.status };
    return { status: r.status, name: nameIn(r.root) };
  }, { label, within });
}

const step = (label: string, widget: string, value: FillStep['value'], extra: Partial<FillStep> = {}): FillStep => ({ fieldId: label, label, widget, value, ...extra });
const planOf = (steps: FillStep[]): FillPlan => ({ mappingId: 'traps', mappingVersion: 1, recordId: 'r1', steps, skipped: [] });
const byLabel = (reports: FieldReport[]) => Object.fromEntries(reports.map((r) => [r.label, r]));

async function submit(page: Page): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions('element-ui-traps')).length;
  await page.locator('.form-footer .el-button--primary').click();
  await expect.poll(async () => (await gallerySubmissions('element-ui-traps')).length).toBe(before + 1);
  return (await gallerySubmissions('element-ui-traps')).at(-1)!;
}

test.describe('labels bind only to the one visible field they label', () => {
  test('the locator: ambiguous, hidden, and no borrowing of the next row or item', async ({ page }) => {
    await open(page);
    expect(await locate(page, '联系电话')).toEqual({ status: 'ambiguous', names: ['inspectorPhone', 'companionPhone'] });
    expect(await locate(page, '联系电话', '.companion')).toEqual({ status: 'found', name: 'companionPhone' });
    expect(await locate(page, '内部备注')).toEqual({ status: 'hidden', name: 'internalNote' }); // v-show false
    expect(await locate(page, '审核意见')).toEqual({ status: 'hidden', name: 'auditOpinion' }); // collapsed el-collapse item
    expect(await locate(page, '备用电话')).toEqual({ status: 'hidden', name: 'sparePhone' }); // visibility: hidden
    expect(await locate(page, '归档编号')).toEqual({ status: 'hidden', name: 'squeezedCode' }); // 0-height, overflow hidden
    // A label with nothing of its own: the next item's / next row's input belongs to the next label.
    expect(await locate(page, '整改措施')).toEqual({ status: 'not-found' });
    expect(await locate(page, '复查意见')).toEqual({ status: 'not-found' });
    expect(await locate(page, '整改人')).toEqual({ status: 'found', name: 'rectifier' });
    expect(await locate(page, '复查人')).toEqual({ status: 'found', name: 'reviewer' });
  });

  test('a fill writes none of them, says why, and the model keeps its values; within and an opened section fill', async ({ page }) => {
    await open(page);
    const reports = byLabel(await fillWithEngine(page, planOf([
      step('联系电话', 'auto', '13800000000'),
      step('内部备注', 'auto', '不该写入'),
      step('审核意见', 'auto', '不该写入'),
      step('备用电话', 'auto', '13900000000'),
      step('归档编号', 'auto', 'GD-001'),
      step('整改措施', 'auto', '不该写入'),
      step('复查意见', 'auto', '不该写入'),
    ])));
    expect(reports['联系电话']).toMatchObject({ status: 'ambiguous' });
    expect(reports['联系电话']!.message).toContain('2 处');
    for (const l of ['内部备注', '审核意见', '备用电话', '归档编号']) expect(reports[l], l).toMatchObject({ status: 'hidden' });
    expect(reports['整改措施']).toMatchObject({ status: 'not-found' });
    expect(reports['复查意见']).toMatchObject({ status: 'not-found' });
    expect(await submit(page)).toMatchObject({
      inspectorPhone: '', companionPhone: '', internalNote: '', auditOpinion: '', sparePhone: '', squeezedCode: '', rectifier: '', reviewer: '',
    });

    // Narrowed by `within`, and the section opened by the cadre: both filled and verified.
    await page.getByText('审核信息（展开填写）').click();
    await expect(page.locator('input[name=auditOpinion]')).toBeVisible();
    const again = byLabel(await fillWithEngine(page, planOf([
      step('联系电话', 'auto', '13800000000', { locate: { within: '.companion' } }),
      step('审核意见', 'auto', '同意'),
    ])));
    expect(again['联系电话']).toMatchObject({ status: 'verified' });
    expect(again['审核意见']).toMatchObject({ status: 'verified' });
    expect(await submit(page)).toMatchObject({ inspectorPhone: '', companionPhone: '13800000000', auditOpinion: '同意' });
  });
});

test.describe('the engine acts like a person, or not at all', () => {
  test('an unrecognised drop-down is 不认识的控件: its search box is never typed into', async ({ page }) => {
    await open(page);
    const [r] = await fillWithEngine(page, planOf([step('检查类别', 'auto', '日常检查')]));
    expect(r).toMatchObject({ status: 'error' });
    expect(r!.message).toContain('不认识的控件');
    await expect(page.locator('input[name=kind]')).toHaveValue('');
    expect(await submit(page)).toMatchObject({ kind: '' });
  });

  test('typing, then a rendered frame, then leaving: a box that commits on blur what it last rendered commits', async ({ page }) => {
    await page.goto(`${SITE.gallery}native/commit-on-blur.html`);
    await expect(page.locator('#area')).toBeVisible();
    const [r] = await fillWithEngine(page, planOf([step('建筑面积（㎡）', 'auto', '80')]));
    expect(r).toMatchObject({ status: 'verified' });
    await expect(page.locator('#committed')).toHaveText('80');
    const before = (await gallerySubmissions('commit-on-blur')).length;
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(async () => (await gallerySubmissions('commit-on-blur')).length).toBe(before + 1);
    expect((await gallerySubmissions('commit-on-blur')).at(-1)).toEqual({ area: 80 });
  });
});

test.describe('reports say what happened', () => {
  test('record, mapping (const, default) and truncated values are told apart, and the panel shows it', async ({ page }) => {
    await open(page);
    const mapping = {
      id: 'traps', version: 1, name: '填写陷阱', match: [TRAPS],
      fields: [
        { id: 'summary', label: '检查说明', widget: 'auto', key: 'inspection.summary', fill: { pipe: [{ op: 'truncate', max: 20 }] } },
        { id: 'source', label: '信息来源', widget: 'auto', fill: { pipe: [{ op: 'const', value: '网格员巡查' }] } },
        { id: 'staff', label: '从业人数', widget: 'auto', key: 'unit.staffCount', fill: { pipe: [{ op: 'default', value: '1' }] } },
        { id: 'unit', label: '单位名称', widget: 'auto', key: 'unit.name' },
      ],
    } as unknown as Mapping;
    const long = '二楼疏散通道堆放杂物，厨房灭火器失效，应急照明损坏，需限期整改';
    const p = plan({ id: 'r1', values: { 'inspection.summary': long, 'unit.name': '某某新开的小店' } }, mapping);
    const reports = byLabel(await fillWithEngine(page, p));
    expect(reports['检查说明']).toMatchObject({ status: 'verified', source: 'truncated', value: Array.from(long).slice(0, 20).join('') });
    expect(reports['信息来源']).toMatchObject({ status: 'verified', source: 'mapping', value: '网格员巡查' });
    expect(reports['从业人数']).toMatchObject({ status: 'verified', source: 'mapping', value: '1' });
    // An autocomplete keeps free text: verified by the input's text, not no-option.
    expect(reports['单位名称']).toMatchObject({ status: 'verified', value: '某某新开的小店' });
    expect(reports['单位名称']).not.toHaveProperty('source');
    expect(await submit(page)).toMatchObject({ summary: Array.from(long).slice(0, 20).join(''), source: '网格员巡查', staffCount: 1, unitName: '某某新开的小店' });

    // The report list the in-page panel and the popup render (lib/ui/report-list.tsx), in this page.
    const ui = await build({
      stdin: { contents: `import { h, render } from 'preact'; import { ReportList } from './lib/ui/report-list';
        window.__renderReports = (r) => { const el = document.createElement('div'); el.id = 'reports'; document.body.append(el); render(h(ReportList, { reports: r }), el); };`,
      resolveDir: fileURLToPath(new URL('../../', import.meta.url)), loader: 'tsx' },
      bundle: true, write: false, format: 'iife', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
    });
    await page.addScriptTag({ content: ui.outputFiles[0]!.text });
    await page.evaluate((r) => (window as unknown as { __renderReports(r: unknown): void }).__renderReports(r), Object.values(reports));
    const row = (label: string) => page.locator('#reports li', { hasText: label });
    await expect(row('信息来源').locator('.ylt-source')).toHaveText('由映射设定');
    await expect(row('从业人数').locator('.ylt-source')).toHaveText('由映射设定');
    await expect(row('检查说明').locator('.ylt-source')).toHaveText('已截断');
    await expect(row('单位名称').locator('.ylt-source')).toHaveCount(0);
  });

  test('an antd AutoComplete keeps free text: verified and captured by the text in its box, never no-option', async ({ page }) => {
    await page.goto(`${SITE.gallery}antd5/autocomplete.html`);
    await expect(page.locator('.ant-select-auto-complete')).toBeVisible();
    const [free] = await fillWithEngine(page, planOf([step('单位名称', 'auto', '某某新开的小店')]));
    expect(free).toMatchObject({ status: 'verified', shown: '某某新开的小店' });
    const captured = await page.evaluate(() => window.YLT.capture(document, {
      id: 'ac', version: 1, name: 'ac', match: [location.href], fields: [{ id: 'u', label: '单位名称', widget: 'auto', key: 'unit.name' }],
    } as never).values);
    expect(captured).toEqual({ 'unit.name': '某某新开的小店' });
    // A suggestion that reads exactly the value is picked from the remote list.
    const [picked] = await fillWithEngine(page, planOf([step('单位名称', 'auto', '杭州某某小吃店')]));
    expect(picked).toMatchObject({ status: 'verified', shown: '杭州某某小吃店' });
    const before = (await gallerySubmissions('antd5-autocomplete')).length;
    await page.getByRole('button', { name: '提 交' }).or(page.getByRole('button', { name: '提交' })).click();
    await expect.poll(async () => (await gallerySubmissions('antd5-autocomplete')).length).toBe(before + 1);
    expect((await gallerySubmissions('antd5-autocomplete')).at(-1)).toEqual({ unitName: '杭州某某小吃店' });
  });

  test('an upload with auto-upload off is verified when its files are listed ready; nothing is sent', async ({ page }) => {
    await open(page);
    const files = [photo('site-1.jpg'), photo('site-2.jpg')];
    const [r] = await fillWithEngine(page, planOf([step('现场照片', 'auto', files)]));
    expect(r).toMatchObject({ status: 'verified', shown: [{ name: 'site-1.jpg' }, { name: 'site-2.jpg' }] });
    const sent = await submit(page);
    expect(sent.photos).toEqual([{ name: 'site-1.jpg', status: 'ready' }, { name: 'site-2.jpg', status: 'ready' }]);
  });

  test('a Fusion TreeSelect that shows only its leaf is verified, and reads back as the path the fill picked', async ({ page }) => {
    await page.goto(`${SITE.gallery}fusion/`);
    await expect(page.locator('.next-form-item').first()).toBeVisible();
    const [r] = await fillWithEngine(page, planOf([step('所属网格', 'fusion-tree-select', ['文新街道', '文苑社区', '第3网格'])]));
    expect(r).toMatchObject({ status: 'verified', shown: ['文新街道', '文苑社区', '第3网格'] });
  });

  test('an antd TreeSelect: filled and verified, and captured as the whole path, not its leaf alone', async ({ page }) => {
    await page.goto(`${SITE.gallery}antdv/`);
    await expect(page.locator('.ant-form-item').first()).toBeVisible();
    const [r] = await fillWithEngine(page, planOf([step('所属网格', 'antd-tree-select', ['文新街道', '文苑社区', '第3网格'])]));
    expect(r).toMatchObject({ status: 'verified' });
    // Capture records the whole path of the chosen node, read from the kept dropdown, not its leaf alone.
    const grid = await page.evaluate(() => {
      const f = window.YLT.locateField(document, { label: '所属网格' });
      return f.status === 'found' ? window.YLT.widgetByKind('antd-tree-select')!.read(f.root) : f.status;
    });
    expect(grid).toEqual(['文新街道', '文苑社区', '第3网格']);
  });
});

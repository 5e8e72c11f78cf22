/**
 * The recorder's draft accuracy (「为此页面生成映射」, lib/mapping/recorder.ts) on replicas A, B, C and
 * the stepped-form gallery, before any correction: a drafted field is right when its key, its widget
 * and its locator agree with the hand-written mapping of that page. Expected values come from the
 * mapping files only — the key a field fills or captures, its declared widget — and the locator is
 * judged by where it leads: the drafted locator and the hand-written one must find the same element.
 * A drafted item the hand-written mapping leaves out is right only when the draft proposes no key.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '../helpers/test';
import { injectEngine } from '../helpers/engine';
import { SITE } from '../helpers/sites';
import { loadMapping, MAPPING_A, MAPPING_B, MAPPING_C } from '../helpers/mappings';
import { fixturePath } from '../helpers/fixtures';
import { parseMapping } from '../../lib/mapping/load';
import type { Mapping, MappingField } from '../../lib/mapping/schema';
import { mergeScan, type Draft } from '../../lib/mapping/draft';

/** The key a hand-written field stands for: its key, else what it captures to, else the one key it fills from. */
function expectedKey(f: MappingField): string | undefined {
  if (f.key) return f.key;
  if (f.capture && f.capture.to) return f.capture.to;
  if (f.fill && typeof f.fill.from === 'string') return f.fill.from;
  return undefined;
}

interface Judged { label: string | null; id: string; right: boolean; why: string[] }

async function judge(page: Page, mapping: Mapping): Promise<{ judged: Judged[]; missed: string[] }> {
  if (!(await page.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(page);
  const hand = mapping.fields.map((f) => ({ id: f.id, label: f.label, locate: f.locate, table: !!f.rows, widget: f.rows ? 'table' : f.widget, key: expectedKey(f) }));
  return page.evaluate((hand) => {
    const Y = window.YLT;
    const same = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
    const handRoots = hand.map((h) => {
      const r = Y.locateField(document, { label: h.label, locate: h.locate, container: h.table });
      return r.status === 'found' ? r.root : undefined;
    });
    const draft = Y.draftPage(document);
    const matched = new Set<number>();
    const judged = draft.items.map((it) => {
      const r = it.label ? Y.locateField(document, { label: it.label, locate: it.locate, container: it.widget === 'table' }) : { status: 'not-found' as const };
      const root = r.status === 'found' ? r.root : undefined;
      let i = root ? handRoots.findIndex((h) => !!h && same(h, root)) : -1;
      if (i < 0 && it.label) i = hand.findIndex((h) => Y.dom.normalizeText(h.label) === Y.dom.normalizeText(it.label!));
      const why: string[] = [];
      if (i < 0) {
        if (it.key) why.push(`映射里没有这一项，草稿却推荐了 ${it.key}`);
        return { label: it.label, id: it.id, right: !why.length, why };
      }
      matched.add(i);
      const h = hand[i]!;
      if ((it.key ?? undefined) !== h.key) why.push(`字段 ${it.key ?? '（无）'} ≠ ${h.key ?? '（无）'}`);
      if (h.widget !== 'auto' && it.widget !== h.widget) why.push(`控件 ${it.widget} ≠ ${h.widget}`);
      if (!root || !handRoots[i] || !same(root, handRoots[i]!)) why.push(`定位 ${JSON.stringify(it.locate ?? { label: it.label })} 没有找到同一个字段`);
      return { label: it.label, id: it.id, right: !why.length, why };
    });
    const missed = hand.filter((_, i) => !matched.has(i) && handRoots[i]).map((h) => h.label);
    return { judged, missed };
  }, hand);
}

const results: Record<string, { right: number; drafted: number }> = {};

function report(name: string, r: { judged: Judged[]; missed: string[] }) {
  const right = r.judged.filter((j) => j.right).length;
  results[name] = { right, drafted: r.judged.length };
  const lines = r.judged.map((j) => `  ${j.right ? '✓' : '✕'} ${j.label ?? '（无标签）'}（${j.id}）${j.why.length ? '：' + j.why.join('；') : ''}`);
  console.log(`${name}: ${right}/${r.judged.length} fields right (${Math.round((100 * right) / Math.max(1, r.judged.length))}%)${r.missed.length ? `; not drafted: ${r.missed.join('、')}` : ''}\n${lines.join('\n')}`);
  return right / Math.max(1, r.judged.length);
}

test.describe.configure({ mode: 'serial' });

test('replica A (Element UI)', async ({ page }) => {
  await page.goto(SITE.a);
  await expect(page.locator('.card-title')).toHaveText('行政检查记录（消防监督检查）');
  expect(report('A', await judge(page, loadMapping(MAPPING_A)))).toBeGreaterThanOrEqual(0.7);
});

test('replica B (Ant Design Vue)', async ({ page }) => {
  await page.goto(SITE.b);
  await expect(page.locator('.top-header')).toContainText('网格员 某某');
  await expect(page.locator('.ant-form-item').first()).toBeVisible();
  expect(report('B', await judge(page, loadMapping(MAPPING_B)))).toBeGreaterThanOrEqual(0.7);
});

test('replica C (layui, form in an iframe)', async ({ page }) => {
  await page.goto(SITE.c);
  await page.frameLocator('#mainFrame').locator('.layui-form-select').first().waitFor();
  expect(report('C', await judge(page, loadMapping(MAPPING_C)))).toBeGreaterThanOrEqual(0.7);
});

test('gallery: stepped form, first step', async ({ page }) => {
  const mapping = parseMapping(readFileSync(fixturePath('mappings/gallery-wizard.json'), 'utf8'), 'gallery-wizard.json');
  await page.goto(new URL('wizard/', SITE.gallery).href);
  await expect(page.locator('.el-form-item', { hasText: '单位名称' })).toBeVisible();
  expect(report('gallery wizard', await judge(page, mapping))).toBeGreaterThanOrEqual(0.7);
});

test('a re-scan after the maintainer reveals fields adds them as new, keeping the corrections made', async ({ page }) => {
  await page.goto(new URL('wizard/', SITE.gallery).href);
  await expect(page.locator('.el-form-item', { hasText: '单位名称' })).toBeVisible();
  await injectEngine(page);
  const first: Draft = await page.evaluate(() => window.YLT.draftPage(document));
  expect(first.items.map((i) => i.label)).toEqual(['单位名称', '统一社会信用代码']);
  const corrected: Draft = { ...first, items: first.items.map((i) => (i.label === '统一社会信用代码' ? { ...i, skip: true } : i)) };
  await page.getByText('负责人信息').click();
  await expect(page.locator('.el-form-item', { hasText: '联系电话' })).toBeVisible();
  const { draft, added } = mergeScan(corrected, await page.evaluate(() => window.YLT.draftPage(document)));
  expect(added.map((i) => [i.label, i.key, i.appears])).toEqual([['法定代表人', 'unit.legalPerson', true], ['联系电话', 'unit.phone', true]]);
  expect(draft.items.map((i) => [i.label, !!i.skip])).toEqual([['单位名称', false], ['统一社会信用代码', true], ['法定代表人', false], ['联系电话', false]]);
});

test.afterAll(() => {
  const right = Object.values(results).reduce((n, r) => n + r.right, 0);
  const drafted = Object.values(results).reduce((n, r) => n + r.drafted, 0);
  if (!drafted) return;
  console.log(`Recorder draft accuracy, all pages: ${right}/${drafted} fields right (${Math.round((100 * right) / Math.max(1, drafted))}%)`);
});

/**
 * Fields marked on the page after a fill (issue 12): 已填写并核对 / 请核对 / 未填写 with a legend, drawn
 * in the panel's closed shadow root over the fields; a field's mark goes when the cadre edits it; the
 * page's layout, classes and styles are untouched (compared with the marks shown and after 清除标记).
 * The marks are read the way DevTools sees the closed shadow root (CDP, pierce), like tests/helpers/panel.ts.
 */
import { test, expect, inExtension } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { clickPanelButton, panels, waitForPanel } from '../helpers/panel';
import { field, typeText } from '../helpers/person-a';
import type { Page } from '@playwright/test';

const MAPPING_A = 'zj.zzd.xfjc';
const PLATFORM = '浙政钉·掌上执法';

function record(at: number, values: Record<string, string>) {
  const origin = { mappingId: MAPPING_A, platform: PLATFORM, at, kind: 'capture' as const };
  return {
    id: 'marks-1', schemaVersion: 2, createdAt: at, updatedAt: at, status: 'captured',
    source: { mappingId: MAPPING_A, mappingVersion: 2, url: SITE.a, title: 'A' },
    identities: [], contributions: [{ id: 'c1', kind: 'capture', mappingId: MAPPING_A, mappingVersion: 2, platform: PLATFORM, url: SITE.a, at, values, raw: {} }],
    contributionIds: ['c1'], trail: [{ kind: 'captured', mappingId: MAPPING_A, platform: PLATFORM, at }],
    values, provenance: Object.fromEntries(Object.keys(values).map((k) => [k, origin])), history: {},
  };
}

interface Node { nodeType: number; localName?: string; backendNodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] }
interface MarkView { field: string; kind: string; box: { x: number; y: number; w: number; h: number } }

/** The marks drawn in the panel's closed shadow root, with their boxes on screen. */
async function marks(page: Page): Promise<MarkView[]> {
  const s = await page.context().newCDPSession(page);
  try {
    const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const found: { attrs: Record<string, string>; id: number }[] = [];
    const walk = (n: Node) => {
      const a = n.attributes ?? [];
      const attrs = Object.fromEntries(a.flatMap((v, i) => (i % 2 ? [] : [[v, a[i + 1] ?? '']])));
      if (/\bylt-mark\b/.test(attrs.class ?? '') && attrs['data-field']) found.push({ attrs, id: n.backendNodeId });
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(root);
    const out: MarkView[] = [];
    for (const m of found) {
      const { model } = (await s.send('DOM.getBoxModel', { backendNodeId: m.id })) as { model: { border: number[] } };
      const q = model.border;
      out.push({ field: m.attrs['data-field']!, kind: m.attrs['data-kind']!, box: { x: q[0]!, y: q[1]!, w: q[2]! - q[0]!, h: q[5]! - q[1]! } });
    }
    return out;
  } finally {
    await s.detach();
  }
}

/** Every element of the page's app: its box, class and inline style. */
function layout(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('#app *')].map((el) => {
    const r = el.getBoundingClientRect();
    return [el.tagName, el.getAttribute('class'), el.getAttribute('style'), Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join('|');
  }));
}

const kindOf = (ms: MarkView[], label: string) => ms.find((m) => m.field === label)?.kind;

test('after a fill the fields are marked with a legend; an edit takes its mark away; the page is not disturbed', async ({ context, extensionId, page }) => {
  test.setTimeout(240_000);
  const rec = record(Date.now() - 60_000, { 'unit.address': '文三路1号', 'unit.legalPerson': '王某', 'inspection.findings': '今天的检查。', 'inspection.method': '飞行检查' });
  expect(await inExtension(context, extensionId, { type: 'restore-record', record: rec })).toEqual({ ok: true });
  await page.goto(SITE.a);
  await waitForPanel(page, 60_000);
  expect(await marks(page)).toEqual([]);

  await clickPanelButton(page, '一录通 · 从上次录入填充');
  await expect.poll(async () => kindOf(await marks(page), '详细地址'), { timeout: 60_000 }).toBe('filled');
  const shown = await marks(page);
  expect(kindOf(shown, '法定代表人/主要负责人')).toBe('filled');
  expect(kindOf(shown, '现场检查情况')).toBe('filled');
  expect(kindOf(shown, '检查方式')).toBe('unfilled'); // A offers no 飞行检查
  expect(kindOf(shown, '备注')).toBe('unfilled'); // the record has none
  // Each mark sits over its field.
  const item = await field(page, '详细地址').locator('.el-form-item__content').boundingBox();
  const mark = shown.find((m) => m.field === '详细地址')!.box;
  expect(mark.x).toBeLessThanOrEqual(item!.x);
  expect(mark.x + mark.w).toBeGreaterThanOrEqual(item!.x + item!.width);
  expect(mark.y).toBeLessThanOrEqual(item!.y + item!.height / 2);
  expect(mark.y + mark.h).toBeGreaterThanOrEqual(item!.y + item!.height / 2);
  // The legend names the three kinds, with how many fields each.
  const panelText = (await panels(page)).map((p) => p.text).join('');
  expect(panelText).toContain('已填写并核对 3');
  expect(panelText).toContain('请核对 0');
  expect(panelText).toMatch(/未填写 \d+/);

  // The cadre edits 详细地址: its mark goes, the others stay.
  await typeText(page, '详细地址', '文三路2号');
  await expect.poll(async () => kindOf(await marks(page), '详细地址')).toBeUndefined();
  expect(kindOf(await marks(page), '法定代表人/主要负责人')).toBe('filled');

  // The marks change nothing on the page: boxes, classes and inline styles are the same with them and without.
  await page.locator('.card-title').click(); // leave the field, so focus does not move during the comparison
  const withMarks = await layout(page);
  expect(withMarks.join('\n')).not.toMatch(/ylt|outline/);
  await clickPanelButton(page, '清除标记');
  await expect.poll(async () => (await marks(page)).length).toBe(0);
  expect(await layout(page)).toEqual(withMarks);
});

/**
 * 1–3. One-click fill vs an RPA-style script vs a lower bound, on the replicas and the gallery that
 * has a mapping (控件样例 · 分步填报). Every form is loaded fresh before each run, in the same tab of
 * the same browser (with the extension installed).
 * - One-click fill: the popup's message `{ type: 'fill', tabId }` sent from an extension page, timed in
 *   that page from the send to the answer, which comes after the last field is reported and the fill
 *   logged (the same path as the popup's 从上次录入填充 button). The answer's reports give verified / total.
 * - RPA: scripts/bench/rpa-*.ts, timed in Node around the script.
 * - Lower bound: the form's own count of native value sets, clicks and open-and-clicks (listed below
 *   from the RPA scripts), each at the unit cost measured in-page on real Element UI widgets
 *   (scaling.ts), plus the server's own latency: the union of the /api/ requests' open intervals
 *   during the one-click fills (median).
 */
import type { Page } from '@playwright/test';
import type { RunningSites } from '../../tests/sites/serve';
import { sampleRecordValues } from '../../tests/helpers/fixtures';
import { Driver, repeat, verifiedOf, type Launched } from './harness';
import type { UnitCosts } from './scaling';
import { rpaFillA } from './rpa-a';
import { rpaFillB } from './rpa-b';
import { rpaFillC } from './rpa-c';
import { rpaFillWizard } from './rpa-wizard';
import { item as wizardItem } from '../../tests/helpers/person-wizard';
import { item as bItem } from '../../tests/helpers/person-b';
import { injectEngine } from '../../tests/helpers/engine';
import { loadMapping, MAPPING_A, MAPPING_B, MAPPING_C } from '../../tests/helpers/mappings';
import { validateMapping } from '../../lib/mapping/load';
import { plan } from '../../lib/engine/plan';
import type { Mapping } from '../../lib/mapping/schema';
import { readFileSync } from 'node:fs';

const wizardMapping = (): Mapping => validateMapping(JSON.parse(readFileSync(new URL('../../tests/fixtures/mappings/gallery-wizard.json', import.meta.url), 'utf8')), 'gallery-wizard.json');

interface Form {
  name: string;
  mappingId: string;
  url(sites: RunningSites): string;
  ready(page: Page): Promise<void>;
  rpa(page: Page): Promise<void>;
  mapping(): Mapping;
  /** Unavoidable work, counted from the RPA script: native sets, plain clicks, open-and-clicks. */
  work: { set: number; click: number; openClick: number };
}

export const FORMS: Form[] = [
  {
    name: 'A 浙政钉·掌上执法 (Element Plus)', mappingId: 'zj.zzd.xfjc', url: (s) => s.urls['platform-a'],
    ready: (p) => p.locator('.card-title').first().waitFor(),
    rpa: rpaFillA, mapping: () => loadMapping(MAPPING_A),
    // set: 13 text/number fields, 2 row descriptions, 信用代码, photos · click: 单位类别, 检查依据 ×2, 18 checklist
    // radios, 隐患等级, 检查结果, 处理措施, 添加一行 ×2 · open-and-click: 检查方式, 检查事项, 单位, 4 cascader levels,
    // 所属行业, 场所类型, 检查时间, 检查人员 ×2, 2 defects, 2 row levels, 2 row deadlines, 整改期限, 复查日期.
    work: { set: 17, click: 26, openClick: 20 },
  },
  {
    name: 'B 基层智治 (antd 5)', mappingId: 'zj.jczz.sjsb', url: (s) => s.urls['platform-b'],
    ready: (p) => bItem(p, '事件标题').waitFor(),
    rpa: rpaFillB, mapping: () => loadMapping(MAPPING_B),
    // set: 6 text fields, 2 row descriptions, 附件 · click: 是否存在隐患, 隐患类别 ×2, 紧急程度, 处置方式, 添加隐患 ×2 ·
    // open-and-click: 事件来源, 3 cascader levels, 发生时间, 所属行业, 2 row levels, 2 row deadlines, 要求办结时限.
    work: { set: 9, click: 7, openClick: 11 },
  },
  {
    name: 'C 消防监督(旧版) (layui, iframe)', mappingId: 'zj.xfjd.jxcs', url: (s) => s.urls['platform-c'],
    ready: (p) => p.frameLocator('#mainFrame').locator('.layui-form-select').first().waitFor(),
    rpa: rpaFillC, mapping: () => loadMapping(MAPPING_C),
    // set: 9 text fields, 检查类别 (native select) · click: 不合格项 ×2, 是否复查 · open-and-click: 4 region levels,
    // 主体类型, 场所类型, 检查日期, 到场时间, 整改期限.
    work: { set: 10, click: 3, openClick: 9 },
  },
  {
    name: '控件样例 · 分步填报 (Element Plus)', mappingId: 'test.gallery.wizard', url: (s) => new URL('wizard/', s.urls.gallery).href,
    ready: (p) => wizardItem(p, '单位名称').waitFor(),
    rpa: rpaFillWizard, mapping: () => wizardMapping(),
    // set: 7 text fields · click: 负责人信息, 下一步 ×2, 现场情况, 检查结果, 添加一项 ×2, 新增, 确定, 展开更多 ·
    // open-and-click: 检查方式, 检查人员 ×2, 2 row descriptions, 2 row levels, 2 row deadlines.
    work: { set: 7, click: 10, openClick: 9 },
  },
];

export interface FillResult {
  form: string;
  extension: { ms: number; verified: number; total: number; runs: number[]; notDone: string[] };
  rpa: { ms: number; runs: number[] } | { error: string };
  server: number;
  lowerBound: number;
  /** One profiled fill through the engine harness (no extension): the slowest fields, ms each. */
  slowest: [string, number][];
}

/**
 * Where a fill's time goes: the same plan applied once through the engine harness in a browser
 * without the extension, each field's time taken from apply()'s progress callback.
 */
async function profile(bare: Launched, url: string, form: Form): Promise<[string, number][]> {
  const page = await bare.context.newPage();
  try {
    await page.goto(url);
    await form.ready(page);
    await injectEngine(page);
    const steps = plan({ id: 'bench', values: sampleRecordValues() } as Parameters<typeof plan>[0], form.mapping());
    // A string, not a function: tsx would wrap the callback in `__name`, which the page does not have.
    const marks = await page.evaluate(`(async () => {
      const at = [];
      const t0 = performance.now();
      await window.YLT.apply(document, ${JSON.stringify(steps)}, { timeoutMs: 5000, onProgress: (d, t, r) => { at.push([r.label, performance.now()]); } });
      return { t0, at };
    })()`) as { t0: number; at: [string, number][] };
    let prev = marks.t0;
    const each = marks.at.map(([label, t]): [string, number] => { const d = t - prev; prev = t; return [label, d]; });
    return each.sort((a, b) => b[1] - a[1]).slice(0, 5);
  } catch (e) {
    return [[`profile failed: ${(e as Error).message.split('\n')[0]}`, 0]];
  } finally {
    await page.close();
  }
}

/** Union length of [start, end] intervals, ms. */
function unionMs(spans: [number, number][]): number {
  const s = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of s) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

export async function measureFills(browser: Launched, bare: Launched, sites: RunningSites, unit: UnitCosts, log: (s: string) => void): Promise<FillResult[]> {
  const driver = await Driver.open(browser.context);
  await driver.seedSample(sites.urls['platform-a']);
  const out: FillResult[] = [];
  for (const form of FORMS) {
    const page = await browser.context.newPage();
    const url = form.url(sites);
    await page.goto(url);
    const tabId = await driver.tabId(page);
    const open = async () => {
      await page.goto(url);
      await form.ready(page);
      await driver.waitMapped(tabId, form.mappingId);
    };

    // Server latency seen during the fill: the /api/ requests' open intervals, unioned.
    let spans: [number, number][] = [];
    const started = new Map<object, number>();
    page.on('request', (r) => { if (r.url().includes('/api/')) started.set(r, performance.now()); });
    const finish = (r: object) => { const s = started.get(r); if (s !== undefined) spans.push([s, performance.now()]); started.delete(r); };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);

    const servers: number[] = [];
    const ext = await repeat(open, async () => {
      spans = [];
      const r = await driver.page.evaluate(async (tab) => {
        const t = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
        const res = await (globalThis as any).chrome.runtime.sendMessage({ type: 'fill', tabId: tab }) as { ok: boolean; error?: string; reports?: { label: string; status: string }[] };
        return { ms: performance.now() - t, res };
      }, tabId);
      if (!r.res.ok) throw new Error(`${form.name}: fill failed: ${r.res.error}`);
      servers.push(unionMs(spans));
      const reports = r.res.reports ?? [];
      return { ms: r.ms, extra: { ...verifiedOf(reports), notDone: reports.filter((x) => x.status !== 'verified' && x.status !== 'equal').map((x) => `${x.label}:${x.status}`) } };
    });
    const last = ext.extras.at(-1)!;
    log(`  ${form.name}: one-click ${ext.runs.map((x) => x.toFixed(0)).join(' / ')} ms`);

    let rpa: FillResult['rpa'];
    try {
      const r = await repeat(open, async () => {
        const t = performance.now();
        await form.rpa(page);
        return { ms: performance.now() - t, extra: null };
      });
      rpa = { ms: r.median, runs: r.runs };
      log(`  ${form.name}: RPA ${r.runs.map((x) => x.toFixed(0)).join(' / ')} ms`);
    } catch (e) {
      rpa = { error: (e as Error).message.split('\n')[0]! };
      log(`  ${form.name}: RPA failed: ${rpa.error}`);
    }
    const sorted = [...servers].sort((a, b) => a - b);
    const server = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const lowerBound = server + form.work.set * unit.set + form.work.click * unit.click + form.work.openClick * unit.openClick;
    const slowest = await profile(bare, url, form);
    out.push({ form: form.name, extension: { ms: ext.median, verified: last.verified, total: last.total, runs: ext.runs, notDone: last.notDone }, rpa, server, lowerBound, slowest });
    await page.close();
  }
  await driver.page.close();
  return out;
}

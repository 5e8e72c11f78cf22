/**
 * `npm run bench`: the speed claims, each as a ratio against a baseline measured in the same run on
 * the same machine, in Debian Chromium against replica A:
 *   1. capture runs synchronously inside the page's submit click, so it must stay cheap: compared
 *      with one walk over every element of the same page (querySelectorAll('*') + getComputedStyle);
 *   2. one-click fill versus a scripted careful person typing the same inspection (Playwright
 *      keystrokes and clicks with no thinking time — a lower bound for a human);
 *   3. plan() in Node versus a structured clone of the record it reads.
 */
import { chromium, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { startSites } from '../tests/sites/serve';
import { engineBundle } from '../tests/helpers/engine';
import { loadMapping, MAPPING_A } from '../tests/helpers/mappings';
import { sampleRecordValues } from '../tests/helpers/fixtures';
import { fillSampleOnA } from '../tests/helpers/person-a';
import { plan } from '../lib/engine/plan';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 1 ? 3 : 1)} ms`);
const line = (name: string, ms: number, base: string, baseMs: number) =>
  console.log(`${name.padEnd(46)} ${fmt(ms).padStart(10)}   baseline ${base}: ${fmt(baseMs)}   ratio ${(ms / baseMs).toFixed(2)}×`);

async function openA(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('.card-title');
  await page.addScriptTag({ content: await engineBundle() });
}

const sites = await startSites({ basePort: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  const mapping = loadMapping(MAPPING_A);
  const steps = plan({ id: 'bench', values: sampleRecordValues() }, mapping);
  const url = sites.urls['platform-a'];
  console.log('一录通 benchmark (replica A, Debian Chromium, this machine)\n');

  // 2. Fill: the engine vs a scripted person, each on a fresh page.
  await openA(page, url);
  let t = performance.now();
  await page.evaluate((p) => window.YLT.apply(document, p, { timeoutMs: 5000 }), steps);
  const engineFill = performance.now() - t;

  // 1. Capture on the page the engine just filled.
  // A string, not a function: tsx would wrap named helpers in `__name`, which the page does not have.
  const { capture, walk } = (await page.evaluate(`(() => {
    const m = ${JSON.stringify(mapping)};
    const runs = (fn, n) => Array.from({ length: n }, () => { const s = performance.now(); fn(); return performance.now() - s; });
    const walk = runs(() => { let n = 0; for (const el of Array.from(document.querySelectorAll('*'))) n += getComputedStyle(el).display.length; return n; }, 15);
    const capture = runs(() => window.YLT.capture(document, m), 15);
    return { capture, walk };
  })()`)) as { capture: number[]; walk: number[] };
  line(`capture, ${mapping.fields.length} fields (inside the submit click)`, median(capture), 'one full DOM walk', median(walk));

  const person = await ctx.newPage();
  await person.goto(url);
  await person.waitForSelector('.card-title');
  t = performance.now();
  await fillSampleOnA(person);
  const personFill = performance.now() - t;
  line(`fill A, ${steps.steps.length} fields (one click)`, engineFill, 'scripted person', personFill);

  // 3. plan() in Node.
  const record = { id: 'bench', values: sampleRecordValues() };
  const planRuns: number[] = [];
  const cloneRuns: number[] = [];
  for (let i = 0; i < 200; i++) {
    let s = performance.now(); plan(record, mapping); planRuns.push(performance.now() - s);
    s = performance.now(); structuredClone(record); cloneRuns.push(performance.now() - s);
  }
  line('plan(record, mapping) in Node', median(planRuns), 'structuredClone(record)', median(cloneRuns));
} finally {
  await browser.close();
  await sites.close();
}

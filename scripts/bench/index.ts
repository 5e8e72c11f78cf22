/**
 * `npm run bench` (issue 13): builds the extension (test mappings bundled, into YLT_OUT_DIR or
 * .output-bench), serves the replicas itself on SITES_PORT (default 5591), launches Debian Chromium
 * with the built extension and, for baselines, without it, and measures in one run:
 *   1–3 one-click fill vs RPA script vs lower bound (fill.ts), 4 scaling (scaling.ts), 5 capture
 *   latency (capture.ts), 6 large stores (stores.ts), 7 unmapped pages (unmapped.ts), 8 bundle sizes
 *   (bundles.ts).
 * Each figure is the median of BENCH_RUNS (default 5) runs after a warm-up. Prints tables, writes
 * .bench/latest.json, and ends with one line saying where each target of the issue stands.
 * BENCH_ONLY=fill,scaling,… runs some families only; BENCH_STORE_SIZES=10000,100000 sets the stores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildExtension, fmtBytes, fmtMs, launch, OUT_DIR, PORT, printTable, ratio, ROOT, RUNS, serveReplicas, type Launched } from './harness';
import { measureFills, type FillResult } from './fill';
import { measureScaling, measureUnitCosts, type ScalingResult, type UnitCosts } from './scaling';
import { measureCapture, type CaptureResult } from './capture';
import { measureStores, type StoreResult } from './stores';
import { measureUnmapped, type UnmappedResult } from './unmapped';
import { measureBundles, type BundleSize } from './bundles';

const only = new Set((process.env.BENCH_ONLY ?? 'fill,scaling,capture,stores,unmapped,bundles').split(','));
const storeSizes = (process.env.BENCH_STORE_SIZES ?? '10000,100000').split(',').map(Number);
const log = (s: string) => console.error(s);
const started = Date.now();

log(`一录通 bench: building into ${OUT_DIR} (replicas on port ${PORT}), ${RUNS} runs per figure after a warm-up…`);
buildExtension();
const sites = await serveReplicas();
const errors: Record<string, string> = {};
let ext: Launched | undefined;
let bare: Launched | undefined;
const result: {
  date: string; machine: string; runs: number; unit?: UnitCosts; fills?: FillResult[]; scaling?: ScalingResult[];
  capture?: CaptureResult; stores?: StoreResult[]; unmapped?: UnmappedResult[]; bundles?: BundleSize[];
} = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at start`, runs: RUNS };
try {
  ext = await launch(true);
  bare = await launch(false);
  // One family failing does not lose the others' figures: its error is printed and kept in the JSON.
  const family = async (name: string, fn: () => Promise<void> | void) => {
    if (!only.has(name)) return;
    log(`${name}…`);
    try { await fn(); } catch (e) { errors[name] = (e as Error).message.split('\n')[0]!; log(`  ${name} failed: ${(e as Error).stack}`); }
  };
  if (only.has('fill') || only.has('scaling')) result.unit = await measureUnitCosts(bare.context, sites.urls.gallery);
  await family('fill', async () => { result.fills = await measureFills(ext!, bare!, sites, result.unit!, log); });
  await family('scaling', async () => { result.scaling = await measureScaling(bare!.context, sites.urls.gallery, log); });
  await family('capture', async () => { result.capture = await measureCapture(ext!, bare!, sites.urls['platform-a']); });
  await family('unmapped', async () => { result.unmapped = await measureUnmapped(ext!, bare!, sites.urls.gallery); });
  await family('stores', async () => { result.stores = await measureStores(ext!, sites.urls['platform-a'], storeSizes, log); });
  await family('bundles', () => { result.bundles = measureBundles(); });
} finally {
  await ext?.close();
  await bare?.close();
  await sites.close();
}

// ---- tables ----
console.log(`一录通 benchmark — ${result.date}, ${result.machine}, Debian Chromium headless, median of ${RUNS} runs after a warm-up`);
const u = result.unit;
if (u) console.log(`lower-bound unit costs (in-page, real Element UI 2): native set ${fmtMs(u.set)}, click ${fmtMs(u.click)}, open-and-click ${fmtMs(u.openClick)}`);
if (result.fills) {
  printTable('1–3. Fill: one click (extension) vs RPA script vs lower bound', ['form', 'one-click', 'verified', 'RPA script', 'ext ÷ RPA', 'server', 'lower bound', 'ext ÷ LB'],
    result.fills.map((f) => {
      const rpa = 'ms' in f.rpa ? f.rpa.ms : undefined;
      return [f.form, fmtMs(f.extension.ms), `${f.extension.verified}/${f.extension.total}`, rpa === undefined ? 'failed' : fmtMs(rpa), ratio(f.extension.ms, rpa), fmtMs(f.server), fmtMs(f.lowerBound), ratio(f.extension.ms, f.lowerBound)];
    }));
  for (const f of result.fills) if (f.extension.notDone.length) console.log(`  ${f.form} not verified: ${f.extension.notDone.join(', ')}`);
  console.log('  where the one-click time goes (one profiled fill through the engine harness, slowest fields):');
  for (const f of result.fills) console.log(`    ${f.form}: ${f.slowest.map(([l, ms]) => `${l} ${fmtMs(ms)}`).join(', ')}`);
  for (const f of result.fills) if ('error' in f.rpa) console.log(`  ${f.form} RPA failed: ${f.rpa.error}`);
}
if (result.scaling) {
  const base = result.scaling[0]!;
  printTable('4. Scaling: synthetic Element UI 2 form, mixed widgets (engine harness, apply() timed in the page)', ['fields', 'fill', 'verified', 'per field', `÷ ${base.fields} fields`],
    result.scaling.map((s) => [String(s.fields) + (s.overBudget ? ' (1 run: over budget)' : ''), fmtMs(s.ms), `${s.verified}/${s.total}`, fmtMs(s.ms / s.fields), ratio(s.ms, base.ms)]));
}
if (result.capture) {
  printTable('5. Capture: time before the page\'s submit handler, trusted click, cold styles (replica A, filled)', ['', 'median'],
    [['with the extension', fmtMs(result.capture.withExtension)], ['without (floor)', fmtMs(result.capture.withoutExtension)]]);
}
if (result.stores) {
  printTable('6. Large stores (real extension IndexedDB)', ['records', 'latestRecord()', 'tab-status msg', 'search, no match', 'search, many match', 'popup first paint', 'popup record shown'],
    result.stores.map((s) => [String(s.records), fmtMs(s.latestRecord), fmtMs(s.tabStatus), fmtMs(s.searchMiss), fmtMs(s.searchHit), fmtMs(s.popupFirstPaint), fmtMs(s.popupRecordShown)]));
}
if (result.unmapped) {
  printTable('7. Pages with no mapping', ['page', 'bytes injected', 'main thread with', 'without', 'added'],
    result.unmapped.map((p) => [p.page, fmtBytes(p.bytes), fmtMs(p.taskMsWith), fmtMs(p.taskMsWithout), fmtMs(p.taskMsWith - p.taskMsWithout)]));
}
if (result.bundles) {
  printTable('8. Bundle sizes', ['part', 'raw', 'gzip'], result.bundles.map((b) => [b.part, fmtBytes(b.raw), fmtBytes(b.gzip)]));
}

// ---- targets ----
const targets: string[] = [];
const mark = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
if (result.fills) {
  const rpaOk = result.fills.every((f) => 'ms' in f.rpa && f.extension.ms <= 0.5 * f.rpa.ms);
  const lbOk = result.fills.every((f) => f.extension.ms <= 2 * f.lowerBound);
  const worstRpa = Math.max(...result.fills.map((f) => ('ms' in f.rpa ? f.extension.ms / f.rpa.ms : Infinity)));
  const worstLb = Math.max(...result.fills.map((f) => f.extension.ms / f.lowerBound));
  targets.push(`fill ≤0.5× RPA: ${mark(rpaOk)} (worst ${worstRpa.toFixed(2)}×)`, `fill ≤2× lower bound: ${mark(lbOk)} (worst ${worstLb.toFixed(2)}×)`);
}
if (result.scaling) {
  const s30 = result.scaling.find((s) => s.fields === 30);
  const s300 = result.scaling.find((s) => s.fields === 300);
  if (s30 && s300) targets.push(`300 fields ≤10× 30 fields: ${mark(s300.ms <= 10 * s30.ms)} (${(s300.ms / s30.ms).toFixed(2)}×)`);
}
if (result.capture) targets.push(`capture ≤20 ms: ${mark(result.capture.withExtension <= 20)} (${fmtMs(result.capture.withExtension)})`);
const big = result.stores?.find((s) => s.records >= 100_000);
if (big) targets.push(`100k records: choose ≤5 ms ${mark(big.latestRecord <= 5)} (${fmtMs(big.latestRecord)}), popup paint ≤300 ms ${mark(big.popupFirstPaint <= 300)} (${fmtMs(big.popupFirstPaint)}; record shown ${fmtMs(big.popupRecordShown)})`);
const noMap = result.unmapped?.[0];
if (noMap) targets.push(`0 bytes on unmapped hosts: ${mark(noMap.bytes === 0)} (${fmtBytes(noMap.bytes)}; ${fmtBytes(result.unmapped?.[1]?.bytes)} on a mapped host's unmapped path)`);
const cs = result.bundles?.find((b) => b.part === 'content script');
if (cs) targets.push(`content script ≤40 KB gzip: ${mark(cs.gzip <= 40 * 1024)} (${fmtBytes(cs.gzip)})`);

for (const [name, e] of Object.entries(errors)) console.log(`${name}: FAILED — ${e}`);
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(join(ROOT, '.bench/latest.json'), JSON.stringify({ ...result, errors, loadAtEnd: loadavg(), targets, seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
console.log(`\n(${Math.round((Date.now() - started) / 1000)} s, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}; figures in .bench/latest.json)`);
console.log(`Targets: ${targets.join(' · ')}`);

/**
 * What every measurement family of `npm run bench` shares: the build of the extension it measures,
 * the replica servers, Chromium launched with (or without) the built extension, repeated timing
 * (warm-up, then the median of BENCH_RUNS runs), asking the extension's background from one of its
 * own pages, and the rows of the final table.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, CHROMIUM_PATH, extensionIdOf, tabIdOf } from '../../tests/helpers/extension';
import { startSites, type RunningSites } from '../../tests/sites/serve';
import { sampleRecordValues } from '../../tests/helpers/fixtures';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Runs measured per figure, after one warm-up run (BENCH_RUNS=… overrides; at least 5 by default). */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** The replicas' first port; the build must be made with the same one (it shifts the mappings' URLs). */
export const PORT = Number(process.env.SITES_PORT ?? 5591);
export const OUT_DIR = process.env.YLT_OUT_DIR ?? '.output-bench';
export const DIST = join(ROOT, OUT_DIR, 'chrome-mv3');

/** Builds the extension as `npm test` does (test mappings bundled), unless BENCH_BUILD=0. */
export function buildExtension(): void {
  if (process.env.BENCH_BUILD === '0' && existsSync(join(DIST, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, YLT_OUT_DIR: OUT_DIR, SITES_PORT: String(PORT), WXT_TEST_MAPPINGS: '1' },
  });
}

export function serveReplicas(): Promise<RunningSites> {
  return startSites({ basePort: PORT });
}

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian Chromium with a fresh profile, with the built extension (or, for baselines, without it). */
export async function launch(withExtension = true): Promise<Launched> {
  const dir = await mkdtemp(join(tmpdir(), 'ylt-bench-'));
  const args = withExtension ? chromiumArgs(DIST) : chromiumArgs(DIST).filter((a) => !a.includes('extension'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH, headless: true, args,
    viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    },
  };
}

/**
 * A page of the extension (options.html) kept open to talk to the background as the popup does:
 * `ask(msg)` is `chrome.runtime.sendMessage(msg)` from inside it.
 */
export class Driver {
  private constructor(readonly context: BrowserContext, readonly extensionId: string, readonly page: Page) {}

  static async open(context: BrowserContext): Promise<Driver> {
    const id = await extensionIdOf(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    return new Driver(context, id, page);
  }

  ask<T>(msg: unknown): Promise<T> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
    return this.page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg) as Promise<T>;
  }

  /** The sample inspection (tests/fixtures/records/sample-from-a.json) as if captured on A; the same captureId updates it. */
  async seedSample(urlA: string): Promise<void> {
    const r = await this.ask<{ ok: boolean; error?: string }>({
      type: 'capture', captureId: 'bench-a', status: 'captured', mappingId: 'zj.zzd.xfjc', url: urlA,
      title: '浙政钉·掌上执法', values: sampleRecordValues(), raw: {},
    });
    if (!r.ok) throw new Error(`could not seed the sample record: ${r.error}`);
  }

  tabId(page: Page): Promise<number> {
    return tabIdOf(this.context, page);
  }

  /** Waits (bounded) until the tab's content script has registered the mapped frame. */
  async waitMapped(tabId: number, mappingId: string, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.ask<{ mapping?: { id: string } | null }>({ type: 'tab-status', tabId });
      if (r.mapping?.id === mappingId) return;
      if (Date.now() > end) throw new Error(`no mapping ${mappingId} on tab ${tabId} after ${timeoutMs} ms`);
      await this.page.waitForTimeout(50); // polling interval, not a measured wait
    }
  }
}

export interface Timed<T> {
  ms: number;
  extra: T;
}

/**
 * One warm-up run, then RUNS measured runs; `setup` (not timed) prepares each run, `run` returns its
 * own duration (measured where it makes sense: in the page, or in Node around a Playwright script).
 */
export async function repeat<T>(setup: () => Promise<void>, run: () => Promise<Timed<T>>, runs = RUNS, warmUp = true): Promise<{ median: number; runs: number[]; extras: T[] }> {
  if (warmUp) {
    await setup();
    await run();
  }
  const times: number[] = [];
  const extras: T[] = [];
  for (let i = 0; i < runs; i++) {
    await setup();
    const r = await run();
    times.push(r.ms);
    extras.push(r.extra);
  }
  return { median: median(times), runs: times, extras };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function fmtBytes(n: number | undefined): string {
  if (n === undefined) return '—';
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}

export const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`;

/** One printed row of a section's table. */
export type Row = string[];

export function printTable(title: string, head: Row, rows: Row[]): void {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: Row) => r.map((c, i) => pad(c ?? '', widths[i]!, i > 0)).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** The `status` counts of a fill's reports: "verified/total". */
export function verifiedOf(reports: readonly { status: string }[]): { verified: number; total: number } {
  return { verified: reports.filter((r) => r.status === 'verified' || r.status === 'equal').length, total: reports.length };
}

/**
 * `npm test`: every check the project has, in order, never stopping early:
 *
 *   1. typecheck   tsc --noEmit
 *   2. lint        eslint .
 *   3. unit        vitest run           (tests/unit: unit + mapping meta-tests) -> test-results/vitest.json
 *   4. build       wxt build            (.output/chrome-mv3, which the e2e tests load; a test build:
 *                                        WXT_TEST_MAPPINGS=1 bundles tests/fixtures/mappings/ too)
 *   5. browser     playwright test      (replicas, widgets, mappings, e2e)     -> test-results/playwright.json
 *
 * Each stage runs even if an earlier one failed; the exit code is non-zero if any failed. The very last
 * line of output is `N passed, M failed` (`, K skipped` when some were skipped), totalling the vitest and
 * Playwright tests; a failed stage without countable tests (typecheck, lint, build, or a runner that
 * crashed before writing its JSON report) counts as 1 failed. Just above that line, every failed test is
 * named (`file:line › title`), so a failure can be found without scrolling through the runners' output.
 *
 * Playwright runs without retries (playwright.config.ts). Should retries come back (a config change, or
 * `--retries` on the command line), a test that passed only on retry ("flaky") counts as FAILED and is
 * named: a retry never turns a failure into a pass.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const VITEST_JSON = join(resultsDir, 'vitest.json');
const PLAYWRIGHT_JSON = join(resultsDir, 'playwright.json');

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Passed only on retry: already included in `failed` (a retry must not hide a failure). */
  flaky?: number;
  /** One line per failed (or flaky) test: `file:line › title`. */
  failures?: string[];
}
interface Stage {
  name: string;
  bin: string;
  args: string[];
  /** Where the runner writes its JSON report (removed before the stage runs, so stale files never count). */
  report?: string;
  /** Reads the report into counts; throws if it is unreadable. */
  count?: (report: unknown) => Counts;
  /** Extra environment for this stage only. */
  env?: Record<string, string>;
}
interface Outcome {
  stage: Stage;
  code: number;
  seconds: number;
  counts: Counts;
  note?: string;
}

const stages: Stage[] = [
  { name: 'typecheck', bin: 'tsc', args: ['--noEmit'] },
  { name: 'lint', bin: 'eslint', args: ['.'] },
  {
    name: 'unit',
    bin: 'vitest',
    args: ['run', '--includeTaskLocation', '--reporter=default', '--reporter=json', `--outputFile=${relative(VITEST_JSON)}`],
    report: VITEST_JSON,
    count: countVitest,
  },
  // The galleries' own mappings (tests/fixtures/mappings/) go into this build for the e2e tests; never into a release.
  { name: 'build', bin: 'wxt', args: ['build'], env: { WXT_TEST_MAPPINGS: '1' } },
  { name: 'browser', bin: 'playwright', args: ['test'], report: PLAYWRIGHT_JSON, count: countPlaywright },
];

function relative(path: string): string {
  return path.slice(root.length + 1);
}

/** A path relative to the repository (reports hold absolute paths, or paths relative to the test dir). */
function repoPath(file: string | undefined, base = root): string {
  if (!file) return '?';
  const full = resolve(base, file);
  return full.startsWith(root + '/') ? relative(full) : file;
}

/** The first line of an error message, for naming what failed outside any test. */
function firstLine(message: unknown): string {
  return String(message ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
}

/** Vitest's JSON reporter (Jest-compatible shape). A test file that failed to load has no assertions. */
function countVitest(report: unknown): Counts {
  const r = report as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults?: {
      name?: string;
      status?: string;
      message?: string;
      assertionResults?: { status?: string; title?: string; ancestorTitles?: string[]; location?: { line?: number } }[];
    }[];
  };
  if (typeof r.numPassedTests !== 'number' || typeof r.numFailedTests !== 'number') throw new Error('not a vitest JSON report');
  const failures: string[] = [];
  let brokenFiles = 0;
  for (const file of r.testResults ?? []) {
    const path = repoPath(file.name);
    if (file.status === 'failed' && (file.assertionResults?.length ?? 0) === 0) {
      brokenFiles += 1;
      failures.push(`${path} › (the file failed to load: ${firstLine(file.message)})`);
    }
    for (const a of file.assertionResults ?? []) {
      if (a.status !== 'failed') continue;
      const line = a.location?.line ? `:${a.location.line}` : '';
      failures.push(`${path}${line} › ${[...(a.ancestorTitles ?? []), a.title ?? '?'].join(' › ')}`);
    }
  }
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    failures,
  };
}

interface PwSpec { title: string; file?: string; line?: number; tests?: { status?: string; projectName?: string }[] }
interface PwSuite { title: string; file?: string; specs?: PwSpec[]; suites?: PwSuite[] }

/**
 * Playwright's JSON reporter: stats.expected = passed, unexpected = failed, flaky = passed only on a
 * retry, which counts as failed here. Failed and flaky tests are named from the suite tree.
 */
function countPlaywright(report: unknown): Counts {
  const r = report as {
    config?: { rootDir?: string };
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
    suites?: PwSuite[];
    errors?: { message?: string }[];
  };
  const s = r.stats;
  if (!s || typeof s.expected !== 'number' || typeof s.unexpected !== 'number') throw new Error('not a Playwright JSON report');
  const testDir = r.config?.rootDir ?? join(root, 'tests');
  const failures: string[] = [];
  const walk = (suite: PwSuite, titles: string[]) => {
    // The file-level suite's title is the file name, which the `file:line` prefix already says.
    const path = suite.file && suite.title === suite.file ? titles : [...titles, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const where = `${repoPath(spec.file ?? suite.file, testDir)}:${spec.line ?? '?'}`;
        const project = t.projectName ? ` [${t.projectName}]` : '';
        const flaky = t.status === 'flaky' ? ' (flaky: failed, then passed on a retry; counted as failed)' : '';
        failures.push(`${where} › ${[...path, spec.title].join(' › ')}${project}${flaky}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of r.suites ?? []) walk(suite, []);
  for (const e of r.errors ?? []) failures.push(`(error outside any test: ${firstLine(e.message)})`);
  const flaky = s.flaky ?? 0;
  return { passed: s.expected, failed: s.unexpected + flaky, skipped: s.skipped ?? 0, flaky, failures };
}

function binPath(bin: string): string {
  const local = join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${bin}.cmd` : bin);
  return existsSync(local) ? local : bin;
}

function run(bin: string, args: string[], env?: Record<string, string>): Promise<number> {
  return new Promise((done) => {
    const child = spawn(binPath(bin), args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      console.error(`[test-all] could not start ${bin}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const started = Date.now();
const secondsSince = (t: number) => ((Date.now() - t) / 1000).toFixed(1);
mkdirSync(resultsDir, { recursive: true });

const outcomes: Outcome[] = [];
/** Reports read so far: Playwright empties test-results/ when it starts, so they are written back at the end. */
const keptReports = new Map<string, string>();
for (const [i, stage] of stages.entries()) {
  console.log(`\n━━━ [${i + 1}/${stages.length}] ${stage.name}: ${stage.bin} ${stage.args.join(' ')}  (t+${secondsSince(started)}s) ━━━`);
  if (stage.report) rmSync(stage.report, { force: true });
  const t0 = Date.now();
  const code = await run(stage.bin, stage.args, stage.env);
  const seconds = (Date.now() - t0) / 1000;
  let counts: Counts = { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  let note: string | undefined;
  if (stage.report && stage.count) {
    if (!existsSync(stage.report)) {
      counts = { passed: 0, failed: 1, skipped: 0 };
      note = `no report at ${relative(stage.report)} (runner crashed or found nothing)`;
    } else {
      try {
        const text = readFileSync(stage.report, 'utf8');
        keptReports.set(stage.report, text);
        counts = stage.count(JSON.parse(text));
        // Non-zero exit with no failing test counted: an error outside tests (load error, global setup, no tests found).
        if (code !== 0 && counts.failed === 0) {
          counts.failed = 1;
          note = `exit code ${code} outside any test`;
        }
      } catch (err) {
        counts = { passed: 0, failed: 1, skipped: 0 };
        note = `unreadable report ${relative(stage.report)}: ${(err as Error).message}`;
      }
    }
  }
  const ok = code === 0 && counts.failed === 0;
  const tally = stage.count ? ` — ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${counts.flaky ? ` (${counts.flaky} of them flaky: passed only on a retry)` : ''}` : '';
  console.log(`━━━ ${stage.name} ${ok ? 'OK' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)}s${tally}${note ? ` [${note}]` : ''}`);
  outcomes.push({ stage, code, seconds, counts, note });
}

for (const [file, text] of keptReports) {
  if (!existsSync(file)) {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(file, text);
  }
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
console.log(`\n━━━ summary (${secondsSince(started)}s) ━━━`);
for (const o of outcomes) {
  total.passed += o.counts.passed;
  total.failed += o.counts.failed;
  total.skipped += o.counts.skipped;
  const ok = o.code === 0 && o.counts.failed === 0;
  const detail = o.stage.count
    ? `${o.counts.passed} passed, ${o.counts.failed} failed${o.counts.skipped ? `, ${o.counts.skipped} skipped` : ''}${o.counts.flaky ? ` (${o.counts.flaky} of them flaky)` : ''}`
    : '';
  console.log(`  ${ok ? '✓' : '✗'} ${o.stage.name.padEnd(10)} ${o.seconds.toFixed(1).padStart(6)}s  ${detail}${o.note ? ` [${o.note}]` : ''}`);
}

// Every failure by name, just above the totals: tests as `file:line › title`, other failed stages by their exit.
const failedLines: string[] = [];
for (const o of outcomes) {
  const named = o.counts.failures ?? [];
  for (const f of named) failedLines.push(`  ✗ ${o.stage.name}: ${f}`);
  const unnamed = o.counts.failed - named.length;
  if (unnamed > 0) failedLines.push(`  ✗ ${o.stage.name}: ${o.note ?? `exit code ${o.code}`}${unnamed > 1 ? ` (${unnamed} failures not named in the report)` : ''}`);
}
if (failedLines.length) {
  console.log(`\n━━━ failed (${failedLines.length}) ━━━`);
  for (const line of failedLines) console.log(line);
}
process.exitCode = total.failed > 0 ? 1 : 0;
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);

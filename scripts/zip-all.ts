/**
 * `npm run zip`: build and zip every target, then run Mozilla's linter on the Firefox build.
 *
 *   chrome-mv3   wxt zip              Chrome / Edge / new 360 (MV3)
 *   chrome-mv2   wxt zip --mv2        Chromium-86-based 360 安全浏览器 / 信创 browsers (MV2)
 *   firefox-mv2  wxt zip -b firefox   Firefox (also writes the sources zip AMO asks for)
 *   web-ext lint --source-dir .output/firefox-mv2 --self-hosted   (offline; fails on errors, shows warnings)
 *
 * Zips (the names README's install steps use): `<name>-<version>-chrome.zip` (MV3),
 * `<name>-<version>-chrome-mv2.zip`, `<name>-<version>-firefox.zip`, `<name>-<version>-sources.zip`.
 * WXT names both Chrome zips `…-chrome.zip`, so each zip is moved aside as soon as it is made and given
 * its final name at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const outDir = join(root, '.output');

interface Target {
  label: string;
  browser: string;
  args: string[];
  /** Suffix of the final zip name, replacing WXT's `-<browser>.zip`. */
  suffix: string;
}
const targets: Target[] = [
  { label: 'chrome-mv3', browser: 'chrome', args: ['zip'], suffix: '-chrome.zip' },
  { label: 'chrome-mv2', browser: 'chrome', args: ['zip', '--mv2'], suffix: '-chrome-mv2.zip' },
  { label: 'firefox-mv2', browser: 'firefox', args: ['zip', '-b', 'firefox'], suffix: '-firefox.zip' },
];

function bin(name: string): string {
  const local = join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  return existsSync(local) ? local : name;
}

function run(name: string, args: string[], capture = false): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(bin(name), args, {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      shell: process.platform === 'win32',
    });
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.on('error', (err) => {
      console.error(`could not start ${name}: ${err.message}`);
      done({ code: 127, stdout });
    });
    child.on('exit', (code) => done({ code: code ?? 1, stdout }));
  });
}

function zipsIn(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.zip'))
      .map((f) => [join(dir, f), statSync(join(dir, f)).mtimeMs] as const),
  );
}

const kb = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} kB`;
const failures: string[] = [];
const made: { label: string; path: string; final: string }[] = [];

// Old zips (and parts of an interrupted run) would otherwise be listed as if this run had made them.
if (existsSync(outDir)) {
  for (const f of readdirSync(outDir)) if (f.endsWith('.zip') || f.endsWith('.part')) rmSync(join(outDir, f), { force: true });
}

for (const t of targets) {
  console.log(`\n━━━ ${t.label}: wxt ${t.args.join(' ')} ━━━`);
  const before = zipsIn(outDir);
  const { code } = await run('wxt', t.args);
  if (code !== 0) {
    failures.push(`${t.label}: wxt ${t.args.join(' ')} exited ${code}`);
    continue;
  }
  const fresh = [...zipsIn(outDir)].filter(([p, mtime]) => before.get(p) !== mtime).map(([p]) => p);
  const suffix = `-${t.browser}.zip`;
  const artifact = fresh.find((p) => p.endsWith(suffix));
  if (!artifact) {
    failures.push(`${t.label}: wxt reported success but no *${suffix} appeared in .output/`);
    continue;
  }
  const staged = `${artifact}.${t.label}.part`;
  renameSync(artifact, staged);
  made.push({ label: t.label, path: staged, final: artifact.slice(0, -suffix.length) + t.suffix });
  for (const other of fresh.filter((p) => p !== artifact)) made.push({ label: `${t.label} sources`, path: other, final: other });
}
for (const m of made) {
  if (m.path !== m.final) renameSync(m.path, m.final);
  m.path = m.final;
}

interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const firefoxDir = join(outDir, 'firefox-mv2');
const lintArgs = ['lint', '--source-dir', relative(root, firefoxDir), '--self-hosted', '--no-config-discovery', '--output', 'json'];
console.log(`\n━━━ Mozilla add-ons linter: web-ext ${lintArgs.join(' ')} ━━━`);
if (!existsSync(join(firefoxDir, 'manifest.json'))) {
  failures.push('web-ext lint: no Firefox build at .output/firefox-mv2');
} else {
  const { code, stdout } = await run('web-ext', lintArgs, true);
  let report: LintReport | undefined;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
  } catch {
    console.log(stdout);
  }
  if (!report?.summary) {
    failures.push(`web-ext lint: no readable report (exit ${code})`);
  } else {
    const { errors, warnings, notices } = report.summary;
    console.log(`errors ${errors}, warnings ${warnings}, notices ${notices}`);
    for (const [kind, list] of [['ERROR', report.errors], ['WARNING', report.warnings], ['NOTICE', report.notices]] as const) {
      for (const m of list) {
        const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
        const desc = Array.isArray(m.description) ? m.description.join(' ') : (m.description ?? '');
        console.log(`  ${kind} ${m.code}${where}: ${m.message}${desc ? `\n      ${desc.replace(/\s+/g, ' ').trim()}` : ''}`);
      }
    }
    if (errors > 0 || code !== 0) failures.push(`web-ext lint: ${errors} error(s) (exit ${code})`);
  }
}

console.log('\n━━━ zips ━━━');
for (const m of made) console.log(`  ${m.label.padEnd(20)} ${relative(root, m.path)}  (${kb(m.path)})`);
if (failures.length) {
  console.log('\nFAILED:');
  for (const f of failures) console.log(`  ✗ ${f}`);
  process.exitCode = 1;
} else {
  console.log('\nAll three targets zipped; web-ext lint reported no errors.');
}

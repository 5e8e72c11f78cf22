/**
 * `npm run mapping -- test <file>`: fills the page (a replica, a saved fixture or a test platform) from
 * the sample record in Chromium with the same engine the extension runs, prints every field's report,
 * and with --expected clicks the capture button and diffs what the page posted.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Frame, type Page } from '@playwright/test';
import { parseMapping } from '../../lib/mapping/load';
import { urlMatches } from '../../lib/mapping/match';
import type { Mapping } from '../../lib/mapping/schema';
import { plan } from '../../lib/engine/plan';
import { fillWithEngine } from '../../tests/helpers/engine';
import { sampleRecordValues } from '../../tests/helpers/fixtures';
import { CHROMIUM_PATH } from '../../tests/helpers/extension';
import { startSites, type RunningSites } from '../../tests/sites/serve';

const OK = new Set(['verified', 'equal', 'empty']);

async function reachable(url: string): Promise<boolean> {
  try { return (await fetch(url)).ok; } catch { return false; }
}

async function formFrame(page: Page, mapping: Mapping, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = page.frames().find((f) => mapping.match.urls.some((p) => urlMatches(p, f.url())));
    if (hit) return hit;
    if (Date.now() > deadline) return page.mainFrame();
    await page.waitForEvent('framenavigated', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  }
}

/** Keys whose values differ between what was posted and what was expected. */
export function diffPayload(got: Record<string, unknown>, want: Record<string, unknown>): { key: string; got: unknown; want: unknown }[] {
  const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
  return keys.filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k])).map((k) => ({ key: k, got: got[k], want: want[k] }));
}

export async function cmdTest(args: string[], flag: (a: string[], n: string) => string | undefined): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  if (!file) { console.error('用法：npm run mapping -- test mappings/xxx.json [--url 页面地址] [--expected 期望提交.json] [--record 记录.json]'); return 1; }
  const mapping = parseMapping(readFileSync(file, 'utf8'), file);
  const url = flag(args, 'url') ?? mapping.match.urls[0]!.replace(/\*.*$/, '');
  const values = flag(args, 'record') ? (JSON.parse(readFileSync(flag(args, 'record')!, 'utf8')) as { values: Record<string, unknown> }).values : sampleRecordValues();
  const expectedFile = flag(args, 'expected');

  let sites: RunningSites | undefined;
  const local = /^http:\/\/127\.0\.0\.1:(\d+)\//.exec(url);
  if (local && !(await reachable(url))) {
    const port = Number(local[1]);
    sites = await startSites({ basePort: port - ((port - 5101) % 4 + 4) % 4 });
    console.log('已启动本地仿真平台');
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(url);
    const frame = await formFrame(page, mapping);
    const reports = await fillWithEngine(frame, plan({ id: 'cli', values }, mapping), 5000);
    const width = Math.max(...reports.map((r) => r.label.length), 4);
    for (const r of reports) console.log(`${OK.has(r.status) ? '✓' : '✕'} ${r.label.padEnd(width, '　')} ${r.status}${r.message ? `（${r.message}）` : ''}`);
    const bad = reports.filter((r) => !OK.has(r.status));
    console.log(`${reports.length - bad.length} / ${reports.length} 个字段正常`);
    if (!expectedFile) return bad.length ? 1 : 0;

    const want = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    const posted = page.waitForRequest((r) => r.method() === 'POST' && !!r.postData(), { timeout: 10_000 });
    const button = mapping.capture?.buttons[0] ?? '提交';
    const name = new RegExp(button.split('').join('\\s*'));
    // The capture button is in the form's frame; when the page was opened on another port than the
    // mapping names, look for it in every frame.
    let target = frame;
    for (const f of [frame, ...page.frames()]) {
      if (await f.getByRole('button', { name }).count()) { target = f; break; }
    }
    await target.getByRole('button', { name }).first().click();
    const request = await posted.catch(() => undefined);
    if (!request) { console.error(`点击“${button}”后 10 秒内页面没有提交：可能还有必填项没有填写（见上面的报告）`); return 1; }
    const got = request.postDataJSON() as Record<string, unknown>;
    const diff = diffPayload(got, want);
    for (const d of diff) console.log(`≠ ${d.key}：页面提交 ${JSON.stringify(d.got)}，期望 ${JSON.stringify(d.want)}`);
    console.log(diff.length ? `提交内容有 ${diff.length} 处与期望不同` : '提交内容与期望完全一致');
    return bad.length || diff.length ? 1 : 0;
  } finally {
    await browser.close();
    await sites?.close();
  }
}

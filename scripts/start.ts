/**
 * `npm start`: build the extension, serve the three replica platforms, and open Chromium with the
 * extension loaded on platform A — everything a person needs to try 一录通 by hand.
 *
 * - Profile: .tmp/start-profile (kept between starts, so saved records are still there next time).
 * - Browser: CHROMIUM_PATH, default /usr/bin/chromium. Headed unless HEADLESS=1 or there is no display.
 * - Ports: 5101-5103 (SITES_PORT moves the first one).
 * - Ctrl-C (or closing the browser window) stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { startSites, type RunningSites } from '../tests/sites/serve.ts';
import { CHROMIUM_PATH, EXTENSION_DIST, extensionIdOf, launchWithExtension } from '../tests/helpers/extension.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const profileDir = join(root, '.tmp', 'start-profile');
const basePort = Number(process.env.SITES_PORT ?? 5101);

function build(): Promise<number> {
  const wxt = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
  return new Promise((done) => {
    const child = spawn(existsSync(wxt) ? wxt : 'wxt', ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** A Chromium killed without closing leaves SingletonLock (-> "host-pid") behind; remove it if that pid is gone. */
function clearStaleProfileLock(dir: string): void {
  const lock = join(dir, 'SingletonLock');
  let target: string;
  try {
    target = readlinkSync(lock);
  } catch {
    return;
  }
  const [host, pid] = [target.slice(0, target.lastIndexOf('-')), Number(target.slice(target.lastIndexOf('-') + 1))];
  let alive = false;
  if (host === hostname() && pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(`配置目录正被另一个 Chromium 使用（pid ${pid}）/ The profile ${dir} is in use by another Chromium (pid ${pid}); close it first.`);
  }
  for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) rmSync(join(dir, f), { force: true });
}

let sites: RunningSites | undefined;
let context: BrowserContext | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\n正在关闭… / Shutting down…');
    await context?.close().catch(() => undefined);
    await sites?.close().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));

console.log('▶ wxt build (chrome-mv3)');
const buildCode = await build();
if (buildCode !== 0 || !existsSync(join(EXTENSION_DIST, 'manifest.json'))) {
  console.error(`构建失败 / Build failed (wxt build exit ${buildCode}).`);
  process.exit(1);
}

try {
  sites = await startSites({ basePort, sessionIdleMs: Number(process.env.SESSION_IDLE_MS ?? 15 * 60 * 1000) });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    console.error(
      `端口 ${basePort}-${basePort + 2} 已被占用（也许另一个 npm start 或 npm test 正在运行）。\n` +
        `Ports ${basePort}-${basePort + 2} are in use (another npm start / npm test?). Stop it, or pick other ports: SITES_PORT=5201 npm start`,
    );
  } else {
    console.error('无法启动模拟平台 / Could not start the replica platforms:', e);
  }
  process.exit(1);
}
console.log('▶ 模拟平台已启动 / Replica platforms are up:');
console.log(`  A 浙政钉·掌上执法        ${sites.urls['platform-a']}`);
console.log(`  B 基层智治综合应用        ${sites.urls['platform-b']}`);
console.log(`  C 消防监督管理系统(旧版)  ${sites.urls['platform-c']}`);

let headless = process.env.HEADLESS === '1' || process.env.HEADLESS === 'true';
if (!headless && !process.env.DISPLAY && process.platform === 'linux' && !process.env.WAYLAND_DISPLAY) {
  console.log(
    [
      '',
      '⚠ 没有图形显示（DISPLAY 未设置），无法打开浏览器窗口。',
      '  · 在虚拟显示中运行：  xvfb-run -a npm start      （Debian：apt-get install -y xvfb）',
      '  · 或无窗口运行：      HEADLESS=1 npm start',
      '  现在以无窗口（headless）方式继续运行，模拟平台照常提供服务。',
      '⚠ No display (DISPLAY is not set), so no browser window can open.',
      '  · Run under a virtual display:  xvfb-run -a npm start      (Debian: apt-get install -y xvfb)',
      '  · Or run without a window:      HEADLESS=1 npm start',
      '  Continuing headless now; the replica platforms keep serving.',
      '',
    ].join('\n'),
  );
  headless = true;
}

mkdirSync(profileDir, { recursive: true });
try {
  clearStaleProfileLock(profileDir);
  context = await launchWithExtension(profileDir, {
    headless,
    // Our own handlers close the context and the servers; a real window sizes the page itself.
    extra: { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, ...(headless ? {} : { viewport: null }) },
  });
} catch (err) {
  console.error(`无法启动 Chromium（${CHROMIUM_PATH}）/ Could not launch Chromium (${CHROMIUM_PATH}). Set CHROMIUM_PATH to another Chromium.`);
  console.error((err as Error).message);
  await stop(1);
}
const ctx = context!;
ctx.on('close', () => void stop(0));

const extensionId = await extensionIdOf(ctx).catch(() => undefined);
const page = ctx.pages()[0] ?? (await ctx.newPage());
await page.goto(sites.urls['platform-a']).catch((err: Error) => console.error(`打开平台 A 失败 / Could not open platform A: ${err.message}`));

console.log(`▶ Chromium ${headless ? '(headless) ' : ''}已打开平台 A / opened platform A: ${page.url()}`);
console.log(`  扩展 / extension: ${extensionId ? `chrome-extension://${extensionId}/` : '(未检测到 service worker / service worker not seen)'}`);
console.log(`  配置目录 / profile: ${profileDir}（记录在多次启动之间保留 / records persist between starts）`);
console.log('  按 Ctrl-C 退出 / Press Ctrl-C to stop.');

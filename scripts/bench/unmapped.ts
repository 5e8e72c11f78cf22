/**
 * 7. Pages with no mapping. Bytes injected: every script the page parses from the extension
 * (CDP Debugger.scriptParsed, chrome-extension:// URLs, their length) and any extension resource it
 * loads. Two pages: one on a host no mapping names (served by the bench through request routing at
 * http://unmapped.example/), and one on a host a mapping names but at a port and path none matches
 * (the galleries' index on 127.0.0.1): the content script is declared and registered with the mappings'
 * own URL patterns, path included (lib/mapping/match.ts contentScriptPatterns), so both should get 0
 * bytes; before that, the second got the whole content script, which stopped after asking the
 * background. Main-thread time: CDP Performance.getMetrics TaskDuration after load and idle, with the
 * extension minus without it (medians).
 */
import type { BrowserContext } from '@playwright/test';
import { median, RUNS, type Launched } from './harness';

export interface UnmappedResult { page: string; bytes: number; taskMsWith: number; taskMsWithout: number }

const OTHER_HOST = 'http://unmapped.example/';
const OTHER_HTML = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>无映射</title></head><body><h1>一个没有映射的页面</h1><form><label>名称 <input name="a"></label><button type="button">提交</button></form></body></html>';

async function once(context: BrowserContext, url: string): Promise<{ bytes: number; taskMs: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  cdp.on('Debugger.scriptParsed', (e: { url: string; length?: number }) => { if (e.url.startsWith('chrome-extension://')) bytes += e.length ?? 0; });
  page.on('requestfinished', (r) => { if (r.url().startsWith('chrome-extension://')) void r.sizes().then((s) => { bytes += s.responseBodySize; }); });
  await cdp.send('Debugger.enable');
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Idle: two idle callbacks in a row, bounded (the content script runs at document_idle, then asks the background).
  // A string, not a function: tsx would wrap the named helper in `__name`, which the page does not have.
  await page.evaluate(`new Promise((ok) => {
    const end = performance.now() + 3000;
    let idle = 0;
    const tick = () => requestIdleCallback(() => { idle++; if (idle >= 2 || performance.now() > end) ok(); else setTimeout(tick, 100); });
    tick();
  })`);
  const { metrics } = await cdp.send('Performance.getMetrics') as { metrics: { name: string; value: number }[] };
  const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  await cdp.detach();
  await page.close();
  return { bytes, taskMs };
}

export async function measureUnmapped(withExt: Launched, without: Launched, mappedHostUrl: string): Promise<UnmappedResult[]> {
  for (const l of [withExt, without]) {
    await l.context.route(OTHER_HOST, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: OTHER_HTML }));
  }
  const out: UnmappedResult[] = [];
  for (const [name, url] of [['host no mapping names (unmapped.example)', OTHER_HOST], ['mapped host, no mapping for the path (gallery index)', mappedHostUrl]] as const) {
    const w: { bytes: number; taskMs: number }[] = [];
    const wo: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const a = await once(withExt.context, url);
      const b = await once(without.context, url);
      if (i > 0) { w.push(a); wo.push(b.taskMs); }
    }
    out.push({ page: name, bytes: median(w.map((x) => x.bytes)), taskMsWith: median(w.map((x) => x.taskMs)), taskMsWithout: median(wo) });
  }
  return out;
}

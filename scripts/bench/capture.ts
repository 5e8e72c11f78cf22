/**
 * 5. Capture latency on replica A: the time the extension adds before the page's own submit handler
 * runs, on a real (trusted) click on 提交 with cold styles. A page script registered at document start
 * (before the content script) stamps the click on window in the capture phase; a second stamp on
 * document, capture phase, runs after every window listener (the content script's capture included)
 * and before the button's own handler. Styles are made cold just before the click (a custom property
 * on <html> and a class on <body> change), so whatever capture reads pays for a full style recalc.
 * The form is filled by the extension first, each run on a fresh page. The same stamps without the
 * extension (an empty form, the same click) give the floor.
 */
import type { Page } from '@playwright/test';
import { Driver, median, RUNS, type Launched } from './harness';

const STAMPS = `
  window.__yltStamps = [];
  window.addEventListener('click', (e) => { if (e.isTrusted) window.__yltStamps.push(['window', performance.now()]); }, true);
  document.addEventListener('click', (e) => { if (e.isTrusted) window.__yltStamps.push(['document', performance.now()]); }, true);
`;

const COLD = `(() => {
  document.documentElement.style.setProperty('--ylt-bench-cold', String(Math.random()));
  document.body.classList.toggle('ylt-bench-cold');
})()`;

async function clickSubmit(page: Page): Promise<number> {
  await page.evaluate(COLD);
  await page.getByRole('button', { name: '提交' }).click();
  const stamps = await page.evaluate('window.__yltStamps') as [string, number][];
  const w = stamps.find((s) => s[0] === 'window')?.[1];
  const d = stamps.find((s) => s[0] === 'document')?.[1];
  if (w === undefined || d === undefined) throw new Error(`capture stamps missing: ${JSON.stringify(stamps)}`);
  return d - w;
}

export interface CaptureResult { withExtension: number; withoutExtension: number; runs: number[] }

export async function measureCapture(withExt: Launched, without: Launched, urlA: string): Promise<CaptureResult> {
  const driver = await Driver.open(withExt.context);
  await driver.seedSample(urlA);
  const page = await withExt.context.newPage();
  await page.addInitScript(STAMPS);
  await page.goto(urlA);
  const tabId = await driver.tabId(page);
  const runs: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(urlA);
    await page.locator('.card-title').first().waitFor();
    await driver.waitMapped(tabId, 'zj.zzd.xfjc');
    const r = await driver.ask<{ ok: boolean; error?: string }>({ type: 'fill', tabId });
    if (!r.ok) throw new Error(`capture bench: fill failed: ${r.error}`);
    const ms = await clickSubmit(page);
    if (i > 0) runs.push(ms);
  }
  await page.close();
  await driver.page.close();

  const bare = await without.context.newPage();
  await bare.addInitScript(STAMPS);
  const floor: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await bare.goto(urlA);
    await bare.locator('.card-title').first().waitFor();
    const ms = await clickSubmit(bare);
    if (i > 0) floor.push(ms);
  }
  await bare.close();
  return { withExtension: median(runs), withoutExtension: median(floor), runs };
}

/**
 * 6. Large stores: 10,000 and 100,000 records in the real extension's IndexedDB, seeded through the
 * extension's own store code (lib/store/db.ts bundled and run in one of the extension's pages, the
 * database the background reads). Each seeded record is a copy of the sample record as the extension
 * stored it, with its own id, identity and unit, older than the sample; photos (data: URLs) are left
 * out of the copies so 100,000 of them fit on disk.
 * Measured: choosing the record (latestRecord(), what a fill and the popup use, timed in the page);
 * the popup's question (tab-status round trip); a picker search that matches nothing, and one that
 * matches many records (both through the search index, lib/store/search.ts);
 * the popup's first contentful paint and the time until the record's card is shown (polled), from
 * navigation start.
 */
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { Driver, median, ROOT, RUNS, type Launched } from './harness';

export interface StoreResult {
  records: number;
  latestRecord: number;
  tabStatus: number;
  searchMiss: number;
  /** A search many records match (「测试单位12」: 1,111 of 100,000), answered newest first. */
  searchHit: number;
  popupFirstPaint: number;
  popupRecordShown: number;
}

let bundle: Promise<string> | undefined;
function storeBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `
        import { openDb } from './lib/store/db';
        import { latestRecord } from './lib/store/records';
        const db = openDb();
        const strip = (v) => typeof v === 'string' && v.startsWith('data:') ? '' : Array.isArray(v) ? v.map(strip)
          : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v;
        globalThis.__yltBench = {
          async count() { return db.records.count(); },
          async seed(from, to) {
            const all = await db.records.orderBy('updatedAt').reverse().limit(1).toArray();
            const t = strip(all[0]);
            const rows = [];
            for (let i = from; i < to; i++) {
              const name = '测试单位' + i;
              rows.push({ ...t, id: 'bench-' + i, updatedAt: t.updatedAt - 1000 * (i + 1), createdAt: t.updatedAt - 1000 * (i + 1),
                identities: ['bench:' + i], contributionIds: (t.contributionIds || []).map((c) => c + '-' + i),
                values: { ...t.values, 'unit.name': name, 'unit.creditCode': 'BENCH' + i } });
            }
            await db.records.bulkPut(rows);
          },
          async latest(n) {
            const times = [];
            let id;
            for (let i = 0; i < n; i++) { const s = performance.now(); id = (await latestRecord(db))?.id; times.push(performance.now() - s); }
            return { times, id };
          },
        };`,
      resolveDir: ROOT, loader: 'ts',
    },
    bundle: true, write: false, format: 'iife', target: 'chrome86', logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

async function inPage<T>(page: Page, expr: string): Promise<T> {
  if (!(await page.evaluate('typeof globalThis.__yltBench === "object"'))) {
    // Code evaluated from DevTools passes zod's eval probe, then the page's CSP refuses the eval: zod is
    // told up front not to compile (the extension's own pages and worker never eval either).
    await page.evaluate('globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true }');
    await page.evaluate(await storeBundle());
  }
  return page.evaluate(expr) as Promise<T>;
}

/** Grows the store to `n` records (the sample record plus copies), in chunks. */
async function seedTo(page: Page, n: number): Promise<void> {
  const have = await inPage<number>(page, '__yltBench.count()');
  for (let from = have - 1; from < n - 1; from += 5000) {
    await inPage(page, `__yltBench.seed(${from}, ${Math.min(from + 5000, n - 1)})`);
  }
}

export async function measureStores(browser: Launched, targetUrl: string, sizes: number[], log: (s: string) => void): Promise<StoreResult[]> {
  const driver = await Driver.open(browser.context);
  await driver.seedSample(targetUrl);
  const target = await browser.context.newPage();
  await target.goto(targetUrl);
  const tabId = await driver.tabId(target);
  const out: StoreResult[] = [];
  for (const n of sizes) {
    const t0 = performance.now();
    await seedTo(driver.page, n);
    const count = await inPage<number>(driver.page, '__yltBench.count()');
    log(`  store: ${count} records seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const latest = await inPage<{ times: number[]; id: string }>(driver.page, `__yltBench.latest(${RUNS + 1})`);
    if (latest.id?.startsWith('bench-')) throw new Error('latestRecord chose a seeded copy, not the sample record');
    const tabStatus: number[] = [];
    const search: number[] = [];
    const hit: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      tabStatus.push(await driver.page.evaluate(async (tab) => {
        const s = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
        await (globalThis as any).chrome.runtime.sendMessage({ type: 'tab-status', tabId: tab });
        return performance.now() - s;
      }, tabId));
      search.push(await driver.page.evaluate(async () => {
        const s = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
        await (globalThis as any).chrome.runtime.sendMessage({ type: 'records', search: '没有这个单位', limit: 20 });
        return performance.now() - s;
      }));
      const found = await driver.page.evaluate(async () => {
        const s = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` only exists in the extension page
        const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'records', search: '测试单位12', limit: 20 });
        return { ms: performance.now() - s, first: r?.records?.[0]?.values?.['unit.name'] as string | undefined, n: r?.records?.length as number };
      });
      if (found.first !== '测试单位12' || found.n !== 20) throw new Error(`the search for 测试单位12 answered ${found.n} records, first ${found.first}`);
      hit.push(found.ms);
    }
    const paint: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${driver.extensionId}/popup.html?tab=${tabId}`);
      // Polled from Node (waitForFunction would eval a string, which the extension page's CSP forbids);
      // the time is read in the page when the card is seen, so it is late by at most one poll.
      let at = 0;
      for (const end = Date.now() + 30_000; !at && Date.now() < end;) {
        at = await popup.evaluate(() => (document.body?.innerText.includes('杭州某某小吃店') ? performance.now() : 0));
      }
      if (!at) throw new Error('the popup did not show the sample record within 30 s');
      const fp = await popup.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN);
      if (i > 0) { paint.push(fp); shown.push(at); }
      await popup.close();
    }
    out.push({
      records: count, latestRecord: median(latest.times.slice(1)), tabStatus: median(tabStatus.slice(1)), searchMiss: median(search.slice(1)), searchHit: median(hit.slice(1)),
      popupFirstPaint: median(paint), popupRecordShown: median(shown),
    });
  }
  await target.close();
  await driver.page.close();
  return out;
}

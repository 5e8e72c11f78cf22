/**
 * Nothing is lost when the extension's MV3 service worker is stopped in the middle of a capture or a
 * fill (browsers stop idle workers at any moment; here it is stopped through CDP's ServiceWorker
 * domain), nor when the browser is killed right after a capture (issue 10, point 6).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, inExtension } from '../helpers/extension';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { SITE } from '../helpers/sites';
import { clickPanelButton, panels, waitForPanel } from '../helpers/panel';
import { typeText } from '../helpers/person-a';


interface Rec { id: string; values: Record<string, unknown>; trail: { kind: string; mappingId: string }[] }

const records = async (context: BrowserContext, id: string) => (await inExtension<{ records: Rec[] }>(context, id, { type: 'records' })).records;

interface Version { versionId: string; scriptURL: string; runningStatus: string }

/** The extension's service worker as DevTools sees it, and a way to stop it there and then. */
async function workerControl(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const latest = new Map<string, Version>();
  let stops = 0; // how many times DevTools reported the worker stopped
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      if (v.runningStatus === 'stopped' && latest.get(v.versionId)?.runningStatus !== 'stopped') stops++;
      latest.set(v.versionId, v);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    /**
     * Asks the browser to stop the worker now; resolves once DevTools reports it stopped. (A message
     * may start it again right after: what counts is that it went through "stopped".)
     */
    async stop() {
      await expect.poll(() => latest.size, { message: 'the extension worker is known to DevTools' }).toBeGreaterThan(0);
      const before = stops;
      for (const v of latest.values()) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      await expect.poll(() => stops, { message: 'the extension worker stopped' }).toBeGreaterThan(before);
    },
  };
}

test.describe('durability', () => {
  test('a worker stopped before or during a capture loses no record', async ({ context, extensionId, page }) => {
    test.setTimeout(180_000);
    await page.goto(SITE.a);
    await waitForPanel(page);
    const worker = await workerControl(page);

    // Stopped before the click: the capture's message must wake it.
    await worker.stop();
    await typeText(page, '详细地址', '停机前的地址');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(async () => (await records(context, extensionId)).map((r) => r.values['unit.address']), { timeout: 30_000 }).toEqual(['停机前的地址']);

    // Stopped while the capture is on its way (a new page load is a new inspection).
    await page.reload();
    await waitForPanel(page);
    await typeText(page, '详细地址', '停机中的地址');
    await Promise.all([page.getByRole('button', { name: '提交' }).click(), worker.stop()]);
    await expect.poll(async () => (await records(context, extensionId)).map((r) => r.values['unit.address']).sort(), { timeout: 30_000 })
      .toEqual(['停机中的地址', '停机前的地址'].sort());
  });

  test('a worker stopped while it is writing a capture loses no record: the page sends it again', async ({ context, extensionId, page }) => {
    test.setTimeout(180_000);
    await page.goto(SITE.a);
    await waitForPanel(page);
    const worker = await workerControl(page);
    // Another extension page holds a write transaction on the records store (IndexedDB serialises
    // writers), so the worker's write of the capture waits behind it: the capture has been received and
    // is not yet stored. Stopping the worker then kills that write with it; only a page that sends the
    // capture again (lib/messaging/durable.ts) keeps the record. A single send loses it.
    const lock = await context.newPage();
    await lock.goto(`chrome-extension://${extensionId}/options.html`);
    await lock.evaluate(() => new Promise<void>((held, failed) => {
      const req = indexedDB.open('yiluotong');
      req.onerror = () => failed(req.error);
      req.onsuccess = () => {
        const store = req.result.transaction(['records'], 'readwrite').objectStore('records');
        const w = window as unknown as { ylRelease?: boolean };
        // The transaction lives while it has requests: keep one going until released.
        const spin = () => { if (!w.ylRelease) store.count().onsuccess = spin; };
        spin();
        held();
      };
    }));
    await typeText(page, '详细地址', '写入中停机的地址');
    await page.getByRole('button', { name: '提交' }).click(); // capture runs and is sent inside the click
    // The worker answers a message sent after the capture (settings are not behind the lock): it has
    // taken the capture in, and its write is waiting.
    expect(await inExtension<{ ok: boolean }>(context, extensionId, { type: 'settings' })).toMatchObject({ ok: true });
    await worker.stop();
    await lock.evaluate(() => { (window as unknown as { ylRelease?: boolean }).ylRelease = true; });
    await lock.close();
    await expect.poll(async () => (await records(context, extensionId)).map((r) => r.values['unit.address']), { timeout: 30_000 }).toEqual(['写入中停机的地址']);
  });

  test('a worker stopped while the page is filling loses neither the fill nor its log', async ({ context, extensionId, page }) => {
    test.setTimeout(180_000);
    const seeded = await inExtension<{ ok: boolean; recordId: string }>(context, extensionId, {
      type: 'capture', captureId: 'durable-fill-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: 'A',
      values: { 'unit.address': '文三路1号', 'unit.legalPerson': '张某', 'unit.phone': '13800000000' }, raw: {},
    });
    expect(seeded.ok).toBe(true);
    await page.goto(SITE.a);
    await waitForPanel(page);
    const worker = await workerControl(page);
    await clickPanelButton(page, '一录通 · 从上次录入填充');
    // The plan has reached the page (its panel counts the fields): stop the worker in the middle.
    await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 30_000 }).toMatch(/正在填充|请核对后由您本人提交/);
    await worker.stop();
    await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 120_000 }).toContain('请核对后由您本人提交');
    await expect(page.locator('.el-form-item').filter({ hasText: '详细地址' }).locator('input').first()).toHaveValue('文三路1号');
    // The fill is logged once and the record's trail says the platform was filled.
    const log = await inExtension<{ entries: { recordId: string }[] }>(context, extensionId, { type: 'fill-log' });
    expect(log.entries.map((e) => e.recordId)).toEqual([seeded.recordId]);
    const [record] = await records(context, extensionId);
    expect(record?.trail.map((t) => `${t.kind}:${t.mappingId}`)).toEqual(['captured:zj.zzd.xfjc', 'filled:zj.zzd.xfjc']);
    // The panel shows the results, not an error about the lost answer.
    expect((await panels(page)).map((p) => p.text).join('')).not.toMatch(/失败|没有响应|closed/);
  });

  test('a browser killed right after a capture keeps the record after a restart', async ({ context, extensionId, page, userDataDir, relaunch }) => {
    test.setTimeout(180_000);
    await page.goto(SITE.a);
    await waitForPanel(page);
    await typeText(page, '详细地址', '断电前的地址');
    await page.getByRole('button', { name: '提交' }).click();
    // The in-page toast comes from the background's answer, which is sent after the record is written.
    await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 30_000 }).toContain('一录通已保存本次录入');
    // Kill -9 the browser's main process (found by this test's own profile directory): no orderly shutdown.
    const pid = browserPid(userDataDir);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => alive(pid), { timeout: 15_000 }).toBe(false);

    const again = await relaunch();
    const sw = again.serviceWorkers()[0] ?? await again.waitForEvent('serviceworker');
    const id = new URL(sw.url()).host;
    expect(id).toBe(extensionId);
    expect((await records(again, id)).map((r) => r.values['unit.address'])).toEqual(['断电前的地址']);
    void context;
  });
});

/** The Chromium main process (no --type=) running on this profile directory. */
function browserPid(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.some((a) => a === `--user-data-dir=${userDataDir}`) && !cmd.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no Chromium main process for ${userDataDir}`);
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat); // a zombie is dead
  } catch {
    return false;
  }
}

/**
 * A hostile page cannot drive the extension (issue 10, point 3). With the real built extension on
 * replica A, a page script tries to (a) find and press the panel's 从上次录入填充, (b) plant a record
 * by filling the form by script and clicking 提交 synthetically, (c) message the background directly
 * or the content script through window.postMessage. Nothing may happen: no fill, no record.
 *
 * "Nothing happened" is never proven by waiting a fixed time. Each attack is followed by the same act
 * done by a person (a trusted mouse click), and what the extension then holds must show the person's
 * act ONCE and the page's not at all: the person's act comes later through the same channels, so an
 * attack that had worked would be there by then.
 */
import { test, expect, inExtension } from '../helpers/extension';
import type { BrowserContext, Page } from '@playwright/test';
import { SITE } from '../helpers/sites';
import { clickPanelButton, panels, waitForPanel } from '../helpers/panel';
import { field, typeText } from '../helpers/person-a';


interface Rec { id: string; values: Record<string, unknown> }


const records = async (context: BrowserContext, id: string) => (await inExtension<{ records: Rec[] }>(context, id, { type: 'records' })).records;
const fillLog = async (context: BrowserContext, id: string) => (await inExtension<{ entries: { url: string }[] }>(context, id, { type: 'fill-log' })).entries;

/** A few values to fill from: enough to see a fill, few enough to be quick on a loaded machine. */
const SEED = { 'unit.address': '文三路1号', 'unit.legalPerson': '张某', 'unit.phone': '13800000000' };

/** A record to fill from, saved the way an extension page may (the page under attack never could). */
async function seedRecord(context: BrowserContext, extensionId: string): Promise<void> {
  const res = await inExtension<{ ok: boolean }>(context, extensionId, {
    type: 'capture', captureId: 'seeded-record-1', status: 'captured', mappingId: 'zj.zzd.xfjc',
    url: SITE.a, title: 'A', values: SEED, raw: {},
  });
  expect(res.ok).toBe(true);
}

/**
 * A person presses the panel's button: the panel opens on the fill at once (the click landed), and
 * when the fill is logged it must be the ONLY fill ever logged — an attack that had started a fill
 * earlier would be in the log by then.
 */
async function personFills(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  await clickPanelButton(page, '一录通 · 从上次录入填充');
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 30_000 }).toContain('来源记录');
  await expect.poll(async () => (await fillLog(context, extensionId)).length, { timeout: 120_000 }).toBeGreaterThan(0);
  expect(await fillLog(context, extensionId)).toHaveLength(1);
}

const addressInput = (page: Page) => field(page, '详细地址').locator('input.el-input__inner');

test.describe('a hostile page cannot drive the extension', () => {
  test('(a) the page can neither reach nor press the panel; a person can', async ({ context, extensionId, page }) => {
    test.setTimeout(240_000);
    await seedRecord(context, extensionId);
    // Before any of the extension's code runs, the page hooks attachShadow to catch the panel's root.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __roots: unknown[] }).__roots = seen;
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = original.call(this, init);
        seen.push(this.localName);
        return root;
      };
    });
    await page.goto(SITE.a);
    await waitForPanel(page);
    const [panel] = await panels(page);
    expect(panel?.shadowRootType).toBe('closed');

    // Where a person would click: the button's centre, as the page could guess it from the layout.
    const fab = panel!.buttons.find((b) => b.label === '一录通 · 从上次录入填充')!;
    const session = await context.newCDPSession(page);
    const { quads } = (await session.send('DOM.getContentQuads', { backendNodeId: fab.backendNodeId })) as { quads: number[][] };
    const [x1, y1, , , x3, y3] = quads[0]!;
    const at = { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };

    const attack = await page.evaluate(({ x, y }) => {
      const host = document.querySelector('yiluotong-panel') as HTMLElement | null;
      const found: string[] = [];
      // Every button the page can see, in the document and in every open shadow root.
      const walk = (root: Document | ShadowRoot) => {
        root.querySelectorAll('*').forEach((el) => {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el instanceof HTMLButtonElement && el.textContent?.includes('从上次录入填充')) { found.push(el.textContent); el.click(); }
        });
      };
      walk(document);
      const hit = document.elementFromPoint(x, y);
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        hit?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, view: window }));
      }
      (hit as HTMLElement | null)?.click();
      host?.click();
      host?.focus();
      for (const key of ['Enter', ' ']) host?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      return {
        hostFound: !!host,
        shadowRoot: host ? host.shadowRoot === null ? 'null' : 'reachable' : 'no host',
        hostText: host?.innerText ?? '',
        hitIsHost: hit === host,
        buttonsFound: found,
        rootsCaught: (window as unknown as { __roots: string[] }).__roots,
      };
    }, at);
    expect(attack).toEqual({ hostFound: true, shadowRoot: 'null', hostText: '', hitIsHost: true, buttonsFound: [], rootsCaught: [] });

    // A person clicks the same spot: that fill happens, and it is the only one.
    await personFills(context, extensionId, page);
    await expect(addressInput(page)).toHaveValue(SEED['unit.address']);
  });

  test('(b) a synthetic click on 提交 after a scripted fill plants no record; a person\'s click does', async ({ context, extensionId, page }) => {
    test.setTimeout(240_000);
    await page.goto(SITE.a);
    await waitForPanel(page);
    await page.evaluate(() => {
      const item = [...document.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent?.trim() === '详细地址');
      const input = item?.querySelector('input') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '页面脚本伪造的地址');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const submit = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '提交')!;
      submit.click();
      submit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    // The page itself took the click: its own validation answered (the other required fields are empty).
    await expect(page.locator('.el-form-item__error').first()).toBeVisible();
    await expect(addressInput(page)).toHaveValue('页面脚本伪造的地址');

    // A person, on the page reloaded (a new content script, so a new inspection), types and submits.
    await page.reload();
    await waitForPanel(page);
    await typeText(page, '详细地址', '本人填写的地址');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(async () => (await records(context, extensionId)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const held = await records(context, extensionId);
    expect(held.map((r) => r.values['unit.address'])).toEqual(['本人填写的地址']);
  });

  test('(c) the page cannot message the background, and window.postMessage reaches nothing', async ({ context, extensionId, page }) => {
    test.setTimeout(240_000);
    await seedRecord(context, extensionId);
    await page.goto(SITE.a);
    await waitForPanel(page);
    const direct = await page.evaluate(async (id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      const sendMessage = c?.runtime?.sendMessage;
      let error = '';
      if (typeof sendMessage === 'function') {
        try {
          await (sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'fill' });
        } catch (e) {
          error = String(e);
        }
      }
      return { sendMessage: typeof sendMessage, error };
    }, extensionId);
    // No externally_connectable in the manifest: pages get no chrome.runtime.sendMessage at all.
    expect(direct).toEqual({ sendMessage: 'undefined', error: '' });

    await page.evaluate(() => {
      for (const msg of [
        { type: 'fill' }, { type: 'apply-plan', plan: { steps: [] }, recordLabel: 'x' }, { type: 'records' },
        { type: 'capture', captureId: 'planted', status: 'captured', mappingId: 'zj.zzd.xfjc', url: location.href, title: 'x', values: { 'unit.address': '页面伪造' }, raw: {} },
      ]) {
        window.postMessage(msg, '*');
        window.postMessage(JSON.stringify(msg), '*');
      }
    });

    // A person's fill afterwards is the only fill, and the seeded record is the only record.
    await personFills(context, extensionId, page);
    expect((await records(context, extensionId)).map((r) => r.values['unit.address'])).toEqual([SEED['unit.address']]);
  });
});

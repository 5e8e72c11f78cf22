/**
 * Accessibility (issue 12): every control of the popup, the options page and the in-page panel has a
 * name a screen reader can say, and a fill and its undo can be done from the keyboard alone.
 */
import { test, expect, inExtension, openPopup, tabIdOf } from '../helpers/extension';
import type { Page } from '@playwright/test';
import { SITE } from '../helpers/sites';
import { waitForPanel } from '../helpers/panel';
import { field } from '../helpers/person-a';

const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"], [role="option"], [tabindex]:not([tabindex="-1"])';

/** Each visible control's accessible name, as the browser computes it for assistive technology. */
async function unnamed(page: Page): Promise<string[]> {
  const missing: string[] = [];
  for (const c of await page.locator(CONTROLS).all()) {
    if (!(await c.isVisible())) continue;
    const snapshot = await c.ariaSnapshot();
    // An unnamed control is written `- button` / `- textbox` with nothing after the role.
    if (/^- [a-z]+(\s*\[[^\]]*\])*:?\s*$/m.test(snapshot.split('\n')[0]!)) missing.push(await c.evaluate((e) => e.outerHTML.slice(0, 120)));
  }
  return missing;
}

test('popup and options page: every control is named; a fill and its undo from the keyboard alone', async ({ context, extensionId, page }) => {
  test.setTimeout(240_000);
  const values = { 'unit.address': '文三路1号', 'unit.legalPerson': '王某', 'inspection.findings': '键盘操作的检查。' };
  expect(await inExtension<{ ok: boolean }>(context, extensionId, {
    type: 'capture', captureId: 'a11y-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: 'A', values, raw: {},
  })).toMatchObject({ ok: true });
  // The check itself finds unnamed controls (and passes named ones).
  const probe = await context.newPage();
  await probe.setContent('<button></button><input><label>名称 <input></label><button aria-label="关闭">×</button>');
  expect(await unnamed(probe)).toHaveLength(2);
  await probe.close();

  await page.goto(SITE.a);
  await waitForPanel(page, 60_000);
  const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
  await expect(popup.getByRole('button', { name: '从上次录入填充' })).toBeEnabled();
  expect(await unnamed(popup)).toEqual([]);

  // Keyboard only: Tab to the fill button, Enter; then Tab to 撤销本次填充, Enter.
  const tabTo = async (name: string) => {
    for (let i = 0; i < 30; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate((n) => document.activeElement?.textContent?.trim() === n, name)) return;
    }
    throw new Error(`Tab never reached “${name}”`);
  };
  await tabTo('从上次录入填充');
  await popup.keyboard.press('Enter');
  await page.bringToFront(); // a real popup lies over the visible tab
  const address = field(page, '详细地址').locator('input');
  await expect(address).toHaveValue('文三路1号', { timeout: 60_000 });
  await expect(popup.getByRole('button', { name: '撤销本次填充' })).toBeVisible({ timeout: 60_000 });
  expect(await unnamed(popup)).toEqual([]);
  await popup.bringToFront();
  await tabTo('撤销本次填充');
  await popup.keyboard.press('Enter');
  await page.bringToFront();
  await expect(address).toHaveValue('', { timeout: 60_000 });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: /检查记录/ })).toBeVisible();
  expect(await unnamed(options)).toEqual([]);
});

/**
 * A fill goes to exactly ONE frame (issue 10, point 3). Here a shell page on platform A's origin
 * holds A's form in a same-origin iframe, so the shell (the top document) and the iframe both match
 * A's mapping, both run the content script and both show the panel — and the top frame's engine
 * could reach into the iframe. Filling from the popup must fill the form once, in the iframe's frame:
 * the log (each frame that applies a fill logs it itself) holds one fill, from the iframe's URL.
 */
import { test, expect, openPopup, tabIdOf, inExtension } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { panels, waitForPanel } from '../helpers/panel';



test('a form whose top document and iframe both match the mapping is filled once, in its own frame', async ({ context, extensionId, page }) => {
  test.setTimeout(240_000);
  const seeded = await inExtension<{ ok: boolean }>(context, extensionId, {
    type: 'capture', captureId: 'one-frame-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: 'A',
    values: { 'unit.address': '文三路1号', 'unit.legalPerson': '张某' }, raw: {},
  });
  expect(seeded.ok).toBe(true);

  const shellUrl = new URL('ylt-shell-test.html', SITE.a).href;
  await context.route(shellUrl, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><title>外壳</title><h1>平台外壳</h1><iframe id="form" src="/" style="width:1300px;height:640px"></iframe>',
  }));
  await page.goto(shellUrl);
  const formFrame = page.frameLocator('#form');
  await formFrame.locator('.el-form-item').first().waitFor();
  await waitForPanel(page);
  await expect.poll(async () => (await panels(page)).map((p) => p.frameUrl).sort()).toEqual([SITE.a, shellUrl].sort());

  const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
  await popup.getByRole('button', { name: '从上次录入填充' }).click();
  await expect(popup.getByText(/已填 \d+ 项/)).toBeVisible({ timeout: 180_000 });

  await expect(formFrame.locator('.el-form-item').filter({ hasText: '详细地址' }).locator('input').first()).toHaveValue('文三路1号');
  // Each frame that applies a fill logs it with its own URL (fill-done): one entry, the iframe's.
  const log = await inExtension<{ entries: { url: string }[] }>(context, extensionId, { type: 'fill-log' });
  expect(log.entries.map((e) => e.url)).toEqual([SITE.a]);
});

/**
 * The second locale (issue 12): a browser whose interface language is English gets 一录通 in English
 * (manifest through public/_locales, the popup, the report and the in-page panel through
 * lib/ui/i18n.ts), tested on one full fill of platform A from the sample inspection. The record's
 * values and the platforms' names are the cadre's data and stay as they are.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, extensionIdOf, extensionServiceWorker, inExtension, launchWithExtension, openPopup, tabIdOf } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { panels, waitForPanel } from '../helpers/panel';
import { sampleRecordValues } from '../helpers/fixtures';

const CJK_UI = /已填写并核对|从上次录入填充|请核对后|撤销本次填充|当前页面|已填 \d+ 项/;

test('English interface: popup, report and in-page panel on a full fill of A', async () => {
  test.setTimeout(360_000);
  const dir = await mkdtemp(join(tmpdir(), 'ylt-en-'));
  const context = await launchWithExtension(dir, { extra: { locale: 'en-US', env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' } } });
  try {
    const extensionId = await extensionIdOf(context);
    const uiLanguage = await (await extensionServiceWorker(context)).evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    expect(uiLanguage).toMatch(/^en/);
    const seeded = await inExtension<{ ok: boolean }>(context, extensionId, {
      type: 'capture', captureId: 'english-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: 'A', values: sampleRecordValues(), raw: {},
    });
    expect(seeded.ok).toBe(true);
    const page = await context.newPage();
    await page.goto(SITE.a);
    await waitForPanel(page, 60_000, '一录通 · Fill from last entry');
    const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
    await expect(popup.getByText('This page', { exact: true })).toBeVisible();
    await popup.getByRole('button', { name: 'Fill from last entry' }).click();
    // A real popup lies over the visible tab; opened as a tab here, it would leave A in the background,
    // where the browser slows A's timers to one a second.
    await page.bringToFront();
    await expect(popup.locator('.ylt-summary')).toHaveText(/^\d+ filled, \d+ need you, \d+ not in the record$/, { timeout: 240_000 });
    const filled = Number((await popup.locator('.ylt-summary').textContent())!.match(/^(\d+) filled/)![1]);
    expect(filled).toBeGreaterThanOrEqual(20);
    await expect(popup.locator('.ylt-status').filter({ hasText: /^(Filled and checked|Already the same, left alone)$/ })).toHaveCount(filled);
    await expect(popup.getByRole('button', { name: 'Undo this fill' })).toBeVisible();
    expect(await popup.locator('main').innerText()).not.toMatch(CJK_UI);
    // The in-page panel tells the same fill in English.
    await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 30_000 }).toContain('Please check, then submit it yourself.');
    expect((await panels(page)).map((p) => p.text).join('')).not.toMatch(CJK_UI);
    await popup.getByRole('button', { name: 'Undo this fill' }).click();
    await page.bringToFront();
    await expect(popup.getByRole('button', { name: 'Undo this fill' })).toHaveCount(0, { timeout: 60_000 });
  } finally {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
});

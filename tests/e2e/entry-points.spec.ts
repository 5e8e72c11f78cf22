/**
 * Every entry point to a fill (issue 12): the in-page button, the popup, the keyboard shortcut and the
 * context menu each fill platform A from the inspection in progress (or, from the menu's 最近的记录
 * submenu, from an older record), and each undoes it.
 *
 * Headless Chromium does not route key presses to extension shortcuts, and shows no native context
 * menu (a key press sent with CDP Input.dispatchKeyEvent reaches the page, never chrome.commands; we
 * tried). So the shortcut and the menu are driven by dispatching the browser's own events in the
 * extension's service worker — `chrome.commands.onCommand.dispatch('fill-latest', tab)` and
 * `chrome.contextMenus.onClicked.dispatch({ menuItemId }, tab)` — which runs the very listeners a real
 * Alt+Shift+F or menu click runs (lib/messaging/entry-points.ts). That the manifest binds the keys and
 * that the menu items exist is checked from the browser itself (chrome.commands.getAll, and
 * chrome.contextMenus.update, which fails for an item that does not exist).
 */
import { test, expect, inExtension, extensionServiceWorker, openPopup, tabIdOf } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { clickPanelButton, panels, waitForPanel } from '../helpers/panel';
import { field } from '../helpers/person-a';
import type { BrowserContext, Page } from '@playwright/test';

const MAPPING_A = 'zj.zzd.xfjc';
const PLATFORM = '浙政钉·掌上执法';

/** A record as the capture path stores it (captured on A), `at` ms old. */
function record(id: string, at: number, values: Record<string, string>) {
  const origin = { mappingId: MAPPING_A, platform: PLATFORM, at, kind: 'capture' as const };
  return {
    id, schemaVersion: 2, createdAt: at, updatedAt: at, status: 'captured',
    source: { mappingId: MAPPING_A, mappingVersion: 2, url: SITE.a, title: 'A' },
    identities: [], contributions: [{ id: `c-${id}`, kind: 'capture', mappingId: MAPPING_A, mappingVersion: 2, platform: PLATFORM, url: SITE.a, at, values, raw: {} }],
    contributionIds: [`c-${id}`], trail: [{ kind: 'captured', mappingId: MAPPING_A, platform: PLATFORM, at }],
    values, provenance: Object.fromEntries(Object.keys(values).map((k) => [k, origin])), history: {},
  };
}
const OLDER = record('older', Date.now() - 86_400_000, { 'unit.address': '文二路2号', 'unit.legalPerson': '张某', 'inspection.findings': '上周的检查。' });
const IN_PROGRESS = record('in-progress', Date.now() - 60_000, { 'unit.address': '文三路1号', 'unit.legalPerson': '王某', 'inspection.findings': '今天的检查。' });

const inputOf = (page: Page, label: string) => field(page, label).locator('input.el-input__inner, textarea.el-textarea__inner');

async function openA(context: BrowserContext, extensionId: string, page: Page): Promise<number> {
  for (const r of [OLDER, IN_PROGRESS]) expect(await inExtension(context, extensionId, { type: 'restore-record', record: r })).toEqual({ ok: true });
  await page.goto(SITE.a);
  await waitForPanel(page, 60_000);
  return tabIdOf(context, page);
}

async function expectFilledWith(page: Page, values: Record<string, string>) {
  await expect(inputOf(page, '现场检查情况')).toHaveValue(values['inspection.findings']!, { timeout: 60_000 });
  await expect(inputOf(page, '详细地址')).toHaveValue(values['unit.address']!);
  await expect(inputOf(page, '法定代表人/主要负责人')).toHaveValue(values['unit.legalPerson']!);
}

async function expectUndone(page: Page) {
  for (const label of ['现场检查情况', '详细地址', '法定代表人/主要负责人']) await expect(inputOf(page, label)).toHaveValue('', { timeout: 30_000 });
}

/** Runs in the extension's service worker, where `chrome` is the extension's API. */
declare const chrome: {
  commands: { getAll(): Promise<{ name: string; shortcut: string }[]>; onCommand: { dispatch(command: string, tab: { id: number }): void } };
  contextMenus: { update(id: string, props: object): Promise<void>; onClicked: { dispatch(info: { menuItemId: string }, tab: { id: number }): void } };
};

test.describe('entry points: fill and undo', () => {
  test.setTimeout(240_000);

  test('the in-page button', async ({ context, extensionId, page }) => {
    await openA(context, extensionId, page);
    await clickPanelButton(page, '一录通 · 从上次录入填充');
    await expectFilledWith(page, IN_PROGRESS.values);
    await clickPanelButton(page, '撤销本次填充');
    await expectUndone(page);
  });

  test('the popup', async ({ context, extensionId, page }) => {
    const tabId = await openA(context, extensionId, page);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByRole('button', { name: '从上次录入填充' }).click();
    await expectFilledWith(page, IN_PROGRESS.values);
    await popup.getByRole('button', { name: '撤销本次填充' }).click();
    await expectUndone(page);
  });

  test('the keyboard shortcut Alt+Shift+F, and Alt+Shift+U to undo', async ({ context, extensionId, page }) => {
    const tabId = await openA(context, extensionId, page);
    const sw = await extensionServiceWorker(context);
    const shortcuts = Object.fromEntries((await sw.evaluate(() => chrome.commands.getAll())).map((c) => [c.name, c.shortcut]));
    expect(shortcuts).toEqual({ 'fill-latest': 'Alt+Shift+F', 'undo-fill': 'Alt+Shift+U', _execute_action: 'Alt+Shift+Y' });

    await sw.evaluate((id) => chrome.commands.onCommand.dispatch('fill-latest', { id }), tabId);
    await expectFilledWith(page, IN_PROGRESS.values);
    // The in-page panel opens on the shortcut's fill and shows its report, as for any other fill.
    await expect.poll(async () => (await panels(page)).map((p) => p.text).join('')).toContain('已填 3 项');
    await sw.evaluate((id) => chrome.commands.onCommand.dispatch('undo-fill', { id }), tabId);
    await expectUndone(page);
  });

  test('the context menu: from the inspection in progress, from a recent record, and undo', async ({ context, extensionId, page }) => {
    const tabId = await openA(context, extensionId, page);
    const sw = await extensionServiceWorker(context);
    // The menu offers both records in its 最近的记录 submenu (built after each change of the records).
    await expect.poll(() => sw.evaluate(async (ids) => {
      try {
        for (const id of ids) await chrome.contextMenus.update(id, {});
        return true;
      } catch {
        return false;
      }
    }, ['ylt-fill', 'ylt-undo', 'ylt-recent', `ylt-record:${OLDER.id}`, `ylt-record:${IN_PROGRESS.id}`]), { timeout: 15_000 }).toBe(true);

    await sw.evaluate((id) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'ylt-fill' }, { id }), tabId);
    await expectFilledWith(page, IN_PROGRESS.values);
    await sw.evaluate((id) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'ylt-undo' }, { id }), tabId);
    await expectUndone(page);

    await sw.evaluate(([id, item]) => chrome.contextMenus.onClicked.dispatch({ menuItemId: item }, { id }), [tabId, `ylt-record:${OLDER.id}`] as const);
    await expectFilledWith(page, OLDER.values);
    await sw.evaluate((id) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'ylt-undo' }, { id }), tabId);
    await expectUndone(page);
  });
});

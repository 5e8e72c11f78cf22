/**
 * The browser's own entry points to a fill, besides the in-page button and the popup: the keyboard
 * shortcuts (manifest `commands`, see wxt.config.ts) and the page's context menu (右键菜单). Each one
 * sends the same message the popup sends (`fill` / `undo` for a tab), through the same handler, so it
 * fills from the inspection in progress, or from a record picked in the menu's 最近的记录 submenu; the
 * in-page panel shows the progress, the report and 撤销本次填充.
 *
 * A browser shortcut and a context-menu click are a person's action in the browser's own UI (a page
 * cannot fake either), so they carry the popup's rights: the extension-page sender.
 */
import { browser } from 'wxt/browser';
import type { Sender } from './background';

export const COMMAND_FILL = 'fill-latest';
export const COMMAND_UNDO = 'undo-fill';

const MENU_ROOT = 'ylt';
const MENU_FILL = 'ylt-fill';
const MENU_RECENT = 'ylt-recent';
const MENU_UNDO = 'ylt-undo';
const MENU_RECORD = 'ylt-record:';
/** Records listed in the 最近的记录 submenu. */
export const RECENT_IN_MENU = 5;

export interface EntryPointDeps {
  handle: (msg: unknown, sender: Sender) => Promise<unknown>;
  /** Match patterns of the installed mappings' pages: the menu shows only there. */
  hosts: () => string[];
  /** Newest records first: id and title (as in the popup). */
  recent: () => Promise<{ id: string; title: string }[]>;
}

const BROWSER_UI: Sender = { kind: 'extension-page' };

/** What a command or a menu item asks of the background, for the tab it was used in. */
export function entryPointMessage(id: string, tabId: number): unknown {
  if (id === COMMAND_FILL || id === MENU_FILL) return { type: 'fill', tabId };
  if (id === COMMAND_UNDO || id === MENU_UNDO) return { type: 'undo', tabId };
  if (id.startsWith(MENU_RECORD)) return { type: 'fill', tabId, recordId: id.slice(MENU_RECORD.length) };
  return undefined;
}

/** The context menu's items, for the installed mappings' pages and the newest records. */
export function menuItems(hosts: string[], recent: { id: string; title: string }[]) {
  const shown = { contexts: ['page', 'editable', 'frame', 'selection'], documentUrlPatterns: hosts };
  return [
    { id: MENU_ROOT, title: '一录通', ...shown },
    { id: MENU_FILL, parentId: MENU_ROOT, title: '从上次录入填充', ...shown },
    ...(recent.length ? [{ id: MENU_RECENT, parentId: MENU_ROOT, title: '从最近的记录填充', ...shown }] : []),
    ...recent.slice(0, RECENT_IN_MENU).map((r) => ({ id: MENU_RECORD + r.id, parentId: MENU_RECENT, title: r.title, ...shown })),
    { id: MENU_UNDO, parentId: MENU_ROOT, title: '撤销本次填充', ...shown },
  ];
}

type AnyApi = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- menus/commands differ per browser

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Registers the shortcuts' and the context menu's listeners (synchronously, at the worker's start, so
 * an event that wakes the worker reaches them) and returns `refreshMenu`, to call when the records or
 * the installed mappings change.
 */
export function installEntryPoints(deps: EntryPointDeps): { refreshMenu: () => Promise<void> } {
  const api = browser as unknown as AnyApi;
  const run = async (id: string, tabId: number | undefined) => {
    const tab = tabId ?? (await activeTabId());
    const msg = tab === undefined ? undefined : entryPointMessage(id, tab);
    if (msg) await deps.handle(msg, BROWSER_UI);
  };
  api.commands?.onCommand?.addListener((command: string, tab?: { id?: number }) => { void run(command, tab?.id); });
  const menus = api.contextMenus ?? api.menus;
  menus?.onClicked?.addListener((info: { menuItemId: string | number }, tab?: { id?: number }) => { void run(String(info.menuItemId), tab?.id); });

  let pending: Promise<void> = Promise.resolve();
  const refreshMenu = () => {
    // One rebuild at a time: removeAll and create must not interleave.
    pending = pending.then(async () => {
      if (!menus) return;
      const hosts = deps.hosts();
      await menus.removeAll();
      if (!hosts.length) return;
      for (const item of menuItems(hosts, await deps.recent().catch(() => []))) {
        await new Promise<void>((resolve) => {
          menus.create(item, () => { void (browser.runtime as AnyApi).lastError; resolve(); });
        });
      }
    }).catch((e: unknown) => console.error('一录通 could not build the context menu', e));
    return pending;
  };
  return { refreshMenu };
}

import { describe, expect, it } from 'vitest';
import { COMMAND_FILL, COMMAND_UNDO, entryPointMessage, menuItems, RECENT_IN_MENU } from '@/lib/messaging/entry-points';

describe('shortcuts and context menu', () => {
  it('each command and menu item asks the background what the popup asks, for the tab it was used in', () => {
    expect(entryPointMessage(COMMAND_FILL, 7)).toEqual({ type: 'fill', tabId: 7 });
    expect(entryPointMessage(COMMAND_UNDO, 7)).toEqual({ type: 'undo', tabId: 7 });
    expect(entryPointMessage('ylt-fill', 7)).toEqual({ type: 'fill', tabId: 7 });
    expect(entryPointMessage('ylt-undo', 7)).toEqual({ type: 'undo', tabId: 7 });
    expect(entryPointMessage('ylt-record:abc', 7)).toEqual({ type: 'fill', tabId: 7, recordId: 'abc' });
    expect(entryPointMessage('ylt', 7)).toBeUndefined();
    expect(entryPointMessage('_execute_action', 7)).toBeUndefined();
  });

  it('the menu shows only on the mapped hosts, with at most five recent records in a submenu', () => {
    const recent = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, title: `记录 ${i}` }));
    const items = menuItems(['http://127.0.0.1/*'], recent);
    expect(items.every((i) => i.documentUrlPatterns.length === 1 && i.documentUrlPatterns[0] === 'http://127.0.0.1/*')).toBe(true);
    expect(items.filter((i) => 'parentId' in i && i.parentId === 'ylt-recent').map((i) => i.title)).toEqual(recent.slice(0, RECENT_IN_MENU).map((r) => r.title));
    expect(menuItems(['http://127.0.0.1/*'], []).map((i) => i.id)).toEqual(['ylt', 'ylt-fill', 'ylt-undo']);
  });
});

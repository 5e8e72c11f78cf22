/**
 * Ant Design's select family: Select (single, multiple, tags, showSearch, remote search, virtual
 * list), Cascader (lazy levels, hover expansion) and TreeSelect (collapsed, virtual tree). Part of
 * the antd adapters (antd.ts); antd 5, antd 4.24 and Ant Design Vue 4 DOM. A multiple select that
 * misses one wanted option takes back the ones it added, so a refused value leaves the field as it was.
 */
import { click, hover, typeInto, waitFor, optionShows } from '../dom';
import {
  FAMILY, anchoredPopup, asList, closePopup, disabled, done, failed, guarded, hasClass, isOpenPopup, labelOf, noOption, openPopups,
  own, poll, same, sameList, scrollBy, scrollRowToTop, scrollToTop, settle,
  takeFocus,
} from './antd-dom';
import type { WidgetAdapter, WidgetContext, WriteOutcome } from './types';
// ───────────────────────────── Select ─────────────────────────────

const SELECT = '.ant-select:not(.ant-cascader):not(.ant-tree-select)';
const OPTION = '.ant-select-item-option';
const optionLabel = (o: Element) => labelOf(o, '.ant-select-item-option-content');

function searchInput(sel: Element): HTMLInputElement | null {
  return sel.querySelector<HTMLInputElement>('input.ant-select-selection-search-input, .ant-select-selection-search input');
}
const isOpen = (sel: Element) => hasClass(sel, 'ant-select-open');

/** The select's own open popup: its search input names the listbox (`aria-controls`), which lives in the popup. */
function selectPopup(sel: Element): HTMLElement | undefined {
  const input = searchInput(sel);
  const id = input?.getAttribute('aria-controls') || input?.getAttribute('aria-owns');
  const list = id ? sel.ownerDocument.getElementById(id) : null;
  const popup = list?.closest<HTMLElement>('.ant-select-dropdown');
  if (popup) return isOpenPopup(popup) ? popup : undefined;
  return isOpen(sel)
    ? anchoredPopup(sel, '.ant-select-dropdown:not(.ant-cascader-dropdown):not(.ant-tree-select-dropdown)')
    : undefined;
}

function readSelect(sel: Element): string[] {
  return Array.from(sel.querySelectorAll('.ant-select-selection-item'))
    .filter((i) => !i.closest('.ant-select-selection-overflow-item-rest'))
    .map((i) => labelOf(i, '.ant-select-selection-item-content'))
    .filter(Boolean);
}

const optionsIn = (popup: Element) => Array.from(popup.querySelectorAll<HTMLElement>(OPTION));
const signature = (popup: Element) => optionsIn(popup).map(optionLabel).join('\u0001')
  + (popup.querySelector('.ant-spin-spinning, .ant-select-item-empty .ant-spin') ? '\u0002loading' : '');

function findOption(popup: Element, wanted: string, seen: Set<string>): HTMLElement | undefined {
  for (const o of optionsIn(popup)) {
    const l = optionLabel(o);
    seen.add(l);
    if (same(l, wanted) || optionShows(o, wanted)) return o;
  }
  return undefined;
}

/** Scrolls a virtual option list from the top until `wanted` is rendered, or the end. */
async function scrollToOption(popup: HTMLElement, wanted: string, seen: Set<string>, ctx: WidgetContext) {
  const holder = popup.querySelector<HTMLElement>('.rc-virtual-list-holder');
  if (!holder || holder.scrollHeight <= holder.clientHeight + 1) return undefined;
  await scrollToTop(holder, ctx.signal);
  for (let guard = 0; guard < 500; guard++) {
    const hit = findOption(popup, wanted, seen);
    if (hit) return hit;
    if (!(await scrollBy(holder, Math.max(holder.clientHeight - 32, 24), ctx.signal))) return findOption(popup, wanted, seen);
  }
  return undefined;
}

/**
 * After typing a search: waits for the wanted option, or for the list to stop changing. A remote
 * search may show no popup at all until its answer arrives, so the popup is looked up every time.
 */
async function awaitSearch(sel: HTMLElement, wanted: string, seen: Set<string>, ctx: WidgetContext) {
  const deadline = Date.now() + ctx.timeoutMs;
  const started = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const popup = selectPopup(sel);
    const hit = popup && findOption(popup, wanted, seen);
    if (hit) return hit;
    const sig = popup ? signature(popup) : '';
    if (sig !== last) { last = sig; since = Date.now(); }
    const loading = sig.endsWith('\u0002loading');
    if (!loading && Date.now() - since >= 600 && Date.now() - started >= 800) return undefined;
    if (Date.now() >= deadline) return undefined;
    await settle(30, ctx.signal);
  }
}

/** Picks one option by label; returns an outcome only when it could not. */
async function pickOption(sel: HTMLElement, wanted: string, ctx: WidgetContext): Promise<WriteOutcome | undefined> {
  if (!isOpen(sel)) click(sel.querySelector('.ant-select-selector') ?? sel);
  await poll(() => isOpen(sel), 1000, ctx);
  // Options (or a remote list) may render a moment after opening; an empty remote select shows no popup.
  const popup = await poll(() => { const p = selectPopup(sel); return p && optionsIn(p).length > 0 && p; }, 300, ctx);
  const seen = new Set<string>();
  let opt = popup && (findOption(popup, wanted, seen) ?? await scrollToOption(popup, wanted, seen, ctx));
  const input = searchInput(sel);
  if (!opt && input && !input.readOnly) {
    typeInto(input, wanted, { perChar: true });
    opt = await awaitSearch(sel, wanted, seen, ctx);
  }
  if (!opt) return noOption(wanted, seen);
  if (hasClass(opt, 'ant-select-item-option-disabled')) return failed(`选项「${wanted}」不可选`);
  if (!hasClass(opt, 'ant-select-item-option-selected') || !hasClass(sel, 'ant-select-multiple')) {
    hover(opt);
    click(opt);
  }
  return undefined;
}

export const antdSelect: WidgetAdapter = {
  kind: 'antd-select',
  family: FAMILY,
  detect: (root) => !!own(root, SELECT),
  read: (root) => {
    const sel = own(root, SELECT);
    if (!sel) return '';
    const labels = readSelect(sel);
    return hasClass(sel, 'ant-select-multiple') ? labels : labels[0] ?? '';
  },
  write: (root, value, ctx) => guarded(async () => {
    const sel = own(root, SELECT);
    if (!sel) return failed('未找到下拉框');
    if (hasClass(sel, 'ant-select-disabled')) return disabled;
    const multiple = hasClass(sel, 'ant-select-multiple');
    const wanted = asList(value);
    const input = searchInput(sel);
    try {
      if (!multiple) {
        if (wanted.length === 0) return clearSelect(sel, ctx);
        if (same(readSelect(sel)[0] ?? '', wanted[0]!)) return done;
        const problem = await pickOption(sel, wanted[0]!, ctx);
        if (problem) return problem;
        await waitFor(() => same(readSelect(sel)[0] ?? '', wanted[0]!), { ...ctx, what: '选中项显示' });
        return done;
      }
      // Multiple / tags: add what is missing, then remove what is not wanted (its tag's ×). A missing
      // option undoes the additions, so a refused value leaves the field as it was.
      const added: string[] = [];
      for (const w of wanted) {
        if (readSelect(sel).some((l) => same(l, w))) continue;
        // Tags mode offers the typed text itself as an option, so a new tag is picked like any other.
        const problem = await pickOption(sel, w, ctx);
        if (problem) {
          await removeTags(sel, (l) => added.some((a) => same(a, l)));
          return problem;
        }
        await poll(() => readSelect(sel).some((l) => same(l, w)), 1000, ctx);
        added.push(w);
      }
      await removeTags(sel, (l) => !wanted.some((w) => same(w, l)));
      const got = readSelect(sel);
      return wanted.every((w) => got.some((l) => same(l, w))) && got.length === wanted.length
        ? done : failed(`选择后显示为「${got.join('、')}」`);
    } finally {
      await closePopup(input, () => isOpen(sel), ctx.signal);
    }
  }),
};

/** Removes the tags whose label `drop` accepts, with their × buttons. */
async function removeTags(sel: HTMLElement, drop: (label: string) => boolean): Promise<void> {
  for (const tag of Array.from(sel.querySelectorAll('.ant-select-selection-item'))) {
    const l = labelOf(tag, '.ant-select-selection-item-content');
    const x = tag.querySelector('.ant-select-selection-item-remove');
    if (l && x && drop(l)) { click(x); await settle(); }
  }
}

async function clearSelect(sel: HTMLElement, ctx: WidgetContext): Promise<WriteOutcome> {
  if (readSelect(sel).length === 0) return done;
  const clear = sel.querySelector('.ant-select-clear');
  if (!clear) return failed('该下拉框不能清空');
  click(clear);
  await waitFor(() => readSelect(sel).length === 0, { ...ctx, what: '清空下拉框' });
  return done;
}

// ───────────────────────────── Cascader ─────────────────────────────

const CASCADER = '.ant-cascader, .ant-cascader-picker';

function readCascader(c: Element): string[] {
  const shown = c.querySelector('.ant-select-selection-item, .ant-cascader-picker-label');
  const text = shown ? labelOf(shown) : '';
  return text ? text.split(/\s+\/\s+/) : [];
}

const cascaderOpen = (c: Element) => hasClass(c, 'ant-select-open') || (hasClass(c, 'ant-cascader-picker-focused')
  && openPopups(c.ownerDocument, '.ant-cascader-menus').length > 0);
const columnsOf = (popup: Element) => Array.from(popup.querySelectorAll<HTMLElement>('.ant-cascader-menu'));
const itemsOf = (col: Element) => Array.from(col.querySelectorAll<HTMLElement>('.ant-cascader-menu-item'));
const itemLabel = (it: Element) => labelOf(it, '.ant-cascader-menu-item-content');
const loadingIn = (popup: Element) => !!popup.querySelector('[class*="ant-cascader-menu-item-loading"]');

export const antdCascader: WidgetAdapter = {
  kind: 'antd-cascader',
  family: FAMILY,
  detect: (root) => !!own(root, CASCADER),
  read: (root) => { const c = own(root, CASCADER); return c ? readCascader(c) : []; },
  write: (root, value, ctx) => guarded(async () => {
    const c = own(root, CASCADER);
    if (!c) return failed('未找到级联选择框');
    if (hasClass(c, 'ant-select-disabled') || hasClass(c, 'ant-cascader-picker-disabled')) return disabled;
    const path = asList(value);
    if (sameList(readCascader(c), path)) return done;
    const input = c.querySelector<HTMLInputElement>('input');
    if (path.length === 0) {
      const clear = c.querySelector('.ant-select-clear, .ant-cascader-picker-clear');
      if (!clear) return failed('该级联选择框不能清空');
      click(clear);
      await waitFor(() => readCascader(c).length === 0, { ...ctx, what: '清空级联选择框' });
      return done;
    }
    try {
      await takeFocus(c, input, ctx.signal);
      click(c.querySelector('.ant-select-selector') ?? c);
      const popup = await waitFor(() => anchoredPopup(c, '.ant-cascader-dropdown, .ant-cascader-menus'), { ...ctx, what: '级联菜单' });
      let parentItem: HTMLElement | undefined;
      for (const [level, label] of path.entries()) {
        // Level n is ready once level n-1 shows the clicked parent as active and nothing is loading (loadData).
        const ready = () => {
          const cols = columnsOf(popup);
          if (loadingIn(popup) || !cols[level] || itemsOf(cols[level]!).length === 0) return undefined;
          if (level > 0) {
            const active = cols[level - 1]!.querySelector('.ant-cascader-menu-item-active');
            if (!active || !same(itemLabel(active), path[level - 1]!)) return undefined;
          }
          return cols[level];
        };
        const what = `第 ${level + 1} 级选项`;
        // A click that lands while React re-renders the menu can be lost on a busy machine: click the
        // parent once more halfway through the wait rather than give up.
        const col = await waitFor(ready, { ...ctx, timeoutMs: ctx.timeoutMs / 2, what })
          .catch(async (e: unknown) => {
            const again = parentItem?.isConnected ? parentItem
              : level > 0 ? itemsOf(columnsOf(popup)[level - 1] ?? popup).find((it) => same(itemLabel(it), path[level - 1]!)) : undefined;
            if (!again) throw e;
            hover(again);
            click(again);
            return waitFor(ready, { ...ctx, timeoutMs: ctx.timeoutMs / 2, what });
          });
        const items = itemsOf(col);
        const item = items.find((it) => same(itemLabel(it), label));
        if (!item) return noOption(label, items.map(itemLabel));
        if (hasClass(item, 'ant-cascader-menu-item-disabled')) return failed(`选项「${label}」不可选`);
        parentItem = item;
        // A parent already open on the current value (the popup opens on it) is not clicked again, as
        // a person would not: each click calls the page's loadData, and the usual loadData replaces the
        // parent's children with new objects when its request returns — after the next level was
        // picked from the old ones, which loses the chosen leaf's label (the box then shows its code).
        const next = columnsOf(popup)[level + 1];
        const alreadyOpen = level < path.length - 1 && hasClass(item, 'ant-cascader-menu-item-active') && !!next && itemsOf(next).length > 0;
        if (alreadyOpen) continue;
        hover(item); // expandTrigger: 'hover' variants open the next level on hover
        click(item);
        await settle();
      }
      await waitFor(() => sameList(readCascader(c), path), { ...ctx, what: '级联选择结果显示' });
      return done;
    } finally {
      await closePopup(input, () => cascaderOpen(c), ctx.signal);
    }
  }),
};

// ───────────────────────────── TreeSelect ─────────────────────────────

const TREE_SELECT = '.ant-tree-select';
const ROW = '.ant-select-tree-treenode[role="treeitem"], .ant-select-tree-treenode:not([aria-hidden="true"])';

const rowsOf = (popup: Element) => Array.from(new Set(popup.querySelectorAll<HTMLElement>(ROW)))
  .filter((r) => r.getAttribute('aria-hidden') !== 'true' && r.closest('[aria-hidden="true"]') === null);
const levelOf = (row: Element) => row.querySelectorAll('.ant-select-tree-indent-unit').length;
const titleOf = (row: Element) => labelOf(row.querySelector('.ant-select-tree-node-content-wrapper') ?? row, '.ant-select-tree-title');
const expanded = (row: Element) => row.getAttribute('aria-expanded') === 'true' || hasClass(row, 'ant-select-tree-treenode-switcher-open');

/**
 * Finds the child `label` (at `level`) of `parent` (null: the roots) in a virtual tree: scans the
 * rendered rows after the parent, scrolling the holder down while still inside the parent's subtree.
 */
async function findTreeChild(popup: HTMLElement, parent: HTMLElement | null, level: number, label: string, ctx: WidgetContext) {
  const holder = popup.querySelector<HTMLElement>('.ant-select-tree-list-holder');
  const seen: string[] = [];
  if (holder) { if (parent) await scrollRowToTop(holder, parent, ctx.signal); else await scrollToTop(holder, ctx.signal); }
  let anchor = parent;
  for (let guard = 0; guard < 200; guard++) {
    const rows = rowsOf(popup);
    let i = anchor ? rows.indexOf(anchor) + 1 : 0;
    if (anchor && i === 0) break;
    for (; i < rows.length; i++) {
      const lv = levelOf(rows[i]!);
      if (lv < level) return { row: undefined, seen };
      if (lv !== level) continue;
      const t = titleOf(rows[i]!);
      if (!seen.includes(t)) seen.push(t);
      if (same(t, label)) return { row: rows[i], seen };
    }
    const last = rows[rows.length - 1];
    if (!holder || !last || last === anchor) break;
    anchor = last;
    await scrollRowToTop(holder, last, ctx.signal);
    if (!rowsOf(popup).includes(last)) break;
  }
  return { row: undefined, seen };
}

/**
 * The whole path of the chosen node, from the tree select's kept (hidden) dropdown: the selected row and,
 * above it in the flattened tree, the nearest row of each shallower level. Undefined when the dropdown was
 * never opened, or more than one kept dropdown has a selected row with this leaf (no guessing which).
 */
function chosenPath(t: Element, leaf: string): string[] | undefined {
  const id = searchInput(t)?.getAttribute('aria-controls');
  const linked = id ? t.ownerDocument.getElementById(id)?.closest('.ant-tree-select-dropdown') : null;
  const popups = linked ? [linked] : Array.from(t.ownerDocument.querySelectorAll('.ant-tree-select-dropdown'));
  const found = popups.flatMap((popup) => {
    const rows = rowsOf(popup);
    const i = rows.findIndex((r) => hasClass(r, 'ant-select-tree-treenode-selected') && same(titleOf(r), leaf));
    return i < 0 ? [] : [{ rows, i }];
  });
  if (found.length !== 1) return undefined;
  const { rows, i } = found[0]!;
  const path = [titleOf(rows[i]!)];
  let level = levelOf(rows[i]!);
  for (let j = i - 1; j >= 0 && level > 0; j--) {
    const lv = levelOf(rows[j]!);
    if (lv < level) { path.unshift(titleOf(rows[j]!)); level = lv; }
  }
  return level === 0 ? path : undefined; // an ancestor scrolled out of the virtual list: not the whole path
}

export const antdTreeSelect: WidgetAdapter = {
  kind: 'antd-tree-select',
  family: FAMILY,
  showsLeaf: true,
  detect: (root) => !!own(root, TREE_SELECT),
  // The selector shows the chosen node's own title; the path above it is read from the kept dropdown
  // (capture records 文新街道 / 文苑社区 / 第3网格, not 第3网格 alone), else the title is all there is.
  read: (root) => {
    const t = own(root, TREE_SELECT);
    if (!t) return [];
    const shown = readSelect(t);
    return (shown.length === 1 && chosenPath(t, shown[0]!)) || shown;
  },
  write: (root, value, ctx) => guarded(async () => {
    const t = own(root, TREE_SELECT);
    if (!t) return failed('未找到树形选择框');
    if (hasClass(t, 'ant-select-disabled')) return disabled;
    const path = asList(value);
    if (path.length === 0) return clearSelect(t, ctx);
    const input = searchInput(t);
    try {
      if (!isOpen(t)) click(t.querySelector('.ant-select-selector') ?? t);
      const popup = await waitFor(() => anchoredPopup(t, '.ant-tree-select-dropdown'), { ...ctx, what: '树形下拉框' });
      await waitFor(() => rowsOf(popup).length > 0, { ...ctx, what: '树节点' });
      let parent: HTMLElement | null = null;
      for (const [level, label] of path.entries()) {
        const { row, seen } = await findTreeChild(popup, parent, level, label, ctx);
        if (!row) return noOption(label, seen);
        if (level < path.length - 1) {
          if (!expanded(row)) {
            const switcher = row.querySelector('.ant-select-tree-switcher');
            if (!switcher || hasClass(switcher, 'ant-select-tree-switcher-noop')) return noOption(path[level + 1]!, []);
            click(switcher);
          }
          await waitFor(() => expanded(row) && !row.querySelector('[class*="loading"]'), { ...ctx, what: `展开「${label}」` });
          await settle();
          parent = row;
          continue;
        }
        if (hasClass(row, 'ant-select-tree-treenode-disabled')) return failed(`节点「${label}」不可选`);
        click(row.querySelector('.ant-select-tree-node-content-wrapper') ?? row);
      }
      const leaf = path[path.length - 1]!;
      const shown = await poll(() => readSelect(t).some((l) => same(l, leaf) || same(l, path.join('/'))), 1500, ctx);
      return shown ? done : failed(`节点「${leaf}」不能被选中（可能只能选择下级节点）`);
    } finally {
      await closePopup(input, () => isOpen(t), ctx.signal);
    }
  }),
};


/**
 * TDesign Vue Next t-select, t-tree-select and t-cascader, driven like a person: click the field,
 * type into a filterable or remote select, wait for the teleported popup, click the option; walk the
 * cascader menu by menu, waiting for lazily loaded levels; expand the tree node by node.
 *
 * DOM facts (tdesign-vue-next 1.20): every trigger is a `.t-select-input` (`.t-select`, `.t-cascader`,
 * `.t-tree-select`) holding `input.t-input__inner` (readonly unless filterable) that shows the chosen
 * label; multiple selects show `.t-tag` chips. While open the trigger carries
 * `.t-select-input--popup-visible`. Popups are `.t-popup` under <body> with no link from the trigger:
 * `.t-select__dropdown` (options `li.t-select-option`, `t-is-selected`, `t-is-disabled`; a tree select's
 * dropdown holds a flat `.t-tree__item` list with `data-level`, `t-tree__item--open`,
 * `t-is-active`), `.t-cascader__popup` (menus `ul.t-cascader__menu`, items
 * `li.t-cascader__item` with `.t-cascader__item-label`, `t-is-expanded`, a `.t-loading` while a lazy
 * level loads).
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { click, hover, isVisible, textOf, typeInto, waitFor } from '../dom';
import { asList, asString, describeError, dismiss, DONE, fail, nearestPopup, part, same, sameList, settleFind, visibleSet, waitNewPopup } from './tdesign-dom';

export const FAMILY = 'tdesign';
const DROPDOWN = '.t-select__dropdown';
const OPTION = 'li.t-select-option';

interface Parts { widget: HTMLElement; trigger: HTMLElement; input: HTMLInputElement | null }

function parts(root: Element, selector: string): Parts | null {
  const widget = part(root, selector);
  if (!widget) return null;
  const input = widget.querySelector<HTMLInputElement>('input.t-input__inner');
  return { widget, trigger: widget.querySelector<HTMLElement>('.t-input') ?? widget, input };
}

const isOpen = (p: Parts) => p.widget.matches('.t-select-input--popup-visible') || !!p.widget.querySelector('.t-select-input--popup-visible');
const disabled = (p: Parts) => !!p.input?.disabled || !!p.widget.querySelector('.t-is-disabled');
const tags = (p: Parts) => Array.from(p.widget.querySelectorAll('.t-tag')).map((t) => textOf(t.querySelector('span') ?? t)).filter((t) => t && !/^\+\s*\d+$/.test(t));
const isMultiple = (p: Parts) => p.widget.matches('.t-select-input--multiple');
const optionLabel = (li: Element) => li.getAttribute('title') || textOf(li);

/** The popup this trigger has open: the one that appeared since `before`, else (open) the last visible one. */
async function open(p: Parts, popupSel: string, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.widget.ownerDocument;
  if (isOpen(p)) return nearestPopup(doc, popupSel, p.widget);
  const before = visibleSet(doc, popupSel);
  click(p.input ?? p.trigger);
  return waitNewPopup(doc, popupSel, before, ctx, () => isOpen(p), '下拉框');
}

const close = (p: Parts, ctx: WidgetContext) => dismiss(p.input, () => isOpen(p), ctx);

/** Clears through the clear icon, which replaces the arrow while the pointer is over a clearable field. */
async function clear(p: Parts, isEmpty: () => boolean, ctx: WidgetContext): Promise<WriteOutcome> {
  hover(p.trigger);
  const icon = await waitFor(() => p.widget.querySelector<HTMLElement>('.t-input__suffix-clear'), { timeoutMs: 500, signal: ctx.signal }).catch(() => null);
  if (!icon) return fail('该控件不能清空');
  click(icon);
  return waitFor(isEmpty, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
}

// ------------------------------------------------------------------------------------------------ select

function readSelect(root: Element): WidgetValue {
  const p = parts(root, '.t-select');
  if (!p) return null;
  if (isMultiple(p)) return tags(p);
  return p.input?.value ?? '';
}

/** Opens the dropdown (typing the label into a filterable or remote select) and waits for the option. */
async function findOption(p: Parts, wanted: string, ctx: WidgetContext): Promise<{ hit?: HTMLElement; seen: string[] }> {
  const doc = p.widget.ownerDocument;
  const before = visibleSet(doc, DROPDOWN);
  let popup = await open(p, DROPDOWN, ctx);
  const filterable = !!p.input && !p.input.readOnly;
  if (filterable && p.input) typeInto(p.input, wanted, { perChar: true });
  // Remote selects debounce typing, then ask the server: give the list time to change before settling.
  return settleFind(() => {
    if (!popup || !isVisible(popup)) popup = ([...visibleSet(doc, DROPDOWN)].find((d) => !before.has(d)) as HTMLElement | undefined) ?? null;
    const options = popup ? Array.from(popup.querySelectorAll<HTMLElement>(OPTION)).filter(isVisible) : [];
    const hit = options.find((o) => same(optionLabel(o), wanted) && !o.matches('.t-is-disabled'));
    const loading = !!popup && /加载中|loading/i.test(textOf(popup.querySelector('.t-select__loading-tips, .t-select-loading-tips, .t-select__empty')));
    return { hit, seen: options.filter((o) => !o.matches('.t-is-disabled')).map(optionLabel), loading, ready: !filterable || !!popup };
  }, ctx, filterable ? 1000 : 300);
}

async function writeSelect(p: Parts, value: WidgetValue, root: Element, ctx: WidgetContext): Promise<WriteOutcome> {
  if (!isMultiple(p)) {
    const wanted = asList(value)[0] ?? '';
    if (wanted === '') return clear(p, () => readSelect(root) === '', ctx);
    const { hit, seen } = await findOption(p, wanted, ctx);
    if (!hit) { await close(p, ctx); return { status: 'no-option', wanted, seen }; }
    click(hit);
    const ok = await waitFor(() => same(asString(readSelect(root)), wanted), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
    await close(p, ctx);
    return ok ? DONE : fail(`选择后显示为“${asString(readSelect(root))}”`);
  }
  const wanted = asList(value);
  const missing: { wanted: string; seen: string[] }[] = [];
  // Extras first: clicking a chosen option in the dropdown takes it out again.
  for (const extra of tags(p).filter((t) => !wanted.some((w) => same(w, t)))) {
    const { hit } = await findOption(p, extra, ctx);
    if (hit?.matches('.t-is-selected')) click(hit);
    await waitFor(() => !tags(p).some((t) => same(t, extra)), { timeoutMs: 1000, signal: ctx.signal }).catch(() => undefined);
  }
  for (const w of wanted) {
    if (tags(p).some((t) => same(t, w))) continue;
    const { hit, seen } = await findOption(p, w, ctx);
    if (!hit) { missing.push({ wanted: w, seen }); continue; }
    click(hit);
    await waitFor(() => tags(p).some((t) => same(t, w)), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).catch(() => undefined);
  }
  await close(p, ctx);
  if (missing.length) return { status: 'no-option', wanted: missing.map((m) => m.wanted).join('、'), seen: missing[0]!.seen };
  return sameList(tags(p), wanted) ? DONE : fail(`选择后显示为“${tags(p).join('、')}”`);
}

export const tdesignSelect: WidgetAdapter = {
  kind: 'tdesign-select',
  family: FAMILY,
  detect: (root) => !!part(root, '.t-select'),
  read: readSelect,
  async write(root, value, ctx) {
    const p = parts(root, '.t-select');
    if (!p) return fail('找不到下拉框');
    const now = readSelect(root);
    if (isMultiple(p) ? sameList(asList(now), asList(value)) : same(asString(now), asList(value)[0] ?? '')) return DONE;
    if (disabled(p)) return { status: 'disabled' };
    try {
      return await writeSelect(p, value, root, ctx);
    } catch (err) {
      await close(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

// ------------------------------------------------------------------------------------------- tree select

const treeLabel = (item: Element) => textOf(item.querySelector('.t-tree__label') ?? item);
const level = (item: Element) => Number(item.getAttribute('data-level') ?? 0);

/** The path of labels from the root to `item` in TDesign's flat tree list. */
function pathTo(item: Element): string[] {
  const path = [treeLabel(item)];
  let want = level(item) - 1;
  for (let prev = item.previousElementSibling; prev && want >= 0; prev = prev.previousElementSibling) {
    if (level(prev) === want) { path.unshift(treeLabel(prev)); want--; }
  }
  return path;
}

/**
 * The chosen path. The trigger shows only the chosen node's label; the path comes from the tree in
 * its (kept, hidden) dropdown, which marks the chosen node active. TDesign links no dropdown to its
 * trigger, so the dropdown is the one whose active node carries the label shown — when exactly one
 * does; before the dropdown was ever opened only the label is known.
 */
function readTree(root: Element): WidgetValue {
  const p = parts(root, '.t-tree-select');
  if (!p) return null;
  const shown = p.input?.value ?? '';
  if (!shown) return [];
  const doc = p.widget.ownerDocument;
  const paths = Array.from(doc.querySelectorAll(`${DROPDOWN} .t-tree__item.t-is-active`))
    .filter((i) => same(treeLabel(i), shown)).map(pathTo);
  const distinct = paths.filter((x, i) => paths.findIndex((y) => sameList(x, y)) === i);
  return distinct.length === 1 ? distinct[0]! : [shown];
}

/**
 * The items at depth `prefix.length` under the path `prefix` in the flat list. Found again from the
 * root each time: TDesign renders new item nodes when a node expands.
 */
function childrenOf(tree: Element, prefix: string[]): HTMLElement[] {
  const all = Array.from(tree.querySelectorAll<HTMLElement>('.t-tree__item')).filter(isVisible);
  let from = 0;
  let to = all.length;
  for (const [lv, name] of prefix.entries()) {
    const i = all.slice(from, to).findIndex((it) => level(it) === lv && same(treeLabel(it), name));
    if (i < 0) return [];
    from = from + i + 1;
    const end = all.slice(from, to).findIndex((it) => level(it) <= lv);
    to = end < 0 ? to : from + end;
  }
  return all.slice(from, to).filter((it) => level(it) === prefix.length);
}

async function writeTree(p: Parts, path: string[], root: Element, ctx: WidgetContext): Promise<WriteOutcome> {
  const popup = await open(p, DROPDOWN, ctx);
  const tree = popup?.querySelector('.t-tree');
  if (!popup || !tree) return fail('树形下拉未打开');
  for (let lv = 0; lv < path.length; lv++) {
    const prefix = path.slice(0, lv);
    const find = () => childrenOf(tree, prefix).find((i) => same(treeLabel(i), path[lv]!));
    const { hit, seen } = await settleFind(() => ({ hit: find(), seen: childrenOf(tree, prefix).map(treeLabel), loading: !!tree.querySelector('.t-loading') }), ctx);
    if (!hit) { await close(p, ctx); return { status: 'no-option', wanted: path.slice(0, lv + 1).join(' / '), seen }; }
    if (lv === path.length - 1) {
      click(hit.querySelector('.t-tree__label') ?? hit);
    } else if (!hit.matches('.t-tree__item--open')) {
      click(hit.querySelector('.t-tree__icon') ?? hit);
      await waitFor(() => find()?.matches('.t-tree__item--open'), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).catch(() => undefined);
    }
  }
  const ok = await waitFor(() => sameList(asList(readTree(root)), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
  await close(p, ctx);
  return ok ? DONE : fail(`选择后显示为“${asList(readTree(root)).join(' / ')}”`);
}

export const tdesignTreeSelect: WidgetAdapter = {
  kind: 'tdesign-tree-select',
  family: FAMILY,
  showsLeaf: true,
  detect: (root) => !!part(root, '.t-tree-select'),
  read: readTree,
  async write(root, value, ctx) {
    const p = parts(root, '.t-tree-select');
    if (!p) return fail('找不到树形选择');
    const path = asList(value);
    if (sameList(asList(readTree(root)), path)) return DONE;
    if (disabled(p)) return { status: 'disabled' };
    if (isMultiple(p)) return fail('多选树形选择暂不支持');
    try {
      if (!path.length) return await clear(p, () => !asList(readTree(root)).length, ctx);
      return await writeTree(p, path, root, ctx);
    } catch (err) {
      await close(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

// ---------------------------------------------------------------------------------------------- cascader

function readCascader(root: Element): WidgetValue {
  const p = parts(root, '.t-cascader');
  if (!p) return null;
  const text = isMultiple(p) ? tags(p)[0] ?? '' : p.input?.value ?? '';
  return text.trim() ? text.split('/').map((s) => s.trim()) : [];
}

const itemLabel = (li: Element) => textOf(li.querySelector('.t-cascader__item-label') ?? li);

async function writeCascader(p: Parts, path: string[], root: Element, ctx: WidgetContext): Promise<WriteOutcome> {
  const popup = await open(p, '.t-cascader__popup', ctx);
  if (!popup) return fail('级联下拉未打开');
  for (let lv = 0; lv < path.length; lv++) {
    const wanted = path[lv]!;
    const { hit, seen } = await settleFind(() => {
      const menu = popup.querySelectorAll('.t-cascader__menu')[lv];
      const items = menu ? Array.from(menu.querySelectorAll<HTMLElement>('li.t-cascader__item')) : [];
      return { hit: items.find((i) => same(itemLabel(i), wanted)), seen: items.map(itemLabel), loading: !!popup.querySelector('.t-cascader__item .t-loading'), ready: !!menu };
    }, ctx);
    if (!hit) { await close(p, ctx); return { status: 'no-option', wanted: path.slice(0, lv + 1).join(' / '), seen }; }
    if (hit.matches('.t-is-disabled')) { await close(p, ctx); return { status: 'disabled' }; }
    hover(hit); // trigger="hover" cascaders open the next level on hover; a click works for both
    click(hit);
    if (lv < path.length - 1) {
      await waitFor(() => hit.matches('.t-is-expanded') && !hit.querySelector('.t-loading') && popup.querySelectorAll('.t-cascader__menu').length > lv + 1,
        { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `“${wanted}”的下一级` }).catch(() => undefined);
    }
  }
  const ok = await waitFor(() => sameList(asList(readCascader(root)), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
  await close(p, ctx);
  const now = asList(readCascader(root));
  return ok ? DONE : fail(`选择后显示为“${now.join(' / ')}”（需选到末级）`);
}

export const tdesignCascader: WidgetAdapter = {
  kind: 'tdesign-cascader',
  family: FAMILY,
  detect: (root) => !!part(root, '.t-cascader'),
  read: readCascader,
  async write(root, value, ctx) {
    const p = parts(root, '.t-cascader');
    if (!p) return fail('找不到级联选择');
    const path = asList(value);
    if (sameList(asList(readCascader(root)), path)) return DONE;
    if (disabled(p)) return { status: 'disabled' };
    try {
      if (!path.length) return await clear(p, () => !asList(readCascader(root)).length, ctx);
      return await writeCascader(p, path, root, ctx);
    } catch (err) {
      await close(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

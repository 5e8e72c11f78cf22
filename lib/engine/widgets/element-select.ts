/**
 * el-select (Element Plus and Element UI 2), el-select-v2 (virtual list), driven like a person:
 * click the trigger, type into a filterable or remote select, wait for the teleported dropdown,
 * click the option (scrolling a virtual list until it renders).
 *
 * DOM facts (Element Plus 2.14, Element UI 2.15):
 * - Element Plus 2.5+: `.el-select > .el-select__wrapper` (click target), `input.el-select__input`
 *   (readonly unless filterable), the chosen label in `.el-select__placeholder` (class `is-transparent`
 *   while it shows the placeholder), tags in `.el-select__tags-text`. Options are
 *   `li.el-select-dropdown__item` (`is-selected`, `is-disabled`); a remote select shows
 *   `.el-select-dropdown__loading` while loading and debounces typing (300 ms by default).
 * - Element UI and Element Plus before 2.5: the trigger is `.el-input` (`.select-trigger`) with an
 *   `input.el-input__inner` that shows the chosen label; options `li.el-select-dropdown__item > span`
 *   marked `selected`; no ARIA link to the dropdown; the caret turns (`is-reverse`) while open.
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { blur, click, hover, isDisabled, isVisible, key, nextFrame, scrollIntoView, sleep, textOf, typeInto, waitFor, optionShows } from '../dom';
import {
  asList, asString, describeError, DONE, fail, FAMILY, firstOf, linkedPopup, part, popupOf, same, sameList, visibleSet,
} from './element-dom';


const SELECT = '.el-select, .el-select-v2';
const DROPDOWN = '.el-select-dropdown, .el-select-v2__popper, .el-select__popper';
const OPTION = '.el-select-dropdown__item, .el-select-dropdown__option-item';

interface SelectParts {
  select: HTMLElement;
  trigger: HTMLElement;
  input: HTMLInputElement | null;
}

function selectParts(root: Element): SelectParts | null {
  const select = part(root, SELECT);
  if (!select) return null;
  const trigger = firstOf(select, ['.el-select__wrapper', '.select-trigger', '.el-select-v2__wrapper', '.el-input__wrapper', '.el-input']) ?? select;
  const input = firstOf<HTMLInputElement>(select, ['input.el-select__input', 'input.el-select-v2__combobox-input', 'input.el-input__inner', 'input:not([type=hidden])']);
  return { select, trigger, input };
}

function selectDisabled(p: SelectParts): boolean {
  return isDisabled(p.select) || isDisabled(p.trigger) || !!p.input?.disabled
    || !!p.select.querySelector('.el-select__wrapper.is-disabled, .el-input.is-disabled');
}

function tagTexts(select: Element): string[] {
  return Array.from(select.querySelectorAll('.el-select__tags-text, .el-select-v2__tags-text'))
    .map((t) => textOf(t))
    .filter((t) => t && !/^\+\s*\d+$/.test(t)); // collapse-tags shows "+ 2"
}

/**
 * Chosen labels of a multiple select. With collapse-tags only the first tags show ("+ 3" for the
 * rest); the rest are read from the select's own dropdown, which keeps marking chosen options.
 */
function selectedLabels(p: SelectParts): string[] {
  const tags = tagTexts(p.select);
  const collapsed = Array.from(p.select.querySelectorAll('.el-select__tags-text, .el-tag'))
    .map((t) => /^\+\s*(\d+)$/.exec(textOf(t))?.[1]).find(Boolean);
  if (!collapsed) return tags;
  const dropdown = linkedDropdown(p) ?? popupOf(p.select, DROPDOWN);
  const chosen = dropdown ? Array.from(dropdown.querySelectorAll(`${OPTION.split(',').map((o) => `${o.trim()}.is-selected`).join(', ')}`)).map(optionLabel) : [];
  return [...tags, ...chosen.filter((c) => !tags.some((t) => same(t, c)))];
}

function isMultiSelect(p: SelectParts): boolean {
  if (p.select.querySelector('.el-select__tags, .el-tag')) return true;
  const dropdown = linkedDropdown(p);
  return !!dropdown?.matches('.is-multiple') || !!dropdown?.querySelector('.is-multiple');
}

/** The select's own dropdown even while hidden (Element Plus links it through aria-controls). */
function linkedDropdown(p: SelectParts): HTMLElement | null {
  const id = p.input?.getAttribute('aria-controls');
  const list = id ? p.select.ownerDocument.getElementById(id) : null;
  return (list?.closest(DROPDOWN) as HTMLElement | null) ?? null;
}

function readSelect(root: Element): WidgetValue {
  const p = selectParts(root);
  if (!p) return null;
  const tags = selectedLabels(p);
  if (tags.length || isMultiSelect(p)) return tags;
  const shown = p.select.querySelector('.el-select__placeholder, .el-select-v2__placeholder');
  if (shown) return shown.classList.contains('is-transparent') ? '' : textOf(shown);
  return p.input?.value ?? '';
}

/** What an option reads as: its first element child (the label span) or its whole text. */
function optionLabel(li: Element): string {
  const first = li.firstElementChild;
  const t = first ? textOf(first) : '';
  return t || textOf(li);
}

function optionMatches(li: Element, wanted: string): boolean {
  return same(optionLabel(li), wanted) || optionShows(li, wanted);
}

function visibleOptions(dropdown: Element | null): HTMLElement[] {
  if (!dropdown) return [];
  return Array.from(dropdown.querySelectorAll<HTMLElement>(OPTION)).filter(isVisible);
}

/** A remote select loading: its loading slot, or (default) the empty block showing the loading text. */
function isLoading(dropdown: Element | null): boolean {
  if (!dropdown) return false;
  if (dropdown.querySelector('.el-select-dropdown__loading, .el-select-dropdown .is-loading')) return true;
  return /加载|载入|搜索中|查询中|loading/i.test(textOf(dropdown.querySelector('.el-select-dropdown__empty')));
}

/**
 * Open: the input says so (aria-expanded), or the caret is turned (Element UI and older versions), or
 * (an Element UI remote select has no caret) its input box carries `is-focus`, which it does while open.
 */
function selectOpen(p: SelectParts): boolean {
  return p.input?.getAttribute('aria-expanded') === 'true' || !!p.select.querySelector('.el-select__caret.is-reverse')
    || (!p.input?.hasAttribute('aria-expanded') && !!p.select.querySelector(':scope > .el-input.is-focus, :scope > .select-trigger > .el-input.is-focus'));
}

async function openSelect(p: SelectParts, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.select.ownerDocument;
  if (selectOpen(p)) return popupOf(p.select, DROPDOWN);
  const before = visibleSet(doc, DROPDOWN);
  click(p.trigger);
  // A remote select shows no dropdown until something is typed: once it says it is open (its input
  // took the query), typing can start; the dropdown is looked for again after.
  const typable = !!p.input && !p.input.readOnly && !p.input.disabled;
  const opened = await waitFor(() => popupOf(p.select, DROPDOWN, before) || (typable && selectOpen(p)), { timeoutMs: Math.min(ctx.timeoutMs, 600), signal: ctx.signal, what: '下拉框' })
    .catch(() => null);
  return opened && opened !== true ? opened : popupOf(p.select, DROPDOWN, before);
}

async function closeSelect(p: SelectParts, ctx: WidgetContext): Promise<void> {
  const target = p.input ?? p.trigger;
  for (let i = 0; i < 3 && selectOpen(p); i++) {
    key(target, 'Escape', 'keydown'); // the first Escape clears a typed query, the second closes
    await waitFor(() => !selectOpen(p), { timeoutMs: 60, signal: ctx.signal }).catch(() => undefined);
  }
  if (p.input && p.input.ownerDocument.activeElement === p.input) blur(p.input);
}

/**
 * Opens the dropdown (typing the label into a filterable or remote select) and waits until the
 * wanted option shows, or until the list has settled without it. Returns the option or what was seen.
 */
async function findOption(p: SelectParts, wanted: string, ctx: WidgetContext): Promise<{ option?: HTMLElement; seen: string[] }> {
  const before = visibleSet(p.select.ownerDocument, DROPDOWN);
  let dropdown = await openSelect(p, ctx);
  const filterable = !!p.input && !p.input.readOnly && !p.input.disabled;
  if (filterable && p.input) typeInto(p.input, wanted, { perChar: true });
  const settleMs = filterable ? 1000 : 300; // remote selects debounce typing (300 ms by default), then ask the server
  const deadline = Date.now() + ctx.timeoutMs;
  let lastSig = '';
  let stableSince = Date.now();
  for (;;) {
    dropdown = linkedPopup(p.select, DROPDOWN) ?? (dropdown && isVisible(dropdown) ? dropdown : popupOf(p.select, DROPDOWN, before));
    const options = visibleOptions(dropdown);
    const hit = options.find((o) => optionMatches(o, wanted) && !isDisabled(o));
    if (hit) return { option: hit, seen: options.map(optionLabel) };
    const sig = (isLoading(dropdown) ? 'loading:' : '') + options.map(optionLabel).join('|');
    if (sig !== lastSig) { lastSig = sig; stableSince = Date.now(); }
    // A remote select shows its dropdown only once it has an answer (options or 无数据); a plain one
    // shows it on the click, but a long list may take a while to render on a busy machine.
    const answered = isVisible(dropdown);
    const settled = answered && !isLoading(dropdown) && Date.now() - stableSince >= settleMs;
    if (settled || Date.now() >= deadline) {
      // Virtualised lists render only what is in view: scroll through once before giving up.
      const seen = options.filter((o) => !isDisabled(o)).map(optionLabel);
      const scrolled = !filterable && dropdown ? await scrollForOption(dropdown, wanted, seen, ctx) : undefined;
      if (scrolled) return { option: scrolled, seen };
      return { seen };
    }
    await nextFrame(40, ctx.signal);
  }
}

/**
 * Virtual lists (el-select-v2) render only the options in view, and a long plain list shows only
 * the first screen: scroll through once, collecting what was offered, until the wanted one renders.
 */
async function scrollForOption(dropdown: HTMLElement, wanted: string, seen: string[], ctx: WidgetContext): Promise<HTMLElement | undefined> {
  const wrap = Array.from(dropdown.querySelectorAll<HTMLElement>('.el-vl__window, .el-select-dropdown__wrap, .el-scrollbar__wrap, [class*="virtual"]'))
    .find((el) => el.scrollHeight > el.clientHeight + 2);
  if (!wrap) return undefined;
  const step = Math.max(40, wrap.clientHeight - 40);
  for (let top = 0; top <= wrap.scrollHeight; top += step) {
    wrap.scrollTop = top;
    wrap.dispatchEvent(new Event('scroll'));
    await sleep(50, ctx.signal);
    const options = visibleOptions(dropdown).filter((o) => !isDisabled(o));
    for (const o of options) { const l = optionLabel(o); if (!seen.includes(l)) seen.push(l); }
    const hit = options.find((o) => optionMatches(o, wanted));
    if (hit) { scrollIntoView(hit); await sleep(30, ctx.signal); return hit; }
  }
  wrap.scrollTop = 0;
  wrap.dispatchEvent(new Event('scroll'));
  return undefined;
}

async function writeSingleSelect(p: SelectParts, wanted: string, root: Element, ctx: WidgetContext): Promise<WriteOutcome> {
  if (wanted === '') {
    hover(p.trigger); // the clear icon only shows while the pointer is over a clearable select with a value
    const clear = await waitFor(() => p.select.querySelector<HTMLElement>('.el-select__clear, .el-input__clear, .el-select__caret.el-icon-circle-close'),
      { timeoutMs: 500, signal: ctx.signal }).catch(() => null);
    if (!clear) return fail('该下拉框不能清空');
    click(clear);
    await closeSelect(p, ctx);
    return readSelect(root) === '' ? DONE : fail('未能清空');
  }
  const { option, seen } = await findOption(p, wanted, ctx);
  if (!option) {
    await closeSelect(p, ctx);
    return { status: 'no-option', wanted, seen };
  }
  click(option);
  try {
    await waitFor(() => same(asString(readSelect(root)), wanted), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '选中结果' });
  } catch {
    await closeSelect(p, ctx);
    return fail(`选择后显示为“${asString(readSelect(root))}”`);
  }
  await closeSelect(p, ctx);
  return DONE;
}

async function writeMultiSelect(p: SelectParts, wanted: string[], root: Element, ctx: WidgetContext): Promise<WriteOutcome> {
  const missing: { wanted: string; seen: string[] }[] = [];
  // Remove what should not be there: click the tag's close button.
  for (const tag of Array.from(p.select.querySelectorAll('.el-tag'))) {
    const label = textOf(tag.querySelector('.el-select__tags-text') ?? tag);
    if (/^\+\s*\d+$/.test(label) || wanted.some((w) => same(w, label))) continue;
    const close = tag.querySelector<HTMLElement>('.el-tag__close');
    if (close) { click(close); await sleep(30, ctx.signal); }
  }
  // Extras hidden behind "+ N" have no close button: deselect them in the dropdown.
  for (const x of selectedLabels(p).filter((t) => !wanted.some((w) => same(w, t)))) {
    const { option } = await findOption(p, x, ctx);
    if (option?.classList.contains('is-selected')) click(option);
    await sleep(30, ctx.signal);
  }
  for (const w of wanted) {
    if (selectedLabels(p).some((t) => same(t, w))) continue;
    const { option, seen } = await findOption(p, w, ctx);
    if (!option) { missing.push({ wanted: w, seen }); continue; }
    if (!option.classList.contains('is-selected')) click(option);
    await waitFor(() => selectedLabels(p).some((t) => same(t, w)), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal })
      .catch(() => undefined);
  }
  const extra = selectedLabels(p).filter((t) => !wanted.some((w) => same(w, t)));
  await closeSelect(p, ctx);
  if (missing.length) return { status: 'no-option', wanted: missing.map((m) => m.wanted).join('、'), seen: missing[0]!.seen };
  if (extra.length) return fail(`未能取消：${extra.join('、')}`);
  const now = selectedLabels(p);
  if (!wanted.every((w) => now.some((t) => same(t, w)))) return fail(`选择后显示为“${now.join('、')}”`);
  return DONE;
}

// ---------------------------------------------------------------------------------------- el-tree-select

/**
 * Element Plus el-tree-select: an el-select whose (persistent, hidden) dropdown holds an el-tree;
 * tree nodes carry option items (`li.el-select-dropdown__item`, `is-selected`). Its value is the path
 * of labels, root first; the select itself shows only the chosen node's label.
 */
function treeOf(p: SelectParts): HTMLElement | null {
  const dropdown = linkedDropdown(p) ?? (selectOpen(p) ? popupOf(p.select, DROPDOWN) : null);
  return dropdown?.querySelector<HTMLElement>('.el-tree') ?? null;
}

const treeLabel = (node: Element) => {
  const content = node.querySelector(':scope > .el-tree-node__content');
  return textOf(content?.querySelector('.el-select-dropdown__item, .el-tree-node__label') ?? content);
};
const treeChildren = (container: Element) => Array.from(container.querySelectorAll<HTMLElement>(
  container.matches('.el-tree') ? ':scope > .el-tree-node' : ':scope > .el-tree-node__children > .el-tree-node',
)).filter(isVisible);

function readTree(p: SelectParts, tree: HTMLElement): string[] {
  const chosen = tree.querySelector('.el-tree-node__content .el-select-dropdown__item.is-selected');
  if (!chosen) { const shown = asString(readSelect(p.select)); return shown ? [shown] : []; }
  const path: string[] = [];
  for (let node = chosen.closest('.el-tree-node'); node && tree.contains(node); node = node.parentElement?.closest('.el-tree-node') ?? null) {
    path.unshift(treeLabel(node));
  }
  return path;
}

async function writeTree(p: SelectParts, tree: HTMLElement, path: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  if (p.select.querySelector('.el-select__tags, .el-tag') || tree.querySelector('.el-checkbox')) return fail('多选树形选择暂不支持');
  if (!path.length) return writeSingleSelect(p, '', p.select, ctx);
  await openSelect(p, ctx);
  let container: Element = tree;
  for (let level = 0; level < path.length; level++) {
    const wanted = path[level]!;
    // Children of a lazy node arrive after its loading icon goes: wait for the list to settle.
    let lastSig = '';
    let stableSince = Date.now();
    const deadline = Date.now() + ctx.timeoutMs;
    let node: HTMLElement | undefined;
    for (;;) {
      const nodes = treeChildren(container);
      node = nodes.find((n) => same(treeLabel(n), wanted));
      const loading = !!container.querySelector(':scope > .el-tree-node__content .is-loading');
      const sig = (loading ? 'loading:' : '') + nodes.map(treeLabel).join('|');
      if (sig !== lastSig) { lastSig = sig; stableSince = Date.now(); }
      if (node || (!loading && Date.now() - stableSince >= 300) || Date.now() >= deadline) {
        if (!node) { await closeSelect(p, ctx); return { status: 'no-option', wanted: path.slice(0, level + 1).join(' / '), seen: nodes.map(treeLabel) }; }
        break;
      }
      await sleep(40, ctx.signal);
    }
    const content = node.querySelector<HTMLElement>(':scope > .el-tree-node__content')!;
    if (level === path.length - 1) {
      click(content.querySelector('.el-select-dropdown__item') ?? content);
    } else if (node.getAttribute('aria-expanded') !== 'true') {
      click(content.querySelector('.el-tree-node__expand-icon') ?? content);
      await waitFor(() => node!.getAttribute('aria-expanded') === 'true', { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).catch(() => undefined);
    }
    container = node;
  }
  const ok = await waitFor(() => sameList(readTree(p, tree), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
  await closeSelect(p, ctx);
  return ok ? DONE : fail(`选择后显示为“${readTree(p, tree).join(' / ')}”（需选到末级）`);
}

export const elTreeSelect: WidgetAdapter = {
  kind: 'el-tree-select',
  family: FAMILY,
  showsLeaf: true, // read from the tree while its dropdown is kept; else only the chosen label shows
  detect: (root) => { const p = selectParts(root); return !!p && !!treeOf(p); },
  read: (root) => { const p = selectParts(root); const tree = p && treeOf(p); return p && tree ? readTree(p, tree) : readSelect(root); },
  async write(root, value, ctx) {
    const p = selectParts(root);
    const tree = p && treeOf(p);
    if (!p || !tree) return elSelect.write(root, value, ctx);
    const path = asList(value);
    if (sameList(readTree(p, tree), path)) return DONE;
    if (selectDisabled(p)) return { status: 'disabled' };
    try {
      return await writeTree(p, tree, path, ctx);
    } catch (err) {
      await closeSelect(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

export const elSelect: WidgetAdapter = {
  kind: 'el-select',
  family: FAMILY,
  detect: (root) => !!part(root, SELECT),
  read: readSelect,
  async write(root, value, ctx) {
    const p = selectParts(root);
    if (!p) return fail('找不到下拉框');
    if (treeOf(p)) return elTreeSelect.write(root, value, ctx); // a tree select, named el-select by a mapping
    // A one-item list for a single select is that item; Element UI links no dropdown, so tags or a list tell.
    const multiple = isMultiSelect(p) || (Array.isArray(value) && value.length !== 1);
    if (!multiple && Array.isArray(value)) value = String(value[0] ?? '');
    const current = readSelect(root);
    if (multiple ? sameList(asList(current), asList(value)) : same(asString(current), asString(value))) return DONE;
    if (selectDisabled(p)) return { status: 'disabled' };
    try {
      return multiple ? await writeMultiSelect(p, asList(value), root, ctx) : await writeSingleSelect(p, asString(value), root, ctx);
    } catch (err) {
      await closeSelect(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

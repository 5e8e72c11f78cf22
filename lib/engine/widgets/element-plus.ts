/**
 * Element Plus widgets (Vue 3), driven the way a person drives them: click the trigger, type into the
 * visible input, wait for the (teleported) popup, click the option. Class names are shared with
 * Element UI (Vue 2) for most widgets, so older pages built on that library mostly work too.
 *
 * DOM facts this file relies on (Element Plus 2.x, checked against 2.14):
 * - Popups are teleported to `<body>` (inside `#el-popper-container-*`) and stay in the DOM once
 *   rendered, hidden with `display:none`; only the open one is visible. A select's input points at
 *   its listbox through `aria-controls`; an open tooltip trigger (`.el-tooltip__trigger`) points at
 *   its popper through `aria-describedby`. Pages may also render popups inline (`teleported=false`).
 * - el-select 2.5+: `.el-select > .el-select__wrapper` (click target), `input.el-select__input`
 *   (readonly unless filterable), the chosen label in `.el-select__placeholder` (class
 *   `is-transparent` while it shows the placeholder), tags in `.el-select__tags-text`. Options are
 *   `li.el-select-dropdown__item` (`is-selected`, `is-disabled`); a remote select shows
 *   `.el-select-dropdown__loading` while loading and debounces typing (300 ms by default).
 *   Before 2.5 (and Element UI) the trigger is `.select-trigger` with an `input.el-input__inner`.
 * - el-cascader: `.el-cascader` trigger, a readonly input showing `省 / 市 / 区`; menus are
 *   `.el-cascader-menu`, nodes `li.el-cascader-node` with `.el-cascader-node__label`, the expanded
 *   node carries `in-active-path`, a loading node an `.is-loading` postfix icon.
 * - el-date-picker: typing into the input then Enter commits (the panel's own 确定 is not needed);
 *   ranges have two `input.el-range-input`, each committed on `change`.
 */
import type { FileValue, WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import {
  blur, click, fire, focus, hover, isDisabled, isVisible, key, normalizeText, sleep, textOf, typeInto, visibleAll, waitFor,
} from '../dom';

const FAMILY = 'element-plus';
const DONE: WriteOutcome = { status: 'done' };
const fail = (message: string): WriteOutcome => ({ status: 'error', message });
const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => same(x, b[i]!));

/** The widget element for a field root: the root itself, the widget around it, or the first one inside. */
function part<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  if (root.matches(selector)) return root as unknown as T;
  return (root.closest(selector) ?? root.querySelector(selector)) as T | null;
}

/** First match trying selectors in priority order (a selector list would return document order). */
function firstOf<T extends Element = HTMLElement>(el: Element, selectors: string[]): T | null {
  for (const s of selectors) {
    const hit = el.querySelector(s);
    if (hit) return hit as T;
  }
  return null;
}

function asString(value: WidgetValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

function asList(value: WidgetValue): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return (value as unknown[]).map(String);
  return [String(value)];
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The popup a widget links to through the ARIA attributes Element Plus sets, if it is showing. */
function linkedPopup(widget: Element, popupSelector: string): HTMLElement | null {
  const doc = widget.ownerDocument;
  const linkers = [widget, ...Array.from(widget.querySelectorAll('[aria-controls], [aria-describedby]'))];
  for (const el of linkers) {
    for (const attr of ['aria-controls', 'aria-describedby']) {
      for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
        const target = doc.getElementById(id);
        if (!target) continue;
        const popup = target.matches(popupSelector) ? target : target.closest(popupSelector) ?? target.querySelector(popupSelector);
        if (isVisible(popup)) return popup as HTMLElement;
      }
    }
  }
  return null;
}

/**
 * The popup a trigger opened: the ARIA-linked one; else (older versions and Element UI set no link)
 * one of the right kind that became visible since `before`. Without `before`, the last visible one.
 * Strict on purpose: a neighbour's popup may still be fading out when this one opens.
 */
function popupOf(widget: Element, popupSelector: string, before?: Set<Element>): HTMLElement | null {
  const linked = linkedPopup(widget, popupSelector);
  if (linked) return linked;
  const visible = visibleAll(widget.ownerDocument, popupSelector);
  if (before) return visible.find((p) => !before.has(p)) ?? null;
  return visible[visible.length - 1] ?? null;
}

/** Waits for the popup a click opened; falls back to any visible one if nothing new showed. */
async function waitPopup(widget: Element, popupSelector: string, before: Set<Element>, ctx: WidgetContext, what: string): Promise<HTMLElement | null> {
  return waitFor(() => popupOf(widget, popupSelector, before), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what })
    .catch(() => popupOf(widget, popupSelector));
}

function visibleSet(doc: Document, selector: string): Set<Element> {
  return new Set(visibleAll(doc, selector));
}

// ---------------------------------------------------------------------------------------------- el-input

/** Widgets that contain an `.el-input` of their own and are handled by their own adapter. */
const COMPOSITE = '.el-select, .el-select-v2, .el-cascader, .el-date-editor, .el-input-number, .el-upload';

function textControl(root: Element): HTMLInputElement | HTMLTextAreaElement | null {
  if (root.matches('input, textarea') && !root.closest(COMPOSITE)) return root as HTMLInputElement;
  const all = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input.el-input__inner, textarea.el-textarea__inner',
  )).filter((el) => !el.closest(COMPOSITE));
  return all.find((el) => el.type !== 'hidden') ?? null;
}

const elInput: WidgetAdapter = {
  kind: 'el-input',
  family: FAMILY,
  detect: (root) => !!(root.closest('.el-input, .el-textarea') || root.querySelector('.el-input, .el-textarea')) && !!textControl(root),
  read: (root) => textControl(root)?.value ?? '',
  async write(root, value, ctx) {
    const el = textControl(root);
    if (!el) return fail('找不到输入框');
    const wanted = asString(value);
    if (el.value === wanted) return DONE;
    if (el.disabled || el.readOnly) return { status: 'disabled' };
    typeInto(el, wanted);
    fire(el, 'change');
    blur(el);
    await sleep(40, ctx.signal); // a formatter or a refusing model shows only after the re-render
    try {
      await waitFor(() => el.value === wanted, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal, what: '输入框取值' });
    } catch {
      return fail(`页面未接受输入，现为“${el.value}”`);
    }
    return DONE;
  },
};

// --------------------------------------------------------------------------------------- el-input-number

const numberInput = (root: Element) => part(root, '.el-input-number')?.querySelector<HTMLInputElement>('input') ?? null;

const elInputNumber: WidgetAdapter = {
  kind: 'el-input-number',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-input-number'),
  read: (root) => numberInput(root)?.value ?? '',
  async write(root, value, ctx) {
    const el = numberInput(root);
    if (!el) return fail('找不到数字输入框');
    const wanted = asString(value).trim();
    const matches = () => (wanted === '' ? el.value === '' : el.value !== '' && Number(el.value) === Number(wanted));
    if (matches()) return DONE;
    if (el.disabled || el.readOnly || isDisabled(part(root, '.el-input-number')!)) return { status: 'disabled' };
    if (wanted !== '' && !Number.isFinite(Number(wanted))) return fail(`“${wanted}”不是数字`);
    typeInto(el, wanted);
    fire(el, 'change');
    blur(el);
    await sleep(40, ctx.signal);
    try {
      await waitFor(matches, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal, what: '数字取值' });
    } catch {
      // The page clamps to min/max or rounds to its precision: report what it kept.
      return fail(`页面将数值改为“${el.value}”`);
    }
    return DONE;
  },
};

// --------------------------------------------------------------------------------------------- el-select

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
  return same(optionLabel(li), wanted) || same(textOf(li), wanted);
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

/** Open: the input says so (aria-expanded) or the caret is turned (Element UI and older versions too). */
function selectOpen(p: SelectParts): boolean {
  return p.input?.getAttribute('aria-expanded') === 'true' || !!p.select.querySelector('.el-select__caret.is-reverse');
}

async function openSelect(p: SelectParts, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.select.ownerDocument;
  if (selectOpen(p)) return popupOf(p.select, DROPDOWN);
  const before = visibleSet(doc, DROPDOWN);
  click(p.trigger);
  // A remote select shows no dropdown until something is typed: do not wait long for it.
  return waitFor(() => popupOf(p.select, DROPDOWN, before), { timeoutMs: Math.min(ctx.timeoutMs, 600), signal: ctx.signal, what: '下拉框' })
    .catch(() => null);
}

async function closeSelect(p: SelectParts, ctx: WidgetContext): Promise<void> {
  const target = p.input ?? p.trigger;
  for (let i = 0; i < 3 && selectOpen(p); i++) {
    key(target, 'Escape', 'keydown'); // the first Escape clears a typed query, the second closes
    await sleep(60, ctx.signal);
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
    // A remote select shows its dropdown only once it has an answer (options or 无数据).
    const answered = !filterable || isVisible(dropdown);
    const settled = answered && !isLoading(dropdown) && Date.now() - stableSince >= settleMs;
    if (settled || Date.now() >= deadline) {
      // Virtualised lists render only what is in view: scroll through once before giving up.
      const scrolled = !filterable && dropdown ? await scrollForOption(dropdown, wanted, ctx) : undefined;
      if (scrolled) return { option: scrolled, seen: [] };
      return { seen: options.filter((o) => !isDisabled(o)).map(optionLabel) };
    }
    await sleep(40, ctx.signal);
  }
}

async function scrollForOption(dropdown: HTMLElement, wanted: string, ctx: WidgetContext): Promise<HTMLElement | undefined> {
  const wrap = dropdown.querySelector<HTMLElement>('.el-select-dropdown__wrap, .el-vl__wrapper, .el-scrollbar__wrap, [class*="virtual"]');
  if (!wrap || wrap.scrollHeight <= wrap.clientHeight) return undefined;
  for (let top = 0; top <= wrap.scrollHeight; top += Math.max(40, wrap.clientHeight - 20)) {
    wrap.scrollTop = top;
    wrap.dispatchEvent(new Event('scroll'));
    await sleep(50, ctx.signal);
    const hit = visibleOptions(dropdown).find((o) => optionMatches(o, wanted) && !isDisabled(o));
    if (hit) return hit;
  }
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

const elSelect: WidgetAdapter = {
  kind: 'el-select',
  family: FAMILY,
  detect: (root) => !!part(root, SELECT),
  read: readSelect,
  async write(root, value, ctx) {
    const p = selectParts(root);
    if (!p) return fail('找不到下拉框');
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

// ------------------------------------------------------------------------------------------- el-cascader

function cascaderInput(root: Element): HTMLInputElement | null {
  return part(root, '.el-cascader')?.querySelector<HTMLInputElement>('input.el-input__inner, input') ?? null;
}

function readCascader(root: Element): WidgetValue {
  const cascader = part(root, '.el-cascader');
  if (!cascader) {
    // A bare el-cascader-panel (inline, no input): the checked path is what shows as active.
    const panel = part(root, '.el-cascader-panel');
    return panel ? Array.from(panel.querySelectorAll('.el-cascader-node.in-active-path, .el-cascader-node.is-active'))
      .map((n) => textOf(n.querySelector('.el-cascader-node__label') ?? n)) : null;
  }
  const tags = Array.from(cascader.querySelectorAll('.el-cascader__tags .el-tag')).map((t) => textOf(t));
  const text = tags[0] ?? cascaderInput(root)?.value ?? '';
  if (!text.trim()) return [];
  return text.includes(' / ') ? text.split(' / ').map((s) => s.trim()) : text.split('/').map((s) => s.trim());
}

/** Open: its tooltip trigger links the visible dropdown, or (Element UI) the wrapper carries is-focus with a visible dropdown. */
function cascaderOpen(cascader: Element): boolean {
  return !!linkedPopup(cascader, '.el-cascader__dropdown')
    || (!cascader.closest('[aria-describedby]') && cascader.matches('.is-focus') && visibleAll(cascader.ownerDocument, '.el-cascader__dropdown').length > 0);
}

function menuNodes(menu: Element): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>('.el-cascader-node')).filter(isVisible);
}
const nodeLabel = (n: Element) => textOf(n.querySelector('.el-cascader-node__label') ?? n);

async function writeCascader(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const path = asList(value);
  const cascader = part(root, '.el-cascader');
  const inlinePanel = cascader ? null : part(root, '.el-cascader-panel');
  if (!cascader && !inlinePanel) return fail('找不到级联选择');
  if (sameList(asList(readCascader(root)), path)) return DONE;
  if (cascader && (isDisabled(cascader) || cascaderInput(root)?.disabled)) return { status: 'disabled' };
  const doc = root.ownerDocument;
  const input = cascaderInput(root);
  const close = async () => {
    if (cascader && input && cascaderOpen(cascader)) {
      key(input, 'Escape', 'keydown');
      await sleep(60, ctx.signal);
    }
  };
  if (path.length === 0) {
    // The clear icon replaces the arrow only while the pointer is over a clearable cascader.
    if (cascader) hover(cascader);
    const clear = await waitFor(() => cascader?.querySelector<HTMLElement>('.icon-circle-close, .el-input__clear, .el-cascader__clear'), { timeoutMs: 500, signal: ctx.signal })
      .catch(() => null);
    if (!clear) return fail('该级联选择不能清空');
    click(clear);
    return waitFor(() => asList(readCascader(root)).length === 0, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
  }
  let panel: HTMLElement | null = inlinePanel;
  if (cascader) {
    const before = visibleSet(doc, '.el-cascader__dropdown');
    if (!cascaderOpen(cascader)) click(cascader);
    const dropdown = await waitPopup(cascader, '.el-cascader__dropdown', before, ctx, '级联下拉');
    panel = dropdown?.querySelector<HTMLElement>('.el-cascader-panel') ?? null;
    if (!panel) return fail('级联下拉未打开');
  }
  try {
    for (let level = 0; level < path.length; level++) {
      const wanted = path[level]!;
      const found = await waitForNode(panel!, level, wanted, ctx);
      if ('seen' in found) {
        await close();
        return { status: 'no-option', wanted: path.slice(0, level + 1).join(' / '), seen: found.seen };
      }
      const node = found.node;
      if (isDisabled(node)) { await close(); return { status: 'disabled' }; }
      const last = level === path.length - 1;
      // checkStrictly cascaders select a node through its radio; otherwise clicking the leaf selects it.
      const radio = last ? node.querySelector<HTMLElement>('.el-radio, .el-checkbox') : null;
      click(radio ?? node);
      if (!last) {
        await waitFor(() => node.matches('.in-active-path') && !node.querySelector('.is-loading') && panel!.querySelectorAll('.el-cascader-menu').length > level + 1,
          { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `“${wanted}”的下一级` })
          .catch(() => undefined);
      }
    }
    await waitFor(() => sameList(asList(readCascader(root)), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '级联选中结果' });
  } catch (err) {
    await close();
    const now = asList(readCascader(root));
    return fail(now.length && !sameList(now, path) ? `选择后显示为“${now.join(' / ')}”（需选到末级）` : describeError(err));
  }
  await close();
  return DONE;
}

/** Waits for the menu of `level` to offer `wanted`, or to settle (children loaded) without it. */
async function waitForNode(panel: Element, level: number, wanted: string, ctx: WidgetContext): Promise<{ node: HTMLElement } | { seen: string[] }> {
  const deadline = Date.now() + ctx.timeoutMs;
  let lastSig = '';
  let stableSince = Date.now();
  for (;;) {
    const menu = panel.querySelectorAll('.el-cascader-menu')[level];
    const nodes = menu ? menuNodes(menu) : [];
    const node = nodes.find((n) => same(nodeLabel(n), wanted));
    if (node) return { node };
    const loading = !!panel.querySelector('.el-cascader-node .is-loading');
    const sig = (loading ? 'loading:' : '') + nodes.map(nodeLabel).join('|');
    if (sig !== lastSig) { lastSig = sig; stableSince = Date.now(); }
    if ((menu && !loading && Date.now() - stableSince >= 300) || Date.now() >= deadline) return { seen: nodes.map(nodeLabel) };
    await sleep(40, ctx.signal);
  }
}

const elCascader: WidgetAdapter = {
  kind: 'el-cascader',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-cascader, .el-cascader-panel'),
  read: readCascader,
  write: (root, value, ctx) => writeCascader(root, value, ctx),
};

// ---------------------------------------------------------------------------------------- el-date-picker

const DATE_EDITOR = '.el-date-editor';
const PICKER_POPUP = '.el-picker__popper, .el-picker-panel, .el-date-picker, .el-date-range-picker, .el-time-panel';

function dateInputs(root: Element): HTMLInputElement[] {
  const editor = part(root, DATE_EDITOR);
  if (!editor) return [];
  const range = Array.from(editor.querySelectorAll<HTMLInputElement>('input.el-range-input'));
  if (range.length) return range;
  const single = editor.matches('input') ? editor as unknown as HTMLInputElement : editor.querySelector<HTMLInputElement>('input');
  return single ? [single] : [];
}

function readDate(root: Element): WidgetValue {
  const inputs = dateInputs(root);
  if (inputs.length === 2) return inputs.every((i) => !i.value) ? [] : inputs.map((i) => i.value);
  return inputs[0]?.value ?? '';
}

async function writeDate(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const editor = part(root, DATE_EDITOR);
  const inputs = dateInputs(root);
  if (!editor || !inputs.length) return fail('找不到日期框');
  const isRange = inputs.length === 2;
  const wanted = isRange ? asList(value) : [asString(value)];
  if (isRange && wanted.length !== 0 && wanted.length !== 2) return fail('日期范围需要开始和结束两个值');
  const matches = () => {
    const now = readDate(root);
    return isRange ? sameList(asList(now), wanted) : same(asString(now), wanted[0]!);
  };
  if (matches()) return DONE;
  if (inputs.some((i) => i.disabled) || isDisabled(editor)) return { status: 'disabled' };
  if (inputs.some((i) => i.readOnly)) return fail('日期框不允许直接输入');
  const doc = root.ownerDocument;
  const before = visibleSet(doc, PICKER_POPUP);
  const last = inputs[inputs.length - 1]!;
  click(inputs[0]!);
  if (isRange) {
    const [start, end] = wanted.length ? wanted : ['', ''];
    typeInto(inputs[0]!, start!);
    fire(inputs[0]!, 'change');
    focus(inputs[1]!);
    typeInto(inputs[1]!, end!);
    fire(inputs[1]!, 'change');
  } else {
    typeInto(inputs[0]!, wanted[0]!);
  }
  key(last, 'Enter', 'keydown');
  await sleep(50, ctx.signal);
  // Enter commits and closes; if the panel is still up (value refused), Escape restores the old value.
  if (visibleAll(doc, PICKER_POPUP).some((p) => !before.has(p))) key(last, 'Escape', 'keydown');
  blur(last);
  // A refused entry stays on screen until the page re-renders from its model: let it.
  await waitFor(() => !visibleAll(doc, PICKER_POPUP).some((p) => !before.has(p)), { timeoutMs: 600, signal: ctx.signal }).catch(() => undefined);
  await sleep(50, ctx.signal);
  try {
    await waitFor(matches, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '日期取值' });
  } catch {
    return fail(`页面未接受该日期，现为“${asList(readDate(root)).join(' 至 ')}”（格式须与页面显示一致）`);
  }
  return DONE;
}

const elDatePicker: WidgetAdapter = {
  kind: 'el-date-picker',
  family: FAMILY,
  detect: (root) => !!part(root, DATE_EDITOR),
  read: readDate,
  write: (root, value, ctx) => writeDate(root, value, ctx),
};

// --------------------------------------------------------------------------------- radio, checkbox, switch

const RADIO = '.el-radio, .el-radio-button';
const CHECKBOX = '.el-checkbox, .el-checkbox-button';
const choiceLabel = (el: Element) =>
  textOf(el.querySelector('.el-radio__label, .el-radio-button__inner, .el-checkbox__label, .el-checkbox-button__inner') ?? el);
/** Checked as the model says: the library's class, not the native input (which can disagree until re-render). */
const isChecked = (el: Element) => el.matches('.is-checked, .is-active');

function choices(root: Element, group: string, item: string): HTMLElement[] {
  const g = part(root, group);
  return g ? Array.from(g.querySelectorAll<HTMLElement>(item)) : [];
}

/** Clicks a radio or checkbox label the way a person does; falls back to the input if the label did nothing. */
async function toggleChoice(el: HTMLElement, want: boolean, ctx: WidgetContext): Promise<boolean> {
  if (isChecked(el) === want) return true;
  click(el);
  const ok = await waitFor(() => isChecked(el) === want, { timeoutMs: 400, signal: ctx.signal }).then(() => true, () => false);
  if (ok) return true;
  const input = el.querySelector<HTMLInputElement>('input');
  if (input) { click(input); }
  return waitFor(() => isChecked(el) === want, { timeoutMs: Math.min(ctx.timeoutMs, 800), signal: ctx.signal }).then(() => true, () => false);
}

const elRadioGroup: WidgetAdapter = {
  kind: 'el-radio-group',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-radio-group'),
  read: (root) => {
    const on = choices(root, '.el-radio-group', RADIO).find(isChecked);
    return on ? choiceLabel(on) : '';
  },
  async write(root, value, ctx) {
    const wanted = asString(value);
    const all = choices(root, '.el-radio-group', RADIO);
    if (!all.length) return fail('找不到单选项');
    if (wanted === '') return all.some(isChecked) ? fail('单选项选中后不能清空') : DONE;
    const target = all.find((r) => same(choiceLabel(r), wanted));
    if (!target) return { status: 'no-option', wanted, seen: all.map(choiceLabel) };
    if (isChecked(target)) return DONE;
    if (isDisabled(target) || target.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
    return (await toggleChoice(target, true, ctx)) ? DONE : fail(`点击“${wanted}”后未选中`);
  },
};

const elCheckboxGroup: WidgetAdapter = {
  kind: 'el-checkbox-group',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-checkbox-group'),
  read: (root) => choices(root, '.el-checkbox-group', CHECKBOX).filter(isChecked).map(choiceLabel),
  async write(root, value, ctx) {
    const wanted = asList(value);
    const all = choices(root, '.el-checkbox-group', CHECKBOX);
    if (!all.length) return fail('找不到复选项');
    const missing = wanted.filter((w) => !all.some((c) => same(choiceLabel(c), w)));
    const plan: [HTMLElement, boolean][] = [
      // Uncheck extras first, then check in the wanted order (the model keeps click order).
      ...all.filter((c) => isChecked(c) && !wanted.some((w) => same(choiceLabel(c), w))).map((c): [HTMLElement, boolean] => [c, false]),
      ...wanted.map((w) => all.find((c) => same(choiceLabel(c), w))).filter((c): c is HTMLElement => !!c && !isChecked(c)).map((c): [HTMLElement, boolean] => [c, true]),
    ];
    for (const [box, want] of plan) {
      if (isDisabled(box) || box.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
      if (!(await toggleChoice(box, want, ctx))) return fail(`点击“${choiceLabel(box)}”无效`);
    }
    if (missing.length) return { status: 'no-option', wanted: missing.join('、'), seen: all.map(choiceLabel) };
    return DONE;
  },
};

/** A lone el-checkbox (agree, 是否…): boolean. */
const elCheckbox: WidgetAdapter = {
  kind: 'el-checkbox',
  family: FAMILY,
  detect: (root) => !part(root, '.el-checkbox-group') && !!part(root, '.el-checkbox'),
  read: (root) => { const c = part(root, '.el-checkbox'); return c ? isChecked(c) : null; },
  async write(root, value, ctx) {
    const c = part(root, '.el-checkbox');
    if (!c) return fail('找不到复选框');
    const want = value === true || value === 'true';
    if (isChecked(c) === want) return DONE;
    if (isDisabled(c) || c.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
    return (await toggleChoice(c, want, ctx)) ? DONE : fail('点击复选框无效');
  },
};

const elSwitch: WidgetAdapter = {
  kind: 'el-switch',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-switch'),
  read: (root) => { const s = part(root, '.el-switch'); return s ? s.classList.contains('is-checked') : null; },
  async write(root, value, ctx) {
    const s = part(root, '.el-switch');
    if (!s) return fail('找不到开关');
    const want = value === true || value === 'true';
    if (s.classList.contains('is-checked') === want) return DONE;
    if (isDisabled(s) || s.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
    click(s.querySelector('.el-switch__core') ?? s);
    // before-change hooks may ask the server first.
    return waitFor(() => s.classList.contains('is-checked') === want, { timeoutMs: ctx.timeoutMs, signal: ctx.signal })
      .then(() => DONE, () => fail('开关未切换'));
  },
};

// --------------------------------------------------------------------------------------------- el-upload

function uploadParts(root: Element) {
  const upload = part(root, '.el-upload');
  // The file list is a sibling of .el-upload (picture-card: its parent): look in what holds both.
  const scope = upload && root !== upload && root.contains(upload) ? root
    : upload?.closest('.el-form-item__content, .el-form-item') ?? upload?.parentElement?.parentElement ?? root;
  const input = (upload ?? root).querySelector<HTMLInputElement>('input.el-upload__input, input[type=file]');
  const items = () => Array.from(scope.querySelectorAll<HTMLElement>('.el-upload-list__item'));
  return { upload, input, items };
}

function mimeOf(name: string, fallback = 'image/jpeg'): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ({ jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf' } as Record<string, string>)[ext ?? ''] ?? fallback;
}

/** What the list shows, synchronously: the name where the list shows one, the thumbnail as a data URL. */
function readUpload(root: Element): WidgetValue {
  const { items } = uploadParts(root);
  return items().filter((i) => !i.matches('.is-uploading, .is-ready, .is-fail')).map((item, n): FileValue => {
    const img = item.querySelector<HTMLImageElement>('img.el-upload-list__item-thumbnail, img');
    const named = item.querySelector('.el-upload-list__item-file-name, .el-upload-list__item-name');
    const src = img?.getAttribute('src') ?? '';
    const fromSrc = src && !src.startsWith('blob:') && !src.startsWith('data:') ? decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '') : '';
    const name = (named && (named.getAttribute('title') || textOf(named))) || fromSrc || `图片${n + 1}.jpg`;
    const type = mimeOf(name);
    let dataUrl = src.startsWith('data:') ? src : '';
    if (!dataUrl && img && img.complete && img.naturalWidth) {
      try {
        const canvas = item.ownerDocument.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        canvas.getContext('2d')!.drawImage(img, 0, 0);
        dataUrl = canvas.toDataURL(type === 'image/png' ? 'image/png' : 'image/jpeg', 0.92);
      } catch { /* cross-origin thumbnail: the canvas is tainted, keep the name only */ }
    }
    return { name, type, dataUrl };
  });
}

function fileFrom(value: FileValue, win: Window & typeof globalThis): File {
  const [head, body = ''] = value.dataUrl.split(',', 2);
  const base64 = /;base64$/i.test(head ?? '');
  const raw = base64 ? win.atob(body) : decodeURIComponent(body);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  const type = value.type || /^data:([^;,]+)/.exec(head ?? '')?.[1] || mimeOf(value.name);
  return new win.File([bytes], value.name, { type });
}

async function writeUpload(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const { upload, input, items } = uploadParts(root);
  if (!input) return fail('找不到上传控件');
  if (input.disabled || (upload && isDisabled(upload))) return { status: 'disabled' };
  const files = (Array.isArray(value) ? value : []) as FileValue[];
  if (!files.every((f) => f && typeof f === 'object' && typeof f.dataUrl === 'string' && f.dataUrl.startsWith('data:'))) {
    return fail('照片数据不完整（需要 data: URL）');
  }
  // Files already in the list under the same name are not uploaded twice (names show in text lists only).
  const shownNames = new Set(items().map((i) => textOf(i.querySelector('.el-upload-list__item-file-name, .el-upload-list__item-name'))).filter(Boolean));
  const todo = files.filter((f) => !shownNames.has(f.name));
  if (!todo.length) return DONE;
  const win = (input.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const batches = input.multiple ? [todo] : todo.map((f) => [f]);
  for (const batch of batches) {
    const countBefore = items().length;
    const dt = new win.DataTransfer();
    for (const f of batch) dt.items.add(fileFrom(f, win));
    input.files = dt.files;
    input.dispatchEvent(new win.Event('change', { bubbles: true }));
    try {
      await waitFor(() => items().length >= countBefore + batch.length, { timeoutMs: Math.min(ctx.timeoutMs, 2000), signal: ctx.signal, what: '上传列表' });
    } catch {
      return fail('页面没有接收文件（可能超出数量或格式限制）');
    }
    try {
      await waitFor(() => !items().some((i) => i.matches('.is-uploading, .is-ready')), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '照片上传' });
    } catch {
      return fail('照片上传超时');
    }
    if (items().length < countBefore + batch.length || items().some((i) => i.matches('.is-fail'))) return fail('照片上传失败');
  }
  return DONE;
}

const elUpload: WidgetAdapter = {
  kind: 'el-upload',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-upload'),
  read: readUpload,
  write: (root, value, ctx) => writeUpload(root, value, ctx),
};

/** Order matters for `detect`: composite widgets before the plain input they contain. */
export const elementPlusWidgets: WidgetAdapter[] = [
  elUpload,
  elCheckboxGroup,
  elRadioGroup,
  elSwitch,
  elCascader,
  elDatePicker,
  elInputNumber,
  elSelect,
  elCheckbox,
  elInput,
];

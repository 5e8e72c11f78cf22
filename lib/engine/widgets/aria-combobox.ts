/**
 * Generic drop-downs, by role and by behaviour: a box a person clicks, a list of options that
 * appears somewhere (teleported to <body>, or rendered into a shadow root only on first open), an
 * option clicked by its text. Covers the WAI-ARIA combobox (select-only and editable, with a listbox
 * or a tree popup), component sets that follow no ARIA at all but name their box with a common word
 * (`…-select`, `…-selection`, `…-cascader`, `…-dropdown`), remote options (typed into the box's own
 * search input), multiple selection shown as tags, cascades walked level by level (each level's
 * options appear after the previous click, however late), and linked selects (province → city →
 * district as separate boxes that stay disabled until the parent is chosen).
 *
 * Values: a string for a single choice; a string[] for a multiple choice, a cascade path, or linked
 * selects (one entry per box). Read back from the tags shown, else the text shown in the box (a path
 * shown as `a / b / c` reads as [a, b, c]).
 *
 * Also here: the standalone listbox (`role="listbox"`, aria-selected) and the tree view
 * (`role="tree"`, aria-expanded / aria-selected), both read and written in place.
 */
import { click, hover, isVisible, key, normalizeText, typeInto, waitFor } from '../dom';
import { flatContains, flatDescendants, flatQueryAll, flatText, idAcross } from '../shadow';
import {
  FAMILY, visible, asList, classWords, decoration, done, failed, guarded, insideAny, isDisabledEl, isOn, noOption, same, shownText,
} from './aria-kit';
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';

// ───────────────────────────── finding boxes ─────────────────────────────

/** A class word that names a drop-down box in any component set. */
const BOX_WORD = /(^|[-_])(select|selection|selector|cascader|combobox|dropdown|treeselect)$/i;
const OPTION_ROLES = '[role="option"], [role="treeitem"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';
/** A class word that names an option (`…-option`, `…__item`, `…-node`) in a popup. */
const OPTION_WORD = /(^|[-_])(option|item|node)$/i;

function outermost(list: Element[]): Element[] {
  return list.filter((e) => !insideAny(e, list));
}

/** The drop-down boxes of a field, in order: ARIA comboboxes, else boxes named by a common class word. */
export function boxesOf(root: Element): HTMLElement[] {
  const aria = outermost(flatQueryAll(root, '[role="combobox"]').filter((e) => visible(e) || visible(e.parentElement)));
  if (aria.length) return aria as HTMLElement[];
  const named = flatQueryAll(root, '[class]').filter((e) => e.tagName !== 'SELECT' && classWords(e).some((c) => BOX_WORD.test(c))
    && isVisible(e) && !flatQueryAll(e, 'select, textarea').length);
  return outermost(named) as HTMLElement[];
}

/** The search input of a box, when a person can type into it. */
function searchInput(box: Element): HTMLInputElement | undefined {
  return flatQueryAll<HTMLInputElement>(box, 'input:not([type="hidden"])').find((i) => !i.readOnly && !i.disabled && (visible(i) || visible(i.parentElement)));
}

/** The popup a box names (`aria-controls` / `aria-owns`), when it exists yet. */
function namedPopup(box: Element): Element | null {
  for (const el of [box, ...flatQueryAll(box, '[aria-controls], [aria-owns]')]) {
    const id = el.getAttribute('aria-controls') ?? el.getAttribute('aria-owns');
    const hit = id && idAcross(el, id.split(/\s+/)[0]!);
    if (hit) return hit;
  }
  return null;
}

function optionLike(el: Element): boolean {
  return el.matches(OPTION_ROLES) || classWords(el).some((c) => OPTION_WORD.test(c) && !/form/i.test(c));
}

/** Every option-like element a person can see in the box's document (shadow roots included), innermost kept out. */
function visibleOptions(box: Element): Element[] {
  const doc = box.ownerDocument;
  const popup = namedPopup(box);
  const scope = popup && isVisible(popup) ? [popup, ...flatDescendants(popup)] : flatDescendants(doc.documentElement);
  const all = scope.filter((e) => optionLike(e) && isVisible(e));
  // `…-option` inside `…-item` (or a tree node holding its children): keep the outer one a person clicks.
  return all.filter((e) => !all.some((o) => o !== e && flatContains(o, e) && !o.matches('[role="treeitem"]')));
}

/** An option's own text: nested options (a tree node's children) and decoration left out. */
function optionText(o: Element): string {
  return flatText(o, (c) => optionLike(c) || c.matches('[role="group"]') || decoration(c));
}

// ───────────────────────────── reading ─────────────────────────────

/** Tags of a multiple box: class word `…tag` with text, without the × inside. */
function tagsOf(box: Element): Element[] {
  return flatQueryAll(box, '[class]').filter((e) => classWords(e).some((c) => /(^|[-_])tag$/i.test(c)) && isVisible(e)
    && !flatQueryAll(e, 'input').length && shownText(e) !== '');
}

function isMultiple(box: Element): boolean {
  const popup = namedPopup(box);
  return box.hasAttribute('multiple') || /multiple/i.test(box.className?.toString() ?? '') || box.getAttribute('aria-multiselectable') === 'true'
    || popup?.getAttribute('aria-multiselectable') === 'true' || !!flatQueryAll(box, '[class*="multiple" i]').length || tagsOf(box).length > 0;
}

function readBox(box: Element): WidgetValue {
  if (isMultiple(box)) return tagsOf(box).map(shownText);
  // A select-only ARIA combobox may show its placeholder as text: an option marked selected, or the
  // shown text when it is one of the options, is the value; any other text is a placeholder.
  if (box.getAttribute('role') === 'combobox' && box.tagName !== 'INPUT' && !searchInput(box)) {
    const popup = namedPopup(box);
    const opts = popup ? flatQueryAll(popup, '[role="option"]') : [];
    const on = opts.find((o) => o.getAttribute('aria-selected') === 'true');
    const shown = shownText(box);
    if (on) return optionText(on);
    if (opts.length) return opts.some((o) => same(optionText(o), shown)) ? shown : '';
  }
  const input = box.tagName === 'INPUT' ? box as HTMLInputElement : searchInput(box);
  const text = shownText(box) || (input?.value ?? '').trim();
  const parts = text.split(/\s*\/\s*/).filter(Boolean);
  return parts.length > 1 ? parts : text;
}

// ───────────────────────────── writing ─────────────────────────────

/** Where a person's click on the box lands: the innermost element at its centre, when it belongs to the box. */
function hitTarget(box: Element): Element {
  const r = box.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 40), y = r.top + r.height / 2;
  let el: Element | null = box.ownerDocument.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el && flatContains(box, el) ? el : box;
}

/** Closes a popup the way a person does: a press outside it, then Escape for popups that ignore it. */
async function closePopup(box: HTMLElement, opened: () => boolean, ctx: WidgetContext): Promise<void> {
  if (!opened()) return;
  const body = box.ownerDocument.body;
  const w = (box.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const init = { bubbles: true, cancelable: true, composed: true, view: w, button: 0, clientX: 1, clientY: 1 };
    body.dispatchEvent(type.startsWith('pointer') ? new w.PointerEvent(type, init) : new w.MouseEvent(type, init));
  }
  const closed = () => !opened();
  await waitFor(closed, { timeoutMs: Math.min(600, ctx.timeoutMs), signal: ctx.signal }).catch(() => {
    const input = searchInput(box) ?? box;
    key(input, 'Escape');
  });
  await waitFor(closed, { timeoutMs: Math.min(600, ctx.timeoutMs), signal: ctx.signal }).catch(() => undefined);
}

async function untag(box: HTMLElement, keep: string[], ctx: WidgetContext): Promise<WriteOutcome | null> {
  for (const tag of tagsOf(box)) {
    if (keep.some((k) => same(k, shownText(tag)))) continue;
    const x = flatQueryAll(tag, 'button, [role="button"], [class*="close" i], [aria-label*="删除"], [aria-label*="移除"], [aria-label*="remove" i]').find(isVisible);
    if (!x) return failed(`标签「${shownText(tag)}」无法移除`);
    const name = shownText(tag);
    click(x);
    await waitFor(() => !tagsOf(box).some((t) => same(shownText(t), name)), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `移除「${name}」` });
  }
  return null;
}

async function clearBox(box: HTMLElement, ctx: WidgetContext): Promise<WriteOutcome> {
  if (isMultiple(box)) return (await untag(box, [], ctx)) ?? done;
  if (readBox(box) === '') return done;
  const x = flatQueryAll(box, '[class*="clear" i], [aria-label*="清"], [aria-label*="clear" i]').find(isVisible) ?? flatQueryAll(box, '[class*="clear" i]')[0];
  if (!x) return failed('该下拉框不能清空');
  hover(box);
  click(x);
  await waitFor(() => readBox(box) === '' || (Array.isArray(readBox(box)) && !(readBox(box) as string[]).length), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '清空' });
  return done;
}

/**
 * One box: open it, then for each wanted text find the option (waiting for lazy levels and remote
 * results, typing into the search input when the option is not offered unasked), click it.
 */
async function writeBox(box: HTMLElement, wanted: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  if (isDisabledEl(box)) return { status: 'disabled' };
  const multiple = isMultiple(box);
  if (!wanted.length) return clearBox(box, ctx);
  if (multiple) {
    const out = await untag(box, wanted, ctx);
    if (out) return out;
    wanted = wanted.filter((w) => !tagsOf(box).some((t) => same(shownText(t), w)));
    if (!wanted.length) return done;
  }
  const before = new Set(visibleOptions(box));
  const fresh = () => visibleOptions(box).filter((o) => !before.has(o));
  const opened = () => fresh().length > 0;
  click(hitTarget(box));
  const input = searchInput(box);
  if (input && box.ownerDocument.activeElement !== input && !input.matches(':focus')) input.focus();
  await waitFor(() => opened() || box.getAttribute('aria-expanded') === 'true' || flatQueryAll(box, '[aria-expanded="true"]').length > 0,
    { timeoutMs: input ? Math.min(800, ctx.timeoutMs) : ctx.timeoutMs, signal: ctx.signal, what: '打开下拉框' }).catch((e) => { if (!input) throw e; });
  let typed = false;
  let beforeClick = new Set<Element>();
  for (const [i, w] of wanted.entries()) {
    const find = () => fresh().find((o) => same(optionText(o), w));
    const level = () => fresh().filter((o) => !beforeClick.has(o));
    // A lazy level: the previous click loads the next options, however slowly; wait for them first.
    if (i > 0 && !find()) await waitFor(() => find() || level().length > 0, { timeoutMs: ctx.timeoutMs, signal: ctx.signal }).catch(() => undefined);
    // Slow lists: wait a little for the option to show up unasked.
    let hit = await waitFor(find, { timeoutMs: Math.min(i === 0 && input ? 800 : 2000, ctx.timeoutMs), signal: ctx.signal }).catch(() => undefined);
    if (!hit && input && (!typed || multiple)) {
      typeInto(input, w, { perChar: true }); // a remote search answers what is typed
      typed = true;
      hit = await waitFor(find, { timeoutMs: ctx.timeoutMs, signal: ctx.signal }).catch(() => undefined);
    }
    if (!hit) {
      // What this level offered (the options that came with the last click), else everything shown.
      const seen = Array.from(new Set((i > 0 && level().length ? level() : fresh()).map(optionText).filter(Boolean)));
      if (input && typed) typeInto(input, '');
      await closePopup(box, opened, ctx);
      return noOption(w, seen);
    }
    if (hit.getAttribute('aria-disabled') === 'true' || /disabled/i.test(classWords(hit).join(' '))) {
      await closePopup(box, opened, ctx);
      return failed(`选项「${w}」不可选`);
    }
    const last = i === wanted.length - 1;
    // A tree node that is not the last of a path is expanded by its toggle, never chosen.
    const toggle = !last && !multiple ? flatQueryAll(hit, '[class*="switcher" i], [class*="toggle" i], [class*="expand" i], [class*="caret" i]')
      .find((t) => isVisible(t) && !insideAny(t, fresh().filter((o) => o !== hit && flatContains(hit, o)))) : undefined;
    beforeClick = new Set(fresh());
    hover(hit);
    click(toggle ?? hit);
  }
  await closePopup(box, opened, ctx);
  return done;
}

function verify(box: Element, wanted: string[]): WriteOutcome {
  const shown = readBox(box);
  const list = asList(shown);
  const ok = list.length === wanted.length ? list.every((s, i) => same(s, wanted[i]!)) || [...list].map(normalizeText).sort().join() === [...wanted].map(normalizeText).sort().join()
    // A tree select shows only the chosen leaf of the path.
    : list.length === 1 && wanted.length > 1 && same(list[0]!, wanted[wanted.length - 1]!);
  return ok ? done : failed(`选择后显示为「${list.join(' / ')}」`);
}

export const ariaCombobox: WidgetAdapter = {
  kind: 'aria-combobox',
  family: FAMILY,
  detect: (root) => boxesOf(root).length > 0,
  read(root) {
    const boxes = boxesOf(root);
    if (boxes.length <= 1) return boxes[0] ? readBox(boxes[0]) : null;
    return boxes.map((b) => readBox(b)).filter((v): v is string => typeof v === 'string' && v !== '');
  },
  write: (root, value, ctx) => guarded(async () => {
    const boxes = boxesOf(root);
    if (!boxes.length) return failed('未找到下拉框');
    const wanted = asList(value);
    if (boxes.length > 1 && wanted.length > 1) {
      // Linked selects: one level per box; a child box opens (and loads) only after its parent is chosen.
      if (wanted.length > boxes.length) return failed(`该字段只有 ${boxes.length} 级，收到 ${wanted.length} 级`);
      for (const [i, w] of wanted.entries()) {
        let box = boxesOf(root)[i]!;
        await waitFor(() => { box = boxesOf(root)[i]!; return box && !isDisabledEl(box); }, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `第 ${i + 1} 级可选` });
        if (same(String(readBox(box)), w)) continue;
        const out = await writeBox(box, [w], ctx);
        if (out.status !== 'done') return out;
        await waitFor(() => same(String(readBox(boxesOf(root)[i]!)), w), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `第 ${i + 1} 级显示「${w}」` });
      }
      return done;
    }
    const box = boxes[0]!;
    const out = await writeBox(box, wanted, ctx);
    if (out.status !== 'done') return out;
    const settled = await waitFor(() => verify(box, wanted).status === 'done', { timeoutMs: Math.min(1500, ctx.timeoutMs), signal: ctx.signal }).catch(() => false);
    return settled ? done : verify(box, wanted);
  }),
};

// ───────────────────────────── listbox ─────────────────────────────

const listboxes = (root: Element) => outermost(flatQueryAll(root, '[role="listbox"]').filter(isVisible));
const listOptions = (lb: Element) => flatQueryAll(lb, '[role="option"]').filter(isVisible);

export const ariaListbox: WidgetAdapter = {
  kind: 'aria-listbox',
  family: FAMILY,
  detect: (root) => listboxes(root).length === 1 && !boxesOf(root).length,
  read(root) {
    const lb = listboxes(root)[0];
    if (!lb) return null;
    const on = listOptions(lb).filter(isOn).map(optionText);
    return lb.getAttribute('aria-multiselectable') === 'true' ? on : (on[0] ?? '');
  },
  write: (root, value, ctx) => guarded(async () => {
    const lb = listboxes(root)[0];
    if (!lb) return failed('未找到列表框');
    if (isDisabledEl(lb)) return { status: 'disabled' };
    const multi = lb.getAttribute('aria-multiselectable') === 'true';
    const wanted = asList(value);
    if (!multi && wanted.length > 1) return failed('单选列表只能选一项');
    const opts = listOptions(lb);
    const missing = wanted.find((w) => !opts.some((o) => same(optionText(o), w)));
    if (missing !== undefined) return noOption(missing, opts.map(optionText));
    for (const o of opts) {
      const want = wanted.some((w) => same(optionText(o), w));
      if (isOn(o) === want || (!multi && !want)) continue;
      if (o.getAttribute('aria-disabled') === 'true') return failed(`选项「${optionText(o)}」不可选`);
      click(o);
      await waitFor(() => isOn(o) === want, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `选中「${optionText(o)}」` });
    }
    return done;
  }),
};

// ───────────────────────────── tree ─────────────────────────────

const trees = (root: Element) => outermost(flatQueryAll(root, '[role="tree"]').filter(isVisible));

/** Tree items one level below `parent` (the tree, or a treeitem whose group holds them). */
function childItems(tree: Element, parent: Element): Element[] {
  const all = flatQueryAll(tree, '[role="treeitem"]').filter(isVisible);
  return all.filter((t) => t !== parent && flatContains(parent, t) && !all.some((o) => o !== t && o !== parent && flatContains(parent, o) && flatContains(o, t)));
}

function pathOf(tree: Element, item: Element): string[] {
  const path: string[] = [];
  const all = flatQueryAll(tree, '[role="treeitem"]');
  for (const t of all) if (t === item || flatContains(t, item)) path.push(optionText(t));
  return path;
}

async function expand(item: Element, ctx: WidgetContext): Promise<void> {
  if (item.getAttribute('aria-expanded') !== 'false') return;
  const toggle = flatQueryAll(item, '[class*="toggle" i], [class*="switcher" i], [class*="expand" i], [class*="caret" i], [class*="arrow" i]')
    .find((t) => isVisible(t) && !flatQueryAll(item, '[role="group"]').some((g) => flatContains(g, t)));
  click(toggle ?? item);
  await waitFor(() => item.getAttribute('aria-expanded') === 'true', { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `展开「${optionText(item)}」` });
}

export const ariaTree: WidgetAdapter = {
  kind: 'aria-tree',
  family: FAMILY,
  detect: (root) => trees(root).length === 1 && !boxesOf(root).length,
  read(root) {
    const tree = trees(root)[0];
    if (!tree) return null;
    const on = flatQueryAll(tree, '[role="treeitem"]').filter((t) => t.getAttribute('aria-selected') === 'true' || t.getAttribute('aria-checked') === 'true');
    if (tree.getAttribute('aria-multiselectable') === 'true') return on.map(optionText);
    return on[0] ? pathOf(tree, on[0]) : [];
  },
  write: (root, value, ctx) => guarded(async () => {
    const tree = trees(root)[0];
    if (!tree) return failed('未找到树');
    const path = asList(value);
    if (!path.length) return failed('树需要一条路径');
    let parent: Element = tree;
    for (const [i, w] of path.entries()) {
      const find = () => childItems(tree, parent).find((t) => same(optionText(t), w));
      const hit = await waitFor(find, { timeoutMs: ctx.timeoutMs, signal: ctx.signal }).catch(() => undefined);
      if (!hit) return noOption(w, childItems(tree, parent).map(optionText));
      if (i < path.length - 1) await expand(hit, ctx);
      else if (!isOn(hit)) {
        click(flatQueryAll(hit, '[class*="label" i], [class*="content" i], [class*="title" i]').find((t) => isVisible(t) && !childItems(tree, hit).some((c) => flatContains(c, t))) ?? hit);
        await waitFor(() => isOn(hit), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `选中「${w}」` });
      }
      parent = hit;
    }
    return done;
  }),
};

export { readBox };

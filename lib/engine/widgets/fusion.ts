/**
 * Fusion Design (@alifd/next 1.27, React; Alibaba's admin and 政务中台 pages): the family's adapters.
 *
 * DOM facts: form items `.next-form-item > .next-form-item-label > label[for=id]`; `.next-input >
 * input | textarea`; `.next-number-picker` (parses on blur); Select, CascaderSelect and TreeSelect share
 * one trigger, `span.next-select` (tags `.next-tag-body`, a single value in `.next-select-values > em`,
 * `aria-expanded` on its combobox input while open); CascaderSelect and TreeSelect mark their input
 * `aria-disabled`, Select does not. Their popups are `.next-overlay-wrapper.opened` under <body>,
 * removed when closed: Select's menu of `li.next-menu-item[role=option]` (`next-selected`,
 * `next-disabled`), CascaderSelect's `.next-cascader-menu` lists of `li.next-cascader-menu-item`
 * (`next-expanded`, a `.next-icon-loading` while a lazy level loads), TreeSelect's nested
 * `li.next-tree-node` with `.next-tree-node-label` and `.next-tree-switcher` (`next-close`/`next-open`).
 * DatePicker2 / TimePicker2 inputs are editable and parse what is typed on Enter (a range has two).
 * `.next-radio-group` of `label.next-radio-wrapper(.checked)`, `.next-checkbox-group` of
 * `label.next-checkbox-wrapper(.checked)`, `.next-switch` (`next-switch-on`), `.next-upload` with
 * `.next-upload-list-item` (`next-upload-list-item-uploading`, `-error`).
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { rememberedPath, rememberPath } from '../pick-memory';
import { blur, click, fire, focus, isVisible, key, sleep, textOf, typeInto, waitFor } from '../dom';
import {
  asList, asString, checkboxGroupAdapter, describeError, dismiss, DONE, fail, numberAdapter, part, radioGroupAdapter, same, sameList,
  nearestPopup, settleFind, switchAdapter, textAdapter, uploadAdapter, visibleSet, waitNewPopup,
} from './tdesign-dom';

const FAMILY = 'fusion';
// The wrapper has no size of its own: its inner box is what shows. Only a select's own popups
// (Message toasts are overlays too, and one may appear while a field is being filled).
const POPUP = '.next-overlay-wrapper.opened > .next-overlay-inner[class*="next-select"]';
const ANY_POPUP = '.next-overlay-wrapper.opened > .next-overlay-inner';

interface Parts { widget: HTMLElement; input: HTMLInputElement | null }

function selectParts(root: Element): Parts | null {
  const widget = part(root, '.next-select');
  return widget ? { widget, input: widget.querySelector<HTMLInputElement>('input') } : null;
}
const isOpen = (p: Parts) => p.input?.getAttribute('aria-expanded') === 'true';
/** CascaderSelect and TreeSelect: an input marked aria-disabled (Select leaves it out). */
const isPathSelect = (p: Parts) => !!p.input?.hasAttribute('aria-disabled');
const isMultiple = (p: Parts) => p.widget.matches('.next-select-multiple, .next-select-tag');
const tags = (p: Parts) => Array.from(p.widget.querySelectorAll('.next-tag .next-tag-body')).map((t) => textOf(t));
const shown = (p: Parts) => { const em = p.widget.querySelector('.next-select-values > em'); return em ? em.getAttribute('title') || textOf(em) : ''; };

async function open(p: Parts, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.widget.ownerDocument;
  if (!isOpen(p)) {
    // A dropdown still fading out would take the click as a toggle: let it finish closing first.
    await waitFor(() => visibleSet(doc, POPUP).size === 0, { timeoutMs: 600, signal: ctx.signal }).catch(() => undefined);
  }
  if (isOpen(p)) return nearestPopup(doc, POPUP, p.widget);
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = isOpen(p) ? new Set<Element>() : visibleSet(doc, POPUP);
    if (!isOpen(p)) click(p.widget);
    const popup = await waitNewPopup(doc, POPUP, before, ctx, () => isOpen(p), '下拉框');
    if (popup) return popup;
  }
  return null;
}
const close = (p: Parts, ctx: WidgetContext) => dismiss(p.input, () => isOpen(p), ctx);

async function clear(p: Parts, isEmpty: () => boolean, ctx: WidgetContext): Promise<WriteOutcome> {
  const icon = p.widget.querySelector<HTMLElement>('.next-select-clear');
  if (!icon) return fail('该下拉框不能清空');
  click(icon);
  return waitFor(isEmpty, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
}

// ------------------------------------------------------------------------------------------------ select

function readSelect(root: Element): WidgetValue {
  const p = selectParts(root);
  if (!p) return null;
  return isMultiple(p) ? tags(p) : shown(p);
}

async function findOption(p: Parts, wanted: string, ctx: WidgetContext): Promise<{ hit?: HTMLElement; seen: string[] }> {
  const doc = p.widget.ownerDocument;
  const before = visibleSet(doc, POPUP);
  let popup = await open(p, ctx);
  const searchable = !!p.input && !p.input.readOnly;
  if (searchable && p.input) typeInto(p.input, wanted, { perChar: true });
  return settleFind(() => {
    if (!popup || !popup.isConnected || !isVisible(popup)) popup = ([...visibleSet(doc, POPUP)].find((d) => !before.has(d)) as HTMLElement | undefined) ?? null;
    const options = popup ? Array.from(popup.querySelectorAll<HTMLElement>('li.next-menu-item[role=option]')).filter(isVisible) : [];
    const enabled = options.filter((o) => !o.matches('.next-disabled'));
    const label = (o: Element) => o.getAttribute('title') || textOf(o);
    const loading = isVisible(p.widget.querySelector('.next-icon-loading')) || /加载中/.test(textOf(popup));
    return { hit: enabled.find((o) => same(label(o), wanted)), seen: enabled.map(label), loading };
  }, ctx, searchable ? 1000 : 300);
}

async function writeSelect(p: Parts, root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  if (!isMultiple(p)) {
    const wanted = asList(value)[0] ?? '';
    if (wanted === '') return clear(p, () => readSelect(root) === '', ctx);
    const { hit, seen } = await findOption(p, wanted, ctx);
    if (!hit) {
      await close(p, ctx);
      if (p.input && p.input.value) { typeInto(p.input, ''); blur(p.input); } // the typed query stays in the box
      return { status: 'no-option', wanted, seen };
    }
    click(hit);
    const ok = await waitFor(() => same(asString(readSelect(root)), wanted), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
    await close(p, ctx);
    return ok ? DONE : fail(`选择后显示为“${asString(readSelect(root))}”`);
  }
  const wanted = asList(value);
  const missing: { wanted: string; seen: string[] }[] = [];
  for (const extra of tags(p).filter((t) => !wanted.some((w) => same(w, t)))) {
    const tag = Array.from(p.widget.querySelectorAll('.next-tag')).find((t) => same(textOf(t.querySelector('.next-tag-body')), extra));
    const x = tag?.querySelector<HTMLElement>('.next-tag-close-btn');
    if (x) click(x);
    await waitFor(() => !tags(p).some((t) => same(t, extra)), { timeoutMs: 1000, signal: ctx.signal }).catch(() => undefined);
  }
  // A tag's close button may open the dropdown on its way: start the picking from a closed one.
  await close(p, ctx);
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

const fusionSelect: WidgetAdapter = {
  kind: 'fusion-select',
  family: FAMILY,
  detect: (root) => { const p = selectParts(root); return !!p && !isPathSelect(p); },
  read: readSelect,
  async write(root, value, ctx) {
    const p = selectParts(root);
    if (!p) return fail('找不到下拉框');
    if (isPathSelect(p)) return fusionCascader.write(root, value, ctx);
    const now = readSelect(root);
    if (isMultiple(p) ? sameList(asList(now), asList(value)) : same(asString(now), asList(value)[0] ?? '')) return DONE;
    if (p.widget.matches('.next-disabled') || p.input?.disabled) return { status: 'disabled' };
    try {
      return await writeSelect(p, root, value, ctx);
    } catch (err) {
      await close(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

// ------------------------------------------------------------------------------- cascader and tree select

/**
 * The path shown: CascaderSelect shows `省 / 市 / 区`; TreeSelect shows only the chosen node's label
 * (its path is not on screen once the dropdown is closed, and Fusion removes the closed dropdown).
 */
function readPath(root: Element): WidgetValue {
  const p = selectParts(root);
  if (!p) return null;
  const text = shown(p);
  const path = text ? text.split(' / ').map((x) => x.trim()) : [];
  // A TreeSelect's leaf alone: the path picked (by the cadre, or by a fill) when it still ends there.
  if (path.length === 1) return rememberedPath(p.widget, path[0]!, same) ?? (p.input && rememberedPath(p.input, path[0]!, same)) ?? path;
  return path;
}

async function walkCascader(p: Parts, popup: HTMLElement, path: string[], ctx: WidgetContext): Promise<WriteOutcome | null> {
  for (let lv = 0; lv < path.length; lv++) {
    const wanted = path[lv]!;
    const { hit, seen } = await settleFind(() => {
      const menu = popup.querySelectorAll('.next-cascader-menu')[lv];
      const items = menu ? Array.from(menu.querySelectorAll<HTMLElement>('li.next-cascader-menu-item')) : [];
      return { hit: items.find((i) => same(i.getAttribute('title') || textOf(i), wanted)), seen: items.map((i) => i.getAttribute('title') || textOf(i)), loading: !!popup.querySelector('.next-cascader-menu-item .next-icon-loading'), ready: !!menu };
    }, ctx);
    if (!hit) return { status: 'no-option', wanted: path.slice(0, lv + 1).join(' / '), seen };
    if (hit.matches('.next-disabled')) return { status: 'disabled' };
    click(hit);
    if (lv < path.length - 1) {
      await waitFor(() => !popup.querySelector('.next-cascader-menu-item .next-icon-loading') && popup.querySelectorAll('.next-cascader-menu').length > lv + 1,
        { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `“${wanted}”的下一级` }).catch(() => undefined);
    }
  }
  return null;
}

async function walkTree(popup: HTMLElement, path: string[], ctx: WidgetContext): Promise<WriteOutcome | null> {
  let scope: Element = popup.querySelector('.next-tree') ?? popup;
  for (let lv = 0; lv < path.length; lv++) {
    const wanted = path[lv]!;
    const container = scope;
    const nodes = () => Array.from(container.querySelectorAll<HTMLElement>(container.matches('.next-tree') ? ':scope > li.next-tree-node' : ':scope > ul > li.next-tree-node'));
    const label = (n: Element) => textOf(n.querySelector(':scope > .next-tree-node-inner .next-tree-node-label'));
    const { hit, seen } = await settleFind(() => { const list = nodes(); return { hit: list.find((n) => same(label(n), wanted)), seen: list.map(label) }; }, ctx);
    if (!hit) return { status: 'no-option', wanted: path.slice(0, lv + 1).join(' / '), seen };
    const inner = hit.querySelector<HTMLElement>(':scope > .next-tree-node-inner')!;
    if (lv === path.length - 1) {
      click(inner.querySelector('.next-tree-node-label') ?? inner);
    } else if (inner.getAttribute('aria-expanded') !== 'true' || hit.querySelector(':scope > .next-tree-node-inner .next-tree-switcher.next-close')) {
      click(inner.querySelector('.next-tree-switcher') ?? inner);
      await waitFor(() => hit.querySelector(':scope > ul li.next-tree-node'), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).catch(() => undefined);
    }
    scope = hit;
  }
  return null;
}

const fusionCascader: WidgetAdapter = {
  kind: 'fusion-cascader',
  family: FAMILY,
  detect: (root) => { const p = selectParts(root); return !!p && isPathSelect(p); },
  read: readPath,
  async write(root, value, ctx) {
    const p = selectParts(root);
    if (!p) return fail('找不到级联选择');
    const path = asList(value);
    if (sameList(asList(readPath(root)), path)) return DONE;
    if (p.widget.matches('.next-disabled')) return { status: 'disabled' };
    try {
      if (!path.length) return await clear(p, () => !asList(readPath(root)).length, ctx);
      const popup = await open(p, ctx);
      if (!popup) return fail('下拉未打开');
      const tree = !!popup.querySelector('.next-tree-select-dropdown, .next-tree');
      const stop = tree ? await walkTree(popup, path, ctx) : await walkCascader(p, popup, path, ctx);
      if (stop) { await close(p, ctx); return stop; }
      // A TreeSelect shows the leaf only (and any path remembered for it): its last item must be the leaf.
      const ok = await waitFor(() => (tree ? same(asList(readPath(root)).slice(-1)[0] ?? '', path[path.length - 1]!) : sameList(asList(readPath(root)), path)),
        { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
      if (ok && tree) rememberPath(p.widget, path);
      await close(p, ctx);
      return ok ? DONE : fail(`选择后显示为“${asList(readPath(root)).join(' / ')}”（需选到末级）`);
    } catch (err) {
      await close(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

const fusionTreeSelect: WidgetAdapter = { ...fusionCascader, kind: 'fusion-tree-select', detect: () => false, showsLeaf: true };

// ------------------------------------------------------------------------------------------- date, time

const pickerInputs = (root: Element, sel: string) => Array.from(part(root, sel)?.querySelectorAll<HTMLInputElement>('input') ?? []);

function readPicker(sel: string) {
  return (root: Element): WidgetValue => {
    const inputs = pickerInputs(root, sel);
    if (!inputs.length) return null;
    if (inputs.length > 1) return inputs.every((i) => !i.value) ? [] : inputs.map((i) => i.value);
    return inputs[0]!.value;
  };
}

/** Types each end into its input the way a person does (click, type, Enter) and lets the picker parse it. */
function writePicker(sel: string) {
  const read = readPicker(sel);
  return async (root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> => {
    const inputs = pickerInputs(root, sel);
    if (!inputs.length) return fail('找不到日期框');
    const ends = inputs.length > 1 ? asList(value) : [asString(value)];
    const done = () => JSON.stringify(read(root)) === JSON.stringify(inputs.length > 1 ? ends : ends[0]);
    if (done()) return DONE;
    if (inputs.some((i) => i.disabled)) return { status: 'disabled' };
    try {
      for (const [i, text] of ends.entries()) {
        const input = pickerInputs(root, sel)[i];
        if (!input) break;
        click(input);
        focus(input);
        await sleep(60, ctx.signal);
        typeInto(input, text);
        await sleep(30, ctx.signal);
        key(input, 'Enter');
        fire(input, 'change');
        await sleep(60, ctx.signal);
      }
      const ok = await waitFor(done, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
      const last = pickerInputs(root, sel).pop()!;
      await dismiss(last, () => !!part(root, sel)?.querySelector('[aria-expanded=true]') || visibleSet(root.ownerDocument, `${ANY_POPUP}[class*="picker"]`).size > 0, ctx);
      blur(last);
      return ok && done() ? DONE : fail(`页面不接受“${ends.join(' 至 ')}”，显示为“${asList(read(root)).join(' 至 ')}”`);
    } catch (err) {
      return fail(describeError(err));
    }
  };
}

const DATE = '.next-date-picker2, .next-date-picker';
const TIME = '.next-time-picker2, .next-time-picker';
const fusionDate: WidgetAdapter = { kind: 'fusion-date', family: FAMILY, detect: (root) => !!part(root, DATE), read: readPicker(DATE), write: writePicker(DATE) };
const fusionTime: WidgetAdapter = { kind: 'fusion-time', family: FAMILY, detect: (root) => !!part(root, TIME), read: readPicker(TIME), write: writePicker(TIME) };

const CHOICE = { family: FAMILY, checked: '.checked', disabled: '.disabled' };

/** Order matters for `detect`: composite widgets before the plain input they contain. */
export const fusionWidgets: WidgetAdapter[] = [
  uploadAdapter({
    kind: 'fusion-upload', family: FAMILY, widget: '.next-upload', item: '.next-upload-list-item', itemName: '.next-upload-list-item-name > span:first-child',
    pending: '.next-upload-list-item-uploading', failed: '.next-upload-list-item-error',
  }),
  checkboxGroupAdapter({ ...CHOICE, kind: 'fusion-checkbox-group', group: '.next-checkbox-group', item: 'label.next-checkbox-wrapper', label: '.next-checkbox-label' }),
  radioGroupAdapter({ ...CHOICE, kind: 'fusion-radio-group', group: '.next-radio-group', item: 'label.next-radio-wrapper', label: '.next-radio-label' }),
  switchAdapter({ kind: 'fusion-switch', family: FAMILY, widget: '.next-switch', checked: '.next-switch-on', disabled: '.next-switch-disabled' }),
  fusionTime,
  fusionDate,
  numberAdapter({ kind: 'fusion-number', family: FAMILY, widget: '.next-number-picker', input: 'input' }),
  fusionCascader,
  fusionTreeSelect,
  fusionSelect,
  textAdapter({
    kind: 'fusion-input', family: FAMILY, widget: '.next-input', control: 'input, textarea',
    exclude: '.next-select, .next-number-picker, .next-date-picker2, .next-date-picker, .next-time-picker2, .next-time-picker, .next-upload',
  }),
];

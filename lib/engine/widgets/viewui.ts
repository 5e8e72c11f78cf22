/**
 * View UI (iView 4, Vue 2; iView Admin pages): the family's adapters.
 *
 * DOM facts (view-design 4.7): form items `.ivu-form-item > label.ivu-form-item-label +
 * .ivu-form-item-content`; `.ivu-input-wrapper > input.ivu-input | textarea.ivu-input`;
 * `.ivu-input-number > input.ivu-input-number-input` (parses on change/blur); `.ivu-select`
 * (`-single`/`-multiple`, open: `.ivu-select-visible`) with `.ivu-select-selection` (click target),
 * `.ivu-select-selected-value` or, filterable, `input.ivu-select-input`; tags `.ivu-tag-text`; its
 * dropdown `.ivu-select-dropdown` (with `transfer`, under <body>, no link back) of `li.ivu-select-item`
 * (`-selected`, `-disabled`), `.ivu-select-loading`, `.ivu-select-not-found`; `.ivu-cascader` (readonly
 * input showing `浙江省 / 杭州市`, open: `.ivu-cascader-visible`) with menus `ul.ivu-cascader-menu` of
 * `li.ivu-cascader-menu-item` (`-active`, a spinning `.ivu-load-loop` while a lazy level loads);
 * `.ivu-date-picker` (time pickers too) with an editable input that parses what is typed on change;
 * `label.ivu-radio-wrapper(-checked)`, `label.ivu-checkbox-wrapper(-checked)`, `span.ivu-switch(-checked)`;
 * `.ivu-upload` with `input.ivu-upload-input` and `li.ivu-upload-list-file` items.
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { blur, click, fire, hover, isVisible, key, sleep, textOf, typeInto, waitFor } from '../dom';
import {
  asList, asString, checkboxGroupAdapter, describeError, dismiss, DONE, fail, numberAdapter, part, radioGroupAdapter, same, sameList,
  nearestPopup, settleFind, switchAdapter, textAdapter, uploadAdapter, visibleSet, waitNewPopup,
} from './tdesign-dom';

const FAMILY = 'viewui';
const DROPDOWN = '.ivu-select-dropdown';

interface Parts { widget: HTMLElement; trigger: HTMLElement; input: HTMLInputElement | null }

async function openDropdown(p: Parts, isOpen: () => boolean, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.widget.ownerDocument;
  if (isOpen()) return nearestPopup(doc, DROPDOWN, p.widget);
  const before = visibleSet(doc, DROPDOWN);
  click(p.trigger);
  const popup = await waitNewPopup(doc, DROPDOWN, before, ctx, isOpen, '下拉框');
  if (popup || isOpen()) return popup;
  // A dropdown whose data had not arrived yet does not open: a person clicks once more.
  click(p.trigger);
  return waitNewPopup(doc, DROPDOWN, before, ctx, isOpen, '下拉框');
}

// ------------------------------------------------------------------------------------------------ select

function selectParts(root: Element): Parts | null {
  const widget = part(root, '.ivu-select');
  if (!widget) return null;
  return { widget, trigger: widget.querySelector<HTMLElement>('.ivu-select-selection') ?? widget, input: widget.querySelector<HTMLInputElement>('input.ivu-select-input') };
}
const selectOpen = (p: Parts) => p.widget.matches('.ivu-select-visible');
const multiple = (p: Parts) => p.widget.matches('.ivu-select-multiple');
const tags = (p: Parts) => Array.from(p.widget.querySelectorAll('.ivu-tag .ivu-tag-text')).map((t) => textOf(t)).filter((t) => !/^\+\s*\d+/.test(t));

function readSelect(root: Element): WidgetValue {
  const p = selectParts(root);
  if (!p) return null;
  if (multiple(p)) return tags(p);
  if (p.input) return p.input.value;
  return textOf(p.widget.querySelector('.ivu-select-selected-value'));
}

async function findOption(p: Parts, wanted: string, ctx: WidgetContext): Promise<{ hit?: HTMLElement; seen: string[] }> {
  const doc = p.widget.ownerDocument;
  const before = visibleSet(doc, DROPDOWN);
  let popup = await openDropdown(p, () => selectOpen(p), ctx);
  const filterable = !!p.input;
  if (p.input) typeInto(p.input, wanted, { perChar: true });
  return settleFind(() => {
    if (!popup || !isVisible(popup)) popup = ([...visibleSet(doc, DROPDOWN)].find((d) => !before.has(d)) as HTMLElement | undefined) ?? null;
    const options = popup ? Array.from(popup.querySelectorAll<HTMLElement>('li.ivu-select-item')).filter(isVisible) : [];
    const enabled = options.filter((o) => !o.matches('.ivu-select-item-disabled'));
    const loading = !!popup && isVisible(popup.querySelector('.ivu-select-loading'));
    return { hit: enabled.find((o) => same(textOf(o), wanted)), seen: enabled.map((o) => textOf(o)), loading };
  }, ctx, filterable ? 1000 : 300);
}

const closeSelect = (p: Parts, ctx: WidgetContext) => dismiss(p.input ?? p.trigger, () => selectOpen(p), ctx);

async function writeSelect(p: Parts, root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  if (!multiple(p)) {
    const wanted = asList(value)[0] ?? '';
    if (wanted === '') {
      hover(p.trigger); // the clear icon replaces the arrow while the pointer is over a clearable select
      const clear = await waitFor(() => p.widget.querySelector<HTMLElement>('.ivu-select-arrow.ivu-icon-ios-close-circle, .ivu-icon-ios-close-circle'), { timeoutMs: 500, signal: ctx.signal }).catch(() => null);
      if (!clear) return fail('该下拉框不能清空');
      click(clear);
      return waitFor(() => readSelect(root) === '', { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
    }
    const { hit, seen } = await findOption(p, wanted, ctx);
    if (!hit) {
      await closeSelect(p, ctx);
      // A filterable select keeps the typed query in its box: take it out as a person would.
      if (p.input && p.input.value && !readSelectModelShown(p)) { typeInto(p.input, ''); blur(p.input); }
      return { status: 'no-option', wanted, seen };
    }
    click(hit);
    const ok = await waitFor(() => same(asString(readSelect(root)), wanted), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
    await closeSelect(p, ctx);
    return ok ? DONE : fail(`选择后显示为“${asString(readSelect(root))}”`);
  }
  const wanted = asList(value);
  const missing: { wanted: string; seen: string[] }[] = [];
  for (const extra of tags(p).filter((t) => !wanted.some((w) => same(w, t)))) {
    const { hit } = await findOption(p, extra, ctx);
    if (hit?.matches('.ivu-select-item-selected')) click(hit);
    await waitFor(() => !tags(p).some((t) => same(t, extra)), { timeoutMs: 1000, signal: ctx.signal }).catch(() => undefined);
  }
  for (const w of wanted) {
    if (tags(p).some((t) => same(t, w))) continue;
    const { hit, seen } = await findOption(p, w, ctx);
    if (!hit) { missing.push({ wanted: w, seen }); continue; }
    click(hit);
    await waitFor(() => tags(p).some((t) => same(t, w)), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).catch(() => undefined);
  }
  await closeSelect(p, ctx);
  if (missing.length) return { status: 'no-option', wanted: missing.map((m) => m.wanted).join('、'), seen: missing[0]!.seen };
  return sameList(tags(p), wanted) ? DONE : fail(`选择后显示为“${tags(p).join('、')}”`);
}

/** Whether a filterable select's box shows a chosen option (then its text is the label, not a query). */
const readSelectModelShown = (p: Parts) => !!p.widget.querySelector('input[type=hidden]')?.getAttribute('value');

const viewuiSelect: WidgetAdapter = {
  kind: 'viewui-select',
  family: FAMILY,
  detect: (root) => !!part(root, '.ivu-select') && !part(root, '.ivu-cascader, .ivu-date-picker'),
  read: readSelect,
  async write(root, value, ctx) {
    const p = selectParts(root);
    if (!p) return fail('找不到下拉框');
    const now = readSelect(root);
    if (multiple(p) ? sameList(asList(now), asList(value)) : same(asString(now), asList(value)[0] ?? '')) return DONE;
    if (p.widget.matches('.ivu-select-disabled')) return { status: 'disabled' };
    try {
      return await writeSelect(p, root, value, ctx);
    } catch (err) {
      await closeSelect(p, ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

// ---------------------------------------------------------------------------------------------- cascader

function cascaderParts(root: Element): Parts | null {
  const widget = part(root, '.ivu-cascader');
  if (!widget) return null;
  return { widget, trigger: widget.querySelector<HTMLElement>('.ivu-cascader-rel') ?? widget, input: widget.querySelector<HTMLInputElement>('input.ivu-input') };
}
const cascaderOpen = (p: Parts) => p.widget.matches('.ivu-cascader-visible');

function readCascader(root: Element): WidgetValue {
  const p = cascaderParts(root);
  if (!p) return null;
  const text = p.input?.value || textOf(p.widget.querySelector('.ivu-cascader-label'));
  return text.trim() ? text.split('/').map((x) => x.trim()) : [];
}

async function writeCascader(p: Parts, root: Element, path: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  const popup = await openDropdown(p, () => cascaderOpen(p), ctx);
  if (!popup) return fail('级联下拉未打开');
  const close = () => dismiss(p.input, () => cascaderOpen(p), ctx);
  for (let lv = 0; lv < path.length; lv++) {
    const wanted = path[lv]!;
    const items = () => {
      const menu = popup.querySelectorAll('ul.ivu-cascader-menu')[lv];
      return menu ? Array.from(menu.querySelectorAll<HTMLElement>('li.ivu-cascader-menu-item')) : [];
    };
    const { hit, seen } = await settleFind(() => {
      const list = items();
      return { hit: list.find((i) => same(textOf(i), wanted)), seen: list.map((i) => textOf(i)), loading: !!popup.querySelector('.ivu-cascader-menu-item .ivu-load-loop'), ready: list.length > 0 || lv === 0 };
    }, ctx);
    if (!hit) { await close(); return { status: 'no-option', wanted: path.slice(0, lv + 1).join(' / '), seen }; }
    if (hit.matches('.ivu-cascader-menu-item-disabled')) { await close(); return { status: 'disabled' }; }
    click(hit);
    if (lv < path.length - 1) {
      await waitFor(() => !popup.querySelector('.ivu-cascader-menu-item .ivu-load-loop') && popup.querySelectorAll('ul.ivu-cascader-menu').length > lv + 1,
        { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `“${wanted}”的下一级` }).catch(() => undefined);
    }
  }
  const ok = await waitFor(() => sameList(asList(readCascader(root)), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
  await close();
  return ok ? DONE : fail(`选择后显示为“${asList(readCascader(root)).join(' / ')}”（需选到末级）`);
}

const viewuiCascader: WidgetAdapter = {
  kind: 'viewui-cascader',
  family: FAMILY,
  detect: (root) => !!part(root, '.ivu-cascader'),
  read: readCascader,
  async write(root, value, ctx) {
    const p = cascaderParts(root);
    if (!p) return fail('找不到级联选择');
    const path = asList(value);
    if (sameList(asList(readCascader(root)), path)) return DONE;
    if (p.widget.matches('.ivu-cascader-disabled') || p.input?.disabled) return { status: 'disabled' };
    try {
      if (!path.length) {
        hover(p.trigger);
        const clear = p.widget.querySelector<HTMLElement>('.ivu-icon-ios-close-circle');
        if (!clear) return fail('该级联选择不能清空');
        click(clear);
        return waitFor(() => !asList(readCascader(root)).length, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
      }
      return await writeCascader(p, root, path, ctx);
    } catch (err) {
      await dismiss(p.input, () => cascaderOpen(p), ctx).catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

// ------------------------------------------------------------------------------------------- date, time

/** A range shows "start - end" in its one input. */
const RANGE_SEP = ' - ';
const pickerInput = (root: Element) => part(root, '.ivu-date-picker')?.querySelector<HTMLInputElement>('input.ivu-input') ?? null;
const isTime = (root: Element) => !!part(root, '.ivu-date-picker')?.querySelector('.ivu-icon-ios-time-outline');

function readPicker(root: Element): WidgetValue {
  const input = pickerInput(root);
  if (!input) return null;
  const v = input.value;
  if (v.includes(RANGE_SEP)) return v.split(RANGE_SEP).map((x) => x.trim());
  return v;
}

/**
 * Types the value into the picker's editable input the way a person does (click, type, Enter), and
 * lets the picker parse it with its own format; then reads back what it shows.
 */
async function writePicker(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const input = pickerInput(root);
  if (!input) return fail('找不到日期框');
  const list = Array.isArray(value) ? asList(value) : null;
  const text = list ? (list.length ? list.join(RANGE_SEP) : '') : asString(value);
  const done = () => (list ? sameList(asList(readPicker(root)), list) : input.value === text);
  if (done()) return DONE;
  if (input.disabled) return { status: 'disabled' };
  if (input.readOnly) return fail('该日期框不能输入（readonly），暂不支持点选面板');
  try {
    click(input);
    await sleep(60, ctx.signal);
    typeInto(input, text);
    fire(input, 'change'); // the picker parses the typed text on change
    // No Enter: with the panel open, Enter picks the panel's keyboard-focused cell (today, 00:00:00).
    const ok = await waitFor(done, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
    key(input, 'Escape', 'keydown');
    await sleep(60, ctx.signal);
    blur(input);
    return ok && done() ? DONE : fail(`页面不接受“${text}”，显示为“${input.value}”`);
  } catch (err) {
    return fail(describeError(err));
  }
}

const viewuiTime: WidgetAdapter = { kind: 'viewui-time', family: FAMILY, detect: (root) => !!pickerInput(root) && isTime(root), read: readPicker, write: writePicker };
const viewuiDate: WidgetAdapter = { kind: 'viewui-date', family: FAMILY, detect: (root) => !!pickerInput(root) && !isTime(root), read: readPicker, write: writePicker };

const CHOICE = { family: FAMILY, disabled: '.ivu-radio-wrapper-disabled, .ivu-checkbox-wrapper-disabled' };

/** Order matters for `detect`: composite widgets before the plain input they contain. */
export const viewuiWidgets: WidgetAdapter[] = [
  uploadAdapter({
    kind: 'viewui-upload', family: FAMILY, widget: '.ivu-upload', item: 'li.ivu-upload-list-file', itemName: 'span',
    pending: ':has(.ivu-progress)', failed: '.ivu-upload-list-file-fail',
  }),
  checkboxGroupAdapter({ ...CHOICE, kind: 'viewui-checkbox-group', group: '.ivu-checkbox-group', item: 'label.ivu-checkbox-wrapper', checked: '.ivu-checkbox-wrapper-checked' }),
  radioGroupAdapter({ ...CHOICE, kind: 'viewui-radio-group', group: '.ivu-radio-group', item: 'label.ivu-radio-wrapper', checked: '.ivu-radio-wrapper-checked' }),
  switchAdapter({ kind: 'viewui-switch', family: FAMILY, widget: '.ivu-switch', checked: '.ivu-switch-checked', disabled: '.ivu-switch-disabled' }),
  viewuiCascader,
  viewuiTime,
  viewuiDate,
  numberAdapter({ kind: 'viewui-input-number', family: FAMILY, widget: '.ivu-input-number', input: 'input.ivu-input-number-input' }),
  viewuiSelect,
  textAdapter({
    kind: 'viewui-input', family: FAMILY, widget: '.ivu-input-wrapper', control: 'input.ivu-input, textarea.ivu-input',
    exclude: '.ivu-select, .ivu-cascader, .ivu-date-picker, .ivu-input-number, .ivu-upload',
  }),
];

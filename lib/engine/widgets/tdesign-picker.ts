/**
 * TDesign Vue Next t-date-picker (date, datetime), t-date-range-picker and t-time-picker. Their
 * inputs are readonly (allow-input is off by default), so the adapter does what a person does: open
 * the panel, page to the month with the panel's arrows, click the day, click the hour/minute/second
 * in the time columns, press 确定. Values are read and written in the picker's *display* format; the
 * digits of a value are taken year first (Chinese formats always are), so any display format works.
 *
 * DOM facts (1.20): `.t-date-picker` / `.t-date-range-picker` / `.t-time-picker` triggers with
 * `input.t-input__inner` (a range has two, `.t-range-input__inner-left/right`); the panel is a `.t-popup`
 * under <body>; each month panel `.t-date-picker__panel-content` has a header whose month and year
 * selects show "5 月" and "2026", arrows `.t-pagination-mini__prev/next`, and day cells
 * `td.t-date-picker__cell[type=current-month]`; time columns are `ul.t-time-picker__panel-body-scroll`
 * of two-digit `li` items; 确定 is a primary button in the panel's footer.
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { click, hover, isVisible, sleep, textOf, waitFor } from '../dom';
import { asList, asString, describeError, dismiss, DONE, fail, part, visibleSet, waitNewPopup } from './tdesign-dom';
import { FAMILY } from './tdesign-select';

const POPUP = '.t-popup';

interface Parts { widget: HTMLElement; inputs: HTMLInputElement[] }

function parts(root: Element, selector: string): Parts | null {
  const widget = part(root, selector);
  if (!widget) return null;
  return { widget, inputs: Array.from(widget.querySelectorAll<HTMLInputElement>('input.t-input__inner')) };
}

/** The digits of a display value, year first: [Y, M, D, h, m, s] for dates, [h, m, s] for times. */
const digits = (s: string) => (s.match(/\d+/g) ?? []).map(Number);

function panelMonth(panel: Element): number | null {
  const y = Number(panel.querySelector<HTMLInputElement>('.t-date-picker__header-controller-year input')?.value);
  const m = parseInt(panel.querySelector<HTMLInputElement>('.t-date-picker__header-controller-month input')?.value ?? '', 10);
  return Number.isFinite(y) && Number.isFinite(m) ? y * 12 + m - 1 : null;
}

/** Pages a month panel with its own arrows until it shows `target` (year * 12 + month - 1). */
async function showMonth(panel: Element, target: number, ctx: WidgetContext): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    const now = panelMonth(panel);
    if (now === null) return false;
    if (now === target) return true;
    const btn = panel.querySelector<HTMLElement>(now > target ? '.t-pagination-mini__prev' : '.t-pagination-mini__next');
    if (!btn) return false;
    click(btn);
    await waitFor(() => panelMonth(panel) !== now, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal }).catch(() => undefined);
  }
  return false;
}

async function clickDay(panel: Element, day: number, ctx: WidgetContext): Promise<boolean> {
  const cell = Array.from(panel.querySelectorAll<HTMLElement>('td.t-date-picker__cell[type="current-month"]'))
    .find((td) => Number(textOf(td)) === day);
  if (!cell || cell.matches('.t-date-picker__cell--disabled')) return false;
  click(cell.querySelector('.t-date-picker__cell-inner') ?? cell);
  await sleep(30, ctx.signal);
  return true;
}

/** Clicks each wanted number in the time columns (hours, minutes, seconds, as many as the format has). */
async function pickTime(scope: Element, hms: number[], ctx: WidgetContext): Promise<boolean> {
  const columns = Array.from(scope.querySelectorAll<HTMLElement>('ul.t-time-picker__panel-body-scroll'));
  for (let i = 0; i < columns.length && i < hms.length; i++) {
    const item = Array.from(columns[i]!.querySelectorAll<HTMLElement>('li')).find((li) => Number(textOf(li)) === hms[i]);
    if (!item || item.matches('.t-is-disabled')) return false;
    click(item);
    await waitFor(() => item.matches('.t-is-current'), { timeoutMs: 800, signal: ctx.signal }).catch(() => undefined);
  }
  return true;
}

async function confirm(popup: Element, ctx: WidgetContext): Promise<void> {
  const btn = Array.from(popup.querySelectorAll<HTMLButtonElement>('button')).find((b) => /确定|确认|OK/i.test(textOf(b)));
  if (!btn) return;
  await waitFor(() => !btn.disabled, { timeoutMs: 800, signal: ctx.signal }).catch(() => undefined);
  click(btn);
}

async function openPanel(p: Parts, input: HTMLInputElement, ctx: WidgetContext): Promise<HTMLElement | null> {
  const doc = p.widget.ownerDocument;
  const before = visibleSet(doc, POPUP);
  click(input);
  return waitNewPopup(doc, POPUP, before, ctx, () => false, '日期面板')
    .then((got) => got ?? Array.from(doc.querySelectorAll<HTMLElement>(POPUP)).filter(isVisible).pop() ?? null);
}

const readInputs = (root: Element, selector: string): WidgetValue => {
  const p = parts(root, selector);
  if (!p) return null;
  if (p.inputs.length > 1) return p.inputs.every((i) => !i.value) ? [] : p.inputs.map((i) => i.value);
  return p.inputs[0]?.value ?? '';
};

const settled = (root: Element, selector: string, wanted: WidgetValue) => () => {
  const now = readInputs(root, selector);
  return Array.isArray(wanted) ? JSON.stringify(now) === JSON.stringify(wanted) : now === wanted;
};

async function clearPicker(p: Parts, isEmpty: () => boolean, ctx: WidgetContext): Promise<WriteOutcome> {
  hover(p.widget.querySelector('.t-input, .t-range-input') ?? p.widget);
  const icon = await waitFor(() => p.widget.querySelector<HTMLElement>('.t-input__suffix-clear, .t-range-input__suffix-clear'), { timeoutMs: 500, signal: ctx.signal }).catch(() => null);
  if (!icon) return fail('该日期框不能清空');
  click(icon);
  return waitFor(isEmpty, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
}

async function writeDate(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const SEL = '.t-date-picker, .t-date-range-picker';
  const p = parts(root, SEL);
  if (!p || !p.inputs.length) return fail('找不到日期框');
  const range = p.inputs.length > 1;
  const wanted: WidgetValue = range ? asList(value) : asString(value);
  const done = settled(root, SEL, wanted);
  if (done()) return DONE;
  if (p.inputs.some((i) => i.disabled)) return { status: 'disabled' };
  if (range ? !(wanted as string[]).length : wanted === '') return clearPicker(p, done, ctx);
  const ends = range ? wanted as string[] : [wanted as string];
  if (ends.length !== (range ? 2 : 1) || ends.some((e) => digits(e).length < 3)) return fail(`无法识别的日期“${ends.join(' 至 ')}”`);
  const popup = await openPanel(p, p.inputs[0]!, ctx);
  if (!popup) return fail('日期面板未打开');
  const close = () => dismiss(p.inputs[0]!, () => isVisible(popup), ctx);
  try {
    for (const [n, end] of ends.entries()) {
      const [y, m, d, ...hms] = digits(end);
      const target = y! * 12 + m! - 1;
      const panels = Array.from(popup.querySelectorAll<HTMLElement>('.t-date-picker__panel-content'));
      // A range's end may already show in the right-hand panel; otherwise page the panel that is nearest.
      let panel = panels.find((pn) => panelMonth(pn) === target);
      if (!panel) {
        panel = n === 0 || panels.length === 1 ? panels[0]! : panels[panels.length - 1]!;
        if (!(await showMonth(panel, target, ctx))) { await close(); return fail(`无法翻到 ${y} 年 ${m} 月`); }
      }
      if (!(await clickDay(panel, d!, ctx))) { await close(); return { status: 'no-option', wanted: end, seen: [] }; }
      if (hms.length && !(await pickTime(popup, hms, ctx))) { await close(); return { status: 'no-option', wanted: end, seen: [] }; }
      if (hms.length) await confirm(popup, ctx);
    }
    const ok = await waitFor(done, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
    await close();
    return ok ? DONE : fail(`选择后显示为“${asList(readInputs(root, SEL)).join(' 至 ')}”`);
  } catch (err) {
    await close().catch(() => undefined);
    return fail(describeError(err));
  }
}

export const tdesignDate: WidgetAdapter = {
  kind: 'tdesign-date',
  family: FAMILY,
  detect: (root) => !!part(root, '.t-date-picker, .t-date-range-picker'),
  read: (root) => readInputs(root, '.t-date-picker, .t-date-range-picker'),
  write: writeDate,
};

export const tdesignTime: WidgetAdapter = {
  kind: 'tdesign-time',
  family: FAMILY,
  detect: (root) => !!part(root, '.t-time-picker'),
  read: (root) => readInputs(root, '.t-time-picker'),
  async write(root, value, ctx) {
    const p = parts(root, '.t-time-picker');
    const input = p?.inputs[0];
    if (!p || !input) return fail('找不到时间框');
    const wanted = asString(value);
    const done = settled(root, '.t-time-picker', wanted);
    if (done()) return DONE;
    if (input.disabled) return { status: 'disabled' };
    if (wanted === '') return clearPicker(p, done, ctx);
    const hms = digits(wanted);
    if (!hms.length) return fail(`无法识别的时间“${wanted}”`);
    const popup = await openPanel(p, input, ctx);
    if (!popup) return fail('时间面板未打开');
    const close = () => dismiss(input, () => isVisible(popup), ctx);
    try {
      if (!(await pickTime(popup, hms, ctx))) { await close(); return { status: 'no-option', wanted, seen: [] }; }
      await confirm(popup, ctx);
      const ok = await waitFor(done, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal }).then(() => true, () => false);
      await close();
      return ok ? DONE : fail(`选择后显示为“${input.value}”`);
    } catch (err) {
      await close().catch(() => undefined);
      return fail(describeError(err));
    }
  },
};

/**
 * Element widgets — Element Plus (Vue 3) and Element UI 2 (Vue 2.7), one family: the registry of all
 * Element adapters (the complex ones live in element-select.ts, element-cascader.ts,
 * element-picker.ts, element-upload.ts, element-rate-slider.ts), plus inputs, radios, checkboxes and
 * switches, driven the way a person drives them.
 */
import type { WidgetAdapter, WidgetContext } from './types';
import { blur, click, fire, isDisabled, settle, textOf, typeInto, waitFor } from '../dom';
import { asList, asString, DONE, fail, FAMILY, part, same } from './element-dom';
import { elSelect, elTreeSelect } from './element-select';
import { elCascader } from './element-cascader';
import { elDatePicker, elTimePicker } from './element-picker';
import { elUpload } from './element-upload';
import { elementRateSliderWidgets } from './element-rate-slider';

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
    await settle(el, ctx.signal); // a person's pause: the page renders what was typed before the field is left
    fire(el, 'change');
    blur(el);
    await settle(el, ctx.signal); // a formatter or a refusing model shows only after the re-render
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
    await settle(el, ctx.signal);
    fire(el, 'change');
    blur(el);
    await settle(el, ctx.signal); // clamping to min/max or rounding shows after the re-render
    try {
      await waitFor(matches, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal, what: '数字取值' });
    } catch {
      // The page clamps to min/max or rounds to its precision: report what it kept.
      return fail(`页面将数值改为“${el.value}”`);
    }
    return DONE;
  },
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

/** Order matters for `detect`: composite widgets before the plain input they contain. */
export const elementPlusWidgets: WidgetAdapter[] = [
  elUpload,
  elCheckboxGroup,
  elRadioGroup,
  elSwitch,
  elCascader,
  elTimePicker,
  elDatePicker,
  ...elementRateSliderWidgets, // a slider with show-input holds an el-input-number
  elInputNumber,
  elTreeSelect,
  elSelect,
  elCheckbox,
  elInput,
];

/**
 * el-date-picker and el-time-picker (Element Plus and Element UI 2): typed into the input in the
 * picker's display format, then Enter commits (the panel's own 确定 is not needed); ranges have two
 * `input.el-range-input`, each committed on `change`.
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { blur, click, fire, focus, isDisabled, key, settle, typeInto, visibleAll, waitFor } from '../dom';
import { asList, asString, DONE, fail, FAMILY, part, same, sameList, visibleSet } from './element-dom';


const DATE_EDITOR = '.el-date-editor';
/** Time pickers: Element Plus and Element UI el-time-picker (single and range), Element UI el-time-select. */
const TIME_EDITOR = '.el-date-editor--time, .el-date-editor--timerange, .el-date-editor--time-select';
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
    // Each end is checked against the other end of the model as the picker last rendered it: let it
    // re-render between the two, and when a range moves later (new start after the old end, refused
    // at first) type the start again once the new end is in.
    const [start, end] = wanted.length ? wanted : ['', ''];
    for (let round = 0; round < 2 && !matches(); round++) {
      focus(inputs[0]!);
      typeInto(inputs[0]!, start!);
      fire(inputs[0]!, 'change');
      await settle(inputs[0]!, ctx.signal);
      focus(inputs[1]!);
      typeInto(inputs[1]!, end!);
      fire(inputs[1]!, 'change');
      await settle(inputs[1]!, ctx.signal);
    }
  } else {
    typeInto(inputs[0]!, wanted[0]!);
  }
  key(last, 'Enter', 'keydown');
  await settle(last, ctx.signal); // the picker renders what Enter committed (or kept the panel up)
  // Enter commits and closes; if the panel is still up (value refused), Escape restores the old value.
  if (visibleAll(doc, PICKER_POPUP).some((p) => !before.has(p))) key(last, 'Escape', 'keydown');
  blur(last);
  // A refused entry stays on screen until the page re-renders from its model: let it.
  await waitFor(() => !visibleAll(doc, PICKER_POPUP).some((p) => !before.has(p)), { timeoutMs: 600, signal: ctx.signal }).catch(() => undefined);
  await settle(last, ctx.signal);
  try {
    await waitFor(matches, { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '日期取值' });
  } catch {
    return fail(`页面未接受该日期，现为“${asList(readDate(root)).join(' 至 ')}”（格式须与页面显示一致）`);
  }
  return DONE;
}

export const elDatePicker: WidgetAdapter = {
  kind: 'el-date-picker',
  family: FAMILY,
  detect: (root) => !!part(root, DATE_EDITOR),
  read: readDate,
  write: (root, value, ctx) => writeDate(root, value, ctx),
};

/**
 * el-time-picker (and Element UI's el-time-select, a picker too): typed like a date in the picker's
 * display format (`HH:mm:ss` by default). Element Plus's el-time-select is an el-select of times and is
 * driven by the el-select adapter.
 */
export const elTimePicker: WidgetAdapter = {
  kind: 'el-time-picker',
  family: FAMILY,
  detect: (root) => !!part(root, TIME_EDITOR),
  read: readDate,
  write: (root, value, ctx) => writeDate(root, value, ctx),
};

/**
 * Ant Design widgets: antd 5 and antd 4.24 (React), and Ant Design Vue 4 (Vue 3), which renders the
 * same `ant-` DOM (closed popups there are `display: none` instead of `-hidden`). Neither React nor
 * Vue learns about a change except through the events a user's action fires, and content scripts
 * cannot see framework internals, so every write here clicks, types and waits the way a person does,
 * then reads the screen back to confirm it. Tested against tests/sites/gallery/{antd5,antd4,antdv}/.
 *
 * Popups (Select, Cascader, TreeSelect, DatePicker) are teleported to <body> and stay there, hidden,
 * after closing; Select and TreeSelect lists are virtual (only ~10 rows rendered). Dates are confirmed
 * with 确定 or a click on the chosen day, not Enter: a person's Enter in an antd Form input is the
 * browser's implicit submission of the whole form. The select family (Select, Cascader, TreeSelect)
 * is in antd-select.ts, Rate and Slider in antd-rate-slider.ts, shared DOM helpers in antd-dom.ts.
 */
import { antdAutoComplete } from './antd-autocomplete';
import { blur, click, isDisabled, mimeOf, setFiles, textOf, typeInto, waitFor } from '../dom';
import {
  FAMILY, anchoredPopup, asList, asText, clickOutside, closePopup, disabled, done, failed, guarded, hasClass,
  noOption, openPopups, own, poll, same, sameList, settle, takeFocus,
} from './antd-dom';
import { antdCascader, antdSelect, antdTreeSelect } from './antd-select';
import { antdScaleWidgets } from './antd-rate-slider';
import type { FileValue, WidgetAdapter, WidgetContext, WriteOutcome } from './types';


// ───────────────────────────── Input, TextArea, InputNumber ─────────────────────────────

const INPUT = 'input.ant-input, textarea.ant-input, input.ant-input-number-input';

function inputOf(root: Element): HTMLInputElement | HTMLTextAreaElement | null {
  const el = own<HTMLInputElement>(root, INPUT);
  return el && !el.closest('.ant-select, .ant-picker, .ant-cascader-picker') ? el : null;
}

const antdInput: WidgetAdapter = {
  kind: 'antd-input',
  family: FAMILY,
  detect: (root) => !!inputOf(root),
  read: (root) => inputOf(root)?.value ?? '',
  write: (root, value) => guarded(async () => {
    const el = inputOf(root);
    if (!el) return failed('未找到输入框');
    if (isDisabled(el) || el.readOnly) return disabled;
    const text = asText(value);
    const max = el.maxLength > 0 ? el.maxLength : undefined;
    if (max && [...text].length > max) return failed(`内容 ${[...text].length} 字，超过该栏最多 ${max} 字`);
    if (el.value === text) return done;
    typeInto(el, text);
    // InputNumber formats and commits on blur; every input validates on blur in many forms.
    blur(el as HTMLElement);
    await settle();
    const number = el.classList.contains('ant-input-number-input');
    const ok = number ? Number(el.value.replace(/,/g, '')) === Number(text) : el.value === text;
    return ok ? done : failed(`输入后显示为「${el.value}」`);
  }),
};

// ───────────────────────────── DatePicker / RangePicker / TimePicker ─────────────────────────────

const PICKER = '.ant-picker';
const pickerInputs = (p: Element) => Array.from(p.querySelectorAll<HTMLInputElement>('input'));
const pickerPopup = (p: Element) => anchoredPopup(p, '.ant-picker-dropdown');

function readPicker(p: Element): string | string[] {
  const values = pickerInputs(p).map((i) => i.value);
  return hasClass(p, 'ant-picker-range') ? values : values[0] ?? '';
}

/** Types one date into one picker input and confirms it: 确定 when the panel has one, else the chosen cell. */
async function typeDate(p: HTMLElement, input: HTMLInputElement, text: string, end: boolean, ctx: WidgetContext): Promise<WriteOutcome | undefined> {
  // A date right after a select (隐患清单: 等级, then 整改期限): the select's delayed blur and closing
  // dropdown can swallow the first click, as a person sees when a panel does not open; they click again.
  if (!pickerPopup(p)) await takeFocus(p, null, ctx.signal);
  click(input);
  let popup = await poll(() => pickerPopup(p), 1500, ctx);
  if (!popup) {
    click(input);
    popup = await waitFor(() => pickerPopup(p), { ...ctx, what: '日期面板' });
  }
  typeInto(input, text);
  await settle(60, ctx.signal);
  const ok = popup.querySelector<HTMLButtonElement>('.ant-picker-ok button');
  if (ok && ok.offsetParent !== null) {
    if (ok.disabled) return failed(`日期「${text}」不可选或格式与页面（${input.placeholder || '显示格式'}）不符`);
    click(ok);
  } else {
    // The cell the typed date selected (its title is the date, 'YYYY-MM-DD'). antd 4 previews a typed
    // range end in the panel; antd 5 does not, and its end is committed the way a person leaves the
    // field: a click outside (which in antd 4 would throw the tentative range away).
    const digits = text.replace(/\D/g, '');
    const cells = Array.from(popup.querySelectorAll<HTMLElement>(end
      ? 'td.ant-picker-cell-range-end:not(.ant-picker-cell-disabled)'
      : 'td.ant-picker-cell-range-start:not(.ant-picker-cell-disabled), td.ant-picker-cell-selected:not(.ant-picker-cell-disabled)'));
    // A start (or single date) typed in a format whose digits are not the title's (no zero padding,
    // day first) is still the one selected cell.
    const cell = cells.find((c) => { const t = (c.getAttribute('title') ?? '').replace(/\D/g, ''); return t.length >= 6 && digits.startsWith(t); })
      ?? (end ? undefined : cells[0]);
    if (cell) click(cell);
    else clickOutside(p.ownerDocument);
  }
  await settle(60, ctx.signal);
  // Text the picker refused stays in the input until it loses focus; then the page shows its own value.
  if (!pickerPopup(p) && input.ownerDocument.activeElement === input) { blur(input); await settle(60, ctx.signal); }
  return undefined;
}

/** Any picker popup open (one still unaligned, just mounted, counts: it is not closed yet). */
const anyPickerOpen = (p: Element) => openPopups(p.ownerDocument, '.ant-picker-dropdown').length > 0;

/** Closes the panel and leaves the input; a refused date's typed text stays only until blur. */
async function leavePicker(p: Element, inputs: HTMLInputElement[], ctx: WidgetContext): Promise<void> {
  const active = inputs.find((i) => i.ownerDocument.activeElement === i) ?? inputs[0] ?? null;
  await closePopup(active, () => !!pickerPopup(p), ctx.signal);
  if (active && active.ownerDocument.activeElement === active) { blur(active); await settle(60, ctx.signal); }
}

const antdDate: WidgetAdapter = {
  kind: 'antd-date',
  family: FAMILY,
  detect: (root) => !!own(root, PICKER),
  read: (root) => { const p = own(root, PICKER); return p ? readPicker(p) : ''; },
  write: (root, value, ctx) => guarded(async () => {
    const p = own(root, PICKER);
    if (!p) return failed('未找到日期框');
    const inputs = pickerInputs(p);
    if (hasClass(p, 'ant-picker-disabled') || inputs.every((i) => i.disabled)) return disabled;
    const range = hasClass(p, 'ant-picker-range');
    const wanted = range ? asList(value) : [asText(value)];
    const current = ([] as string[]).concat(readPicker(p));
    if (sameList(current, wanted)) return done;
    let accepted = false;
    try {
      if (wanted.every((w) => !w)) {
        const clear = p.querySelector('.ant-picker-clear');
        if (!clear) return failed('该日期框不能清空');
        click(clear);
        await waitFor(() => pickerInputs(p).every((i) => !i.value), { ...ctx, what: '清空日期' });
        accepted = true;
        return done;
      }
      for (const [i, text] of wanted.entries()) {
        const problem = await typeDate(p, inputs[i]!, text, i === 1, ctx);
        if (problem) return problem;
      }
      // Typed text shows before the picker took it: leave the field as a person does, then read.
      await leavePicker(p, inputs, ctx);
      const got = await poll(() => !anyPickerOpen(p) && sameList(([] as string[]).concat(readPicker(p)), wanted), 1500, ctx);
      accepted = !!got;
      return got ? done : failed(`日期未被接受，显示为「${([] as string[]).concat(readPicker(p)).join(' ~ ')}」`);
    } finally {
      await leavePicker(p, inputs, ctx);
      // A busy page may restore it a few frames later: the caller reads the screen right after.
      if (!accepted) await poll(() => sameList(([] as string[]).concat(readPicker(p)), current), 800, ctx);
    }
  }),
};

// ───────────────────────────── Radio, Checkbox, Switch ─────────────────────────────

const RADIO = '.ant-radio-wrapper, .ant-radio-button-wrapper';
const CHECKBOX = '.ant-checkbox-wrapper';
const choicesOf = (root: Element, sel: string) =>
  Array.from(root.matches(sel) ? [root as HTMLElement] : root.querySelectorAll<HTMLElement>(sel));
const checked = (w: Element) => /(-wrapper-checked)(\s|$)/.test(w.className.toString())
  || (w.querySelector('input') as HTMLInputElement | null)?.checked === true;
const choiceDisabled = (w: Element) => /-wrapper-disabled(\s|$)/.test(w.className.toString())
  || (w.querySelector('input') as HTMLInputElement | null)?.disabled === true;
/** Clicks the choice's own input (inside the label): its click toggles it and React's onChange fires. */
const toggle = (w: Element) => click(w.querySelector('input') ?? w);

const antdRadio: WidgetAdapter = {
  kind: 'antd-radio',
  family: FAMILY,
  detect: (root) => choicesOf(root, RADIO).length > 0,
  read: (root) => { const c = choicesOf(root, RADIO).find(checked); return c ? textOf(c) : ''; },
  write: (root, value, ctx) => guarded(async () => {
    const choices = choicesOf(root, RADIO);
    const wanted = asText(value);
    const target = choices.find((c) => same(textOf(c), wanted));
    if (!target) return noOption(wanted, choices.map((c) => textOf(c)));
    if (checked(target)) return done;
    if (choiceDisabled(target)) return disabled;
    toggle(target);
    await waitFor(() => checked(target), { ...ctx, what: `选中「${wanted}」` });
    return done;
  }),
};

const antdCheckbox: WidgetAdapter = {
  kind: 'antd-checkbox',
  family: FAMILY,
  detect: (root) => choicesOf(root, CHECKBOX).length > 0,
  // A lone checkbox reads as a boolean; a group as the labels ticked.
  read: (root) => {
    const choices = choicesOf(root, CHECKBOX);
    return choices.length === 1 && !root.querySelector('.ant-checkbox-group') ? checked(choices[0]!) : choices.filter(checked).map((c) => textOf(c));
  },
  write: (root, value, ctx) => guarded(async () => {
    const choices = choicesOf(root, CHECKBOX);
    const single = choices.length === 1 && typeof value === 'boolean';
    const wanted = single ? [] : asList(value);
    const missing = wanted.find((w) => !choices.some((c) => same(textOf(c), w)));
    if (missing !== undefined) return noOption(missing, choices.map((c) => textOf(c)));
    const plan = choices.filter((c) => checked(c) !== (single ? value === true : wanted.some((w) => same(textOf(c), w))));
    if (plan.some(choiceDisabled)) return disabled;
    for (const c of plan) {
      const was = checked(c);
      toggle(c);
      await waitFor(() => checked(c) !== was, { ...ctx, what: `勾选「${textOf(c)}」` });
    }
    return done;
  }),
};

const antdSwitch: WidgetAdapter = {
  kind: 'antd-switch',
  family: FAMILY,
  detect: (root) => !!own(root, '.ant-switch'),
  read: (root) => { const s = own(root, '.ant-switch'); return !!s && (s.getAttribute('aria-checked') === 'true' || hasClass(s, 'ant-switch-checked')); },
  write: (root, value, ctx) => guarded(async () => {
    const s = own(root, '.ant-switch');
    if (!s) return failed('未找到开关');
    const on = () => s.getAttribute('aria-checked') === 'true' || hasClass(s, 'ant-switch-checked');
    const want = value === true || value === 'true' || value === '是' || value === '开';
    if (on() === want) return done;
    if (hasClass(s, 'ant-switch-disabled') || isDisabled(s)) return disabled;
    click(s);
    await waitFor(() => on() === want, { ...ctx, what: '切换开关' });
    return done;
  }),
};

// ───────────────────────────── Upload ─────────────────────────────

const UPLOAD = '.ant-upload-wrapper, .ant-upload-picture-card-wrapper, .ant-upload';
const uploadItems = (root: Element) => Array.from(root.querySelectorAll<HTMLElement>('.ant-upload-list-item'));
const statusOf = (item: Element) => /ant-upload-list-item-(done|uploading|error|removed)/.exec(item.className.toString())?.[1] ?? 'done';
function itemName(item: Element): string {
  const name = item.querySelector('.ant-upload-list-item-name');
  const img = item.querySelector('img');
  return (name && (name.getAttribute('title') || textOf(name))) || img?.getAttribute('alt')
    || item.querySelector('a[title]')?.getAttribute('title') || '';
}

const antdUpload: WidgetAdapter = {
  kind: 'antd-upload',
  family: FAMILY,
  detect: (root) => !!own(root, UPLOAD) && !!root.querySelector('input[type="file"]'),
  // What the list shows: names, and the thumbnail when it is a data: URL (antd draws one for images).
  read: (root) => uploadItems(root).filter((i) => statusOf(i) !== 'removed').map((i): FileValue => {
    const name = itemName(i);
    const src = i.querySelector('img')?.getAttribute('src') ?? '';
    return { name, type: mimeOf(name), dataUrl: src.startsWith('data:') ? src : '' };
  }),
  write: (root, value, ctx) => guarded(async () => {
    const files = (Array.isArray(value) ? value : []) as FileValue[];
    const have = uploadItems(root).filter((i) => statusOf(i) === 'done').map(itemName);
    const todo = files.filter((f) => !have.includes(f.name));
    for (let i = 0; i < todo.length;) {
      // rc-upload replaces its <input type=file> after every pick: look it up each time.
      const input = root.querySelector<HTMLInputElement>('input[type="file"]');
      if (!input) return failed('上传数量已达上限或上传入口已隐藏');
      if (input.disabled) return disabled;
      const batch = input.multiple ? todo.slice(i) : [todo[i]!];
      const before = uploadItems(root).length;
      setFiles(input, batch);
      await waitFor(() => uploadItems(root).length >= before + batch.length, { ...ctx, what: '页面接收文件' });
      await waitFor(() => !uploadItems(root).some((it) => statusOf(it) === 'uploading'), { ...ctx, what: '文件上传完成' });
      i += batch.length;
    }
    const bad = uploadItems(root).filter((it) => statusOf(it) === 'error').map(itemName);
    return bad.length ? failed(`上传失败：${bad.join('、')}`) : done;
  }),
};

/** Most specific first: a Select, Cascader, TreeSelect or DatePicker also holds an <input>. */
export const antdWidgets: WidgetAdapter[] = [
  antdUpload, antdDate, antdCascader, antdTreeSelect, antdAutoComplete, antdSelect, antdRadio, antdCheckbox, antdSwitch, ...antdScaleWidgets, antdInput,
];

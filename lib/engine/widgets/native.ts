/**
 * Native HTML form controls: text-like inputs (every HTML5 type), textarea, contenteditable, <select>
 * (single and multiple), datalist inputs, radio and checkbox groups, single checkboxes, file inputs.
 * Also the fallback for any family's plain inputs, so it comes last in the registry. Library widgets
 * hide their native inputs (opacity 0 / display none), so the visibility checks here keep this family
 * from claiming them.
 *
 * Values for the date-like types (date, time, datetime-local, month, week) are the input's own
 * ISO-style value (`2026-05-20`, `09:30`, `2026-05`, `2026-W21`), since the text Chromium displays
 * depends on the browser's locale; datetime-local reads as `YYYY-MM-DD HH:mm` (a space, not `T`).
 * Writes accept the usual Chinese spellings too (`2026/5/20`, `2026年5月20日`, `2026年第21周`).
 * A value the input would not hold (wrong format, out of min/max, off its step) is refused and the
 * previous value put back: the browser would otherwise silently store an empty or clamped value.
 */
import { blur, click, fire, focus, isDisabled, isVisible, normalizeText, setFiles, setNativeValue, settle, textOf, toHalfWidth, typeInto } from '../dom';
import type { FileValue, WidgetAdapter, WidgetValue, WriteOutcome } from './types';

const TEXT_TYPES = ['text', 'search', 'tel', 'email', 'url', 'number', 'password', 'color'];
const DATE_TYPES = ['date', 'time', 'datetime-local', 'month', 'week'];
const inputOf = (types: string[]) => types.map((t) => `input[type="${t}"]`).join(', ');
const DATE_INPUT = inputOf(DATE_TYPES);
const RANGE_INPUT = 'input[type="range"]';
const TEXT_INPUT = `input:not([type]), ${inputOf(TEXT_TYPES)}, ${DATE_INPUT}, ${RANGE_INPUT}, textarea`;
const EDITABLE = '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

const done: WriteOutcome = { status: 'done' };
const error = (message: string): WriteOutcome => ({ status: 'error', message });

function first<T extends Element>(root: Element, selector: string): T | undefined {
  if (root.matches(selector) && isVisible(root)) return root as unknown as T;
  return Array.from(root.querySelectorAll<T>(selector)).find(isVisible);
}

/** `root` itself when it matches, plus its matching descendants. */
function selfAndBelow<T extends Element>(root: Element, selector: string): T[] {
  const below = Array.from(root.querySelectorAll<T>(selector));
  return root.matches(selector) ? [root as unknown as T, ...below] : below;
}

const asText = (value: WidgetValue) => (Array.isArray(value) ? value.join('，') : value === null ? '' : String(value));

// ---------------------------------------------------------------- date-like inputs

const pad = (n: string | number, len = 2) => String(n).padStart(len, '0');

/** The ISO-style value an `<input type>` holds for a date or time a person wrote in common spellings. */
export function toInputValue(type: string, text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  if (s === '') return '';
  const date = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(s);
  const time = /(?:^|[\sT])(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?$/.exec(s);
  const ymd = date && `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
  const hms = time && `${pad(time[1]!)}:${pad(time[2]!)}${time[3] !== undefined ? `:${pad(time[3])}` : ''}`;
  switch (type) {
    case 'date': return date && !time && s.length === date[0].length ? ymd! : undefined;
    case 'time': return time && !date && time.index === 0 ? hms! : undefined;
    case 'datetime-local': return ymd && hms ? `${ymd}T${hms}` : undefined;
    case 'month': {
      const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
      return m ? `${m[1]}-${pad(m[2]!)}` : undefined;
    }
    case 'week': {
      const w = /^(\d{4})\s*(?:-?\s*W|年\s*第?)\s*(\d{1,2})\s*周?$/i.exec(s);
      return w ? `${w[1]}-W${pad(w[2]!)}` : undefined;
    }
    default: return s;
  }
}

/** How a date-like input's value reads: ISO, with a space between date and time. */
const readDate = (input: HTMLInputElement) => input.value.replace('T', ' ');
/** `09:30` and `09:30:00` are the same time; Chromium drops zero seconds. */
const sameTime = (a: string, b: string) => a.replace(/:00(\.0+)?$/, '') === b.replace(/:00(\.0+)?$/, '');

function validityProblem(input: HTMLInputElement): string | undefined {
  const v = input.validity;
  if (v.badInput) return '格式不正确';
  if (v.rangeUnderflow) return `不能早于（小于）${input.min}`;
  if (v.rangeOverflow) return `不能晚于（大于）${input.max}`;
  if (v.stepMismatch) return `不符合步长 ${input.step}`;
  return undefined;
}

/**
 * Sets an input's value like a person finishing an entry; refuses (and restores) what it would not hold.
 * With a person's pauses: the page's framework renders after the typing and again before the field is
 * left, so a library that commits on blur only after it has re-rendered (a number input) commits.
 */
async function commit(input: HTMLInputElement, value: string, wantedText: string, same: (a: string, b: string) => boolean): Promise<WriteOutcome> {
  const previous = input.value;
  typeInto(input, value);
  await settle(input);
  const problem = value !== '' && (!same(input.value, value) ? `控件改为「${input.value}」` : validityProblem(input));
  if (problem) {
    setNativeValue(input, previous);
    fire(input, 'input');
    blur(input);
    return error(`「${wantedText}」未被${input.type}输入框接受：${problem}`);
  }
  fire(input, 'change');
  await settle(input);
  blur(input);
  return done;
}

async function writeDate(input: HTMLInputElement, value: WidgetValue): Promise<WriteOutcome> {
  const text = asText(value);
  const iso = toInputValue(input.type, text);
  if (iso === undefined) return error(`「${text}」不是${input.type}输入框能接受的格式`);
  return commit(input, iso, text, sameTime);
}

async function writeRange(input: HTMLInputElement, value: WidgetValue): Promise<WriteOutcome> {
  const text = toHalfWidth(asText(value)).trim();
  if (text === '' || Number.isNaN(Number(text))) return error(`滑块需要一个数值，收到「${text}」`);
  return commit(input, text, text, (a, b) => Number(a) === Number(b));
}

async function writeTextInput(input: HTMLInputElement | HTMLTextAreaElement, value: WidgetValue): Promise<WriteOutcome> {
  if (input instanceof (input.ownerDocument.defaultView ?? window).HTMLInputElement) {
    if (DATE_TYPES.includes(input.type)) return writeDate(input, value);
    if (input.type === 'range') return writeRange(input, value);
  }
  let v = asText(value);
  if (input.maxLength >= 0 && v.length > input.maxLength) return error(`内容有 ${v.length} 个字，超过该输入框的上限 ${input.maxLength}`);
  if (input.type === 'number') v = toHalfWidth(v).trim();
  if (input.type === 'color') v = v.trim().toLowerCase().replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/, '#$1$1$2$2$3$3');
  // A datalist offers value + label; a person picking the label puts the value in the box.
  const list = (input as HTMLInputElement).list;
  if (list) {
    const options = Array.from(list.querySelectorAll('option'));
    const byLabel = options.find((o) => o.label && o.label !== o.value && normalizeText(o.label) === normalizeText(v));
    if (byLabel && !options.some((o) => o.value === v)) v = byLabel.value;
  }
  return commit(input as HTMLInputElement, v, v, (a, b) => a === b);
}

async function writeEditable(ce: HTMLElement, v: string): Promise<WriteOutcome> {
  focus(ce);
  const doc = ce.ownerDocument;
  const sel = doc.getSelection();
  sel?.selectAllChildren(ce);
  // execCommand fires beforeinput/input as typing does (rich editors listen to those); not everywhere.
  let typed = false;
  try {
    typed = v === '' ? doc.execCommand('delete') : doc.execCommand('insertText', false, v);
  } catch { typed = false; }
  if (!typed || normalizeText(ce.innerText) !== normalizeText(v)) {
    ce.textContent = v;
    fire(ce, 'input', v);
  }
  await settle(ce);
  blur(ce);
  return normalizeText(ce.innerText) === normalizeText(v) ? done : error('可编辑区域没有接受输入');
}

const text: WidgetAdapter = {
  kind: 'text',
  family: 'native',
  detect: (root) => !!first(root, TEXT_INPUT) || !!first(root, EDITABLE),
  read(root) {
    const input = first<HTMLInputElement | HTMLTextAreaElement>(root, TEXT_INPUT);
    if (input) return DATE_TYPES.includes(input.type) ? readDate(input as HTMLInputElement) : input.value;
    const ce = first<HTMLElement>(root, EDITABLE);
    return ce ? ce.innerText.trim() : null;
  },
  async write(root, value) {
    const input = first<HTMLInputElement | HTMLTextAreaElement>(root, TEXT_INPUT);
    if (input) {
      if (isDisabled(input) || input.readOnly) return { status: 'disabled' };
      return writeTextInput(input, value);
    }
    const ce = first<HTMLElement>(root, EDITABLE);
    if (!ce) return error('没有找到输入框');
    if (isDisabled(ce)) return { status: 'disabled' };
    return writeEditable(ce, asText(value));
  },
};

/** The date-like and range inputs as kinds of their own, so a mapping (and detection) can name them. */
function typed(kind: string, selector: string, write: (i: HTMLInputElement, v: WidgetValue) => Promise<WriteOutcome>, read: (i: HTMLInputElement) => string): WidgetAdapter {
  return {
    kind,
    family: 'native',
    detect: (root) => !!first(root, selector),
    read: (root) => { const i = first<HTMLInputElement>(root, selector); return i ? read(i) : null; },
    async write(root, value) {
      const i = first<HTMLInputElement>(root, selector);
      if (!i) return error('没有找到输入框');
      if (isDisabled(i) || i.readOnly) return { status: 'disabled' };
      return write(i, value);
    },
  };
}
const nativeDate = typed('native-date', DATE_INPUT, writeDate, readDate);
const nativeRange = typed('native-range', RANGE_INPUT, writeRange, (i) => i.value);

// ---------------------------------------------------------------- select

const optionText = (o: HTMLOptionElement) => textOf(o) || o.text.trim();

const select: WidgetAdapter = {
  kind: 'native-select',
  family: 'native',
  detect: (root) => !!first(root, 'select'),
  /** Single: the chosen option's text ('' for the placeholder); multiple: the chosen texts. */
  read(root) {
    const s = first<HTMLSelectElement>(root, 'select');
    if (!s) return null;
    const chosen = Array.from(s.selectedOptions).filter((o) => o.value !== '').map(optionText);
    return s.multiple ? chosen : (chosen[0] ?? '');
  },
  /** By visible text (then by value); '' / [] clears. An unknown option changes nothing. */
  async write(root, value) {
    const s = first<HTMLSelectElement>(root, 'select');
    if (!s) return error('没有找到下拉框');
    if (s.disabled) return { status: 'disabled' };
    if (typeof value === 'boolean') return error('下拉框不接受布尔值');
    const wanted = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? '')).filter((v) => v !== '');
    if (!s.multiple && wanted.length > 1) return error(`单选下拉框只能选一项，收到 ${wanted.length} 项`);
    const options = Array.from(s.options);
    const find = (w: string) => options.find((o) => normalizeText(optionText(o)) === normalizeText(w)) ?? options.find((o) => o.value === w);
    const missing = wanted.find((w) => !find(w));
    if (missing !== undefined) return { status: 'no-option', wanted: missing, seen: options.filter((o) => o.value !== '').map(optionText) };
    const picks = wanted.map(find) as HTMLOptionElement[];
    const off = picks.find((o) => o.disabled);
    if (off) return error(`选项「${optionText(off)}」不可选`);
    focus(s);
    if (s.multiple) for (const o of options) o.selected = picks.includes(o);
    else if (picks[0]) s.selectedIndex = options.indexOf(picks[0]);
    else {
      const blank = options.findIndex((o) => o.value === '');
      s.selectedIndex = blank; // -1 when the select has no placeholder: nothing chosen
    }
    fire(s, 'input');
    fire(s, 'change');
    blur(s);
    return done;
  },
};

// ---------------------------------------------------------------- radios and checkboxes

/** The text a person reads next to a radio or checkbox ('' when only the field's label names it). */
export function choiceLabel(input: HTMLInputElement): string {
  const wrap = input.closest('label');
  if (wrap) return textOf(wrap);
  const scope = input.getRootNode() as Document | ShadowRoot;
  if (input.id) {
    const l = scope.querySelector?.(`label[for="${CSS.escape(input.id)}"]`);
    if (l) return textOf(l);
  }
  const next = input.nextSibling;
  if (next && (next.nodeType === 3 || (next.nodeType === 1 && !(next as Element).matches('input, select, textarea, button')))) return (next.textContent ?? '').trim();
  return '';
}

function inputs(root: Element, type: 'radio' | 'checkbox'): HTMLInputElement[] {
  return selfAndBelow<HTMLInputElement>(root, `input[type="${type}"]`).filter(isVisible);
}

const radio: WidgetAdapter = {
  kind: 'native-radio',
  family: 'native',
  detect: (root) => inputs(root, 'radio').length > 0,
  read(root) {
    const on = inputs(root, 'radio').find((i) => i.checked);
    return on ? choiceLabel(on) : '';
  },
  async write(root, value) {
    const all = inputs(root, 'radio');
    if (!all.length) return error('没有找到单选框');
    if (value === null || value === '') return all.some((i) => i.checked) ? error('单选框选中后无法清空') : done;
    const wanted = asText(value);
    const hit = all.find((i) => normalizeText(choiceLabel(i)) === normalizeText(wanted));
    if (!hit) return { status: 'no-option', wanted, seen: all.map(choiceLabel) };
    if (hit.checked) return done;
    if (hit.disabled) return { status: 'disabled' };
    click(hit);
    return hit.checked ? done : error(`单选「${wanted}」未生效`);
  },
};

/**
 * A lone checkbox is a yes/no field (boolean) when nothing but the field's own label names it: no
 * text of its own, or its label is the field root itself (`<label><input>已阅读</label>`) or lies
 * outside the field root (`<label for>` in front of it).
 */
function isYesNo(root: Element, box: HTMLInputElement): boolean {
  const wrap = box.closest('label');
  if (wrap) return wrap === root || wrap.contains(root);
  const forLabel = box.id ? (box.getRootNode() as Document).querySelector?.(`label[for="${CSS.escape(box.id)}"]`) : null;
  if (forLabel) return !root.contains(forLabel);
  return choiceLabel(box) === '';
}

const checkbox: WidgetAdapter = {
  kind: 'native-checkbox',
  family: 'native',
  detect: (root) => inputs(root, 'checkbox').length > 0,
  /** A yes/no box: boolean; a group: the ticked boxes' texts. */
  read(root) {
    const all = inputs(root, 'checkbox');
    if (all.length === 1 && isYesNo(root, all[0]!)) return all[0]!.checked;
    return all.filter((i) => i.checked).map(choiceLabel);
  },
  /** Ticks exactly the wanted texts (a boolean: the lone box). Unknown texts: nothing is changed. */
  async write(root, value) {
    const all = inputs(root, 'checkbox');
    if (!all.length) return error('没有找到复选框');
    let want: (i: HTMLInputElement) => boolean;
    if (typeof value === 'boolean') {
      if (all.length !== 1) return error(`该字段有 ${all.length} 个复选框，需要给出要勾选的项`);
      want = () => value;
    } else {
      const wanted = (value === null ? [] : Array.isArray(value) ? value : [value]).map((v) => normalizeText(String(v))).filter(Boolean);
      const missing = wanted.filter((w) => !all.some((i) => normalizeText(choiceLabel(i)) === w));
      if (missing.length) return { status: 'no-option', wanted: missing.join('、'), seen: all.map(choiceLabel) };
      want = (i) => wanted.includes(normalizeText(choiceLabel(i)));
    }
    const changes = all.filter((i) => i.checked !== want(i));
    if (changes.some((i) => i.disabled)) return { status: 'disabled' };
    for (const box of changes) click(box);
    const stuck = changes.find((i) => i.checked !== want(i));
    return stuck ? error(`复选框「${choiceLabel(stuck)}」未能${want(stuck) ? '勾选' : '取消'}`) : done;
  },
};

// ---------------------------------------------------------------- files

/** File inputs that belong to no upload library (those have adapters of their own). */
const LIBRARY_UPLOAD = '.el-upload, .ant-upload, .layui-upload, .layui-upload-file, .van-uploader';
const fileInput = (root: Element) => selfAndBelow<HTMLInputElement>(root, 'input[type="file"]').find((i) => !i.matches(LIBRARY_UPLOAD) && !i.closest(LIBRARY_UPLOAD));

const file: WidgetAdapter = {
  kind: 'native-file',
  family: 'native',
  detect: (root) => !!fileInput(root),
  /** The chosen files' names (the bytes cannot be read synchronously; the file tap keeps those). */
  read: (root) => Array.from(fileInput(root)?.files ?? []).map((f) => f.name),
  async write(root, value: WidgetValue) {
    const input = fileInput(root);
    if (!input) return error('没有找到上传控件');
    if (input.disabled) return { status: 'disabled' };
    if (value === null) value = [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'object')) return error('上传控件需要文件');
    if (value.length > 1 && !input.multiple) return error(`该上传控件一次只能选一个文件，收到 ${value.length} 个`);
    setFiles(input, value as FileValue[]);
    return input.files?.length === value.length ? done : error('文件未放入上传控件');
  },
};

export const nativeWidgets: WidgetAdapter[] = [file, select, radio, checkbox, nativeDate, nativeRange, text];

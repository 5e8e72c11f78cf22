/**
 * Native HTML form controls: text-like inputs, textarea, contenteditable, <select>, radio and
 * checkbox groups, file inputs. Also the fallback for any family's plain inputs, so it comes last
 * in the registry. Library widgets hide their native inputs (opacity 0 / display none), so the
 * visibility checks here keep this family from claiming them.
 */
import { blur, click, fire, focus, isDisabled, isVisible, normalizeText, setNativeValue, textOf, typeInto } from '../dom';
import type { FileValue, WidgetAdapter, WidgetValue } from './types';

const TEXT_INPUT = 'input:not([type]), input[type="text"], input[type="search"], input[type="tel"], input[type="email"], input[type="url"], input[type="number"], input[type="password"], input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"], input[type="week"], input[type="color"], input[type="range"], textarea';

function first<T extends Element>(root: Element, selector: string): T | undefined {
  if (root.matches(selector) && isVisible(root)) return root as unknown as T;
  return Array.from(root.querySelectorAll<T>(selector)).find(isVisible);
}

function editable(root: Element): HTMLElement | undefined {
  return first<HTMLElement>(root, '[contenteditable=""], [contenteditable="true"]');
}

/** The text a person reads next to a radio or checkbox. */
export function choiceLabel(input: HTMLInputElement): string {
  const wrap = input.closest('label');
  if (wrap) return textOf(wrap);
  if (input.id) {
    const l = (input.getRootNode() as Document).querySelector?.(`label[for="${CSS.escape(input.id)}"]`);
    if (l) return textOf(l);
  }
  const next = input.nextSibling;
  return (next?.textContent ?? input.value).trim();
}

export function toFile(v: FileValue, win: Window & typeof globalThis): File {
  const [head, body = ''] = v.dataUrl.split(',', 2);
  const isB64 = /;base64$/.test(head ?? '');
  const bin = isB64 ? atob(body) : decodeURIComponent(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new win.File([bytes], v.name, { type: v.type });
}

/** Puts files into a file input the way a drop or the file dialog does. */
export function setFiles(input: HTMLInputElement, files: FileValue[]): void {
  const win = (input.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const dt = new win.DataTransfer();
  for (const f of files) dt.items.add(toFile(f, win));
  input.files = dt.files;
  fire(input, 'input');
  fire(input, 'change');
}

const text: WidgetAdapter = {
  kind: 'text',
  family: 'native',
  detect: (root) => !!first(root, TEXT_INPUT) || !!editable(root),
  read(root) {
    const input = first<HTMLInputElement | HTMLTextAreaElement>(root, TEXT_INPUT);
    if (input) return input.value;
    const ce = editable(root);
    return ce ? ce.innerText.trim() : null;
  },
  async write(root, value) {
    const v = Array.isArray(value) ? value.join('，') : value === null ? '' : String(value);
    const input = first<HTMLInputElement | HTMLTextAreaElement>(root, TEXT_INPUT);
    if (input) {
      if (isDisabled(input) || input.readOnly) return { status: 'disabled' };
      typeInto(input, v);
      fire(input, 'change');
      blur(input);
      return { status: 'done' };
    }
    const ce = editable(root);
    if (!ce) return { status: 'error', message: '没有找到输入框' };
    focus(ce);
    ce.textContent = v;
    fire(ce, 'input', v);
    blur(ce);
    return { status: 'done' };
  },
};

const select: WidgetAdapter = {
  kind: 'native-select',
  family: 'native',
  detect: (root) => !!first(root, 'select'),
  read(root) {
    const s = first<HTMLSelectElement>(root, 'select');
    if (!s) return null;
    const chosen = Array.from(s.selectedOptions).filter((o) => o.value !== '').map((o) => textOf(o) || o.text.trim());
    return s.multiple ? chosen : (chosen[0] ?? '');
  },
  async write(root, value) {
    const s = first<HTMLSelectElement>(root, 'select');
    if (!s) return { status: 'error', message: '没有找到下拉框' };
    if (s.disabled) return { status: 'disabled' };
    const wanted = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
    const options = Array.from(s.options);
    const find = (w: string) => options.find((o) => normalizeText(o.text) === normalizeText(w)) ?? options.find((o) => o.value === w);
    const missing = wanted.find((w) => !find(w));
    if (missing !== undefined) return { status: 'no-option', wanted: missing, seen: options.filter((o) => o.value !== '').map((o) => o.text.trim()) };
    focus(s);
    if (s.multiple) for (const o of options) o.selected = wanted.some((w) => find(w) === o);
    else setNativeValue(s, find(wanted[0] ?? '')?.value ?? '');
    fire(s, 'input');
    fire(s, 'change');
    blur(s);
    return { status: 'done' };
  },
};

function inputs(root: Element, type: 'radio' | 'checkbox'): HTMLInputElement[] {
  const own = root.matches(`input[type="${type}"]`) ? [root as HTMLInputElement] : [];
  return [...own, ...Array.from(root.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`))].filter(isVisible);
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
    const hit = all.find((i) => normalizeText(choiceLabel(i)) === normalizeText(String(value)));
    if (!hit) return { status: 'no-option', wanted: String(value), seen: all.map(choiceLabel) };
    if (hit.disabled) return { status: 'disabled' };
    if (!hit.checked) click(hit);
    return { status: 'done' };
  },
};

const checkbox: WidgetAdapter = {
  kind: 'native-checkbox',
  family: 'native',
  detect: (root) => inputs(root, 'checkbox').length > 0,
  read(root) {
    const all = inputs(root, 'checkbox');
    if (all.length === 1 && !choiceLabel(all[0]!)) return all[0]!.checked;
    return all.filter((i) => i.checked).map(choiceLabel);
  },
  async write(root, value) {
    const all = inputs(root, 'checkbox');
    if (typeof value === 'boolean') {
      const box = all[0];
      if (!box) return { status: 'error', message: '没有找到复选框' };
      if (box.checked !== value) click(box);
      return { status: 'done' };
    }
    const wanted = (Array.isArray(value) ? value : [value]).map((v) => normalizeText(String(v)));
    const missing = wanted.find((w) => !all.some((i) => normalizeText(choiceLabel(i)) === w));
    if (missing !== undefined) return { status: 'no-option', wanted: missing, seen: all.map(choiceLabel) };
    for (const box of all) {
      const want = wanted.includes(normalizeText(choiceLabel(box)));
      if (box.checked !== want && !box.disabled) click(box);
    }
    return { status: 'done' };
  },
};

const file: WidgetAdapter = {
  kind: 'native-file',
  family: 'native',
  detect: (root) => !!root.querySelector('input[type="file"]') && !root.querySelector('.el-upload, .ant-upload, .layui-upload'),
  read(root) {
    const input = root.matches('input[type="file"]') ? (root as HTMLInputElement) : root.querySelector<HTMLInputElement>('input[type="file"]');
    return Array.from(input?.files ?? []).map((f) => f.name);
  },
  async write(root, value: WidgetValue) {
    const input = root.matches('input[type="file"]') ? (root as HTMLInputElement) : root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) return { status: 'error', message: '没有找到上传控件' };
    if (!Array.isArray(value) || value.some((v) => typeof v === 'string')) return { status: 'error', message: '上传控件需要文件' };
    setFiles(input, value as FileValue[]);
    return { status: 'done' };
  },
};

export const nativeWidgets: WidgetAdapter[] = [file, select, radio, checkbox, text];

/**
 * Native controls the native adapters cannot reach, and controls nobody can identify.
 *
 * - `shadow-native`: a field whose one native control (text, number, textarea, date, datetime-local,
 *   select, …) sits in a shadow root below the field root (a form-item component with the control
 *   slotted in, the control's own <input> in its own shadow root). The native adapter does the work
 *   on that control, through input and change events as a person's typing fires them.
 * - `generic-upload`: a file input a person never sees (or one in a shadow root), read back from
 *   what the component shows, because many uploads take the files and then clear their input.
 * - `aria-unknown` and `unknown`: a control the engine cannot identify is reported as
 *   「不认识的控件」, never typed into as if it were text. `aria-unknown` stands before the native
 *   adapters for inputs that open a popup (a search box of a drop-down nobody recognised);
 *   `unknown` stands after everything, for a field with something to operate but nothing that fits.
 */
import { isVisible, setFiles, waitFor } from '../dom';
import { flatQueryAll } from '../shadow';
import { nativeWidgets } from './native';
import { FAMILY, visible, UNKNOWN, failed, guarded, shownText } from './aria-kit';
import type { FileValue, WidgetAdapter, WidgetValue } from './types';

const NATIVE = 'input:not([type="hidden"]):not([type="file"]):not([type="radio"]):not([type="checkbox"]), select, textarea';

/** The one native control of a field that only the flat tree reaches (none in the root's own tree). */
function deepNative(root: Element): HTMLElement | undefined {
  if (root.matches(NATIVE) || root.querySelector(NATIVE)) return undefined;
  const all = flatQueryAll(root, NATIVE).filter((e) => isVisible(e));
  return all.length === 1 ? all[0] : undefined;
}

const nativeFor = (control: Element) => nativeWidgets.find((w) => w.kind !== 'native-file' && w.detect(control));

export const shadowNative: WidgetAdapter = {
  kind: 'shadow-native',
  family: FAMILY,
  detect: (root) => { const c = deepNative(root); return !!c && !!nativeFor(c); },
  read(root) {
    const c = deepNative(root);
    const a = c && nativeFor(c);
    return c && a ? a.read(c) : null;
  },
  write: (root, value, ctx) => guarded(async () => {
    const c = deepNative(root);
    const a = c && nativeFor(c);
    if (!c || !a) return failed('没有找到输入框');
    return a.write(c, value, ctx);
  }),
};

// ───────────────────────────── upload ─────────────────────────────

function fileInputOf(root: Element): HTMLInputElement | undefined {
  const light = root.matches('input[type="file"]') ? [root] : Array.from(root.querySelectorAll('input[type="file"]'));
  const deep = flatQueryAll<HTMLInputElement>(root, 'input[type="file"]');
  // A visible file input in the root's own tree is the native adapter's; hidden or shadowed ones are ours.
  return deep.find((i) => !isVisible(i) || !light.includes(i));
}

const FILE_NAME = /^[^\\/:*?"<>|\r\n]{1,120}\.[A-Za-z0-9]{1,6}$/;

/** File names a person reads in the component (its list of chosen or uploaded files). */
function shownFiles(root: Element, input: HTMLInputElement): string[] {
  const names: string[] = [];
  for (const el of flatQueryAll(root, '*')) {
    if (el === input || !isVisible(el)) continue;
    const own = Array.from((el.shadowRoot ?? el).childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
    const text = own || (el.childElementCount === 0 ? shownText(el) : '');
    if (FILE_NAME.test(text) && !names.includes(text)) names.push(text);
  }
  return names;
}

export const genericUpload: WidgetAdapter = {
  kind: 'generic-upload',
  family: FAMILY,
  detect: (root) => !!fileInputOf(root),
  read(root) {
    const input = fileInputOf(root);
    if (!input) return null;
    const chosen = Array.from(input.files ?? []).map((f) => f.name);
    return chosen.length ? chosen : shownFiles(root, input);
  },
  write: (root, value: WidgetValue, ctx) => guarded(async () => {
    const input = fileInputOf(root);
    if (!input) return failed('没有找到上传控件');
    if (input.disabled) return { status: 'disabled' };
    const files = (value === null ? [] : value) as FileValue[];
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'object')) return failed('上传控件需要文件');
    if (!files.length) return shownFiles(root, input).length ? failed('已上传的文件需要在页面上逐个删除') : { status: 'done' };
    if (files.length > 1 && !input.multiple) {
      for (const f of files) setFiles(input, [f]); // one at a time, as a person picks them
    } else setFiles(input, files);
    const shown = () => files.every((f) => shownFiles(root, input).includes(f.name) || Array.from(input.files ?? []).some((x) => x.name === f.name));
    await waitFor(shown, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '文件显示在上传列表中' });
    return { status: 'done' };
  }),
};

// ───────────────────────────── unknown ─────────────────────────────

const POPUP_INPUT = 'input[aria-haspopup]:not([aria-haspopup="false"]), input[aria-autocomplete], input[role="searchbox"], input[aria-expanded]';

const UNKNOWN_MESSAGE = `${UNKNOWN}：此处的控件不属于已知的 UI 库，也不符合 ARIA 模式，请手工填写或在映射中指定控件类型`;
const unknownWrite = async (): Promise<{ status: 'error'; message: string }> => ({ status: 'error', message: UNKNOWN_MESSAGE });
/** Reading throws, so capture and fill both report the field as an error instead of a blank value. */
const unknownRead = (): never => { throw new Error(UNKNOWN_MESSAGE); };

/** Before the native adapters: an input that opens a popup is a drop-down's search box, not a text field. */
export const ariaUnknown: WidgetAdapter = {
  kind: 'aria-unknown',
  family: FAMILY,
  detect: (root) => flatQueryAll(root, POPUP_INPUT).some((i) => visible(i) || visible(i.parentElement)),
  read: unknownRead,
  write: unknownWrite,
};

const OPERABLE = 'button, [role="button"], [role="slider"], [role="spinbutton"], [role="grid"], [role="menu"], [tabindex]:not([tabindex="-1"]), input, select, textarea';

/** After everything: something a person could operate, that no adapter took. */
export const unknownControl: WidgetAdapter = {
  kind: 'unknown',
  family: FAMILY,
  detect: (root) => flatQueryAll(root, OPERABLE).some(isVisible),
  read: unknownRead,
  write: unknownWrite,
};

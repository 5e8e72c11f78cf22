/**
 * What the generic (ARIA and behaviour) adapters share. They know no library's class names: they
 * find parts by role and state (`role="combobox"`, `aria-checked`, `aria-selected`, `aria-expanded`),
 * by what a person sees (the text shown, a popup that appears after a click), and by a few generic
 * words that component sets of every origin use in class names (select, option, tag, placeholder).
 * Everything is looked up in the flat tree (lib/engine/shadow.ts), so shadow roots and slots are
 * crossed the way a person's eye crosses them.
 */
import { isVisible, normalizeText } from '../dom';
import { flatClosest, flatContains, flatQueryAll, flatText, idAcross } from '../shadow';
import type { WidgetValue, WriteOutcome } from './types';

export const FAMILY = 'aria';
/** isVisible without its type guard (which narrows the other branch to `never`). */
export const visible = (el: Element | null | undefined): boolean => isVisible(el);
export const done: WriteOutcome = { status: 'done' };
export const failed = (message: string): WriteOutcome => ({ status: 'error', message });
export const noOption = (wanted: string, seen: string[]): WriteOutcome => ({ status: 'no-option', wanted, seen });
export const UNKNOWN = '不认识的控件';
export const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
export const asList = (v: WidgetValue): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : x.name)) : v === null || v === '' || typeof v === 'boolean' ? [] : [String(v)];

export async function guarded(run: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
  try {
    return await run();
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
}

/** Visible flat-tree elements under `root` (itself included) matching `selector`. */
export function visibleIn<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return flatQueryAll<T>(root, selector).filter(isVisible);
}

/** Class names without BEM modifiers (`x--open`), so a word test reads only the block/element name. */
export function classWords(el: Element): string[] {
  return Array.from(el.classList).map((c) => c.replace(/--.*$/, ''));
}

/** Parts a text read skips: icons, buttons inside a box (a tag's ×), placeholders, hidden helpers. */
export function decoration(el: Element): boolean {
  if (/^(BUTTON|INPUT|SELECT|TEXTAREA|I|SVG)$/i.test(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'img' || role === 'listbox' || role === 'tree' || role === 'menu') return true;
  return classWords(el).some((c) => /(placeholder|icon|arrow|suffix|clear|close|mirror|toggle|switcher|caret)$/i.test(c) || /(^|[-_])(icon|arrow|clear|close)([-_]|$)/i.test(c))
    || hidden(el);
}

function hidden(el: Element): boolean {
  if (el.tagName === 'SLOT') return false;
  const style = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** The text a person reads on an element, without decoration. */
export function shownText(el: Element): string {
  return flatText(el, decoration);
}

export function isDisabledEl(el: Element): boolean {
  return (el as HTMLInputElement).disabled === true || el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled')
    || !!flatClosest(el, '[aria-disabled="true"], fieldset[disabled]');
}

/** The name of a choice (radio, checkbox, option): aria-labelledby, aria-label, a wrapping or `for` label, its text. */
export function choiceName(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const t = ids.split(/\s+/).map((id) => idAcross(el, id)).filter((x): x is Element => !!x).map((x) => flatText(x)).join('');
    if (t) return t.trim();
  }
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.trim();
  if (el.tagName === 'INPUT') {
    const wrap = flatClosest(el, 'label');
    if (wrap) return shownText(wrap);
    const input = el as HTMLInputElement;
    if (input.id) {
      const l = (el.getRootNode() as Document | ShadowRoot).querySelector?.(`label[for="${CSS.escape(input.id)}"]`);
      if (l) return shownText(l);
    }
    for (let n = el.nextSibling; n; n = n.nextSibling) {
      const t = n.nodeType === 3 ? (n.textContent ?? '').trim() : n.nodeType === 1 ? shownText(n as Element) : '';
      if (t) return t;
    }
    return '';
  }
  return shownText(el);
}

/** The element a person clicks to operate a hidden native input: its label, else a visible box next to it, else itself. */
export function clickTargetOf(input: HTMLInputElement): Element {
  if (visible(input)) return input;
  const wrap = flatClosest(input, 'label');
  if (wrap && visible(wrap)) return wrap;
  if (input.id) {
    const l = (input.getRootNode() as Document | ShadowRoot).querySelector?.(`label[for="${CSS.escape(input.id)}"]`);
    if (l && visible(l)) return l;
  }
  const sib = input.nextElementSibling;
  if (sib && visible(sib)) return sib;
  return input;
}

/** Hidden native inputs of a type, as custom radio/checkbox boxes use them (opacity 0, 0×0, clipped). */
export function hiddenInputs(root: Element, type: 'radio' | 'checkbox'): HTMLInputElement[] {
  return flatQueryAll<HTMLInputElement>(root, `input[type="${type}"]`).filter((i) => !visible(i) && (visible(clickTargetOf(i)) || visible(i.parentElement)));
}

/** True when `el` sits inside one of `roots` (flat tree). */
export function insideAny(el: Element, roots: Element[]): boolean {
  return roots.some((r) => r !== el && flatContains(r, el));
}

/** The state a person sees on a choice: aria-checked / aria-selected, a native input's checked. */
export function isOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  return el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-selected') === 'true';
}

/** Text answers for a yes/no field. */
export function asBoolean(v: WidgetValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = normalizeText(asList(v).join(''));
  if (/^(true|1|是|开|开启|on|yes|Y)$/i.test(s)) return true;
  if (/^(false|0|否|关|关闭|off|no|N|)$/i.test(s)) return false;
  return undefined;
}

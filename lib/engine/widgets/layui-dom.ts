/**
 * Small DOM helpers shared by the layui family's adapters (layui.ts, laydate.ts, layui-extras.ts).
 */
import { normalizeText, textOf } from '../dom';

/** `root` itself when it matches, plus its matching descendants, in document order. */
export function selfAndBelow<T extends Element>(root: Element, selector: string): T[] {
  const below = Array.from(root.querySelectorAll<T>(selector));
  return root.matches(selector) ? [root as unknown as T, ...below] : below;
}

/** Visible text without icon-font glyphs (older layui writes `&#xe605;` into its `<i>` icons). */
export function layText(el: Element | null | undefined): string {
  return textOf(el).replace(/[\uE000-\uF8FF]/g, '').trim();
}

/** Same text for a person: width-folded, spaces, a leading * and a trailing colon ignored. */
export const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/** A mousedown on the field's own <body>: how laydate and layui close their popups on "click outside". */
export function pressOutside(doc: Document): void {
  const w = doc.defaultView;
  if (!w || !doc.body) return;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const) {
    const Ctor = type.startsWith('pointer') && 'PointerEvent' in w ? w.PointerEvent : w.MouseEvent;
    doc.body.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, view: w, clientX: 1, clientY: 1 }));
  }
}

export function ignored(el: Element): boolean {
  return el.hasAttribute('lay-ignore');
}

/** The rendered sibling layui put right after a native control, when it carries `cls`. */
export function renderedAfter(input: Element, cls: string): HTMLElement | undefined {
  const next = input.nextElementSibling;
  return next?.classList.contains(cls) ? (next as HTMLElement) : undefined;
}


/** A mouse event at a point of the element's own window (layui reads clientX / pageX from it). */
export function mouseAt(el: Element, type: string, clientX: number, clientY: number, relatedTarget: EventTarget | null = null): void {
  const w = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  el.dispatchEvent(new w.MouseEvent(type, {
    bubbles: type !== 'mouseenter' && type !== 'mouseleave', cancelable: true, view: w, clientX, clientY,
    button: 0, buttons: type === 'mousedown' || type === 'mousemove' ? 1 : 0, relatedTarget,
  }));
}

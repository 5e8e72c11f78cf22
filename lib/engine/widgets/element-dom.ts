/**
 * What the Element adapters share: small value helpers and finding the popup a widget opened.
 *
 * Element Plus (Vue 3) and Element UI 2 (Vue 2) are one family here: they share their class names
 * (`el-select`, `el-cascader`, `el-date-editor`, `el-radio`, …), and one adapter per widget handles
 * both. Popups are teleported to `<body>` and stay in the DOM once rendered, hidden with
 * `display:none`; only the open one is visible. Element Plus links a trigger to its popup through
 * `aria-controls` / `aria-describedby`; Element UI links nothing, so a popup that became visible since
 * the click is the one the click opened. Pages may also render popups inline (`teleported=false`).
 */
import type { WidgetValue, WriteOutcome } from './types';
import { isVisible, normalizeText, visibleAll } from '../dom';

export const FAMILY = 'element-plus';
export const DONE: WriteOutcome = { status: 'done' };
export const fail = (message: string): WriteOutcome => ({ status: 'error', message });
export const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
export const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => same(x, b[i]!));
/** The widget element for a field root: the root itself, the widget around it, or the first one inside. */
export function part<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  if (root.matches(selector)) return root as unknown as T;
  return (root.closest(selector) ?? root.querySelector(selector)) as T | null;
}

/** First match trying selectors in priority order (a selector list would return document order). */
export function firstOf<T extends Element = HTMLElement>(el: Element, selectors: string[]): T | null {
  for (const s of selectors) {
    const hit = el.querySelector(s);
    if (hit) return hit as T;
  }
  return null;
}

export function asString(value: WidgetValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

export function asList(value: WidgetValue): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return (value as unknown[]).map(String);
  return [String(value)];
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The popup a widget links to through the ARIA attributes Element Plus sets, if it is showing. */
export function linkedPopup(widget: Element, popupSelector: string): HTMLElement | null {
  const doc = widget.ownerDocument;
  const linkers = [widget, ...Array.from(widget.querySelectorAll('[aria-controls], [aria-describedby]'))];
  for (const el of linkers) {
    for (const attr of ['aria-controls', 'aria-describedby']) {
      for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
        const target = doc.getElementById(id);
        if (!target) continue;
        const popup = target.matches(popupSelector) ? target : target.closest(popupSelector) ?? target.querySelector(popupSelector);
        if (isVisible(popup)) return popup as HTMLElement;
      }
    }
  }
  return null;
}

/**
 * The popup a trigger opened: the ARIA-linked one; else (older versions and Element UI set no link)
 * one of the right kind that became visible since `before`. Without `before`, the last visible one.
 * Strict on purpose: a neighbour's popup may still be fading out when this one opens.
 */
export function popupOf(widget: Element, popupSelector: string, before?: Set<Element>): HTMLElement | null {
  const linked = linkedPopup(widget, popupSelector);
  if (linked) return linked;
  const visible = visibleAll(widget.ownerDocument, popupSelector);
  if (before) return visible.find((p) => !before.has(p)) ?? null;
  return visible[visible.length - 1] ?? null;
}

export function visibleSet(doc: Document, selector: string): Set<Element> {
  return new Set(visibleAll(doc, selector));
}

/**
 * DOM helpers the Ant Design adapters (antd.ts) share: finding a widget inside a field root, the
 * popups antd teleports to <body>, scrolling virtual lists, closing popups, files. Class names are
 * the ones antd 4, antd 5 and Ant Design Vue 4 all render (`ant-` prefix; apps that change `prefixCls`
 * are out of scope).
 */
import { blur, click, key, normalizeText, sleep, textOf } from '../dom';
import type { WidgetContext, WidgetValue, WriteOutcome } from './types';

export const FAMILY = 'antd';

/** A widget value as a list of labels (paths, multiple choices). */
export const asList = (v: WidgetValue): string[] =>
  Array.isArray(v) ? (v as unknown[]).map(String) : v == null || v === '' || typeof v === 'boolean' ? [] : [String(v)];
export const asText = (v: WidgetValue): string => (Array.isArray(v) ? (v as unknown[]).map(String).join('') : v == null ? '' : String(v));

export const done: WriteOutcome = { status: 'done' };
export const disabled: WriteOutcome = { status: 'disabled' };
export const failed = (message: string): WriteOutcome => ({ status: 'error', message });
export const noOption = (wanted: string, seen: Iterable<string>): WriteOutcome =>
  ({ status: 'no-option', wanted, seen: Array.from(new Set(seen)) });

export const same = (a: string, b: string): boolean => normalizeText(a) === normalizeText(b);
export const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => same(x, b[i]!));

export function winOf(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

/** The root itself when it matches, else its first descendant that does. */
export function own<T extends HTMLElement = HTMLElement>(root: Element, selector: string): T | null {
  return (root.matches(selector) ? root : root.querySelector(selector)) as T | null;
}

export function hasClass(el: Element | null | undefined, cls: string): boolean {
  return !!el && el.classList.contains(cls);
}

/**
 * A teleported popup counts as open when it is attached, not marked `*-hidden`, not leaving
 * (closing animation) and displayed. Visibility by size is not used: popups animate from scale 0.
 */
export function isOpenPopup(el: Element): boolean {
  if (!el.isConnected) return false;
  // The popup itself or the popup it sits in (`.ant-cascader-menus` in `.ant-cascader-dropdown`).
  for (let a: Element | null = el; a && a !== el.ownerDocument.body; a = a.parentElement) {
    const cls = a.className.toString();
    if (/-hidden(\s|$)/.test(cls) || /-leave(\s|$|-)/.test(cls)) return false;
  }
  const style = winOf(el).getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
}

/** Open popups matching `selector` in the field's own document, most recently added last. */
export function openPopups(doc: Document, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter(isOpenPopup);
}

/**
 * The open popup that belongs to `anchor` (a select, cascader or picker): antd places a popup just
 * below or above its target, overlapping it horizontally (shifted when it would leave the screen).
 * Another widget's popup that is still closing (no class tells it apart during the first frames)
 * sits elsewhere, so position, not recency, says whose popup it is.
 */
export function anchoredPopup(anchor: Element, selector: string): HTMLElement | undefined {
  const a = anchor.getBoundingClientRect();
  const near = openPopups(anchor.ownerDocument, selector).filter((p) => {
    const r = p.getBoundingClientRect();
    const vertical = Math.abs(r.top - a.bottom) < 24 || Math.abs(r.bottom - a.top) < 24;
    return vertical && r.left <= a.right && r.right >= a.left;
  });
  return near[near.length - 1];
}

/** Waits for the DOM to settle after a scroll or click (React renders in a task or a frame). */
export function settle(ms = 40, signal?: AbortSignal): Promise<void> {
  return sleep(ms, signal);
}

/**
 * Scrolls a (possibly virtual) list holder by `dy`. rc-virtual-list keeps `overflow-y: hidden` and
 * listens to the holder's scroll event as a fallback, so setting scrollTop moves its window.
 * Returns false when the holder could not move (top or bottom reached).
 */
export async function scrollBy(holder: HTMLElement, dy: number, signal?: AbortSignal): Promise<boolean> {
  const before = holder.scrollTop;
  const rendered = holder.innerHTML.length + ':' + (holder.firstElementChild?.innerHTML.slice(0, 200) ?? '');
  holder.scrollTop = before + dy;
  holder.dispatchEvent(new (winOf(holder).Event)('scroll', { bubbles: false }));
  // The virtual list re-renders its window a frame or a task later: wait for that, at most 60 ms.
  for (let waited = 0; waited < 60; waited += 10) {
    await settle(10, signal);
    if (holder.innerHTML.length + ':' + (holder.firstElementChild?.innerHTML.slice(0, 200) ?? '') !== rendered) break;
  }
  await settle(10, signal);
  return holder.scrollTop !== before;
}

export async function scrollToTop(holder: HTMLElement, signal?: AbortSignal): Promise<void> {
  if (holder.scrollTop === 0) return;
  holder.scrollTop = 0;
  holder.dispatchEvent(new (winOf(holder).Event)('scroll', { bubbles: false }));
  await settle(60, signal);
}

/** Puts `row` at the top of its scrolling holder (so the rows after it are rendered). */
export async function scrollRowToTop(holder: HTMLElement, row: Element, signal?: AbortSignal): Promise<void> {
  const dy = row.getBoundingClientRect().top - holder.getBoundingClientRect().top;
  if (Math.abs(dy) > 1) await scrollBy(holder, dy, signal);
}

/**
 * Closes a select-like popup the way a user gives up: Escape in the widget's input, then blur, then a
 * mousedown outside (rc-select and rc-picker close on a window mousedown outside the popup).
 */
/**
 * Lets a widget take focus the way a person's click would: the field the previous step left focused
 * is blurred, popups still closing from it are waited out (bounded), and the widget's own input is
 * focused. Without this, a cascader opened right after a select shares the select's focus and
 * closes again when the select's delayed blur lands — the first level clicks, the second never
 * opens.
 */
export async function takeFocus(widget: Element, input: HTMLElement | null, signal?: AbortSignal): Promise<void> {
  const doc = widget.ownerDocument;
  const active = doc.activeElement as HTMLElement | null;
  if (active && active !== doc.body && !widget.contains(active)) blur(active);
  const foreign = () => openPopups(doc, '.ant-select-dropdown, .ant-picker-dropdown').length === 0;
  await poll(foreign, 800, { timeoutMs: 800, signal });
  await settle(60, signal);
  input?.focus();
}

export async function closePopup(input: HTMLElement | null, isOpen: () => boolean, signal?: AbortSignal): Promise<void> {
  if (!isOpen()) return;
  if (input) {
    key(input, 'Escape', 'keydown');
    await settle(60, signal);
    if (!isOpen()) return;
    blur(input);
    await settle(60, signal);
    if (!isOpen()) return;
  }
  clickOutside(input?.ownerDocument ?? document);
  await settle(80, signal);
}

/** A click on the page background: popups listening for outside mousedown close (and pickers commit). */
export function clickOutside(doc: Document): void {
  const body = doc.body;
  const w = winOf(body);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const Ev = type.startsWith('pointer') && 'PointerEvent' in w ? w.PointerEvent : w.MouseEvent;
    body.dispatchEvent(new Ev(type, { bubbles: true, cancelable: true, composed: true, clientX: 1, clientY: 1 }));
  }
}

/** Visible text of an option-like element: its content text, else its title attribute. */
export function labelOf(el: Element, contentSelector?: string): string {
  const content = contentSelector ? el.querySelector(contentSelector) : null;
  return textOf(content ?? el) || el.getAttribute('title') || '';
}

/** Runs a write, turning waits that time out (and other throws) into an `error` outcome. */
export async function guarded(run: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
  try {
    return await run();
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    return failed(e instanceof Error ? e.message : String(e));
  }
}

/** Polls until `probe` is truthy, returning undefined (not throwing) when the time is up. */
export async function poll<T>(probe: () => T | null | undefined | false, ms: number, ctx: WidgetContext): Promise<T | undefined> {
  const deadline = Date.now() + Math.min(ms, ctx.timeoutMs);
  for (;;) {
    const got = probe();
    if (got) return got;
    if (Date.now() >= deadline) return undefined;
    await sleep(25, ctx.signal);
  }
}

export { click };

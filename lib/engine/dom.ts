/**
 * Acting on a page the way a user does. Content scripts run in an isolated world, so the page's
 * frameworks only learn about a change through the events a real user's action fires; every helper
 * here fires that sequence. Works in same-origin iframes: events are built from the element's own
 * window, coordinates come from the element's own rect.
 */

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((ok, fail) => {
    if (signal?.aborted) return fail(new DOMException('aborted', 'AbortError'));
    const t = setTimeout(ok, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); fail(new DOMException('aborted', 'AbortError')); }, { once: true });
  });
}

/**
 * Lets the page's framework render: a microtask flush, then the element's next animation frame (or
 * 50 ms when frames are throttled in a background tab), whichever comes first. A person's input has
 * at least this pause between typing and leaving a field.
 */
export function settle(el: Element, signal?: AbortSignal): Promise<void> {
  const w = el.ownerDocument.defaultView ?? window;
  return new Promise((ok, fail) => {
    if (signal?.aborted) return fail(new DOMException('aborted', 'AbortError'));
    let done = false;
    const finish = () => { if (!done) { done = true; clearTimeout(t); ok(); } };
    const t = setTimeout(finish, 50);
    queueMicrotask(() => w.requestAnimationFrame(() => w.setTimeout(finish, 0)));
  });
}

export class WaitTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`等待超时（${ms} ms）：${what}`);
    this.name = 'WaitTimeout';
  }
}

/**
 * Polls `probe` until it returns a truthy value or `timeoutMs` passes. Polling rather than
 * MutationObserver: lazy levels and remote results arrive through timers and XHR as often as through
 * DOM changes, and a 25 ms poll is cheap. The first looks come sooner: right away, after the
 * framework's own render (a task after the microtasks it queued), after the next frame, so a change a
 * click causes is seen when the page shows it rather than a whole interval later.
 */
export async function waitFor<T>(
  probe: () => T | null | undefined | false,
  opts: { timeoutMs: number; signal?: AbortSignal; what?: string; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 25;
  for (let round = 0; ; round++) {
    const got = probe();
    if (got) return got as T;
    if (Date.now() >= deadline) throw new WaitTimeout(opts.what ?? '页面元素', opts.timeoutMs);
    if (round === 0) await sleep(0, opts.signal);
    else if (round === 1) await nextFrame(Math.min(interval, 50), opts.signal);
    else await sleep(interval, opts.signal);
  }
}

/** The next animation frame of the top window, then a task (the frame's rendering done); `capMs` at most (throttled tabs). */
export function nextFrame(capMs = 50, signal?: AbortSignal): Promise<void> {
  return new Promise((ok, fail) => {
    if (signal?.aborted) return fail(new DOMException('aborted', 'AbortError'));
    let done = false;
    const finish = () => { if (!done) { done = true; clearTimeout(t); ok(); } };
    const t = setTimeout(finish, capMs);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

function win(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

export function isVisible(el: Element | null | undefined): el is HTMLElement {
  if (!el || !(el as HTMLElement).isConnected) return false;
  const h = el as HTMLElement;
  const style = win(h).getComputedStyle(h);
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
  const r = h.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

export function isDisabled(el: Element): boolean {
  return (el as HTMLInputElement).disabled === true
    || el.getAttribute('aria-disabled') === 'true'
    || /(^|\s)(is-disabled|ant-\w+-disabled|layui-disabled|van-\w+--disabled)(\s|$)/.test(el.className?.toString() ?? '');
}

function point(el: Element) {
  const r = el.getBoundingClientRect();
  return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
}

function mouse(el: Element, type: string, init: MouseEventInit = {}) {
  const w = win(el);
  const base = { bubbles: true, cancelable: true, composed: true, view: w, button: 0, buttons: type.endsWith('down') ? 1 : 0, ...point(el), ...init };
  const ev = type.startsWith('pointer') && 'PointerEvent' in w
    ? new w.PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, ...base })
    : new w.MouseEvent(type, base);
  return el.dispatchEvent(ev);
}

export function scrollIntoView(el: Element): void {
  (el as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

/** A full user click: pointer and mouse down/up, focus, click. */
export function click(el: Element): void {
  scrollIntoView(el);
  mouse(el, 'pointerover');
  mouse(el, 'mouseover');
  mouse(el, 'pointerenter');
  mouse(el, 'mouseenter');
  mouse(el, 'pointerdown');
  const downOk = mouse(el, 'mousedown');
  if (downOk) focusable(el)?.focus?.();
  mouse(el, 'pointerup');
  mouse(el, 'mouseup');
  mouse(el, 'click');
}

/** Hover, for menus that expand on hover (cascaders with expandTrigger hover). */
export function hover(el: Element): void {
  mouse(el, 'pointerover');
  mouse(el, 'mouseover');
  mouse(el, 'pointerenter', { bubbles: false });
  mouse(el, 'mouseenter', { bubbles: false });
  mouse(el, 'pointermove');
  mouse(el, 'mousemove');
}

function focusable(el: Element): HTMLElement | null {
  const h = el as HTMLElement;
  if (h.matches?.('input, textarea, select, button, [tabindex], [contenteditable="true"]')) return h;
  return h.closest?.('input, textarea, select, button, [tabindex]') ?? null;
}

export function focus(el: HTMLElement): void {
  el.focus();
  el.dispatchEvent(new (win(el).FocusEvent)('focus', { bubbles: false }));
  el.dispatchEvent(new (win(el).FocusEvent)('focusin', { bubbles: true }));
}

export function blur(el: HTMLElement): void {
  el.dispatchEvent(new (win(el).FocusEvent)('blur', { bubbles: false }));
  el.dispatchEvent(new (win(el).FocusEvent)('focusout', { bubbles: true }));
  el.blur();
}

/**
 * Sets an input's value through the native prototype setter, so frameworks that watch the
 * property (React's value tracker) see a change, then fires `input`.
 */
export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const w = win(el);
  const proto = el instanceof w.HTMLTextAreaElement ? w.HTMLTextAreaElement.prototype
    : el instanceof w.HTMLSelectElement ? w.HTMLSelectElement.prototype : w.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function fire(el: Element, type: 'input' | 'change', data?: string): void {
  const w = win(el);
  const ev = type === 'input'
    ? new w.InputEvent('input', { bubbles: true, cancelable: false, composed: true, data: data ?? null, inputType: 'insertText' })
    : new w.Event('change', { bubbles: true });
  el.dispatchEvent(ev);
}

export function key(el: Element, keyName: string, type: 'keydown' | 'keyup' | 'keypress' | 'both' = 'both'): void {
  const w = win(el);
  const codes: Record<string, number> = { Enter: 13, Escape: 27, Tab: 9, Backspace: 8, ArrowDown: 40, ArrowUp: 38, ArrowLeft: 37, ArrowRight: 39, Delete: 46, ' ': 32 };
  const init: KeyboardEventInit & { keyCode?: number; which?: number } = {
    key: keyName, code: keyName.length === 1 ? `Key${keyName.toUpperCase()}` : keyName,
    bubbles: true, cancelable: true, composed: true, keyCode: codes[keyName] ?? keyName.charCodeAt(0), which: codes[keyName] ?? keyName.charCodeAt(0),
  };
  const make = (t: string) => {
    const ev = new w.KeyboardEvent(t, init);
    // keyCode/which are read-only getters on KeyboardEvent; older libraries (layui, jQuery) still read them.
    Object.defineProperty(ev, 'keyCode', { get: () => init.keyCode });
    Object.defineProperty(ev, 'which', { get: () => init.which });
    return ev;
  };
  if (type === 'both' || type === 'keydown') el.dispatchEvent(make('keydown'));
  if (type === 'keypress') el.dispatchEvent(make('keypress'));
  if (type === 'both' || type === 'keyup') el.dispatchEvent(make('keyup'));
}

/**
 * Replaces a text field's content as a user would: focus, select all, type. `perChar` types one
 * character at a time (remote searches that debounce on each keystroke); otherwise one input event.
 */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, text: string, opts: { perChar?: boolean } = {}): void {
  focus(el);
  el.select?.();
  if (!opts.perChar) {
    setNativeValue(el, text);
    fire(el, 'input', text);
    return;
  }
  setNativeValue(el, '');
  fire(el, 'input', '');
  let acc = '';
  for (const ch of text) {
    key(el, ch, 'keydown');
    acc += ch;
    setNativeValue(el, acc);
    fire(el, 'input', ch);
    key(el, ch, 'keyup');
  }
}

const MIME: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file's type from its name's extension; '' when unknown. */
export function mimeOf(name: string): string {
  return MIME[/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''] ?? '';
}

/** A file kept as a `data:` URL, rebuilt as a File in the element's own window (so the page's instanceof checks hold). */
export function fileOf(v: { name: string; type: string; dataUrl: string }, w: Window & typeof globalThis): File {
  const [head = '', body = ''] = v.dataUrl.split(',', 2);
  const raw = /;base64$/i.test(head) ? w.atob(body) : decodeURIComponent(body);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) & 0xff;
  const type = v.type || /^data:([^;,]+)/.exec(head)?.[1] || mimeOf(v.name) || 'application/octet-stream';
  return new w.File([bytes], v.name, { type });
}

/** Puts files into a file input the way the file chooser or a drop does, then fires `input` and `change`. */
export function setFiles(input: HTMLInputElement, files: readonly { name: string; type: string; dataUrl: string }[]): void {
  const w = win(input);
  const dt = new w.DataTransfer();
  for (const f of files) dt.items.add(fileOf(f, w));
  input.files = dt.files;
  fire(input, 'input');
  fire(input, 'change');
}

/** Visible text, whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const t = (el as HTMLElement).innerText ?? el.textContent ?? '';
  return t.replace(/\s+/g, ' ').trim();
}

/** Full-width ASCII and ideographic space to half-width, collapse spaces. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** How labels and option texts are compared: width-folded, no spaces, no required-star, no trailing colon. */
export function normalizeText(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0]+/g, '').replace(/^\*+/, '').replace(/[:：]+$/, '');
}

/** All elements matching `selector` in `doc`, visible ones only. */
export function visibleAll(doc: Document | Element, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll(selector)).filter(isVisible);
}

/** The texts a part of an option shows on its own: each text node and each element without child elements. */
function partsOf(el: Element): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) { if (c.textContent?.trim()) out.push(c.textContent); }
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.children.length === 0) { if (e.textContent?.trim()) out.push(e.textContent); }
        else walk(e);
      }
    }
  };
  walk(el);
  return out;
}

/** Whether an option shows `wanted`: its whole text, or one of its parts (a name with a code beside it). */
export function optionShows(el: Element, wanted: string): boolean {
  const w = normalizeText(wanted);
  return normalizeText(textOf(el)) === w || partsOf(el).some((p) => normalizeText(p) === w);
}

/**
 * Finds, among `candidates`, the option a person would pick for `wanted`:
 * 1. the one whose whole text equals `wanted` after normalisation (width-folded, spaces removed);
 * 2. else the only one with a part (a text node or a leaf element) that equals it — an option that
 *    shows a code or a note beside its name (「住宿和餐饮业 <span>H</span>」) still matches its name.
 * Never a partial match: 「小餐饮」 does not pick 「小餐饮场所」.
 */
export function pickByText<T extends Element>(candidates: T[], wanted: string, textOfCandidate: (el: T) => string = textOf): T | undefined {
  const w = normalizeText(wanted);
  const exact = candidates.find((c) => normalizeText(textOfCandidate(c)) === w);
  if (exact) return exact;
  const byPart = candidates.filter((c) => partsOf(c).some((p) => normalizeText(p) === w));
  return byPart.length === 1 ? byPart[0] : undefined;
}

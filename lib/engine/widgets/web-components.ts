/**
 * Web components with open shadow roots, Shoelace 2 (`sl-*`) first. The label of a Shoelace control
 * is rendered inside its own shadow root, so the locator usually hands over a part *inside* the
 * component (the inner <input>, the radio group's <fieldset>); the adapters climb out to the host.
 * Hand-laid groups (a light-DOM label over several sl-checkbox) arrive as that light-DOM container.
 *
 * A content script runs in an isolated world: the component's JS properties (`.value`, `.checked`)
 * are the page's and invisible there. Everything here reads and writes through the DOM a person
 * sees — native inner inputs, reflected ARIA state, clicks — and the component learns of the change
 * from the events it listens to (input/change on its inner control, click, mousedown/mouseup, keys).
 */
import { blur, click, fire, isVisible, normalizeText, sleep, textOf, typeInto, waitFor } from '../dom';
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';

const FAMILY = 'web-components';
const done: WriteOutcome = { status: 'done' };
const failed = (message: string): WriteOutcome => ({ status: 'error', message });
const noOption = (wanted: string, seen: string[]): WriteOutcome => ({ status: 'no-option', wanted, seen });
const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
const asList = (v: WidgetValue): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === '' ? [] : [String(v)]);

async function guarded(run: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
  try {
    return await run();
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The component `tags` names that this field root belongs to: the root itself, a shadow host it sits
 * in (climbing out through nested shadow roots), or the first one inside it (light DOM).
 */
export function hostOf(root: Element, tags: string): HTMLElement | null {
  const wanted = tags.split(',').map((t) => t.trim());
  if (wanted.includes(root.localName)) return root as HTMLElement;
  for (let node: Node = root; ;) {
    const r = node.getRootNode() as Document | ShadowRoot;
    if (!('host' in r)) break;
    if (wanted.includes(r.host.localName)) return r.host as HTMLElement;
    node = r.host;
  }
  return root.querySelector<HTMLElement>(tags);
}

function inner<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot?.querySelector<T>(selector) ?? null;
}

const hostDisabled = (host: Element) => host.hasAttribute('disabled') || host.getAttribute('aria-disabled') === 'true';

/** A click at a point of `el`, for widgets that read the pointer's position (ratings). */
function clickAt(el: Element, clientX: number, clientY: number): void {
  const w = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const init = { bubbles: true, cancelable: true, composed: true, view: w, button: 0, buttons: type.endsWith('down') ? 1 : 0, clientX, clientY };
    el.dispatchEvent(type.startsWith('pointer') ? new w.PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, ...init }) : new w.MouseEvent(type, init));
  }
}

// ───────────────────────────── sl-input, sl-textarea ─────────────────────────────

const INPUT_TAGS = 'sl-input, sl-textarea';
const textControl = (host: Element) => inner<HTMLInputElement | HTMLTextAreaElement>(host, 'input, textarea');

const slInput: WidgetAdapter = {
  kind: 'sl-input',
  family: FAMILY,
  detect: (root) => !!hostOf(root, INPUT_TAGS),
  read: (root) => { const h = hostOf(root, INPUT_TAGS); return (h && textControl(h)?.value) ?? ''; },
  write: (root, value) => guarded(async () => {
    const host = hostOf(root, INPUT_TAGS);
    const el = host && textControl(host);
    if (!host || !el) return failed('未找到输入框');
    if (el.disabled || el.readOnly) return { status: 'disabled' };
    const text = asList(value).join('，');
    typeInto(el, text); // the component copies its inner input on `input`
    fire(el, 'change');
    blur(el);
    await sleep(30);
    const ok = el.value === text || (el.type === 'number' && Number(el.value) === Number(text));
    return ok ? done : failed(`输入后显示为「${el.value}」（该栏可能限制了格式或长度）`);
  }),
};

// ───────────────────────────── sl-select ─────────────────────────────

const options = (host: Element) => Array.from(host.querySelectorAll<HTMLElement>('sl-option'));
const selected = (host: Element) => options(host).filter((o) => o.getAttribute('aria-selected') === 'true');
const isOpen = (host: Element) => inner(host, '[part~="display-input"]')?.getAttribute('aria-expanded') === 'true';

async function setOpen(host: HTMLElement, open: boolean, ctx: WidgetContext): Promise<void> {
  if (isOpen(host) === open) return;
  // Shoelace toggles on the combobox's mousedown. (Escape is left to the browser's CloseWatcher, which
  // only trusts real key presses, so a person's second click on the box is what closes it here.)
  click(inner(host, '[part~="combobox"]')!);
  await waitFor(() => isOpen(host) === open && (!open || isVisible(inner(host, '[part~="listbox"]'))),
    { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: open ? '打开下拉框' : '关闭下拉框' });
}

const slSelect: WidgetAdapter = {
  kind: 'sl-select',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-select'),
  read(root) {
    const host = hostOf(root, 'sl-select');
    if (!host) return null;
    const labels = selected(host).map(textOf);
    return host.hasAttribute('multiple') ? labels : (labels[0] ?? '');
  },
  write: (root, value, ctx) => guarded(async () => {
    const host = hostOf(root, 'sl-select');
    if (!host) return failed('未找到下拉框');
    if (hostDisabled(host)) return { status: 'disabled' };
    const multiple = host.hasAttribute('multiple');
    const wanted = asList(value);
    if (!multiple && wanted.length > 1) return failed('单选下拉框只能选一项');
    await setOpen(host, true, ctx);
    const all = options(host).filter(isVisible);
    const missing = wanted.find((w) => !all.some((o) => same(textOf(o), w)));
    if (missing !== undefined) {
      await setOpen(host, false, ctx);
      return noOption(missing, all.map(textOf));
    }
    for (const o of all) {
      const want = wanted.some((w) => same(textOf(o), w));
      const on = o.getAttribute('aria-selected') === 'true';
      if (want === on || (!multiple && !want)) continue;
      if (o.getAttribute('aria-disabled') === 'true') return { status: 'disabled' };
      click(o); // Shoelace picks on the listbox's mouseup
      await waitFor(() => (o.getAttribute('aria-selected') === 'true') === want, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '选中选项' });
    }
    if (!wanted.length && selected(host).length) {
      const clear = inner(host, '[part~="clear-button"]');
      if (!clear) return failed('该下拉框不能清空');
      click(clear);
    }
    await setOpen(host, false, ctx).catch(() => undefined);
    const now = selected(host).map(textOf);
    return now.length === wanted.length && now.every((n) => wanted.some((w) => same(n, w))) ? done : failed(`选择后为「${now.join('、')}」`);
  }),
};

// ───────────────────────────── sl-radio-group, sl-checkbox, sl-switch ─────────────────────────────

const RADIO = 'sl-radio, sl-radio-button';
const radioChecked = (r: Element) => r.getAttribute('aria-checked') === 'true' || inner(r, '[role="radio"]')?.getAttribute('aria-checked') === 'true';

const slRadioGroup: WidgetAdapter = {
  kind: 'sl-radio-group',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-radio-group'),
  read(root) {
    const group = hostOf(root, 'sl-radio-group');
    const on = group && Array.from(group.querySelectorAll(RADIO)).find(radioChecked);
    return on ? textOf(on) : '';
  },
  write: (root, value) => guarded(async () => {
    const group = hostOf(root, 'sl-radio-group');
    if (!group) return failed('未找到单选组');
    const radios = Array.from(group.querySelectorAll<HTMLElement>(RADIO));
    const want = asList(value);
    if (want.length !== 1) return failed('单选组只能选一项');
    const hit = radios.find((r) => same(textOf(r), want[0]!));
    if (!hit) return noOption(want[0]!, radios.map(textOf));
    if (hostDisabled(group) || hostDisabled(hit)) return { status: 'disabled' };
    if (!radioChecked(hit)) click(hit);
    await sleep(30);
    return radioChecked(hit) ? done : failed('单选没有选中');
  }),
};

const boxOf = (host: Element) => inner<HTMLInputElement>(host, 'input[type="checkbox"]');
const boxLabel = (host: Element) => textOf(host);

async function setBox(host: HTMLElement, on: boolean): Promise<WriteOutcome | null> {
  const box = boxOf(host);
  if (!box) return failed('未找到复选框');
  if (box.checked === on) return null;
  if (box.disabled || hostDisabled(host)) return { status: 'disabled' };
  click(box); // the component toggles on its inner input's click
  await sleep(20);
  return box.checked === on ? null : failed(`「${boxLabel(host)}」没有切换`);
}

/** A field root inside (or at) one sl-checkbox is that single box; a light-DOM container is a group. */
function checkboxes(root: Element): { single: HTMLElement | null; group: HTMLElement[] } {
  const host = hostOf(root, 'sl-checkbox');
  const single = host && !root.contains(host) ? host : host === root ? host : null;
  return { single, group: single ? [single] : Array.from(root.querySelectorAll<HTMLElement>('sl-checkbox')) };
}

const slCheckbox: WidgetAdapter = {
  kind: 'sl-checkbox',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-checkbox'),
  read(root) {
    const { single, group } = checkboxes(root);
    if (single) return boxOf(single)?.checked ?? false;
    return group.filter((c) => boxOf(c)?.checked).map(boxLabel);
  },
  write: (root, value) => guarded(async () => {
    const { single, group } = checkboxes(root);
    if (!group.length) return failed('未找到复选框');
    if (typeof value === 'boolean') return (await setBox(single ?? group[0]!, value)) ?? done;
    const wanted = asList(value);
    const missing = wanted.find((w) => !group.some((c) => same(boxLabel(c), w)));
    if (missing !== undefined) return noOption(missing, group.map(boxLabel));
    for (const c of group) {
      const out = await setBox(c, wanted.some((w) => same(boxLabel(c), w)));
      if (out) return out;
    }
    return done;
  }),
};

const slSwitch: WidgetAdapter = {
  kind: 'sl-switch',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-switch'),
  read: (root) => { const h = hostOf(root, 'sl-switch'); return !!(h && boxOf(h)?.checked); },
  write: (root, value) => guarded(async () => {
    const host = hostOf(root, 'sl-switch');
    if (!host) return failed('未找到开关');
    if (typeof value !== 'boolean') return failed('开关需要 true 或 false');
    return (await setBox(host, value)) ?? done;
  }),
};

// ───────────────────────────── sl-range, sl-rating ─────────────────────────────

const slRange: WidgetAdapter = {
  kind: 'sl-range',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-range'),
  read: (root) => { const h = hostOf(root, 'sl-range'); return (h && inner<HTMLInputElement>(h, 'input[type="range"]')?.value) ?? ''; },
  write: (root, value) => guarded(async () => {
    const host = hostOf(root, 'sl-range');
    const input = host && inner<HTMLInputElement>(host, 'input[type="range"]');
    if (!input) return failed('未找到滑块');
    if (input.disabled) return { status: 'disabled' };
    const text = asList(value).join('');
    const v = Number(text);
    if (!Number.isFinite(v) || v < Number(input.min || 0) || v > Number(input.max || 100)) return noOption(text, [`${input.min || 0}–${input.max || 100}`]);
    typeInto(input, text); // dragging the thumb fires input events, releasing it fires change
    fire(input, 'change');
    blur(input);
    await sleep(30);
    return Number(input.value) === v ? done : failed(`滑块停在 ${input.value}（步长不允许 ${text}）`);
  }),
};

const ratingBase = (host: Element) => inner(host, '[part~="base"][role="slider"]');

const slRating: WidgetAdapter = {
  kind: 'sl-rating',
  family: FAMILY,
  detect: (root) => !!hostOf(root, 'sl-rating'),
  read: (root) => { const h = hostOf(root, 'sl-rating'); return (h && ratingBase(h)?.getAttribute('aria-valuenow')) ?? ''; },
  write: (root, value) => guarded(async () => {
    const host = hostOf(root, 'sl-rating');
    const base = host && ratingBase(host);
    if (!host || !base) return failed('未找到评分');
    if (base.getAttribute('aria-disabled') === 'true' || base.getAttribute('aria-readonly') === 'true') return { status: 'disabled' };
    const max = Number(base.getAttribute('aria-valuemax') ?? 5);
    const n = Number(asList(value)[0]);
    if (!Number.isInteger(n) || n < 1 || n > max) return noOption(String(value), Array.from({ length: max }, (_, i) => String(i + 1)));
    if (Number(base.getAttribute('aria-valuenow')) === n) return done; // a click on the current value clears it
    const r = base.getBoundingClientRect();
    clickAt(base, r.left + ((n - 0.5) / max) * r.width, r.top + r.height / 2); // on the n-th symbol
    await sleep(30);
    return Number(base.getAttribute('aria-valuenow')) === n ? done : failed(`评分为 ${base.getAttribute('aria-valuenow')}`);
  }),
};

/** Order matters for `detect`: a light-DOM group may hold several kinds; the more specific go first. */
export const webComponentWidgets: WidgetAdapter[] = [
  slSelect, slRadioGroup, slSwitch, slCheckbox, slRange, slRating, slInput,
];


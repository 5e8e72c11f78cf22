/**
 * Parts the TDesign, View UI and Fusion adapters share: the same person's moves (click a choice
 * label, flip a switch, type a text or number and leave the field, drop files into the upload input,
 * wait for the popup a click opened), parameterised by each library's class names. Everything
 * library-specific stays in that family's own file; this one knows no library.
 *
 * Popups: all three teleport them to <body>, keep them in the DOM once rendered (hidden with
 * `display:none`) and link nothing from the trigger, so the popup a click opened is the one of the
 * right kind that became visible since the click.
 */
import type { FileValue, WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { blur, click, fire, focus, isDisabled, key, mimeOf, setFiles, sleep, textOf, typeInto, visibleAll, waitFor } from '../dom';
import { asList, asString, DONE, fail, part, same } from './element-dom';

export { asList, asString, DONE, fail, part, same, sameList, describeError, firstOf } from './element-dom';

export function visibleSet(doc: Document, selector: string): Set<Element> {
  return new Set(visibleAll(doc, selector));
}

/** The popup a click opened: one of `selector` visible now and not before; else, if `open`, the last visible. */
export function newPopup(doc: Document, selector: string, before: Set<Element>, open = false): HTMLElement | null {
  const visible = visibleAll(doc, selector);
  return visible.find((p) => !before.has(p)) ?? (open ? visible[visible.length - 1] ?? null : null);
}

/**
 * The visible popup nearest to an already open trigger (dropdowns sit just below or above it): when
 * the trigger was open before we acted, "new since the click" cannot tell its popup from a neighbour's
 * that is still fading out.
 */
export function nearestPopup(doc: Document, selector: string, trigger: Element): HTMLElement | null {
  const t = trigger.getBoundingClientRect();
  let best: HTMLElement | null = null;
  let bestD = Infinity;
  for (const p of visibleAll(doc, selector)) {
    const r = p.getBoundingClientRect();
    const d = Math.abs(r.left - t.left) + Math.min(Math.abs(r.top - t.bottom), Math.abs(r.bottom - t.top));
    if (d < bestD) { bestD = d; best = p; }
  }
  return best;
}

/**
 * Waits for the popup a click opened. Only a popup that became visible counts while waiting: the
 * previous field's popup may still be fading out, and on a busy machine this one may show late.
 */
export async function waitNewPopup(doc: Document, selector: string, before: Set<Element>, ctx: WidgetContext, isOpen: () => boolean, what: string): Promise<HTMLElement | null> {
  return waitFor(() => newPopup(doc, selector, before), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what })
    .catch(() => newPopup(doc, selector, before, isOpen()));
}

/**
 * Waits until `probe` finds the wanted item, or the list it reads has stopped changing (and is not
 * loading) for `settleMs`. Returns the item or the labels seen.
 */
export async function settleFind<T>(
  probe: () => { hit?: T; seen: string[]; loading?: boolean; ready?: boolean },
  ctx: WidgetContext, settleMs = 300,
): Promise<{ hit?: T; seen: string[] }> {
  const deadline = Date.now() + ctx.timeoutMs;
  let lastSig = '';
  let since = Date.now();
  for (;;) {
    const r = probe();
    if (r.hit) return r;
    const sig = (r.loading ? 'loading:' : '') + r.seen.join('|');
    if (sig !== lastSig) { lastSig = sig; since = Date.now(); }
    if ((r.ready !== false && !r.loading && Date.now() - since >= settleMs) || Date.now() >= deadline) return { seen: r.seen };
    await sleep(40, ctx.signal);
  }
}

// ------------------------------------------------------------------------------------------ text, number

export interface TextSpec { kind: string; family: string; widget: string; control: string; exclude: string }

/** A text input or textarea: type, `change`, leave the field, then read back what the page kept. */
export function textAdapter(s: TextSpec): WidgetAdapter {
  const control = (root: Element) => {
    const w = part(root, s.widget);
    const el = w?.matches(s.control) ? w : w?.querySelector<HTMLInputElement>(s.control);
    return el && !el.closest(s.exclude) ? el as HTMLInputElement | HTMLTextAreaElement : null;
  };
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!control(root),
    read: (root) => control(root)?.value ?? '',
    async write(root, value, ctx) {
      const el = control(root);
      if (!el) return fail('找不到输入框');
      const wanted = asString(value);
      if (el.value === wanted) return DONE;
      if (el.disabled || el.readOnly) return { status: 'disabled' };
      typeInto(el, wanted);
      fire(el, 'change');
      blur(el);
      return waitFor(() => el.value === wanted, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal })
        .then(() => DONE, () => fail(`页面将内容改为“${el.value}”`));
    },
  };
}

/**
 * A number input that parses on blur: focus, type the digits one by one, let the framework render
 * (a person's pause before leaving the field), then Enter and blur, and read back the formatted value.
 */
export function numberAdapter(s: { kind: string; family: string; widget: string; input: string }): WidgetAdapter {
  const input = (root: Element) => part(root, s.widget)?.querySelector<HTMLInputElement>(s.input) ?? null;
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!input(root),
    read: (root) => input(root)?.value ?? '',
    async write(root, value, ctx) {
      const el = input(root);
      if (!el) return fail('找不到数字输入框');
      const wanted = asString(value).trim();
      const matches = () => (wanted === '' ? el.value === '' : el.value !== '' && Number(el.value.replace(/,/g, '')) === Number(wanted));
      if (matches()) return DONE;
      if (el.disabled || el.readOnly || isDisabled(part(root, s.widget)!)) return { status: 'disabled' };
      if (wanted !== '' && !Number.isFinite(Number(wanted))) return fail(`“${wanted}”不是数字`);
      click(el);
      focus(el);
      typeInto(el, wanted, { perChar: true });
      await sleep(60, ctx.signal); // the framework re-renders between the keystrokes and the blur
      key(el, 'Enter');
      fire(el, 'change');
      await sleep(30, ctx.signal);
      blur(el);
      return waitFor(matches, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal, what: '数字取值' })
        .then(() => DONE, () => fail(`页面将数值改为“${el.value}”`));
    },
  };
}

// ------------------------------------------------------------------------------- radio, checkbox, switch

export interface ChoiceSpec {
  kind: string;
  family: string;
  group: string;
  item: string;
  /** Where the option's text is, inside the item; the whole item when absent. */
  label?: string;
  checked: string;
  disabled: string;
}

const choiceLabel = (s: ChoiceSpec) => (el: Element) => textOf((s.label && el.querySelector(s.label)) || el);

/**
 * Clicks a choice until it shows `want`. Some libraries re-render the whole group on a change (new
 * nodes), so the choice is found again by its label after each click.
 */
async function toggle(find: () => HTMLElement | undefined, want: boolean, checked: (el: Element) => boolean, ctx: WidgetContext): Promise<boolean> {
  const state = () => { const el = find(); return !!el && checked(el) === want; };
  if (state()) return true;
  click(find()!);
  if (await waitFor(state, { timeoutMs: 400, signal: ctx.signal }).then(() => true, () => false)) return true;
  const input = find()?.querySelector<HTMLInputElement>('input');
  if (input) click(input);
  return waitFor(state, { timeoutMs: Math.min(ctx.timeoutMs, 800), signal: ctx.signal }).then(() => true, () => false);
}

export function radioGroupAdapter(s: ChoiceSpec): WidgetAdapter {
  const label = choiceLabel(s);
  const checked = (el: Element) => el.matches(s.checked);
  const items = (root: Element) => { const g = part(root, s.group); return g ? Array.from(g.querySelectorAll<HTMLElement>(s.item)) : []; };
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!part(root, s.group),
    read: (root) => { const on = items(root).find(checked); return on ? label(on) : ''; },
    async write(root, value, ctx) {
      const wanted = asString(value);
      const all = items(root);
      if (!all.length) return fail('找不到单选项');
      if (wanted === '') return all.some(checked) ? fail('单选项选中后不能清空') : DONE;
      const target = all.find((r) => same(label(r), wanted));
      if (!target) return { status: 'no-option', wanted, seen: all.map(label) };
      if (checked(target)) return DONE;
      if (target.matches(s.disabled) || target.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
      return (await toggle(() => items(root).find((r) => same(label(r), wanted)), true, checked, ctx)) ? DONE : fail(`点击“${wanted}”后未选中`);
    },
  };
}

export function checkboxGroupAdapter(s: ChoiceSpec): WidgetAdapter {
  const label = choiceLabel(s);
  const checked = (el: Element) => el.matches(s.checked);
  const items = (root: Element) => { const g = part(root, s.group); return g ? Array.from(g.querySelectorAll<HTMLElement>(s.item)) : []; };
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!part(root, s.group),
    read: (root) => items(root).filter(checked).map(label),
    async write(root, value, ctx) {
      const wanted = asList(value);
      const all = items(root);
      if (!all.length) return fail('找不到复选项');
      const missing = wanted.filter((w) => !all.some((c) => same(label(c), w)));
      // Uncheck extras first, then check in the wanted order (models keep click order).
      const plan: [string, boolean][] = [
        ...all.filter((c) => checked(c) && !wanted.some((w) => same(label(c), w))).map((c): [string, boolean] => [label(c), false]),
        ...wanted.filter((w) => all.some((c) => same(label(c), w) && !checked(c))).map((w): [string, boolean] => [w, true]),
      ];
      for (const [name, want] of plan) {
        const find = () => items(root).find((c) => same(label(c), name));
        const box = find();
        if (!box) continue;
        if (box.matches(s.disabled) || box.querySelector<HTMLInputElement>('input')?.disabled) return { status: 'disabled' };
        if (!(await toggle(find, want, checked, ctx))) return fail(`点击“${name}”无效`);
      }
      if (missing.length) return { status: 'no-option', wanted: missing.join('、'), seen: all.map(label) };
      return DONE;
    },
  };
}

export function switchAdapter(s: { kind: string; family: string; widget: string; checked: string; disabled: string }): WidgetAdapter {
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!part(root, s.widget),
    read: (root) => { const w = part(root, s.widget); return w ? w.matches(s.checked) : null; },
    async write(root, value, ctx) {
      const w = part(root, s.widget);
      if (!w) return fail('找不到开关');
      const want = value === true || value === 'true';
      if (w.matches(s.checked) === want) return DONE;
      if (w.matches(s.disabled)) return { status: 'disabled' };
      click(w);
      // before-change hooks may ask the server first; the switch may be a new node after the re-render.
      return waitFor(() => part(root, s.widget)?.matches(s.checked) === want, { timeoutMs: ctx.timeoutMs, signal: ctx.signal })
        .then(() => DONE, () => fail('开关未切换'));
    },
  };
}

// ---------------------------------------------------------------------------------------------- upload

export interface UploadSpec {
  kind: string;
  family: string;
  widget: string;
  /** Where the file list lives relative to the field root (the list is often the widget's sibling). */
  item: string;
  itemName: string;
  /** An item still uploading or failed. */
  pending: string;
  failed: string;
}

export function uploadAdapter(s: UploadSpec): WidgetAdapter {
  const parts = (root: Element) => {
    const upload = part(root, s.widget);
    const scope = upload && root.contains(upload) ? root : upload?.parentElement?.parentElement ?? root;
    const input = (upload ?? root).querySelector<HTMLInputElement>('input[type=file]');
    const items = () => Array.from(scope.querySelectorAll<HTMLElement>(s.item));
    return { upload, input, items };
  };
  const nameOf = (item: Element) => textOf(item.querySelector(s.itemName) ?? item);
  const read = (root: Element): WidgetValue => parts(root).items().filter((i) => !i.matches(`${s.pending}, ${s.failed}`))
    .map((i): FileValue => { const name = nameOf(i); return { name, type: mimeOf(name), dataUrl: '' }; });
  return {
    kind: s.kind,
    family: s.family,
    detect: (root) => !!part(root, s.widget),
    // A list shows names only: the photo itself stays with the page (capture takes it from the file tap).
    read,
    async write(root, value, ctx): Promise<WriteOutcome> {
      const { upload, input, items } = parts(root);
      if (!input) return fail('找不到上传控件');
      if (input.disabled || (upload && isDisabled(upload))) return { status: 'disabled' };
      const files = (Array.isArray(value) ? value : []) as FileValue[];
      if (!files.every((f) => f && typeof f === 'object' && typeof f.dataUrl === 'string' && f.dataUrl.startsWith('data:'))) {
        return fail('照片数据不完整（需要 data: URL）');
      }
      const shown = new Set(items().map(nameOf));
      const todo = files.filter((f) => !shown.has(f.name));
      if (!todo.length) return DONE;
      for (const batch of input.multiple ? [todo] : todo.map((f) => [f])) {
        const before = items().length;
        setFiles(input, batch);
        const listed = await waitFor(() => items().length >= before + batch.length, { timeoutMs: Math.min(ctx.timeoutMs, 2000), signal: ctx.signal })
          .then(() => true, () => false);
        if (!listed) return fail('页面没有接收文件（可能超出数量或格式限制）');
        const done = await waitFor(() => !items().some((i) => i.matches(s.pending)), { timeoutMs: ctx.timeoutMs, signal: ctx.signal })
          .then(() => true, () => false);
        if (!done) return fail('照片上传超时');
        if (items().some((i) => i.matches(s.failed))) return fail('照片上传失败');
      }
      return DONE;
    },
  };
}

/** A person leaves a popup open only by accident: Escape, then take the focus away. */
export async function dismiss(input: HTMLElement | null, isOpen: () => boolean, ctx: WidgetContext): Promise<void> {
  for (let i = 0; i < 2 && input && isOpen(); i++) {
    key(input, 'Escape');
    await sleep(60, ctx.signal);
  }
  if (input && input.ownerDocument.activeElement === input) blur(input);
  if (isOpen()) {
    // Click on the page's blank margin, as a person does to close a popup.
    const doc = input?.ownerDocument ?? document;
    const W = (doc.defaultView ?? window) as Window & typeof globalThis;
    for (const t of ['mousedown', 'mouseup', 'click']) doc.body.dispatchEvent(new W.MouseEvent(t, { bubbles: true, clientX: 1, clientY: 1 }));
    await waitFor(() => !isOpen(), { timeoutMs: 500, signal: ctx.signal }).catch(() => undefined);
  }
}

/**
 * layui 2.x form widgets (2.6 – 2.9 DOM). layui hides the native control and renders a sibling right
 * after it — `<select>` → `.layui-form-select` (title + `dl > dd[lay-value]`), checkbox →
 * `.layui-form-checkbox`, radio → `.layui-form-radio`, `lay-skin="switch"` → `.layui-form-switch` —
 * and binds its handlers with jQuery on those rendered parts, so we click them as a person does.
 * On submit layui reads the native controls (form.getValue), so the native value is the model we
 * verify after each write. laydate lives in laydate.ts; slider, rate and upload in layui-extras.ts.
 *
 * Pages put layui forms in iframes: every query goes through the field's own ownerDocument.
 * `form.render('select')` (after an AJAX level loads) replaces the rendered `.layui-form-select`, so
 * selects are tracked by their native `<select>` and the rendered part is looked up again each time.
 */
import { click, isDisabled, sleep, waitFor } from '../dom';
import { ignored, layText, renderedAfter, same, selfAndBelow } from './layui-dom';
import { laydate } from './laydate';
import { layuiRate, layuiSlider, layuiUpload } from './layui-extras';
import type { WidgetAdapter, WidgetContext, WriteOutcome } from './types';

// ---------------------------------------------------------------- layui-select

interface SelectOption { label: string; value: string; el?: HTMLElement; disabled: boolean }

/** Native <select>s in `root` that layui rendered (not `lay-ignore`), tracked across re-renders. */
function layuiSelects(root: Element): HTMLSelectElement[] {
  if (root.matches('.layui-form-select') && !root.classList.contains('layui-select-panel-wrap')) {
    const prev = root.previousElementSibling;
    return prev instanceof (root.ownerDocument.defaultView ?? window).HTMLSelectElement ? [prev as HTMLSelectElement] : [];
  }
  return selfAndBelow<HTMLSelectElement>(root, 'select').filter((s) => !ignored(s) && !!renderedAfter(s, 'layui-form-select'));
}

const renderedSelect = (sel: HTMLSelectElement) => renderedAfter(sel, 'layui-form-select');
const titleInput = (sel: HTMLSelectElement) =>
  renderedSelect(sel)?.querySelector<HTMLInputElement>('.layui-select-title input') ?? undefined;

/** The open dropdown list: inside the rendered select, or (lay-append-to) a panel wrap in <body>. */
function openList(sel: HTMLSelectElement): HTMLElement | undefined {
  const r = renderedSelect(sel);
  if (!r) return undefined;
  if (r.classList.contains('layui-form-selected')) {
    const own = r.querySelector<HTMLElement>(':scope > dl');
    if (own) return own;
    const panel = Array.from(sel.ownerDocument.querySelectorAll<HTMLElement>('.layui-select-panel-wrap > dl')).pop();
    if (panel) return panel;
  }
  return undefined;
}

/** What the dropdown offers (placeholder excluded): the rendered `dd`s, else the native options. */
function selectOptions(sel: HTMLSelectElement): SelectOption[] {
  const dl = renderedSelect(sel)?.querySelector(':scope > dl') ?? openList(sel);
  if (dl) {
    return Array.from(dl.querySelectorAll<HTMLElement>('dd'))
      .filter((dd) => !dd.classList.contains('layui-select-tips') && !dd.classList.contains('layui-select-create-option'))
      .filter((dd) => !(dd.getAttribute('lay-value') === '' && dd.classList.contains('layui-disabled'))) // "没有选项"
      .map((dd) => ({ label: layText(dd) || (dd.textContent ?? '').trim(), value: dd.getAttribute('lay-value') ?? '', el: dd, disabled: dd.classList.contains('layui-disabled') }));
  }
  return Array.from(sel.options)
    .filter((o, i) => !(i === 0 && o.value === ''))
    .map((o) => ({ label: (o.textContent ?? '').trim(), value: o.value, disabled: o.disabled }));
}

const signature = (sel: HTMLSelectElement) => selectOptions(sel).map((o) => `${o.value}=${o.label}`).join('|');

function readSelect(sel: HTMLSelectElement): string {
  const t = titleInput(sel);
  if (t) return t.value.trim();
  const o = sel.options[sel.selectedIndex];
  return o && o.value !== '' ? (o.textContent ?? '').trim() : '';
}

/** Options arriving by AJAX: wait for the wanted one; give up once a non-empty list stays unchanged. */
const SETTLE_MS = 700;

async function findOption(sel: HTMLSelectElement, wanted: string, ctx: WidgetContext): Promise<SelectOption | SelectOption[]> {
  const deadline = Date.now() + ctx.timeoutMs;
  let sig = signature(sel);
  let since = Date.now();
  for (;;) {
    const options = selectOptions(sel);
    const hit = options.find((o) => same(o.label, wanted));
    if (hit) return hit;
    const now = signature(sel);
    if (now !== sig) { sig = now; since = Date.now(); }
    if ((options.length && Date.now() - since >= SETTLE_MS) || Date.now() >= deadline) return options;
    await sleep(40, ctx.signal);
  }
}

async function writeSelect(sel: HTMLSelectElement, wanted: string, ctx: WidgetContext): Promise<WriteOutcome> {
  if (sel.disabled || renderedSelect(sel)?.classList.contains('layui-select-disabled')) return { status: 'disabled' };
  if (wanted === '') return clearSelect(sel);
  const found = await findOption(sel, wanted, ctx);
  if (Array.isArray(found)) return { status: 'no-option', wanted, seen: found.map((o) => o.label) };
  if (found.disabled) return { status: 'error', message: `选项「${found.label}」不可选` };
  // Already chosen: picking it again would fire the page's select(...) handler and clear the next levels.
  if (sel.value === found.value && same(readSelect(sel), found.label)) return { status: 'done' };

  const title = renderedSelect(sel)?.querySelector<HTMLElement>('.layui-select-title');
  if (!title) return { status: 'error', message: '下拉框尚未渲染' };
  if (!openList(sel)) click(title);
  const dd = await waitFor(() => {
    const list = openList(sel);
    return list && Array.from(list.querySelectorAll<HTMLElement>('dd')).find((d) => d.getAttribute('lay-value') === found.value && same(layText(d), found.label));
  }, { timeoutMs: Math.min(ctx.timeoutMs, 3000), signal: ctx.signal, what: `下拉选项「${wanted}」` }).catch(() => undefined);
  if (!dd) return { status: 'error', message: `下拉框未展开选项「${wanted}」` };
  click(dd);
  const ok = await waitFor(() => sel.value === found.value, { timeoutMs: 1000, signal: ctx.signal }).catch(() => false);
  if (!ok) return { status: 'error', message: `选择「${wanted}」未生效` };
  return { status: 'done' };
}

/** Picks the placeholder entry (`.layui-select-tips`), which layui offers as "请选择…". */
async function clearSelect(sel: HTMLSelectElement): Promise<WriteOutcome> {
  if (sel.value === '') return { status: 'done' };
  const title = renderedSelect(sel)?.querySelector<HTMLElement>('.layui-select-title');
  if (title && !openList(sel)) click(title);
  const tips = openList(sel)?.querySelector<HTMLElement>('dd.layui-select-tips');
  if (!tips) {
    if (title && openList(sel)) click(title);
    return { status: 'error', message: '该下拉框没有可清空的"请选择"项' };
  }
  click(tips);
  return sel.value === '' ? { status: 'done' } : { status: 'error', message: '清空下拉框未生效' };
}

const layuiSelect: WidgetAdapter = {
  kind: 'layui-select',
  family: 'layui',
  detect: (root) => layuiSelects(root).length > 0,
  /** One select: its label. Linked selects in one field (省/市/区…): the chosen labels in order. */
  read(root) {
    const sels = layuiSelects(root);
    if (sels.length <= 1) return sels[0] ? readSelect(sels[0]) : null;
    const path: string[] = [];
    for (const s of sels) {
      const v = readSelect(s);
      if (!v) break;
      path.push(v);
    }
    return path;
  },
  /**
   * A string picks in the field's (first) select; a string[] walks linked selects in order, waiting
   * after each level for the next one's options to be replaced (AJAX) before looking for the label.
   */
  async write(root, value, ctx) {
    const sels = layuiSelects(root);
    if (!sels.length) return { status: 'error', message: '没有找到 layui 下拉框' };
    const path = Array.isArray(value) ? value.map(String) : [value === null || value === false ? '' : String(value)];
    if (path.length > sels.length) return { status: 'error', message: `该字段只有 ${sels.length} 级下拉框，值有 ${path.length} 级` };
    for (const [i, wanted] of path.entries()) {
      const sel = sels[i]!;
      const next = sels[i + 1];
      const before = next ? signature(next) : '';
      const was = sel.value;
      const out = await writeSelect(sel, wanted, ctx);
      if (out.status !== 'done') return out;
      // The page reloads the next level in its select(...) handler: let the old list go first.
      if (next && sel.value !== was && i + 1 < path.length) {
        await waitFor(() => signature(next) !== before, { timeoutMs: Math.min(ctx.timeoutMs, 3000), signal: ctx.signal }).catch(() => undefined);
      }
    }
    return { status: 'done' };
  },
};

// ---------------------------------------------------------------- checkboxes, radios, switches

interface Choice { input: HTMLInputElement; box: HTMLElement; title: string }

function choices(root: Element, type: 'checkbox' | 'radio' | 'switch'): Choice[] {
  const selector = type === 'radio' ? 'input[type="radio"]' : 'input[type="checkbox"]';
  const cls = type === 'radio' ? 'layui-form-radio' : type === 'switch' ? 'layui-form-switch' : 'layui-form-checkbox';
  const out: Choice[] = [];
  for (const input of selfAndBelow<HTMLInputElement>(root, selector)) {
    if (ignored(input)) continue;
    const isSwitch = input.getAttribute('lay-skin') === 'switch';
    if ((type === 'switch') !== isSwitch) continue;
    const box = renderedAfter(input, cls);
    if (!box) continue;
    // Switch titles are "on|off" (`title`, or `lay-text` before 2.8); the box shows only one half.
    const title = type === 'switch' ? (input.title || input.getAttribute('lay-text') || '') : layText(box) || input.title || '';
    out.push({ input, box, title });
  }
  return out;
}

const boxDisabled = (c: Choice) => c.input.disabled || isDisabled(c.box);

async function toggle(c: Choice, want: boolean, ctx: WidgetContext): Promise<boolean> {
  if (c.input.checked === want) return true;
  click(c.box);
  return waitFor(() => c.input.checked === want, { timeoutMs: 1000, signal: ctx.signal }).catch(() => false);
}

const layuiCheckbox: WidgetAdapter = {
  kind: 'layui-checkbox',
  family: 'layui',
  detect: (root) => choices(root, 'checkbox').length > 0,
  /** Titles of the ticked boxes; a lone untitled box (an "I agree" tick) reads as a boolean. */
  read(root) {
    const all = choices(root, 'checkbox');
    if (all.length === 1 && !all[0]!.title) return all[0]!.input.checked;
    return all.filter((c) => c.input.checked).map((c) => c.title);
  },
  /** Ticks exactly the wanted titles; a boolean sets a lone box. Unknown titles: nothing is changed. */
  async write(root, value, ctx) {
    const all = choices(root, 'checkbox');
    if (!all.length) return { status: 'error', message: '没有找到 layui 复选框' };
    let want: (c: Choice) => boolean;
    if (typeof value === 'boolean') {
      if (all.length !== 1) return { status: 'error', message: `该字段有 ${all.length} 个复选框，需要给出要勾选的项` };
      want = () => value;
    } else {
      const wanted = value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
      const missing = wanted.filter((w) => !all.some((c) => same(c.title, w)));
      if (missing.length) return { status: 'no-option', wanted: missing.join('、'), seen: all.map((c) => c.title) };
      want = (c) => wanted.some((w) => same(c.title, w));
    }
    const changes = all.filter((c) => c.input.checked !== want(c));
    if (changes.some(boxDisabled)) return { status: 'disabled' };
    for (const c of changes) {
      if (!(await toggle(c, want(c), ctx))) return { status: 'error', message: `复选框「${c.title}」未能${want(c) ? '勾选' : '取消'}` };
    }
    return { status: 'done' };
  },
};

const layuiRadio: WidgetAdapter = {
  kind: 'layui-radio',
  family: 'layui',
  detect: (root) => choices(root, 'radio').length > 0,
  read(root) {
    return choices(root, 'radio').find((c) => c.input.checked)?.title ?? '';
  },
  async write(root, value, ctx) {
    const all = choices(root, 'radio');
    if (!all.length) return { status: 'error', message: '没有找到 layui 单选框' };
    if (value === null || value === '') {
      return all.some((c) => c.input.checked) ? { status: 'error', message: '单选框选中后无法清空' } : { status: 'done' };
    }
    const wanted = String(value);
    const hit = all.find((c) => same(c.title, wanted));
    if (!hit) return { status: 'no-option', wanted, seen: all.map((c) => c.title) };
    if (hit.input.checked) return { status: 'done' };
    if (boxDisabled(hit)) return { status: 'disabled' };
    return (await toggle(hit, true, ctx)) ? { status: 'done' } : { status: 'error', message: `单选「${wanted}」未生效` };
  },
};

const layuiSwitch: WidgetAdapter = {
  kind: 'layui-switch',
  family: 'layui',
  detect: (root) => choices(root, 'switch').length > 0,
  read(root) {
    const c = choices(root, 'switch')[0];
    return c ? c.input.checked : null;
  },
  /** true / false, or the switch's own on / off text (`title="开启|关闭"`). */
  async write(root, value, ctx) {
    const c = choices(root, 'switch')[0];
    if (!c) return { status: 'error', message: '没有找到 layui 开关' };
    let want: boolean;
    if (typeof value === 'boolean') want = value;
    else {
      const [on = '', off = ''] = c.title.split('|');
      const v = String(value ?? '');
      if (on && same(v, on)) want = true;
      else if (off && same(v, off)) want = false;
      else return { status: 'no-option', wanted: v, seen: [on, off].filter(Boolean) };
    }
    if (c.input.checked === want) return { status: 'done' };
    if (boxDisabled(c)) return { status: 'disabled' };
    return (await toggle(c, want, ctx)) ? { status: 'done' } : { status: 'error', message: '开关未能切换' };
  },
};

/** Composite widgets first: a slider's input box or an upload's file input must not pass for something else. */
export const layuiWidgets: WidgetAdapter[] = [layuiUpload, layuiSlider, layuiRate, layuiSelect, layuiCheckbox, layuiRadio, layuiSwitch, laydate];

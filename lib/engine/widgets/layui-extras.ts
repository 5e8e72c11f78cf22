/**
 * layui's non-form widgets that admin pages put in forms: slider, rate and upload (2.6 – 2.9 DOM).
 * None of them is a form control: the page keeps their value wherever its callbacks put it (usually
 * a hidden input), so these adapters drive them as a person does — drag the handle, click the star,
 * pick the file — and read back what the widget shows.
 *
 * - slider: `div#elem > .layui-slider > .layui-slider-wrap > .layui-slider-wrap-btn`; the value shows
 *   in `.layui-slider-tips` while a handle is hovered or dragged (through the page's `setTips`), and
 *   in the `.layui-slider-input` box when the page asked for one. Written by dragging the handle
 *   (mousedown on it, mousemoves on layui's `#LAY-slider-moving` overlay, mouseup), searching for
 *   the position whose tip shows the wanted number; horizontal sliders only.
 * - rate: `div#elem > ul.layui-rate > li > i.layui-icon-rate(-solid|-half)`; written by clicking the
 *   star (its left half for a half star).
 * - upload: layui puts `<input type=file class="layui-upload-file">` after the button; a pick uploads
 *   at once (auto) and layui clears the input when the server answers. What the field shows is the
 *   page's own preview, so the names are read from the thumbnails' `alt` / `title` in the field.
 */
import { isDisabled, mimeOf, setFiles, sleep, textOf, waitFor } from '../dom';
import { mouseAt, selfAndBelow } from './layui-dom';
import type { FileValue, WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';

const done: WriteOutcome = { status: 'done' };
const error = (message: string): WriteOutcome => ({ status: 'error', message });
const numberIn = (s: string | null | undefined) => { const m = /-?\d+(?:\.\d+)?/.exec(s ?? ''); return m ? Number(m[0]) : undefined; };
const center = (el: Element) => { const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; };

// ---------------------------------------------------------------- slider

const sliderOf = (root: Element) => selfAndBelow<HTMLElement>(root, '.layui-slider')[0];
const handles = (s: Element) => Array.from(s.querySelectorAll<HTMLElement>(':scope > .layui-slider-wrap'));
const tipOf = (s: Element) => s.querySelector<HTMLElement>(':scope > .layui-slider-tips');
const inputBox = (s: Element) => s.parentElement?.querySelector<HTMLInputElement>('.layui-slider-input-txt input') ?? undefined;

/** What one handle's tip shows, hovering it the way a person checks a slider's value. */
function handleValue(s: HTMLElement, wrap: HTMLElement): number | undefined {
  const btn = wrap.querySelector('.layui-slider-wrap-btn');
  const tip = tipOf(s);
  if (!btn || !tip) return undefined;
  const { x, y } = center(btn);
  mouseAt(btn, 'mouseover', x, y);
  const v = numberIn(textOf(tip) || tip.textContent);
  mouseAt(btn, 'mouseout', x, y, btn.ownerDocument.body);
  return v;
}

function sliderValues(s: HTMLElement): number[] | undefined {
  const wraps = handles(s);
  const box = inputBox(s);
  if (wraps.length === 1 && box) return numberIn(box.value) === undefined ? undefined : [numberIn(box.value)!];
  const vs = wraps.map((w) => handleValue(s, w));
  if (vs.some((v) => v === undefined)) return undefined;
  return (vs as number[]).sort((a, b) => a - b);
}

/** Drags one handle until its tip shows `wanted` (binary search over the track); false if no position does. */
async function drag(s: HTMLElement, wrap: HTMLElement, wanted: number, ctx: WidgetContext): Promise<number | undefined> {
  const btn = wrap.querySelector<HTMLElement>('.layui-slider-wrap-btn')!;
  const doc = s.ownerDocument;
  const tip = tipOf(s);
  const box = inputBox(s);
  const start = center(btn);
  const from = wrap.offsetLeft; // layui: new position = offsetLeft at mousedown + (clientX − start clientX)
  mouseAt(btn, 'mousedown', start.x, start.y);
  const overlay = await waitFor(() => doc.getElementById('LAY-slider-moving'), { timeoutMs: 500, signal: ctx.signal }).catch(() => null);
  if (!overlay) return undefined;
  const at = (px: number) => {
    mouseAt(overlay, 'mousemove', start.x + (px - from), start.y);
    return numberIn(tip ? tip.textContent : box?.value);
  };
  let lo = 0;
  let hi = s.offsetWidth;
  while (lo < hi) { // the smallest position whose value is >= wanted
    const mid = Math.floor((lo + hi) / 2);
    const v = at(mid);
    if (v === undefined) break;
    if (v < wanted) lo = mid + 1; else hi = mid;
  }
  const got = at(lo);
  const ok = got === wanted;
  if (!ok) at(from); // put the handle back where it was before letting go
  mouseAt(overlay, 'mouseup', start.x, start.y);
  await sleep(20, ctx.signal);
  return ok ? wanted : got;
}

export const layuiSlider: WidgetAdapter = {
  kind: 'layui-slider',
  family: 'layui',
  detect: (root) => !!sliderOf(root),
  /** The number shown (a range slider: [low, high]), as text, without the page's unit (`30%` → `30`). */
  read(root) {
    const s = sliderOf(root);
    const vs = s && sliderValues(s);
    if (!vs) return null;
    return vs.length === 1 ? String(vs[0]) : vs.map(String);
  },
  async write(root, value, ctx) {
    const s = sliderOf(root);
    if (!s) return error('没有找到 layui 滑块');
    if (isDisabled(s)) return { status: 'disabled' };
    if (s.classList.contains('layui-slider-vertical')) return error('暂不支持竖向滑块');
    const wraps = handles(s);
    const wanted = (Array.isArray(value) ? value : [value]).map((v) => numberIn(String(v ?? '')));
    if (wanted.length !== wraps.length || wanted.some((v) => v === undefined)) {
      return error(`滑块需要 ${wraps.length} 个数值，收到「${String(value)}」`);
    }
    if (!tipOf(s) && !inputBox(s)) return error('滑块不显示数值（tips 关闭且无输入框），无法核对');
    for (const [i, w] of wraps.entries()) {
      const got = await drag(s, w, wanted[i]!, ctx);
      if (got !== wanted[i]) return error(`滑块取不到 ${wanted[i]}${got === undefined ? '' : `（最接近的是 ${got}）`}`);
    }
    const now = sliderValues(s);
    const want = (wanted as number[]).slice().sort((a, b) => a - b);
    return now && now.every((v, i) => v === want[i]) ? done : error(`滑块现为 ${now?.join(' - ') ?? '未知'}`);
  },
};

// ---------------------------------------------------------------- rate

const rateOf = (root: Element) => selfAndBelow<HTMLElement>(root, 'ul.layui-rate')[0];

function rateValue(ul: HTMLElement): number {
  const icons = Array.from(ul.querySelectorAll('li > i'));
  return icons.filter((i) => i.classList.contains('layui-icon-rate-solid') && !i.classList.contains('layui-icon-rate-half')).length
    + icons.filter((i) => i.classList.contains('layui-icon-rate-half')).length / 2;
}

export const layuiRate: WidgetAdapter = {
  kind: 'layui-rate',
  family: 'layui',
  detect: (root) => !!rateOf(root),
  /** The number of stars shown, as text (`3`, `3.5`). */
  read(root) {
    const ul = rateOf(root);
    return ul ? String(rateValue(ul)) : null;
  },
  async write(root, value, ctx) {
    const ul = rateOf(root);
    if (!ul) return error('没有找到 layui 评分');
    const stars = Array.from(ul.querySelectorAll<HTMLElement>(':scope > li'));
    const n = numberIn(typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    if (n === undefined) return error(`评分需要一个数值，收到「${String(value)}」`);
    if (n === rateValue(ul)) return done;
    if (ul.hasAttribute('readonly')) return { status: 'disabled' };
    if (n === 0) return error('评分选中后无法清零');
    if (n < 0 || n > stars.length || (n * 2) % 1 !== 0) return { status: 'no-option', wanted: String(n), seen: stars.map((_, i) => String(i + 1)) };
    const li = stars[Math.ceil(n) - 1]!;
    const icon = li.querySelector('i') ?? li;
    // Measured right before each try: on a busy page the layout can still move between steps.
    for (let attempt = 0; attempt < 2 && rateValue(ul) !== n; attempt++) {
      li.scrollIntoView({ block: 'center' });
      const r = li.getBoundingClientRect();
      const w = icon.getBoundingClientRect().width || r.width;
      // layui takes a click within the icon's left half as half a star (when `half` is on) — the half
      // it measured once at render, before the icon font may have loaded: click at the very left edge.
      const x = r.left + (n % 1 ? 1 : Math.min(w * 0.9, r.width - 1));
      const y = r.top + r.height / 2;
      mouseAt(li, 'mouseover', x, y);
      mouseAt(li, 'mousemove', x, y);
      for (const t of ['mousedown', 'mouseup', 'click']) mouseAt(li, t, x, y);
      mouseAt(li, 'mouseout', x, y, ul.ownerDocument.body); // jQuery's mouseleave listens to mouseout
      await waitFor(() => rateValue(ul) === n, { timeoutMs: 300, signal: ctx.signal }).catch(() => undefined);
    }
    const got = rateValue(ul);
    return got === n ? done : error(`评分现为 ${got}${n % 1 ? '（该评分可能不支持半星）' : ''}`);
  },
};

// ---------------------------------------------------------------- upload

const uploadInput = (root: Element) => selfAndBelow<HTMLInputElement>(root, 'input.layui-upload-file')[0];

function shownFiles(root: Element): FileValue[] {
  return Array.from(root.querySelectorAll<HTMLImageElement>('img[alt], img[title]')).map((img) => {
    const name = img.getAttribute('alt') || img.getAttribute('title') || '';
    const src = img.getAttribute('src') ?? '';
    return { name, type: mimeOf(name), dataUrl: src.startsWith('data:') ? src : '' };
  }).filter((f) => f.name);
}

export const layuiUpload: WidgetAdapter = {
  kind: 'layui-upload',
  family: 'layui',
  detect: (root) => !!uploadInput(root),
  /** The files the field shows (its thumbnails' alt / title, and the picture when it is a data: URL). */
  read: (root) => shownFiles(root),
  /** Picks each file not yet shown, one at a time, waiting for the server's answer and the thumbnail. */
  async write(root, value: WidgetValue, ctx) {
    if (value === null) value = [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'object')) return error('上传控件需要文件');
    for (const f of value as FileValue[]) {
      if (shownFiles(root).some((s) => s.name === f.name)) continue;
      const input = uploadInput(root);
      if (!input) return error('上传入口已隐藏（数量已达上限？）');
      if (input.disabled || isDisabled(input)) return { status: 'disabled' };
      setFiles(input, [f]);
      const answered = await waitFor(() => input.value === '' && shownFiles(root).some((s) => s.name === f.name), {
        timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `上传「${f.name}」`,
      }).catch(() => false);
      if (!answered) return error(`「${f.name}」未能上传（页面没有显示它，或服务器没有应答）`);
    }
    return done;
  },
};

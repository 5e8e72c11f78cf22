/**
 * Ant Design Rate and Slider (antd 4 and 5 through rc-rate / rc-slider, Ant Design Vue 4 through its
 * own ports of them). Values are what a person reads: the number of stars lit (`'3'`, `'3.5'`), the
 * handle's position (`'60'`; a range slider gives `['20', '60']`).
 *
 * Rate is driven by clicking the star (its left half for a half star, as rc-rate measures the click
 * against the star's middle). Slider is driven with the keyboard on its handle (arrow keys move one
 * step; a person can do the same with Tab and arrows): exact, unlike a drag whose pixel-to-value
 * rounding depends on the slider's width.
 */
import { blur, click, focus, key } from '../dom';
import { FAMILY, asList, asText, disabled, done, failed, guarded, hasClass, own, poll, settle, winOf } from './antd-dom';
import type { WidgetAdapter, WidgetContext } from './types';

// ───────────────────────────── Rate ─────────────────────────────

const RATE = '.ant-rate';
const starsOf = (r: Element) => Array.from(r.querySelectorAll<HTMLElement>('li.ant-rate-star'));

function rateValue(r: Element): number {
  let n = 0;
  for (const s of starsOf(r)) {
    if (hasClass(s, 'ant-rate-star-full')) n += 1;
    else if (hasClass(s, 'ant-rate-star-half')) n += 0.5;
  }
  return n;
}

const antdRate: WidgetAdapter = {
  kind: 'antd-rate',
  family: FAMILY,
  detect: (root) => !!own(root, RATE),
  read: (root) => { const r = own(root, RATE); return r ? String(rateValue(r)) : ''; },
  write: (root, value, ctx) => guarded(async () => {
    const r = own(root, RATE);
    if (!r) return failed('未找到评分');
    const text = asText(value).trim();
    const want = text === '' ? 0 : Number(text);
    const stars = starsOf(r);
    if (!Number.isFinite(want) || want < 0 || want > stars.length || (want * 2) % 1 !== 0) {
      return failed(`评分「${text}」不在 0–${stars.length} 之内`);
    }
    const now = rateValue(r);
    if (now === want) return done;
    if (hasClass(r, 'ant-rate-disabled')) return disabled;
    if (!(await clickStar(r, want, ctx))) {
      const shown = rateValue(r);
      // rc-rate tells no one whether it takes half stars: a half value it rounded is put back.
      if (shown !== now) await clickStar(r, now, ctx);
      return failed(want === 0 ? '该评分不能清空' : want % 1 !== 0 ? '该评分不支持半星' : `评分显示为 ${shown}`);
    }
    return done;
  }),
};

/** Clicks the star that gives `want` (the lit value again clears it, with allowClear); true when it took. */
async function clickStar(r: HTMLElement, want: number, ctx: WidgetContext): Promise<boolean> {
  const now = rateValue(r);
  if (now === want) return true;
  const star = starsOf(r)[want === 0 ? Math.ceil(now) - 1 : Math.ceil(want) - 1];
  if (!star) return false;
  const half = want % 1 !== 0 || (want === 0 && now % 1 !== 0);
  click(star.querySelector(half ? '.ant-rate-star-first' : '.ant-rate-star-second') ?? star.querySelector('[role="radio"]') ?? star);
  const ok = await poll(() => rateValue(r) === want, 1000, ctx);
  // The pointer leaves the stars (rc-rate previews the hovered value until then).
  r.dispatchEvent(new (winOf(r).MouseEvent)('mouseleave', { bubbles: false }));
  await settle(20, ctx.signal);
  return !!ok && rateValue(r) === want;
}

// ───────────────────────────── Slider ─────────────────────────────

const SLIDER = '.ant-slider';
const handlesOf = (s: Element) => Array.from(s.querySelectorAll<HTMLElement>('.ant-slider-handle'));
const handleValue = (h: Element) => Number(h.getAttribute('aria-valuenow'));
const sliderValues = (s: Element) => handlesOf(s).map(handleValue).sort((a, b) => a - b);

/** Moves one handle to `want` with arrow keys, one step at a time; false when it stops moving. */
async function moveHandle(s: Element, index: number, want: number, signal?: AbortSignal): Promise<boolean> {
  for (let guard = 0; guard < 2000; guard++) {
    // rc-slider may re-render (and re-order) handles: find the one that holds the index-th value.
    const handles = handlesOf(s).sort((a, b) => handleValue(a) - handleValue(b));
    const h = handles[index];
    if (!h) return false;
    const now = handleValue(h);
    if (now === want) return true;
    focus(h);
    key(h, now < want ? 'ArrowRight' : 'ArrowLeft', 'keydown');
    key(h, now < want ? 'ArrowRight' : 'ArrowLeft', 'keyup');
    // React and Vue render a discrete event's update in a microtask queued during the dispatch.
    await Promise.resolve();
    if (handleValue(h) === now) {
      await settle(20, signal);
      if (handleValue(h) === now) return false;
    } else if (guard % 10 === 9) await settle(0, signal);
    // A step past the wanted value means the value is not on the slider's step grid.
    const next = handleValue(h);
    if ((now < want && next > want) || (now > want && next < want)) return false;
  }
  return false;
}

const antdSlider: WidgetAdapter = {
  kind: 'antd-slider',
  family: FAMILY,
  detect: (root) => !!own(root, SLIDER),
  read: (root) => {
    const s = own(root, SLIDER);
    if (!s) return '';
    const values = sliderValues(s).map(String);
    return values.length > 1 ? values : values[0] ?? '';
  },
  write: (root, value, ctx) => guarded(async () => {
    const s = own(root, SLIDER);
    if (!s) return failed('未找到滑块');
    const wanted = asList(value).map(Number);
    const count = handlesOf(s).length;
    if (wanted.length !== count || wanted.some((n) => !Number.isFinite(n))) return failed(`滑块需要 ${count} 个数值`);
    wanted.sort((a, b) => a - b);
    const h0 = handlesOf(s)[0];
    const min = Number(h0?.getAttribute('aria-valuemin') ?? 0);
    const max = Number(h0?.getAttribute('aria-valuemax') ?? 100);
    const out = wanted.find((n) => n < min || n > max);
    if (out !== undefined) return failed(`数值 ${out} 超出滑块范围 ${min}–${max}`);
    if (sliderValues(s).every((v, i) => v === wanted[i])) return done;
    if (hasClass(s, 'ant-slider-disabled')) return disabled;
    // Moving up: the upper handle first, so the lower one never has to cross it (and the reverse).
    const order = wanted.map((_, i) => i);
    if (count > 1 && wanted[0]! > sliderValues(s)[0]!) order.reverse();
    for (const i of order) {
      if (!(await moveHandle(s, i, wanted[i]!, ctx.signal))) {
        return failed(`滑块停在 ${sliderValues(s).join('、')}，无法设为 ${wanted[i]}（可能不在步长上）`);
      }
    }
    const active = s.ownerDocument.activeElement;
    if (active instanceof HTMLElement && s.contains(active)) blur(active);
    await settle(40, ctx.signal);
    return sliderValues(s).every((v, i) => v === wanted[i]) ? done : failed(`滑块显示为 ${sliderValues(s).join('、')}`);
  }),
};

export const antdScaleWidgets: WidgetAdapter[] = [antdRate, antdSlider];

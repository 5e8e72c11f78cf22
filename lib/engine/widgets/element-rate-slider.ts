/**
 * el-rate and el-slider (Element Plus and Element UI 2). Their value is a number; the adapters take
 * and give it as a string ("4", "65"), the way the screen shows it.
 *
 * DOM facts:
 * - el-rate: `.el-rate` (role slider, `aria-valuenow` = the shown value; it follows the pointer while
 *   hovering and returns to the model's value on mouseleave), one `span.el-rate__item` per star whose
 *   click selects it; with allow-half, a mousemove over the left half of a star arms the half value.
 *   Arrow keys on `.el-rate` step the value (0 included).
 * - el-slider: `.el-slider__runway` (Element UI: click sets the position; Element Plus: mousedown sets
 *   it and starts a drag that ends on the window's mouseup), `.el-slider__button-wrapper` (Element Plus:
 *   role slider with `aria-valuenow`; Element UI: no value attribute, its `left: N%` style tells)
 *   whose Left/Right keys move one step. Range sliders (two buttons) are not handled.
 */
import type { WidgetAdapter } from './types';
import { focus, isDisabled, key, sleep, waitFor } from '../dom';
import { DONE, FAMILY, asString, fail, part } from './element-dom';

/** A mouse event at a point inside `el` (fractions of its box), built in the element's own window. */
function mouseAt(el: Element, type: string, fx = 0.5, fy = 0.5): void {
  const w = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new w.MouseEvent(type, {
    bubbles: true, cancelable: true, composed: true, view: w, button: 0, buttons: type === 'mousedown' ? 1 : 0,
    clientX: r.left + r.width * fx, clientY: r.top + r.height * fy,
  }));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

// ----------------------------------------------------------------------------------------------- el-rate

function rateValue(rate: Element): number | null {
  const now = rate.getAttribute('aria-valuenow');
  if (now !== null && now !== '') return Number(now);
  return rate.querySelectorAll('.el-rate__icon.is-active, .el-rate__icon[class*="star-on"]').length;
}

const elRate: WidgetAdapter = {
  kind: 'el-rate',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-rate'),
  read: (root) => { const r = part(root, '.el-rate'); return r ? String(rateValue(r) ?? '') : null; },
  async write(root, value, ctx) {
    const rate = part(root, '.el-rate');
    if (!rate) return fail('找不到评分');
    const text = asString(value).trim();
    const wanted = text === '' ? 0 : Number(text);
    const items = Array.from(rate.querySelectorAll<HTMLElement>('.el-rate__item'));
    if (!Number.isFinite(wanted) || wanted < 0 || wanted > items.length) return { status: 'no-option', wanted: text, seen: items.map((_, i) => String(i + 1)) };
    if (rateValue(rate) === wanted) return DONE;
    if (isDisabled(rate)) return { status: 'disabled' };
    if (wanted === 0) {
      // No star means 0: step down with the keyboard, as a person using the keys would.
      for (let i = 0; i < items.length * 2 && rateValue(rate) !== 0; i++) { key(rate, 'ArrowLeft', 'keydown'); await sleep(30, ctx.signal); }
    } else {
      const star = items[Math.ceil(wanted) - 1]!;
      const half = wanted % 1 !== 0;
      mouseAt(star, 'mousemove', half ? 0.25 : 0.75);
      if (half) { const icon = star.querySelector('.el-rate__icon'); if (icon) mouseAt(icon, 'mousemove', 0.25); }
      mouseAt(star, 'mousedown');
      mouseAt(star, 'mouseup');
      mouseAt(star, 'click', half ? 0.25 : 0.75);
      mouseAt(rate, 'mouseleave'); // the shown value returns from the pointer's to the model's
      star.dispatchEvent(new MouseEvent('mouseleave', { bubbles: false }));
    }
    return waitFor(() => rateValue(rate) === wanted, { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal })
      .then(() => DONE, () => fail(`评分未变为 ${text}，现为 ${rateValue(rate)}`));
  },
};

// --------------------------------------------------------------------------------------------- el-slider

interface SliderParts { slider: HTMLElement; runway: HTMLElement; button: HTMLElement; min: number; max: number }

function sliderParts(root: Element): SliderParts | null {
  const slider = part(root, '.el-slider');
  const runway = slider?.querySelector<HTMLElement>('.el-slider__runway');
  const buttons = slider ? Array.from(slider.querySelectorAll<HTMLElement>('.el-slider__button-wrapper')) : [];
  if (!slider || !runway || buttons.length !== 1) return null;
  const aria = (name: string, fallback: number) => {
    const v = buttons[0]!.getAttribute(name) ?? slider.getAttribute(name);
    return v === null || v === '' ? fallback : Number(v);
  };
  return { slider, runway, button: buttons[0]!, min: aria('aria-valuemin', 0), max: aria('aria-valuemax', 100) };
}

function sliderValue(p: SliderParts): number {
  const now = p.button.getAttribute('aria-valuenow');
  if (now !== null && now !== '') return Number(now);
  const pct = parseFloat(p.button.style.left || (p.button.style.bottom ?? '0')) || 0; // Element UI
  return round(p.min + (pct / 100) * (p.max - p.min));
}

const elSlider: WidgetAdapter = {
  kind: 'el-slider',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-slider'),
  read: (root) => { const p = sliderParts(root); return p ? String(sliderValue(p)) : null; },
  async write(root, value, ctx) {
    const p = sliderParts(root);
    if (!p) return fail(part(root, '.el-slider') ? '范围滑块暂不支持' : '找不到滑块');
    const text = asString(value).trim();
    const wanted = Number(text);
    if (text === '' || !Number.isFinite(wanted)) return fail(`“${text}”不是数字`);
    if (wanted < p.min || wanted > p.max) return { status: 'no-option', wanted: text, seen: [`${p.min}–${p.max}`] };
    if (sliderValue(p) === wanted) return DONE;
    if (isDisabled(p.slider) || p.slider.matches('.is-disabled') || p.runway.matches('.is-disabled')) return { status: 'disabled' };
    if (p.slider.matches('.is-vertical')) return fail('竖向滑块暂不支持');
    // Click the runway where the value sits (Element UI listens to click, Element Plus to mousedown and
    // then waits for the window's mouseup to end the drag it starts).
    const fx = (wanted - p.min) / (p.max - p.min);
    mouseAt(p.runway, 'mousedown', fx);
    await sleep(30, ctx.signal);
    mouseAt(p.runway, 'mouseup', fx);
    mouseAt(p.runway, 'click', fx);
    await sleep(60, ctx.signal);
    // Then step with the arrow keys until it shows exactly the value (rounding to the step).
    focus(p.button);
    let last = NaN;
    for (let i = 0; i < 200 && sliderValue(p) !== wanted; i++) {
      const now = sliderValue(p);
      key(p.button, now < wanted ? 'ArrowRight' : 'ArrowLeft', 'keydown');
      const moved = await waitFor(() => sliderValue(p) !== now, { timeoutMs: 300, signal: ctx.signal }).then(() => true, () => false);
      if (!moved || sliderValue(p) === last) break; // at an end, or stepping over the value (not on the step grid)
      last = now;
    }
    p.button.blur();
    return sliderValue(p) === wanted ? DONE : fail(`滑块停在 ${sliderValue(p)}（值须落在步长上）`);
  },
};

export const elementRateSliderWidgets: WidgetAdapter[] = [elRate, elSlider];

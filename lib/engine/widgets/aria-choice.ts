/**
 * Generic choices by role and state: `role="switch"` (aria-checked), `role="checkbox"` (a group, or a
 * single yes/no box), `role="radiogroup"` / `role="radio"`, and the native radio and checkbox inputs
 * that custom boxes hide (opacity 0, 0×0, clipped), operated through the box or label a person sees.
 * Visible native inputs are left to the native adapters (lib/engine/widgets/native.ts).
 */
import { click, isVisible, waitFor } from '../dom';
import { flatQueryAll } from '../shadow';
import {
  FAMILY, asBoolean, asList, choiceName, clickTargetOf, done, failed, guarded, hiddenInputs, insideAny, isDisabledEl, isOn, noOption, same,
} from './aria-kit';
import type { WidgetAdapter, WidgetContext, WriteOutcome } from './types';

/** Turns one choice to `on` like a person: a click on what they see, then the state is read back. */
async function setChoice(el: Element, on: boolean, ctx: WidgetContext): Promise<WriteOutcome | null> {
  if (isOn(el) === on) return null;
  if (isDisabledEl(el)) return { status: 'disabled' };
  const target = el.tagName === 'INPUT' ? clickTargetOf(el as HTMLInputElement) : el;
  click(target);
  const took = () => isOn(el) === on;
  // A box drawn beside a hidden input may not forward the click: the input itself is what a label would click.
  if (!took() && target !== el) await waitFor(took, { timeoutMs: Math.min(300, ctx.timeoutMs), signal: ctx.signal }).catch(() => click(el));
  await waitFor(took, { timeoutMs: Math.min(1000, ctx.timeoutMs), signal: ctx.signal, what: `切换「${choiceName(el)}」` }).catch(() => undefined);
  return took() ? null : failed(`「${choiceName(el)}」没有${on ? '选中' : '取消'}`);
}

// ───────────────────────────── switch ─────────────────────────────

const switches = (root: Element) => flatQueryAll(root, '[role="switch"]').filter(isVisible);

export const ariaSwitch: WidgetAdapter = {
  kind: 'aria-switch',
  family: FAMILY,
  detect: (root) => switches(root).length === 1,
  read: (root) => { const s = switches(root)[0]; return s ? s.getAttribute('aria-checked') === 'true' : null; },
  write: (root, value, ctx) => guarded(async () => {
    const s = switches(root)[0];
    if (!s) return failed('未找到开关');
    const on = asBoolean(value);
    if (on === undefined) return failed('开关需要 true 或 false');
    return (await setChoice(s, on, ctx)) ?? done;
  }),
};

// ───────────────────────────── checkbox ─────────────────────────────

function checkboxes(root: Element): Element[] {
  const roled = flatQueryAll(root, '[role="checkbox"], [role="menuitemcheckbox"]').filter(isVisible);
  const inputs = hiddenInputs(root, 'checkbox').filter((i) => !insideAny(i, roled));
  return [...roled, ...inputs];
}

/** One box with no text of its own (or the field root itself) is a yes/no field. */
function isYesNo(root: Element, boxes: Element[]): boolean {
  return boxes.length === 1 && (boxes[0] === root || choiceName(boxes[0]!) === '');
}

export const ariaCheckbox: WidgetAdapter = {
  kind: 'aria-checkbox',
  family: FAMILY,
  detect: (root) => checkboxes(root).length > 0,
  read(root) {
    const boxes = checkboxes(root);
    if (!boxes.length) return null;
    if (isYesNo(root, boxes)) return isOn(boxes[0]!);
    return boxes.filter(isOn).map(choiceName);
  },
  write: (root, value, ctx) => guarded(async () => {
    const boxes = checkboxes(root);
    if (!boxes.length) return failed('未找到复选框');
    if (typeof value === 'boolean' || (isYesNo(root, boxes) && asBoolean(value) !== undefined)) {
      if (boxes.length !== 1) return failed(`该字段有 ${boxes.length} 个复选框，需要给出要勾选的项`);
      return (await setChoice(boxes[0]!, asBoolean(value)!, ctx)) ?? done;
    }
    const wanted = asList(value);
    const missing = wanted.find((w) => !boxes.some((b) => same(choiceName(b), w)));
    if (missing !== undefined) return noOption(missing, boxes.map(choiceName));
    for (const b of boxes) {
      const out = await setChoice(b, wanted.some((w) => same(choiceName(b), w)), ctx);
      if (out) return out;
    }
    return done;
  }),
};

// ───────────────────────────── radio group ─────────────────────────────

function radios(root: Element): Element[] {
  const roled = flatQueryAll(root, '[role="radio"], [role="menuitemradio"]').filter(isVisible);
  const inputs = hiddenInputs(root, 'radio').filter((i) => !insideAny(i, roled));
  return [...roled, ...inputs];
}

export const ariaRadioGroup: WidgetAdapter = {
  kind: 'aria-radiogroup',
  family: FAMILY,
  detect: (root) => radios(root).length > 0,
  read(root) {
    const on = radios(root).find(isOn);
    return on ? choiceName(on) : '';
  },
  write: (root, value, ctx) => guarded(async () => {
    const all = radios(root);
    if (!all.length) return failed('未找到单选框');
    const wanted = asList(value);
    if (!wanted.length) return all.some(isOn) ? failed('单选框选中后无法清空') : done;
    if (wanted.length > 1) return failed('单选组只能选一项');
    const hit = all.find((r) => same(choiceName(r), wanted[0]!));
    if (!hit) return noOption(wanted[0]!, all.map(choiceName));
    return (await setChoice(hit, true, ctx)) ?? done;
  }),
};

/**
 * layui's laydate (2.6 – 2.9). laydate marks the element it was rendered on with `lay-key` (and, from
 * 2.8, `lay-laydate-id`) and draws its panel into that element's own <body> as
 * `#layui-laydate<lay-key>`. The element is usually the input itself — a date, datetime, time, or a
 * one-input range whose text is `start - end` — or, for `range: ['#start', '#end']`, a container
 * holding the start and end inputs. The value is the inputs' text, in the picker's display format.
 */
import { blur, click, fire, isDisabled, typeInto, waitFor } from '../dom';
import { layText, pressOutside, selfAndBelow } from './layui-dom';
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';

const MARKED = '[lay-key], [lay-laydate-id]';
const isInput = (el: Element) => el.tagName === 'INPUT';

/** One laydate: the element it was rendered on and the input(s) it fills (one, or start and end). */
interface Unit { owner: HTMLElement; inputs: HTMLInputElement[] }

function units(root: Element): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<Element>();
  // `root` may sit inside a start/end container (a fallback locator found one of its inputs).
  const around = root.parentElement?.closest(MARKED);
  const owners = [...(around && !isInput(around) ? [around] : []), ...selfAndBelow<HTMLElement>(root, MARKED)];
  for (const owner of owners as HTMLElement[]) {
    if (seen.has(owner) || owner.closest('.layui-form-select')) continue;
    seen.add(owner);
    if (isInput(owner)) {
      if (!owner.parentElement?.closest(MARKED)) out.push({ owner, inputs: [owner as HTMLInputElement] });
      continue;
    }
    const inputs = Array.from(owner.querySelectorAll<HTMLInputElement>('input:not([type="hidden"])'));
    if (inputs.length === 2) out.push({ owner, inputs });
  }
  return out;
}

const inputsOf = (root: Element) => units(root).flatMap((u) => u.inputs);

/** The panel laydate renders for this unit. */
function panelOf(owner: HTMLElement): HTMLElement | null {
  const key = owner.getAttribute('lay-key');
  const doc = owner.ownerDocument;
  return key !== null ? doc.getElementById(`layui-laydate${key}`) : doc.querySelector<HTMLElement>('.layui-laydate:not(.layui-laydate-static)');
}

async function closePanel(owner: HTMLElement, ctx: WidgetContext): Promise<void> {
  if (!panelOf(owner)) return;
  pressOutside(owner.ownerDocument);
  await waitFor(() => !panelOf(owner), { timeoutMs: 1000, signal: ctx.signal }).catch(() => undefined);
}

/**
 * Types the text into the input(s) (laydate keeps whatever valid text the input holds), then opens the
 * calendar so laydate parses it — correcting a malformed or out-of-range value and showing its hint —
 * and presses 确定, which writes laydate's own formatting back and fires the page's `done` callback.
 * Pressing Enter instead would make laydate keep the date it parsed when the panel opened.
 */
async function writeUnit({ owner, inputs }: Unit, texts: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  if (inputs.some((i) => i.disabled || isDisabled(i)) || isDisabled(owner)) return { status: 'disabled' };
  const previous = inputs.map((i) => i.value);
  const took = () => inputs.every((i, n) => i.value === texts[n]);
  const shown = () => inputs.map((i) => i.value).join(' / ');
  /** laydate would not take the text: put back what was there, so the cadre sees no invented date. */
  const refuse = async (hint: string): Promise<WriteOutcome> => {
    const made = shown();
    await closePanel(owner, ctx);
    inputs.forEach((i, n) => { typeInto(i, previous[n]!); fire(i, 'change'); });
    await closePanel(owner, ctx);
    inputs.forEach(blur);
    return { status: 'error', message: `日期「${texts.join(' / ')}」未被日期控件接受（控件改为「${made}」）${hint ? `：${hint}` : ''}` };
  };
  await closePanel(owner, ctx);
  inputs.forEach((i, n) => { typeInto(i, texts[n]!); fire(i, 'change'); });
  await closePanel(owner, ctx); // a `trigger: 'focus'` laydate opened on focus with the old value
  if (texts.every((t) => t === '')) {
    inputs.forEach(blur);
    return took() ? { status: 'done' } : { status: 'error', message: `日期框未能清空（现为「${shown()}」）` };
  }
  if (!took()) return refuse('');
  inputs.forEach(blur); // so the click's focus reaches a `trigger: 'focus'` laydate too
  click(inputs[0]!); // on a start/end container the click bubbles to laydate's handler
  const panel = await waitFor(() => panelOf(owner), { timeoutMs: 1500, signal: ctx.signal }).catch(() => null);
  if (panel) {
    // Opening parses the text; a malformed or out-of-range date is corrected right here, with a hint.
    if (!took()) return refuse(layText(panel.querySelector('.layui-laydate-hint')));
    const confirm = panel.querySelector<HTMLElement>('.laydate-btns-confirm');
    if (confirm && !confirm.classList.contains('laydate-disabled')) click(confirm);
    await closePanel(owner, ctx);
  }
  inputs.forEach(blur);
  return took() ? { status: 'done' } : refuse('');
}

export const laydate: WidgetAdapter = {
  kind: 'laydate',
  family: 'layui',
  detect: (root) => units(root).length > 0,
  /** The input's text in the picker's display format; start and end inputs in one field: both. */
  read(root) {
    const inputs = inputsOf(root);
    if (inputs.length <= 1) return inputs[0] ? inputs[0].value : null;
    return inputs.map((i) => i.value);
  },
  /** A string for one input; [start, end] for two inputs, or joined with " - " (laydate's range text) for one. */
  async write(root, value: WidgetValue, ctx) {
    const all = units(root);
    const count = all.reduce((n, u) => n + u.inputs.length, 0);
    if (!count) return { status: 'error', message: '没有找到 laydate 日期框' };
    if (typeof value === 'boolean') return { status: 'error', message: '日期框不接受布尔值' };
    const parts = Array.isArray(value) ? value.map(String) : [value === null ? '' : String(value)];
    // One box: the range text; a start/end pair given one `a - b` string: split it.
    const texts = count === 1 ? [parts.join(' - ')]
      : parts.length === 1 && count === 2 && /\s-\s/.test(parts[0]!) ? parts[0]!.split(/\s-\s/)
        : parts.length === 1 && parts[0] === '' ? new Array<string>(count).fill('') : parts;
    if (texts.length !== count) return { status: 'error', message: `该字段有 ${count} 个日期框，值有 ${texts.length} 个` };
    let at = 0;
    for (const unit of all) {
      const out = await writeUnit(unit, texts.slice(at, at + unit.inputs.length), ctx);
      if (out.status !== 'done') return out;
      at += unit.inputs.length;
    }
    return { status: 'done' };
  },
};

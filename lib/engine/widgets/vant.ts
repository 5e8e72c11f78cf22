/**
 * Vant 4 (Vue 3 H5) widgets. Every field is a `.van-field` cell; choices that need a popup (Picker,
 * DatePicker, TimePicker, PickerGroup, Cascader, Calendar) sit behind a readonly field that opens a
 * bottom popup, usually teleported to <body>. The field shows what the page formats (`2026年05月20日`,
 * `浙江省/杭州市`), never the model, so reads are the shown text.
 *
 * Pickers are wheels. On a desktop a person clicks options: Vant centres a clicked option, and only the
 * ~6 options in the wheel's window are clickable, so a far option is reached by clicking the window's
 * edge option until the wanted one shows, then clicking it — the same clicks a person makes. Date and
 * time wheels are matched by number (`05` = `05月` = 5), in column order, across PickerGroup tabs.
 */
import { blur, click, fire, isDisabled, isVisible, normalizeText, pickByText, sleep, textOf, typeInto, setFiles, waitFor } from '../dom';
import type { FileValue, WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';

const FAMILY = 'vant';
const done: WriteOutcome = { status: 'done' };
const failed = (message: string): WriteOutcome => ({ status: 'error', message });
const noOption = (wanted: string, seen: string[]): WriteOutcome => ({ status: 'no-option', wanted, seen });
const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
const digits = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
const asList = (v: WidgetValue): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === '' ? [] : [String(v)]);

function own<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  return root.matches(selector) ? (root as unknown as T) : root.querySelector<T>(selector);
}
function all<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return Array.from(root.querySelectorAll<T>(selector));
}
async function guarded(run: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
  try {
    return await run();
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
}

/** A click at a point of `el` (default its centre) without scrolling anything: wheels must not scroll. */
function tapAt(el: Element, x?: number, y?: number): void {
  const w = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const r = el.getBoundingClientRect();
  const at = { clientX: x ?? r.left + r.width / 2, clientY: y ?? r.top + r.height / 2 };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const init = { bubbles: true, cancelable: true, composed: true, view: w, button: 0, buttons: type.endsWith('down') ? 1 : 0, ...at };
    el.dispatchEvent(type.startsWith('pointer') ? new w.PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, ...init }) : new w.MouseEvent(type, init));
  }
}

// ───────────────────────────── van-field text inputs ─────────────────────────────

const CONTROL = 'input.van-field__control, textarea.van-field__control';
const control = (root: Element) => own<HTMLInputElement | HTMLTextAreaElement>(root, CONTROL);

const vanField: WidgetAdapter = {
  kind: 'van-field',
  family: FAMILY,
  detect: (root) => { const c = control(root); return !!c && !c.readOnly; },
  read: (root) => control(root)?.value ?? '',
  write: (root, value) => guarded(async () => {
    const c = control(root);
    if (!c) return failed('未找到输入框');
    if (c.disabled || c.readOnly) return { status: 'disabled' };
    const text = asList(value).join('，');
    typeInto(c, text);
    fire(c, 'change');
    blur(c);
    await sleep(30);
    const ok = c.value === text || (c.inputMode === 'decimal' && Number(c.value) === Number(text));
    return ok ? done : failed(`输入后显示为「${c.value}」（该栏可能限制了字符或长度）`);
  }),
};

// ───────────────────────────── popups: Picker, DatePicker, Cascader, Calendar ─────────────────────────────

type Mode = 'auto' | 'picker' | 'date' | 'cascader' | 'calendar';
const popupField = (root: Element) => { const c = control(root); return !!c && c.readOnly && !!own(root, '.van-field'); };
const openPopups = (doc: Document) => all(doc.body, '.van-popup').filter(isVisible);

async function openPopup(root: Element, ctx: WidgetContext): Promise<HTMLElement> {
  const before = new Set(openPopups(root.ownerDocument));
  click(own(root, '.van-field') ?? root);
  return waitFor(() => openPopups(root.ownerDocument).find((p) => !before.has(p) && p.querySelector('.van-picker, .van-cascader, .van-calendar')),
    { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '弹出层' });
}

/** Closes a popup without choosing: cancel, the close icon, or the overlay, as a person would. */
async function dismiss(popup: HTMLElement, ctx: WidgetContext): Promise<void> {
  const btn = own(popup, '.van-picker__cancel, .van-cascader__close-icon, .van-popup__close-icon');
  if (btn && isVisible(btn)) tapAt(btn);
  else { const overlay = all(popup.ownerDocument.body, '.van-overlay').filter(isVisible).pop(); if (overlay) tapAt(overlay); }
  await waitFor(() => !isVisible(popup), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '关闭弹出层' }).catch(() => undefined);
}

async function confirm(popup: HTMLElement, selector: string, ctx: WidgetContext): Promise<WriteOutcome> {
  const btn = all(popup, selector).filter(isVisible).pop();
  if (!btn) return failed('未找到确认按钮');
  if (isDisabled(btn)) return failed('确认按钮不可用（选择不完整）');
  tapAt(btn);
  await waitFor(() => !isVisible(popup), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '弹出层关闭' });
  return done;
}

const ITEM = '.van-picker-column__item';
const itemsOf = (col: Element) => all(col, ITEM);

/**
 * Brings the option `match` picks to the centre of a wheel by clicking, stepping through the window.
 * The window is worked out from the layout (the wheel's height over a row's), not from on-screen rects,
 * which lag behind while the wheel animates: the rows a person could click once it has settled.
 */
async function turnWheel(col: HTMLElement, match: (text: string) => boolean, ctx: WidgetContext): Promise<WriteOutcome | 'ok'> {
  const target = itemsOf(col).find((li) => match(textOf(li)));
  if (!target) return noOption('', itemsOf(col).map(textOf));
  if (target.classList.contains('van-picker-column__item--disabled')) return { status: 'disabled' };
  for (let step = 0; step < 80; step++) {
    const items = itemsOf(col);
    const at = items.findIndex((li) => li.classList.contains('van-picker-column__item--selected'));
    const want = items.indexOf(target);
    if (at === want) return 'ok';
    const row = target.offsetHeight || 44;
    const rows = Math.max(1, Math.round(col.offsetHeight / row));
    const reach = Math.max(1, Math.floor((rows - 1) / 2)); // rows either side of the centre a person can click
    const from = at < 0 ? 0 : at;
    let next = want > from ? Math.min(want, from + reach) : Math.max(want, from - reach);
    while (next !== want && items[next]?.classList.contains('van-picker-column__item--disabled')) next += want > from ? -1 : 1;
    if (next === from) return failed('选项滚轮被不可选的选项挡住');
    tapAt(items[next]!);
    await waitFor(() => items[next]!.classList.contains('van-picker-column__item--selected'), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '选项滚轮转动', intervalMs: 10 });
  }
  return failed('选项滚轮没有转到位');
}

/** Visible wheels, tab by tab for a PickerGroup (each tab renders when first shown). */
async function* wheels(popup: HTMLElement, ctx: WidgetContext): AsyncGenerator<HTMLElement[]> {
  const tabs = all(popup, '.van-picker-group .van-tab');
  if (!tabs.length) { yield all(popup, '.van-picker-column').filter(isVisible); return; }
  for (const [i, tab] of tabs.entries()) {
    if (!tab.classList.contains('van-tab--active')) tapAt(tab);
    // Panes may sit side by side in a sliding track, so take the columns of this tab's own pane.
    yield await waitFor(() => {
      const wrapped = all(popup, '.van-picker-group .van-tab__panel-wrapper');
      const pane = (wrapped.length ? wrapped : all(popup, '.van-picker-group .van-tab__panel'))[i];
      const c = pane ? all(pane, '.van-picker-column') : [];
      return tab.classList.contains('van-tab--active') && c.length ? c : null;
    }, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `「${textOf(tab)}」选项卡` });
    await sleep(260, ctx.signal); // the track slides to the pane
  }
}

/** Text wheels: one label per column (a cascade picker's later columns change as earlier ones turn). */
async function writePicker(popup: HTMLElement, wanted: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  const cols = all(popup, '.van-picker-column').filter(isVisible);
  if (wanted.length !== cols.length) return failed(`该选择器有 ${cols.length} 列，给出的值有 ${wanted.length} 项`);
  for (let i = 0; i < cols.length; i++) {
    const col = all(popup, '.van-picker-column').filter(isVisible)[i]!;
    const got = await turnWheel(col, (t) => same(t, wanted[i]!), ctx);
    if (got !== 'ok') return got.status === 'no-option' ? noOption(wanted[i]!, got.seen) : got;
    await sleep(30, ctx.signal);
  }
  return confirm(popup, '.van-picker__confirm', ctx);
}

/** Date/time wheels: the numbers of the shown value, in order, onto the wheels in order. */
async function writeDateWheels(popup: HTMLElement, wanted: string, ctx: WidgetContext): Promise<WriteOutcome> {
  const nums = digits(wanted);
  let n = 0;
  for await (const cols of wheels(popup, ctx)) {
    for (const col of cols) {
      const want = nums[n++];
      if (want === undefined) return failed(`「${wanted}」的数字少于选择器的列数`);
      const got = await turnWheel(col, (t) => digits(t)[0] === want, ctx);
      if (got !== 'ok') return got.status === 'no-option' ? noOption(wanted, got.seen) : got;
    }
  }
  if (n !== nums.length) return failed(`「${wanted}」的数字多于选择器的列数（${n} 列）`);
  return confirm(popup, '.van-picker__confirm', ctx);
}

async function writeCascader(popup: HTMLElement, path: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  if (!path.length) return failed('级联选择需要至少一级');
  for (let level = 0; level < path.length; level++) {
    const options = await waitFor(() => {
      const pane = all(popup, '.van-cascader .van-tab__panel')[level];
      const list = pane ? all(pane, '.van-cascader__option') : [];
      return list.length && isVisible(pane!) ? list : null;
    }, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `第 ${level + 1} 级选项` });
    const hit = pickByText(options, path[level]!, (o) => textOf(own(o, 'span') ?? o));
    if (!hit) return noOption(path[level]!, options.map(textOf));
    if (hit.classList.contains('van-cascader__option--disabled')) return { status: 'disabled' };
    click(hit);
  }
  const closed = await waitFor(() => (!isVisible(popup) ? 'closed' : all(popup, '.van-cascader .van-tab__panel').length > path.length ? 'more' : null),
    { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '级联选择完成' });
  return closed === 'closed' ? done : failed(`「${path.join('/')}」不是完整路径（还有下一级）`);
}

/** The month elements with their [year, month]; Vant shows the first month's title in the header instead. */
function months(cal: HTMLElement): { el: HTMLElement; ym: number[] }[] {
  const list = all(cal, '.van-calendar__month').map((el) => ({ el, ym: digits(textOf(own(el, '.van-calendar__month-title'))) }));
  const second = list[1]?.ym;
  if (list[0] && list[0].ym.length < 2 && second?.length === 2) {
    list[0].ym = second[1] === 1 ? [second[0]! - 1, 12] : [second[0]!, second[1]! - 1];
  }
  return list;
}

async function clickDay(cal: HTMLElement, shown: string, ctx: WidgetContext): Promise<WriteOutcome | 'ok'> {
  const [y, m, d] = digits(shown);
  if (!y || !m || !d) return failed(`「${shown}」不是日期`);
  const month = months(cal).find((x) => x.ym[0] === y && x.ym[1] === m);
  if (!month) return noOption(shown, months(cal).map((x) => `${x.ym[0]}年${x.ym[1]}月`));
  const body = own(cal, '.van-calendar__body')!;
  body.scrollTop += month.el.getBoundingClientRect().top - body.getBoundingClientRect().top; // a person scrolls to the month
  const day = await waitFor(() => all(month.el, '.van-calendar__day').find((c) => digits(textOf(c))[0] === d),
    { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `${y}年${m}月的日期` });
  if (day.classList.contains('van-calendar__day--disabled')) return { status: 'disabled' };
  click(day);
  await sleep(50, ctx.signal);
  return 'ok';
}

async function writeCalendar(popup: HTMLElement, value: string[], ctx: WidgetContext): Promise<WriteOutcome> {
  const cal = own(popup, '.van-calendar')!;
  const range = !!cal.querySelector('.van-calendar__day--start, .van-calendar__day--end') || value.length === 2;
  if (!value.length || value.length > 2) return failed('日历需要一个日期或起止两个日期');
  for (const v of value) {
    const got = await clickDay(cal, v, ctx);
    if (got !== 'ok') return got;
  }
  if (range && value.length === 1) return failed('区间日历需要起止两个日期');
  if (!own(cal, '.van-calendar__confirm')) return waitFor(() => !isVisible(popup), { timeoutMs: ctx.timeoutMs, what: '日历关闭' }).then(() => done);
  return confirm(popup, '.van-calendar__confirm', ctx);
}

const RANGE_SEP = /\s*(?:至|~|～|—|–|\s-\s)\s*/;

function readPopupField(root: Element, mode: Mode): WidgetValue {
  const shown = control(root)?.value ?? '';
  if (!shown) return mode === 'cascader' ? [] : '';
  if (mode === 'cascader' || (mode === 'auto' && shown.includes('/'))) return shown.split(/\s*\/\s*/);
  if ((mode === 'calendar' || mode === 'auto') && RANGE_SEP.test(shown)) return shown.split(RANGE_SEP);
  return shown;
}

async function writePopupField(root: Element, value: WidgetValue, ctx: WidgetContext, mode: Mode): Promise<WriteOutcome> {
  const c = control(root);
  if (!c) return failed('未找到选择栏');
  if (c.disabled || isDisabled(own(root, '.van-field') ?? root)) return { status: 'disabled' };
  const wanted = asList(value);
  const popup = await openPopup(root, ctx);
  await sleep(320, ctx.signal); // the popup slides in for 300 ms; wheels measure their window meanwhile
  const kind: Mode = mode !== 'auto' ? mode
    : popup.querySelector('.van-cascader') ? 'cascader'
      : popup.querySelector('.van-calendar') ? 'calendar'
        : popup.querySelector('.van-picker-group') || (wanted.length === 1 && all(popup, ITEM).every((li) => /^\d+\D*$/.test(textOf(li)))) ? 'date' : 'picker';
  let out: WriteOutcome = failed('选择没有完成');
  try {
    if (kind === 'cascader') out = await writeCascader(popup, wanted, ctx);
    else if (kind === 'calendar') out = await writeCalendar(popup, wanted, ctx);
    else if (kind === 'date') out = wanted.length === 1 ? await writeDateWheels(popup, wanted[0]!, ctx) : failed('日期时间需要一个值');
    else out = await writePicker(popup, wanted, ctx);
  } finally {
    if (out.status !== 'done' && isVisible(popup)) await dismiss(popup, ctx); // leave nothing half-chosen
  }
  if (out.status !== 'done') return out;
  const shown = asList(readPopupField(root, kind === 'picker' ? 'auto' : kind));
  const ok = shown.length === wanted.length && shown.every((s, i) => same(s, wanted[i]!));
  return ok ? done : failed(`选择后显示为「${shown.join(' / ')}」`);
}

function popupAdapter(kind: string, mode: Mode): WidgetAdapter {
  return {
    kind, family: FAMILY,
    detect: (root) => mode === 'auto' && popupField(root),
    read: (root) => readPopupField(root, mode),
    write: (root, value, ctx) => guarded(() => writePopupField(root, value, ctx, mode)),
  };
}

// ───────────────────────────── radio, checkbox, switch ─────────────────────────────

const choiceText = (el: Element) => textOf(own(el, '.van-radio__label, .van-checkbox__label') ?? el);
const checked = (el: Element) => el.getAttribute('aria-checked') === 'true';

function choiceAdapter(kind: string, item: string, multiple: boolean): WidgetAdapter {
  return {
    kind, family: FAMILY,
    detect: (root) => !!root.querySelector(item),
    read(root) {
      const items = all(root, item);
      if (multiple && items.length === 1 && !choiceText(items[0]!)) return checked(items[0]!);
      const on = items.filter(checked).map(choiceText);
      return multiple ? on : (on[0] ?? '');
    },
    write: (root, value) => guarded(async () => {
      const items = all(root, item);
      if (typeof value === 'boolean' && multiple && items.length === 1) {
        if (checked(items[0]!) !== value) click(items[0]!);
        return done;
      }
      const wanted = asList(value);
      if (!multiple && wanted.length !== 1) return failed('单选只能选一项');
      const missing = wanted.find((w) => !items.some((i) => same(choiceText(i), w)));
      if (missing !== undefined) return noOption(missing, items.map(choiceText));
      for (const el of items) {
        const want = wanted.some((w) => same(choiceText(el), w));
        if (want === checked(el) || (!multiple && !want)) continue;
        if (isDisabled(el)) return { status: 'disabled' };
        click(el);
        await sleep(20);
      }
      const now = items.filter(checked).map(choiceText);
      return now.length === wanted.length ? done : failed(`选择后为「${now.join('、')}」（可能超过可选数量）`);
    }),
  };
}

const vanSwitch: WidgetAdapter = {
  kind: 'van-switch', family: FAMILY,
  detect: (root) => !!root.querySelector('.van-switch'),
  read: (root) => checked(root.querySelector('.van-switch')!),
  write: (root, value) => guarded(async () => {
    const sw = root.querySelector<HTMLElement>('.van-switch');
    if (!sw) return failed('未找到开关');
    if (typeof value !== 'boolean') return failed('开关需要 true 或 false');
    if (checked(sw) === value) return done;
    if (isDisabled(sw)) return { status: 'disabled' };
    click(sw);
    await sleep(30);
    return checked(sw) === value ? done : failed('开关没有切换');
  }),
};

// ───────────────────────────── stepper, rate, slider ─────────────────────────────

const vanStepper: WidgetAdapter = {
  kind: 'van-stepper', family: FAMILY,
  detect: (root) => !!root.querySelector('.van-stepper'),
  read: (root) => root.querySelector<HTMLInputElement>('.van-stepper__input')?.value ?? '',
  write: (root, value) => guarded(async () => {
    const input = root.querySelector<HTMLInputElement>('.van-stepper__input');
    if (!input) return failed('未找到步进器');
    if (input.disabled || input.readOnly) return { status: 'disabled' };
    const text = asList(value).join('');
    typeInto(input, text);
    blur(input);
    await sleep(30);
    return Number(input.value) === Number(text) ? done : failed(`输入后显示为「${input.value}」（超出范围或步长）`);
  }),
};

const vanRate: WidgetAdapter = {
  kind: 'van-rate', family: FAMILY,
  detect: (root) => !!root.querySelector('.van-rate'),
  read: (root) => String(all(root, '.van-rate__item').filter(checked).length),
  write: (root, value) => guarded(async () => {
    const items = all(root, '.van-rate__item');
    const n = Number(asList(value)[0]);
    if (!Number.isInteger(n) || n < 1 || n > items.length) return noOption(String(value), items.map((_, i) => String(i + 1)));
    if (isDisabled(root.querySelector('.van-rate')!) || root.querySelector('.van-rate--readonly')) return { status: 'disabled' };
    tapAt(items[n - 1]!);
    await sleep(30);
    return all(root, '.van-rate__item').filter(checked).length === n ? done : failed('评分没有改变');
  }),
};

const vanSlider: WidgetAdapter = {
  kind: 'van-slider', family: FAMILY,
  detect: (root) => !!root.querySelector('.van-slider'),
  read: (root) => root.querySelector('.van-slider [role="slider"]')?.getAttribute('aria-valuenow') ?? '',
  write: (root, value) => guarded(async () => {
    const bar = root.querySelector<HTMLElement>('.van-slider');
    const knob = bar?.querySelector('[role="slider"]');
    if (!bar || !knob) return failed('未找到滑块');
    if (isDisabled(bar) || knob.getAttribute('aria-readonly') === 'true') return { status: 'disabled' };
    const min = Number(knob.getAttribute('aria-valuemin') ?? 0);
    const max = Number(knob.getAttribute('aria-valuemax') ?? 100);
    const v = Number(asList(value)[0]);
    if (!Number.isFinite(v) || v < min || v > max) return noOption(String(value), [`${min}–${max}`]);
    const r = bar.getBoundingClientRect();
    tapAt(bar, r.left + ((v - min) / (max - min)) * r.width, r.top + r.height / 2); // a click on the bar at that value
    await sleep(30);
    const now = knob.getAttribute('aria-valuenow');
    return Number(now) === v ? done : failed(`滑块停在 ${now}（步长不允许 ${v}）`);
  }),
};

// ───────────────────────────── uploader ─────────────────────────────

const previews = (root: Element) => all(root, '.van-uploader__preview');

/**
 * What the previews show, synchronously. Vant previews through a blob: URL and shows no file name, so
 * the picture comes back re-encoded from the thumbnail (not the original bytes) under a made-up name.
 */
function readUploader(root: Element): FileValue[] {
  return previews(root).filter((p) => !p.querySelector('.van-uploader__mask')).map((p, n) => {
    const img = p.querySelector<HTMLImageElement>('img');
    const src = img?.getAttribute('src') ?? '';
    const named = textOf(p.querySelector('.van-uploader__file-name'));
    let dataUrl = src.startsWith('data:') ? src : '';
    if (!dataUrl && img?.complete && img.naturalWidth) {
      try {
        const canvas = p.ownerDocument.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        canvas.getContext('2d')!.drawImage(img, 0, 0);
        dataUrl = canvas.toDataURL('image/jpeg', 0.92);
      } catch { /* a cross-origin picture taints the canvas: name only */ }
    }
    const type = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'image/jpeg';
    const fromUrl = src && !/^(data|blob):/.test(src) ? decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '') : '';
    return { name: named || fromUrl || `图片${n + 1}.${type.split('/')[1] ?? 'jpg'}`, type, dataUrl };
  });
}

/** The pictures already in the list, as far as the page lets us tell (blob: previews are not comparable). */
const shownSources = (root: Element) => new Set(previews(root).map((p) => p.querySelector('img')?.getAttribute('src') ?? '').filter((s) => s.startsWith('data:')));

const vanUploader: WidgetAdapter = {
  kind: 'van-uploader', family: FAMILY,
  detect: (root) => !!root.querySelector('.van-uploader'),
  read: readUploader,
  write: (root, value, ctx) => guarded(async () => {
    const files = (Array.isArray(value) ? value : []) as FileValue[];
    if (!files.every((f) => typeof f === 'object' && f && f.dataUrl?.startsWith('data:'))) return failed('照片数据不完整（需要 data: URL）');
    const have = shownSources(root);
    const todo = files.filter((f) => !have.has(f.dataUrl));
    for (const batch of todo.length && root.querySelector<HTMLInputElement>('.van-uploader__input')?.multiple ? [todo] : todo.map((f) => [f])) {
      const input = root.querySelector<HTMLInputElement>('.van-uploader__input');
      if (!input) return failed('上传数量已满');
      if (input.disabled) return { status: 'disabled' };
      const before = previews(root).length;
      setFiles(input, batch);
      try {
        await waitFor(() => previews(root).length >= before + batch.length, { timeoutMs: Math.min(ctx.timeoutMs, 2000), signal: ctx.signal, what: '照片预览' });
        await waitFor(() => !root.querySelector('.van-uploader__loading'), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '照片上传' });
      } catch {
        return failed('页面没有接收或上传照片（可能超出数量、大小或格式限制）');
      }
      if (root.querySelector('.van-uploader__mask')) return failed('照片上传失败');
    }
    return done;
  }),
};

/** Order matters for `detect`: composite widgets before the text field they contain. */
export const vantWidgets: WidgetAdapter[] = [
  vanUploader, vanStepper, vanRate, vanSlider, vanSwitch,
  choiceAdapter('van-checkbox-group', '.van-checkbox', true),
  choiceAdapter('van-radio-group', '.van-radio', false),
  popupAdapter('van-picker', 'auto'),
  popupAdapter('van-date-picker', 'date'),
  popupAdapter('van-cascader', 'cascader'),
  popupAdapter('van-calendar', 'calendar'),
  vanField,
];

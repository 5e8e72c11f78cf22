/**
 * Where a field lives when it is not in plain sight: a tab, a collapsed section (el-collapse,
 * a-collapse, layui 折叠面板, 「展开更多」 toggles), a dialog opened with 新增. The fill opens the place
 * first, the way a person clicks the tab or the header, and waits (bounded) until the field is shown.
 * A place already open is left as it is: a click on an open collapse header would close it.
 */
import type { FillStep } from './plan';
import { click, isVisible, normalizeText, textOf, visibleAll, waitFor, WaitTimeout } from './dom';
import { locateField, searchRoots } from './locate';

export interface PlaceContext {
  timeoutMs: number;
  signal?: AbortSignal;
}

type Placed = Pick<FillStep, 'label' | 'locate' | 'rows' | 'tab' | 'section' | 'dialog'>;

const TAB_SELECTOR = '.el-tabs__item, .ant-tabs-tab, .layui-tab-title > li, [role="tab"], .t-tabs__nav-item, .ivu-tabs-tab, .n-tabs-tab, .van-tab, .next-tabs-tab';
const TAB_ACTIVE = /(^|\s)(is-active|ant-tabs-tab-active|layui-this|t-is-active|ivu-tabs-tab-active|n-tabs-tab--active|van-tab--active|active)(\s|$)/;
const SECTION_SELECTOR = [
  '.el-collapse-item__header', '.ant-collapse-header', '.layui-colla-title', '.t-collapse-panel__header', '.ivu-collapse-header',
  '.n-collapse-item__header', '.next-collapse-panel-title', 'summary', '[aria-expanded]',
  'button', '[role="button"]', 'a', '.el-button', '.ant-btn', '.layui-btn',
].join(', ');
const BUTTON_SELECTOR = 'button, [role="button"], a, input[type="button"], .el-button, .ant-btn, .layui-btn, .van-button';
export const DIALOG_SELECTOR = '.el-dialog, .el-drawer, .ant-modal, .ant-drawer, .layui-layer, .t-dialog, .ivu-modal, .n-modal, .next-dialog, .van-dialog, [role="dialog"], [aria-modal="true"], dialog';

/** Inside a closed <details> (not its <summary>): Chromium keeps a box for it, but a person sees nothing. */
function inClosedDetails(el: Element): boolean {
  const d = el.closest('details:not([open])');
  return !!d && !el.closest('summary');
}

function shown(doc: Document, f: Placed): boolean {
  const r = locateField(doc, { label: f.label, locate: f.locate, container: !!f.rows });
  return r.status === 'found' && isVisible(r.root) && !inClosedDetails(r.root);
}

/** What a header or button reads, without icon-font glyphs (layui's collapse arrow is a private-use character). */
function readsAs(el: Element): string {
  return normalizeText((el instanceof HTMLInputElement ? el.value : textOf(el)).replace(/[\uE000-\uF8FF]/g, ''));
}

/** Visible elements matching `selector` whose own text reads `text`, in the page and its same-origin frames and shadow roots. */
function byText(doc: Document, selector: string, text: string): HTMLElement[] {
  const want = normalizeText(text);
  return searchRoots(doc).flatMap((r) => visibleAll(r as unknown as Element, selector)).filter((el) => readsAs(el) === want);
}

/** A button by its text; the innermost match (a <span> inside an <a-button> is the same button). */
export function buttonByText(doc: Document | Element, text: string, scope?: Element): HTMLElement | undefined {
  const all = scope ? visibleAll(scope, BUTTON_SELECTOR).filter((el) => readsAs(el) === normalizeText(text)) : byText(doc as Document, BUTTON_SELECTOR, text);
  return all.find((el) => !all.some((o) => o !== el && el.contains(o))) ?? all[0];
}

async function until(probe: () => boolean, ctx: PlaceContext, what: string): Promise<boolean> {
  try {
    await waitFor(() => probe(), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what, intervalMs: 50 });
    return true;
  } catch (e) {
    if (e instanceof WaitTimeout) return false;
    throw e;
  }
}

async function openTab(doc: Document, f: Placed, tab: string, ctx: PlaceContext): Promise<string | undefined> {
  const hits = byText(doc, TAB_SELECTOR, tab);
  const el = hits.find((h) => !hits.some((o) => o !== h && h.contains(o))) ?? hits[0];
  if (!el) return `页面上没有“${tab}”标签页`;
  const item = (el.closest(TAB_SELECTOR) as HTMLElement | null) ?? el;
  const active = () => item.getAttribute('aria-selected') === 'true' || TAB_ACTIVE.test(item.className?.toString() ?? '');
  if (!active()) {
    click(el);
    if (!(await until(active, ctx, `标签页“${tab}”`))) return `点了“${tab}”标签页，它没有切换过去`;
  }
  if (!(await until(() => shown(doc, f), ctx, f.label))) return `“${tab}”标签页里没有显示“${f.label}”`;
  return undefined;
}

async function openSection(doc: Document, f: Placed, section: string, ctx: PlaceContext): Promise<string | undefined> {
  if (shown(doc, f)) return undefined;
  const hits = byText(doc, SECTION_SELECTOR, section);
  // The header itself (the element a person clicks), not a wrapper whose text happens to equal it.
  const el = hits.find((h) => !hits.some((o) => o !== h && h.contains(o))) ?? hits[0];
  if (!el) return `页面上没有“${section}”折叠区或开关`;
  const expanded = el.closest('[aria-expanded]')?.getAttribute('aria-expanded');
  if (expanded !== 'true') click(el);
  if (!(await until(() => shown(doc, f), ctx, f.label))) return `展开“${section}”后没有显示“${f.label}”`;
  return undefined;
}

async function openDialog(doc: Document, f: Placed, ctx: PlaceContext): Promise<string | undefined> {
  const d = f.dialog!;
  if (shown(doc, f)) return undefined;
  const btn = buttonByText(doc, d.open.button);
  if (!btn) return `页面上没有打开对话框的“${d.open.button}”按钮`;
  click(btn);
  if (!(await until(() => shown(doc, f), ctx, f.label))) return `点了“${d.open.button}”，对话框里没有显示“${f.label}”`;
  return undefined;
}

/**
 * Opens what hides a field: its dialog, its tab, then its section (a section may sit inside a tab).
 * Returns why it could not, or undefined when the field is shown (or nothing hides it).
 */
export async function openPlace(doc: Document, f: Placed, ctx: PlaceContext): Promise<string | undefined> {
  if (f.dialog) {
    const problem = await openDialog(doc, f, ctx);
    if (problem) return problem;
  }
  if (f.tab) {
    const problem = await openTab(doc, f, f.tab, ctx);
    if (problem) return problem;
  }
  if (f.section) return openSection(doc, f, f.section, ctx);
  return undefined;
}

/** The open dialog holding field `f` (else the only open dialog with the confirm button). */
function dialogOf(doc: Document, f: Placed, confirm: string): Element | undefined {
  const r = locateField(doc, { label: f.label, locate: f.locate, container: !!f.rows });
  const own = 'root' in r ? r.root.closest(DIALOG_SELECTOR) : null;
  if (own) return own;
  return searchRoots(doc).flatMap((root) => visibleAll(root as unknown as Element, DIALOG_SELECTOR)).find((d) => !!buttonByText(doc, confirm, d));
}

/** Clicks the dialog's confirm button (确定) and waits until the dialog has closed. */
export async function confirmDialog(doc: Document, last: Placed, ctx: PlaceContext): Promise<string | undefined> {
  const confirm = last.dialog?.confirm?.button;
  if (!confirm) return undefined;
  const dialog = dialogOf(doc, last, confirm);
  const btn = dialog && buttonByText(doc, confirm, dialog);
  if (!dialog || !btn) return `对话框里没有“${confirm}”按钮`;
  click(btn);
  const box = (dialog.matches('.el-dialog, .ant-modal, .t-dialog, .ivu-modal, .n-modal') ? dialog : dialog.querySelector('.el-dialog, .ant-modal-content') ?? dialog);
  if (!(await until(() => !isVisible(box), ctx, '对话框关闭'))) return `点了“${confirm}”，对话框没有关闭（对话框里可能有页面不接受的内容）`;
  return undefined;
}

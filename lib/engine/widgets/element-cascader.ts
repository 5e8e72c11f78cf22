/**
 * el-cascader (Element Plus and Element UI 2): open, walk the menus level by level (click, or hover
 * for `expandTrigger: 'hover'`), waiting for lazily loaded levels, click the leaf.
 *
 * DOM facts: `.el-cascader` trigger, a readonly input showing `省 / 市 / 区`; menus are
 * `.el-cascader-menu`, nodes `li.el-cascader-node` with `.el-cascader-node__label`, the expanded
 * node carries `in-active-path`, a loading node an `.is-loading` (Element UI: `.el-icon-loading`) icon.
 */
import type { WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { click, hover, isDisabled, isVisible, key, nextFrame, textOf, visibleAll, waitFor } from '../dom';
import { asList, describeError, DONE, fail, FAMILY, linkedPopup, part, same, sameList, popupOf, visibleSet } from './element-dom';


function cascaderInput(root: Element): HTMLInputElement | null {
  return part(root, '.el-cascader')?.querySelector<HTMLInputElement>('input.el-input__inner, input') ?? null;
}

function readCascader(root: Element): WidgetValue {
  const cascader = part(root, '.el-cascader');
  if (!cascader) {
    // A bare el-cascader-panel (inline, no input): the checked path is what shows as active.
    const panel = part(root, '.el-cascader-panel');
    return panel ? Array.from(panel.querySelectorAll('.el-cascader-node.in-active-path, .el-cascader-node.is-active'))
      .map((n) => textOf(n.querySelector('.el-cascader-node__label') ?? n)) : null;
  }
  const tags = Array.from(cascader.querySelectorAll('.el-cascader__tags .el-tag')).map((t) => textOf(t));
  const text = tags[0] ?? cascaderInput(root)?.value ?? '';
  if (!text.trim()) return [];
  return text.includes(' / ') ? text.split(' / ').map((s) => s.trim()) : text.split('/').map((s) => s.trim());
}

/**
 * Open: its tooltip trigger links the visible dropdown, or (Element UI, which links nothing) its input
 * box carries is-focus — which Element UI sets exactly while the dropdown shows — with a dropdown visible.
 */
function cascaderOpen(cascader: Element): boolean {
  return !!linkedPopup(cascader, '.el-cascader__dropdown')
    || (!cascader.closest('[aria-describedby]') && !!(cascader.matches('.is-focus') || cascader.querySelector(':scope > .el-input.is-focus'))
      && visibleAll(cascader.ownerDocument, '.el-cascader__dropdown').length > 0);
}

function menuNodes(menu: Element): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>('.el-cascader-node')).filter(isVisible);
}
const nodeLabel = (n: Element) => textOf(n.querySelector('.el-cascader-node__label') ?? n);

async function writeCascader(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const path = asList(value);
  const cascader = part(root, '.el-cascader');
  const inlinePanel = cascader ? null : part(root, '.el-cascader-panel');
  if (!cascader && !inlinePanel) return fail('找不到级联选择');
  if (sameList(asList(readCascader(root)), path)) return DONE;
  if (cascader && (isDisabled(cascader) || cascaderInput(root)?.disabled)) return { status: 'disabled' };
  const doc = root.ownerDocument;
  const input = cascaderInput(root);
  const close = async () => {
    if (cascader && input && cascaderOpen(cascader)) {
      key(input, 'Escape', 'keydown');
      await waitFor(() => !cascaderOpen(cascader), { timeoutMs: 60, signal: ctx.signal }).catch(() => undefined);
    }
  };
  if (path.length === 0) {
    // The clear icon replaces the arrow only while the pointer is over a clearable cascader.
    if (cascader) hover(cascader);
    const clear = await waitFor(() => cascader?.querySelector<HTMLElement>('.icon-circle-close, .el-input__clear, .el-cascader__clear'), { timeoutMs: 500, signal: ctx.signal })
      .catch(() => null);
    if (!clear) return fail('该级联选择不能清空');
    click(clear);
    return waitFor(() => asList(readCascader(root)).length === 0, { timeoutMs: 1000, signal: ctx.signal }).then(() => DONE, () => fail('未能清空'));
  }
  let panel: HTMLElement | null = inlinePanel;
  if (cascader) {
    const before = visibleSet(doc, '.el-cascader__dropdown');
    if (!cascaderOpen(cascader)) click(cascader);
    // The dropdown's box can show a frame before the panel inside it renders: wait for the panel.
    const panelIn = (d: HTMLElement | null) => d?.querySelector<HTMLElement>('.el-cascader-panel') ?? null;
    panel = await waitFor(() => panelIn(popupOf(cascader, '.el-cascader__dropdown', before)), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '级联下拉' })
      .catch(() => panelIn(popupOf(cascader, '.el-cascader__dropdown')));
    if (!panel) return fail('级联下拉未打开');
  }
  try {
    for (let level = 0; level < path.length; level++) {
      const wanted = path[level]!;
      const found = await waitForNode(panel!, level, wanted, ctx);
      if ('seen' in found) {
        await close();
        return { status: 'no-option', wanted: path.slice(0, level + 1).join(' / '), seen: found.seen };
      }
      const node = found.node;
      if (isDisabled(node)) { await close(); return { status: 'disabled' }; }
      const last = level === path.length - 1;
      // checkStrictly cascaders select a node through its radio; otherwise clicking the leaf selects it.
      const radio = last ? node.querySelector<HTMLElement>('.el-radio, .el-checkbox') : null;
      click(radio ?? node);
      if (!last) {
        await waitFor(() => node.matches('.in-active-path') && !node.querySelector('.is-loading') && panel!.querySelectorAll('.el-cascader-menu').length > level + 1,
          { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `“${wanted}”的下一级` })
          .catch(() => undefined);
      }
    }
    await waitFor(() => sameList(asList(readCascader(root)), path), { timeoutMs: Math.min(ctx.timeoutMs, 1500), signal: ctx.signal, what: '级联选中结果' });
  } catch (err) {
    await close();
    const now = asList(readCascader(root));
    return fail(now.length && !sameList(now, path) ? `选择后显示为“${now.join(' / ')}”（需选到末级）` : describeError(err));
  }
  await close();
  return DONE;
}

/** Waits for the menu of `level` to offer `wanted`, or to settle (children loaded) without it. */
async function waitForNode(panel: Element, level: number, wanted: string, ctx: WidgetContext): Promise<{ node: HTMLElement } | { seen: string[] }> {
  const deadline = Date.now() + ctx.timeoutMs;
  let lastSig = '';
  let stableSince = Date.now();
  for (;;) {
    const menu = panel.querySelectorAll('.el-cascader-menu')[level];
    const nodes = menu ? menuNodes(menu) : [];
    const node = nodes.find((n) => same(nodeLabel(n), wanted));
    if (node) return { node };
    const loading = !!panel.querySelector('.el-cascader-node .is-loading');
    const sig = (loading ? 'loading:' : '') + nodes.map(nodeLabel).join('|');
    if (sig !== lastSig) { lastSig = sig; stableSince = Date.now(); }
    if ((menu && !loading && Date.now() - stableSince >= 300) || Date.now() >= deadline) return { seen: nodes.map(nodeLabel) };
    await nextFrame(40, ctx.signal);
  }
}

export const elCascader: WidgetAdapter = {
  kind: 'el-cascader',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-cascader, .el-cascader-panel'),
  read: readCascader,
  write: (root, value, ctx) => writeCascader(root, value, ctx),
};

/**
 * Tree selects that show only the chosen node (Fusion TreeSelect, and others that remove their
 * dropdown once closed) leave the node's ancestors nowhere on the page after the pick. A capture that
 * read only what is shown would record 「第3网格」 instead of 「文新街道 / 文苑社区 / 第3网格」.
 *
 * So the path is remembered when it is known:
 * - a person's pick (a trusted click on a tree item of an open drop-down) is read from the tree while
 *   it is still there: the labels of the clicked item's ancestor tree items, root first;
 * - a fill remembers the path it wrote.
 * The memory is keyed by the select's own element, and it is used only while the select still shows
 * that path's last item (lib/engine/widgets/*: `rememberedPath`). A page script's synthetic click
 * writes nothing.
 */

const memory = new WeakMap<Element, string[]>();

/** Remembers the path a select now shows the last item of. */
export function rememberPath(select: Element, path: readonly string[]): void {
  if (path.length) memory.set(select, [...path]);
}

/** The remembered path of `select` if it ends in `leaf` (what the select shows now), else undefined. */
export function rememberedPath(select: Element, leaf: string, same: (a: string, b: string) => boolean): string[] | undefined {
  const path = memory.get(select);
  return path && same(path[path.length - 1]!, leaf) ? [...path] : undefined;
}

/** A tree item's own label (not its children's): aria-label, a label element of the library, or its own text. */
function itemLabel(item: Element): string {
  const own = item.getAttribute('aria-label');
  if (own) return own.trim();
  const label = item.querySelector(':scope > [class*="node-label"], :scope > * > [class*="node-label"], :scope > [class*="node-content"], :scope > [class*="title"]');
  if (label) return (label.textContent ?? '').trim();
  // A WAI-ARIA treeitem holds its group of children: its own text is what comes before the group.
  return Array.from(item.childNodes).filter((n) => !(n instanceof Element && n.matches('[role="group"], ul, ol')))
    .map((n) => n.textContent ?? '').join('').trim();
}

/** The tree item a click landed in, and the labels of it and its ancestors, root first. */
export function treePathAt(target: Element): string[] | undefined {
  const item = target.closest('[role="treeitem"]');
  const tree = item?.closest('[role="tree"]');
  if (!item || !tree) return undefined;
  const path = [itemLabel(item)];
  // Two shapes: the WAI-ARIA one, where a parent treeitem contains its children's group; and the one
  // most libraries render, where a node (li) holds its treeitem row and, beside it, its children.
  for (let el = item.parentElement; el && el !== tree; el = el.parentElement) {
    const own = el.matches('[role="treeitem"]') ? el : el.querySelector(':scope > [role="treeitem"]');
    if (own && own !== item && (own === el || !own.contains(item))) path.unshift(itemLabel(own));
  }
  const level = Number(item.getAttribute('aria-level'));
  // aria-level, where the library gives it, must agree: else the path is not one that can be trusted.
  if ((level > 0 && level !== path.length) || path.some((x) => !x)) return undefined;
  return path;
}

/** The select whose drop-down is open now (its combobox says aria-expanded="true"). */
function openSelect(doc: Document, tree: Element): Element | undefined {
  const open = Array.from(doc.querySelectorAll('[aria-expanded="true"][aria-haspopup], [aria-expanded="true"][role="combobox"]'))
    .filter((el) => !tree.contains(el) && !el.closest('[role="tree"]'));
  // The combobox's outermost element marked open is the select itself (Fusion marks both).
  return open.length ? open[0] : undefined;
}

export interface PickTapHandle { dispose(): void }

/**
 * Watches a person's picks in tree drop-downs of `doc` (capture phase, before the library handles the
 * click and removes the tree), and remembers each pick's path against the select that was open.
 */
export function createPickTap(doc: Document): PickTapHandle {
  const onClick = (e: Event) => {
    if (!e.isTrusted || !(e.target instanceof Element)) return;
    const tree = e.target.closest('[role="tree"]');
    if (!tree || e.target.closest('[class*="switcher"], [class*="expand-icon"], [class*="arrow"]')) return;
    const path = treePathAt(e.target);
    const select = path && openSelect(doc, tree);
    if (path && select) rememberPath(select, path);
  };
  doc.addEventListener('click', onClick, true);
  return { dispose: () => doc.removeEventListener('click', onClick, true) };
}

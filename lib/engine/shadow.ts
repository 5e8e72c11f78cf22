/**
 * The page as a person sees it: the *flat tree*, where a shadow host shows its shadow root and a
 * <slot> shows what is slotted into it (its fallback content when nothing is). Low-code renderers
 * and in-house component sets nest controls several shadow roots deep and pass them around through
 * slots; `querySelector` sees none of that, so the generic adapters and the locator walk this tree.
 */

/** The children a person sees under `el`: a host's shadow content, a slot's assigned elements, else the element's own. */
export function flatChildren(el: Element): Element[] {
  if (el.tagName === 'SLOT') {
    const assigned = (el as HTMLSlotElement).assignedElements({ flatten: true });
    return assigned.length ? assigned : Array.from(el.children);
  }
  if (el.shadowRoot) return Array.from(el.shadowRoot.children);
  return Array.from(el.children);
}

/** Every element below `root` in the flat tree, depth first, document order. Iframes are not entered. */
export function flatDescendants(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of flatChildren(el)) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** `root` (when it matches) and its flat-tree descendants matching `selector`. */
export function flatQueryAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  const below = flatDescendants(root).filter((e) => e.matches(selector)) as T[];
  return root.matches(selector) ? [root as T, ...below] : below;
}

export function flatQuery<T extends Element = HTMLElement>(root: Element, selector: string): T | undefined {
  return flatQueryAll<T>(root, selector)[0];
}

/** The parent in the flat tree: the slot a node is assigned to, else its parent, else (at a shadow root) its host. */
export function flatParent(node: Node): Element | null {
  const slot = (node as Element).assignedSlot;
  if (slot) return slot;
  const p = node.parentNode;
  if (!p) return null;
  if (p.nodeType === 11) return (p as ShadowRoot).host ?? null;
  return p.nodeType === 1 ? (p as Element) : null;
}

/** True when `inner` is `outer` or below it in the flat tree. */
export function flatContains(outer: Element, inner: Element): boolean {
  for (let n: Element | null = inner; n; n = flatParent(n)) if (n === outer) return true;
  return false;
}

/** The nearest flat-tree ancestor (or `el` itself) matching `selector`. */
export function flatClosest<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  for (let n: Element | null = el; n; n = flatParent(n)) if (n.matches(selector)) return n as T;
  return null;
}

/**
 * An id looked up where a person's eye would find it: the node's own tree first, then each enclosing
 * tree outwards (renderers point `aria-labelledby` across shadow boundaries, which the ARIA spec does
 * not resolve but a person reads anyway).
 */
export function idAcross(from: Node, id: string): Element | null {
  for (let n: Node | null = from; n; ) {
    const r = n.getRootNode() as Document | ShadowRoot;
    const hit = (r as Document).getElementById?.(id) ?? r.querySelector?.(`#${CSS.escape(id)}`);
    if (hit) return hit;
    n = 'host' in r ? r.host : null;
  }
  return null;
}

/** Text a person reads in the flat tree (slotted text included), skipping hidden parts, icons and buttons' glyphs. */
export function flatText(el: Element, skip?: (e: Element) => boolean): string {
  let t = '';
  const nodes: Node[] = el.tagName === 'SLOT'
    ? ((el as HTMLSlotElement).assignedNodes({ flatten: true }).length ? (el as HTMLSlotElement).assignedNodes({ flatten: true }) : Array.from(el.childNodes))
    : el.shadowRoot ? Array.from(el.shadowRoot.childNodes) : Array.from(el.childNodes);
  for (const n of nodes) {
    if (n.nodeType === 3) t += n.textContent ?? '';
    else if (n.nodeType === 1) {
      const c = n as Element;
      if (/^(STYLE|SCRIPT|TEMPLATE|SVG|svg)$/.test(c.tagName) || c.getAttribute('aria-hidden') === 'true') continue;
      if (skip?.(c)) continue;
      t += flatText(c, skip);
    }
  }
  return t.replace(/\s+/g, ' ').trim();
}

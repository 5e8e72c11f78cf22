/**
 * Finding a field the way a person does: by the label in front of it. Label texts are compared
 * after width folding and without spaces, required stars and trailing colons. The search crosses
 * open shadow roots and same-origin iframes.
 *
 * Every field declares the label it expects. When the label is not found but a fallback locator
 * (id, name, placeholder, css) finds the control, the label actually shown there is read back: if
 * it differs, the platform changed and the field is refused ("label changed"), never filled blind.
 *
 * Low-code renderers and in-house component sets are found by structure, not class names: a label
 * region next to a control region, where the control may be slotted in from light DOM and its own
 * <input> sit in yet another shadow root (the flat tree, lib/engine/shadow.ts), and by
 * `aria-label` / `aria-labelledby` on the control, with ids looked up across shadow boundaries.
 */
import type { Locator } from '../mapping/schema';
import { isVisible, normalizeText } from './dom';
import { flatChildren, flatDescendants, idAcross } from './shadow';
import { CONTROL_SELECTOR, FORM_ITEM_SELECTOR } from './selectors';
import { labelText, looksLikeLabel, type LabelIndex, type Root } from './label-index';
import { labelIndexOf } from './label-live';

export { CONTROL_SELECTOR, FORM_ITEM_SELECTOR } from './selectors';
export { indexLabels, OWN_UI_TAG, searchRoots, type LabelIndex } from './label-index';
export { watchLabels } from './label-live';

export type LocateResult =
  | { status: 'found'; root: Element; label: string | null; via: keyof Locator }
  | { status: 'label-changed'; root: Element; label: string | null }
  /** The label names more than one visible field (「标签不唯一」): nothing is filled; `within` narrows it. */
  | { status: 'ambiguous'; roots: Element[]; label: string }
  /** The field exists but is not shown (display:none, visibility:hidden, zero size, a collapsed section): never filled. */
  | { status: 'hidden'; root: Element; label: string | null }
  | { status: 'not-found' };

function containsControl(el: Element, exclude?: Element): boolean {
  for (const c of Array.from(el.querySelectorAll(CONTROL_SELECTOR))) {
    if (!exclude || !exclude.contains(c)) return true;
  }
  if (el.matches(CONTROL_SELECTOR)) return true;
  // Web components render their control inside a shadow root.
  return Array.from(el.querySelectorAll('*')).some((c) => c.shadowRoot && (!exclude || !exclude.contains(c)));
}

/** A control that reaches `el` only through a <slot> (a form-item component whose control is slotted in from light DOM). */
function slottedControl(el: Element): boolean {
  const slots = el.tagName === 'SLOT' ? [el] : Array.from(el.querySelectorAll('slot'));
  return slots.some((s) => flatChildren(s).some((c) => c.matches(CONTROL_SELECTOR) || !!c.shadowRoot || flatDescendants(c).some((d) => d.matches(CONTROL_SELECTOR) || !!d.shadowRoot)));
}

/** Something a person can operate, in the flat tree: a control, a button, a focusable box. */
function operable(el: Element): boolean {
  return flatDescendants(el).some((d) => d.matches(`${CONTROL_SELECTOR}, button, [tabindex]:not([tabindex="-1"])`));
}

function rootOf(node: Element): Root {
  return node.getRootNode() as Root;
}

function byId(scope: Root, id: string): Element | null {
  return (scope as Document).getElementById?.(id) ?? scope.querySelector(`#${CSS.escape(id)}`) ?? idAcross(scope.nodeType === 9 ? (scope as Document).documentElement : (scope as ShadowRoot).host, id);
}

/** The field root for a control: its form item, else its fieldset (radio/checkbox groups), else its table cell, else itself. */
export function fieldRootOfControl(control: Element): Element {
  const item = control.closest(FORM_ITEM_SELECTOR);
  if (item) return item;
  if (control.matches('input[type="radio"], input[type="checkbox"]')) {
    const set = control.closest('fieldset');
    if (set) return set;
  }
  return control.closest('td') ?? control;
}

/**
 * A column header: a `th` (or `role=columnheader`) in a table head, or in a row of headers only. A `th`
 * with data cells beside it in its row is a row header (`<th>单位名称</th><td><input></td>`) and labels them.
 */
function isColumnHeader(label: Element): boolean {
  const cell = label.closest('th, [role="columnheader"]');
  if (!cell) return false;
  if (cell.getAttribute('role') === 'columnheader' || cell.closest('thead')) return true;
  const row = cell.parentElement;
  return !!row && Array.from(row.children).every((c) => c.matches('th, [role="columnheader"]'));
}

/** A label of its own field (not a cell, not an option's text): a <label>, <legend>, <dt> or a label/title class, with text and no control inside. */
function fieldLabelLike(el: Element): boolean {
  if (/^(TD|TH)$/.test(el.tagName) || !looksLikeLabel(el)) return false;
  if (el.tagName === 'LABEL' && el.getAttribute('for')) {
    const target = byId(rootOf(el), el.getAttribute('for')!);
    if (target?.matches('input[type="radio"], input[type="checkbox"]')) return false; // an option's label
  }
  // Text inside something a person operates (a select box's `…selection-label`) shows that control's value.
  if (el.closest('button, [role="button"], [role="combobox"], [tabindex]:not([tabindex="-1"])')) return false;
  return !containsControl(el) && !!normalizeText(labelText(el));
}

/**
 * Whether the first thing in `sib` (in document order) is another field's label rather than a control:
 * the sibling is then the next form item or the next row, whose control belongs to that label.
 */
function startsWithAnotherLabel(sib: Element): boolean {
  if (fieldLabelLike(sib)) return true;
  for (const el of Array.from(sib.querySelectorAll('*'))) {
    if (el.matches(CONTROL_SELECTOR) || el.shadowRoot) return false;
    if (fieldLabelLike(el)) return true;
  }
  return false;
}

/** The field root that a label element labels, or undefined when nothing fillable is near it. */
export function fieldRootOfLabel(label: Element, container = false): Element | undefined {
  const scope = rootOf(label);
  // `<label>姓名 <input></label>`: the label wraps its own control.
  if (label.tagName === 'LABEL' && !label.getAttribute('for') && label.querySelector(CONTROL_SELECTOR)) return label;
  const forId = label.getAttribute('for');
  if (forId) {
    const target = byId(scope, forId);
    if (target) return fieldRootOfControl(target);
  }
  if (label.id) {
    const labelled = scope.querySelector(`[aria-labelledby~="${CSS.escape(label.id)}"]`);
    if (labelled) return fieldRootOfControl(labelled);
  }
  if (label.tagName === 'LEGEND' && label.parentElement?.tagName === 'FIELDSET' && containsControl(label.parentElement, label)) {
    return label.parentElement;
  }
  // A table's column header labels only the cells of its column, never the form item the table sits
  // in: 「整改期限」 over a hazard table's date column is not the form's own 整改期限.
  if (isColumnHeader(label)) return undefined;
  const item = label.closest(FORM_ITEM_SELECTOR);
  if (item && item !== label && containsControl(item, label)) return item;
  // The label's own form item holds nothing fillable: never borrow the next field's control. A table
  // field is the exception: its form item is the field even while the table is still empty.
  if (item && item !== label) return container ? item : undefined;
  const cell = label.closest('td, th');
  if (cell) {
    for (let next = cell.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches('td') && (containsControl(next) || (container && next.querySelector('table, [role="table"], [role="grid"]')))) return next;
      if (next.matches('td, th') && normalizeText(labelText(next))) break; // the next label: stop
    }
  }
  // Generic layouts: the label's next sibling (or its parent's) that holds a control. A label in a
  // table cell looks no further than its own cell and row: never at the next row's control.
  for (let el: Element | null = label, depth = 0; el && depth < 3; el = el === cell ? null : el.parentElement, depth++) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      // The next field's label comes before any control: that sibling is the next form item (or row),
      // and its control is not this label's. Stop instead of borrowing it.
      if (startsWithAnotherLabel(sib)) return undefined;
      if (containsControl(sib)) return sib;
      // The label's own neighbour is its control region when it holds anything a person can operate,
      // even a box no selector knows (a focusable <div> that opens a list): never look past it.
      if (depth === 0 && operable(sib)) return sib;
      // A form-item component: label region and control region in its shadow root, the control slotted
      // in from light DOM. The component (the host) is the field: its flat tree holds the control.
      if (slottedControl(sib)) return (scope as ShadowRoot).host ?? sib;
    }
  }
  return undefined;
}

/** The label a person would read for a field root. */
export function labelOfField(root: Element, control?: Element): string | null {
  if (root.tagName === 'FIELDSET') {
    const legend = root.querySelector(':scope > legend');
    if (legend) return normalizeText(labelText(legend)) || null;
  }
  if (root.matches(FORM_ITEM_SELECTOR)) {
    const l = root.querySelector('.el-form-item__label, .ant-form-item-label, .layui-form-label, .van-field__label, .van-cell__title, label, legend');
    if (l) return normalizeText(labelText(l)) || null;
  }
  // A web component found by a fallback locator: its label is rendered in its own shadow root.
  const inShadow = root.shadowRoot?.querySelector('label');
  if (inShadow && normalizeText(labelText(inShadow))) return normalizeText(labelText(inShadow));
  const ctl = control ?? root.querySelector('input, select, textarea');
  if (ctl?.id) {
    const l = rootOf(ctl).querySelector(`label[for="${CSS.escape(ctl.id)}"]`);
    if (l) return normalizeText(labelText(l)) || null;
  }
  const aria = ctl?.getAttribute('aria-labelledby');
  if (aria) {
    const l = byId(rootOf(ctl!), aria.split(/\s+/)[0]!);
    if (l) return normalizeText(labelText(l)) || null;
  }
  const wrapping = ctl?.closest('label');
  if (wrapping) return normalizeText(labelText(wrapping)) || null;
  const cell = root.closest('td');
  if (cell) {
    for (let prev = cell.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const t = normalizeText(labelText(prev));
      if (t) return t;
    }
  }
  return null;
}

/** Whether `outer` holds `inner` in the flat tree: as a descendant, or inside a shadow root below it. */
function holds(outer: Element, inner: Element): boolean {
  for (let el: Element | null = inner; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    if (el === outer) return true;
  }
  return false;
}

function findByLabel(index: LabelIndex, wanted: string, within?: string, container = false): Element[] {
  const hits: Element[] = [];
  for (const el of index.lookup(normalizeText(wanted))) {
    if (within && !el.closest(within)) continue;
    // Inner wrapper spans of a label element (`<label><span>名称</span></label>`) duplicate it.
    if (hits.some((h) => h.contains(el))) continue;
    const root = index.isNamed(el) ? fieldRootOfControl(el) : fieldRootOfLabel(el, container);
    // The same field reached twice (a <label for> and the control's own aria-label, maybe inside the
    // component's shadow root): one candidate.
    if (root && !hits.some((h) => holds(h, root) || holds(root, h))) hits.push(root);
  }
  return hits;
}

/** Shown to a person: the root itself has a box and no ancestor (across shadow roots and frames) hides it. */
function shown(root: Element): boolean {
  if (!isVisible(root)) {
    // A control drawn over by its own widget (an opacity-0 input under a select's tags) is shown through it.
    const style = root.ownerDocument.defaultView!.getComputedStyle(root);
    const r = root.getBoundingClientRect();
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) !== 0 || r.width === 0 || r.height === 0) return false;
  }
  // A zero-height or clipped ancestor (a collapsed panel with overflow hidden) hides what is inside it.
  for (let el: Element | null = root; el; ) {
    const parent: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? el.ownerDocument.defaultView?.frameElement ?? null);
    if (!parent) break;
    if (parent.tagName !== 'BODY' && parent.tagName !== 'HTML' && !isVisible(parent)) {
      const style = parent.ownerDocument.defaultView!.getComputedStyle(parent);
      // A 0×0 wrapper that lets its content overflow (display: contents, inline wrappers) does not hide it.
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || style.overflow !== 'visible') return false;
    }
    el = parent;
  }
  return true;
}

function findByFallback(roots: Root[], loc: Locator): { el: Element; via: keyof Locator } | undefined {
  const tries: [keyof Locator, string | undefined][] = [
    ['id', loc.id && `#${CSS.escape(loc.id)}`],
    ['name', loc.name && `[name="${CSS.escape(loc.name)}"]`],
    ['placeholder', loc.placeholder && `[placeholder="${CSS.escape(loc.placeholder)}"]`],
    ['role', loc.role && `[role="${CSS.escape(loc.role)}"]`],
    ['css', loc.css],
  ];
  for (const [via, sel] of tries) {
    if (!sel) continue;
    for (const r of roots) {
      const all = Array.from(r.querySelectorAll(sel)).filter((e) => !loc.within || e.closest(loc.within));
      const el = all.find(isVisible) ?? all[0];
      if (el) return { el, via };
    }
  }
  return undefined;
}

/**
 * A combobox's popup names itself with the combobox's label (Shoelace's listbox, a WAI-ARIA combobox's
 * listbox or tree: `aria-labelledby` the same label). While it is open, or still fading out after a
 * pick, it is a second match; but it is the popup of the control that points at it through
 * `aria-controls` / `aria-owns`, so it is that control's field, not a second field under the label.
 */
function withoutOwnedPopups(roots: Element[]): Element[] {
  if (roots.length < 2) return roots;
  const owned = (owner: Element): Element[] =>
    [owner, ...flatDescendants(owner)].filter((e) => e.matches('[aria-controls], [aria-owns]'))
      .flatMap((el) => `${el.getAttribute('aria-controls') ?? ''} ${el.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean).map((id) => idAcross(el, id)))
      .filter((e): e is Element => !!e);
  const popupsOf = new Map(roots.map((o) => [o, owned(o)]));
  return roots.filter((r) => !roots.some((o) => o !== r && popupsOf.get(o)!.some((p) => p === r || holds(p, r))));
}

/**
 * Finds a field. `label` is what the mapping expects the page to show; `locate` optionally adds
 * other ways to find the control, used when the label is not found. `container` is for table fields
 * (`rows`): their form item is the field even when the table holds no row yet (a growing table that
 * starts empty). The index is the live one while a fill or the page session watches the labels
 * (lib/engine/label-live.ts), else one built for this lookup.
 *
 * `capture`: a field not shown counts as found (capture reads what the cadre entered in a collapsed
 * section too), so a label found once is the field, shown or not, and needs no visibility check (a
 * capture in the submit click then forces no style recalculation); the fallback locator is for a
 * label not found. Visibility still decides between two candidates.
 */
export function locateField(doc: Document, field: { label: string; locate?: Locator; container?: boolean }, index: LabelIndex = labelIndexOf(doc), opts: { capture?: boolean } = {}): LocateResult {
  const loc = field.locate ?? {};
  const wanted = loc.label ?? field.label;
  const byLabel = findByLabel(index, wanted, loc.within, field.container);
  if (opts.capture && byLabel.length === 1) return { status: 'found', root: byLabel[0]!, label: normalizeText(wanted), via: 'label' };
  const visible = withoutOwnedPopups(byLabel.filter(shown));
  // Two fields a person sees under the same label: which one is meant is a guess, and a guess is never filled.
  if (visible.length > 1) return { status: 'ambiguous', roots: visible, label: normalizeText(wanted) };
  if (visible[0]) return { status: 'found', root: visible[0], label: normalizeText(wanted), via: 'label' };
  const fb = findByFallback(index.roots, loc);
  if (fb) {
    const root = fieldRootOfControl(fb.el);
    const label = labelOfField(root, fb.el);
    if (label !== normalizeText(field.label)) return { status: 'label-changed', root, label };
    if (!shown(root)) return { status: 'hidden', root, label };
    return { status: 'found', root, label, via: fb.via };
  }
  // A label that exists but is not shown (a collapsed section, an inactive tab, display:none): the
  // field is there, and capture may read it, but a fill never writes what the cadre cannot see.
  if (byLabel[0]) return { status: 'hidden', root: byLabel[0], label: normalizeText(wanted) };
  return { status: 'not-found' };
}

/**
 * The label index: every label candidate of the page by its normalized text, across open shadow roots
 * and same-origin iframes. The locator (lib/engine/locate.ts) looks a field's label up here and binds
 * each candidate to its form item afresh on every lookup: the index only says where a label's text
 * is, never which control it labels or whether it is shown.
 *
 * `indexLabels` builds it once (one capture, the doctor, the recorder). `watchLabels` keeps it live
 * for a fill or a page session: built once, then brought up to date before every lookup from the
 * MutationObserver records of the indexed trees (lib/engine/label-live.ts), so a fill of n fields
 * does not rebuild it n times.
 */
import { normalizeText } from './dom';
import { idAcross } from './shadow';
import { CONTROL_SELECTOR } from './selectors';

/** Where a label's text can live, across UI families; class-based candidates are checked by looksLikeLabel. */
export const LABEL_SELECTOR = 'label, legend, th, td, dt, [class*="label" i], [class*="title" i]';

/**
 * A class token that names a label (`el-form-item__label`, `ant-form-item-label`, `layui-form-label`,
 * `van-cell__title`, `formLabel`), not a modifier that merely mentions one (`el-form-item--label-right`).
 */
const LABEL_CLASS = /^(?!.*--)[\w-]*(label|title)$/i;

export function looksLikeLabel(el: Element): boolean {
  if (/^(LABEL|LEGEND|TH|TD|DT)$/.test(el.tagName)) return true;
  return Array.from(el.classList).some((c) => LABEL_CLASS.test(c));
}

export type Root = Document | ShadowRoot;

/** The host element of the extension's in-page panel (entrypoints/platform.content). */
export const OWN_UI_TAG = 'YILUOTONG-PANEL';

/** The document, then every open shadow root and same-origin iframe document below it. */
export function searchRoots(doc: Document): Root[] {
  const out: Root[] = [];
  const visit = (root: Root) => {
    out.push(root);
    const all = root.querySelectorAll('*');
    for (const el of Array.from(all)) {
      if (el.tagName === OWN_UI_TAG) continue; // our own in-page panel is not part of the form
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        try {
          const inner = (el as HTMLIFrameElement).contentDocument;
          if (inner?.documentElement) visit(inner);
        } catch {
          /* cross-origin frame: its own content script handles it */
        }
      }
    }
  };
  visit(doc);
  return out;
}

/** Own text of a label element, without the text of controls or hint icons nested in it. */
export function labelText(el: Element): string {
  let t = '';
  // A <slot> shows what is slotted into it (a web component's label given as light-DOM text), else its fallback.
  const assigned = el.tagName === 'SLOT' ? (el as HTMLSlotElement).assignedNodes({ flatten: true }) : [];
  for (const n of assigned.length ? assigned : Array.from(el.childNodes)) {
    if (n.nodeType === 3) t += n.textContent ?? '';
    else if (n.nodeType === 1) {
      const child = n as Element;
      if (child.matches(CONTROL_SELECTOR) || child.querySelector(CONTROL_SELECTOR)) continue;
      if (child.matches('[class*="tooltip"], [class*="icon"], svg, i')) continue;
      t += labelText(child);
    }
  }
  return t;
}

/**
 * Where each label text is shown. `lookup` gives the label elements showing `text` (normalized), then
 * the controls that name themselves so (`aria-label` / `aria-labelledby`), each group in page order.
 */
export interface LabelIndex {
  readonly roots: Root[];
  lookup(text: string): Element[];
  /** A control named by its own `aria-label` / `aria-labelledby`, not a label element. */
  isNamed(el: Element): boolean;
}

/** Self-named things that count: controls, and a group of checkboxes or a tree, named on the container holding their items. */
export const NAMED_SELECTOR = `${CONTROL_SELECTOR}, [role="group"], [role="tree"], [role="treegrid"], [role="grid"]`;

/** The name a control gives itself: `aria-labelledby` (ids looked up across shadow boundaries), else `aria-label`. */
export function ariaName(control: Element): string {
  const ids = control.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids.split(/\s+/).map((id) => idAcross(control, id)).filter((l): l is Element => !!l && l !== control).map(labelText).join('');
    if (normalizeText(text)) return normalizeText(text);
  }
  return normalizeText(control.getAttribute('aria-label') ?? '');
}

/** A label is short; longer text is content (a cell's paragraph), not a label. */
export const usable = (t: string): boolean => !!t && t.length <= 60;

/** The text `el` shows as a label element, or '' when it is none. */
export function labelEntry(el: Element): string {
  if (!el.matches(LABEL_SELECTOR) || !looksLikeLabel(el)) return '';
  const t = normalizeText(labelText(el));
  return usable(t) ? t : '';
}

/** The name `el` gives itself as a control, or '' when it names none. */
export function namedEntry(el: Element): string {
  if (!el.matches('[aria-labelledby], [aria-label]') || !el.matches(NAMED_SELECTOR)) return '';
  const t = ariaName(el);
  return usable(t) ? t : '';
}

/** The index built once, from the page as it is now. */
export function indexLabels(doc: Document, roots: Root[] = searchRoots(doc)): LabelIndex {
  const byText = new Map<string, Element[]>();
  const named = new Set<Element>();
  const add = (t: string, el: Element) => {
    const list = byText.get(t);
    if (list) list.push(el);
    else byText.set(t, [el]);
  };
  for (const r of roots) {
    for (const el of Array.from(r.querySelectorAll(LABEL_SELECTOR))) {
      const t = labelEntry(el);
      if (t) add(t, el);
    }
  }
  // Controls that name themselves, after the label elements: a `<label>` in front still wins.
  for (const r of roots) {
    for (const el of Array.from(r.querySelectorAll('[aria-labelledby], [aria-label]'))) {
      const t = namedEntry(el);
      if (!t) continue;
      named.add(el);
      add(t, el);
    }
  }
  return { roots, lookup: (t) => byText.get(t) ?? [], isNamed: (el) => named.has(el) };
}

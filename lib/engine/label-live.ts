/**
 * The label index kept live (issue 13: a fill of n fields used to rebuild it for every field, and a
 * capture built it inside the submit click). Built once; then, before every lookup, brought up to date
 * from the MutationObserver records of the trees it indexed (taken synchronously with takeRecords, so
 * a lookup never runs on records not yet delivered):
 *
 * - an added subtree has its label candidates indexed;
 * - every element from a changed node up to its tree's root (and through the <slot> a node is shown
 *   in, and a shadow host's slots when its light DOM changes) has its entry re-read: a label's text is
 *   its subtree's text, so a change anywhere inside it is a change of its text;
 * - a control named by `aria-labelledby` is re-read when an element with a referenced id changed;
 * - the roots (open shadow roots, same-origin iframe documents) are listed again on every lookup, so
 *   a shadow root attached to an element already there, or an iframe that loaded another document,
 *   is indexed then (and a dropped one is forgotten).
 *
 * And at lookup each entry is checked again (still connected, in an indexed root, still reading as
 * the text looked up), so an entry gone stale by a path missed above is dropped, never used.
 * What the index never holds is a binding: which control a label labels, and whether it is shown, are
 * worked out afresh by the locator on every lookup.
 */
import { indexLabels, labelEntry, namedEntry, searchRoots, type LabelIndex, type Root } from './label-index';

const WATCHED_ATTRIBUTES = ['class', 'id', 'for', 'role', 'type', 'contenteditable', 'aria-label', 'aria-labelledby', 'slot'];

type Entries = { text: Map<Element, string>; byText: Map<string, Set<Element>> };
const entries = (): Entries => ({ text: new Map(), byText: new Map() });

function put(e: Entries, el: Element, t: string): void {
  const was = e.text.get(el);
  if (was === t) return;
  if (was !== undefined) {
    const set = e.byText.get(was)!;
    set.delete(el);
    if (!set.size) e.byText.delete(was);
  }
  if (!t) {
    e.text.delete(el);
    return;
  }
  e.text.set(el, t);
  const set = e.byText.get(t);
  if (set) set.add(el);
  else e.byText.set(t, new Set([el]));
}

/** The parent a change is seen through: the parent element, else (at a shadow root) its host. */
function up(n: Node): Element | null {
  const p = n.parentNode;
  if (!p) return null;
  return p.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : p.nodeType === 1 ? (p as Element) : null;
}

export class LiveLabelIndex implements LabelIndex {
  private rootList: Root[] = [];
  private rootSet = new Set<Root>();
  private labels = entries();
  private named = entries();
  private pending: MutationRecord[] = [];
  private readonly observer: MutationObserver;
  private scheduled = false;
  private disposed = false;
  private rootsListed = false;

  /** `idle`: records are also applied when the page is idle, so a lookup (a capture in the submit click) finds little left to do. */
  constructor(private readonly doc: Document, opts: { idle?: boolean } = {}) {
    const win = doc.defaultView ?? window;
    this.observer = new win.MutationObserver((records) => {
      this.pending.push(...records);
      if (opts.idle && !this.scheduled) {
        this.scheduled = true;
        const run = () => { this.scheduled = false; this.sync(); };
        if (win.requestIdleCallback) win.requestIdleCallback(run, { timeout: 500 });
        else win.setTimeout(run, 50);
      }
    });
    this.sync();
  }

  get roots(): Root[] {
    this.sync();
    return this.rootList;
  }

  isNamed(el: Element): boolean {
    return this.named.text.has(el);
  }

  lookup(text: string): Element[] {
    this.sync();
    const valid = (e: Entries, read: (el: Element) => string) => {
      const out: Element[] = [];
      for (const el of Array.from(e.byText.get(text) ?? [])) {
        // Checked again: an entry gone stale by any path the records missed is re-read, never used as it was.
        const now = el.isConnected && this.rootSet.has(el.getRootNode() as Root) ? read(el) : '';
        if (now !== text) put(e, el, now);
        else out.push(el);
      }
      return this.inPageOrder(out);
    };
    return [...valid(this.labels, labelEntry), ...valid(this.named, namedEntry)];
  }

  dispose(): void {
    this.disposed = true;
    this.observer.disconnect();
    this.pending = [];
    this.labels = entries();
    this.named = entries();
    this.rootList = [];
    this.rootSet.clear();
  }

  /** Document order within a root, roots in the order they are searched (as a fresh index lists them). */
  private inPageOrder(els: Element[]): Element[] {
    if (els.length < 2) return els;
    const rank = new Map(this.rootList.map((r, i) => [r, i]));
    return els.sort((a, b) => {
      const ra = rank.get(a.getRootNode() as Root) ?? 0;
      const rb = rank.get(b.getRootNode() as Root) ?? 0;
      if (ra !== rb) return ra - rb;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  private reread(el: Element): void {
    const inIndex = el.isConnected && this.rootSet.has(el.getRootNode() as Root);
    put(this.labels, el, inIndex ? labelEntry(el) : '');
    put(this.named, el, inIndex ? namedEntry(el) : '');
  }

  private indexAll(scope: Root | Element): void {
    if (scope.nodeType === 1) this.reread(scope as Element);
    for (const el of Array.from(scope.querySelectorAll('*'))) this.reread(el);
  }

  /** Brings the index up to date: new roots indexed whole, then the records applied. */
  private sync(): void {
    if (this.disposed || !this.doc.documentElement) return;
    this.pending.push(...this.observer.takeRecords());
    // The roots are listed again once per task: nothing records a shadow root attached to an element
    // already there, but nothing attaches one in the middle of one synchronous stretch of lookups
    // either (a capture in the submit click: one walk for all its fields).
    const fresh: Root[] = [];
    if (!this.rootsListed) {
      const now = searchRoots(this.doc);
      fresh.push(...now.filter((r) => !this.rootSet.has(r)));
      this.rootList = now;
      this.rootSet = new Set(now);
      this.rootsListed = true;
      queueMicrotask(() => { this.rootsListed = false; });
    }
    for (const r of fresh) {
      try {
        this.observer.observe(r, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES, attributeOldValue: true });
      } catch { /* a root this window cannot observe: it is re-indexed whole below on every sync */ }
      this.indexAll(r);
    }
    if (!this.pending.length) return;
    const records = this.pending;
    this.pending = [];
    const touched = new Set<Element>();
    const ids = new Set<string>();
    const climb = (from: Node | null) => {
      for (let n: Node | null = from; n; n = up(n)) {
        // A node shown in a <slot> changes the text of the slot's label too.
        const slot = (n as Element | Text).assignedSlot;
        if (slot) climb(slot);
        if (n.nodeType !== 1) continue;
        if (touched.has(n as Element)) return; // everything above was climbed already
        touched.add(n as Element);
        // A host's light DOM changed: what its slots show changed.
        const shadow = (n as Element).shadowRoot;
        if (shadow) for (const s of Array.from(shadow.querySelectorAll('slot'))) climb(s);
      }
    };
    const idsIn = (n: Node) => {
      if (n.nodeType !== 1) return;
      const el = n as Element;
      if (el.id) ids.add(el.id);
      for (const d of Array.from(el.querySelectorAll('[id]'))) ids.add(d.id);
    };
    for (const rec of records) {
      climb(rec.target);
      if (rec.type === 'childList') {
        for (const n of Array.from(rec.addedNodes)) {
          if (n.nodeType === 1 && (n as Element).isConnected) this.indexAll(n as Element);
          climb(n);
          idsIn(n);
        }
        for (const n of Array.from(rec.removedNodes)) {
          idsIn(n);
          // Removed label entries are dropped now, not only when looked up.
          if (n.nodeType === 1) for (const el of [n as Element, ...Array.from((n as Element).querySelectorAll('*'))]) if (this.labels.text.has(el) || this.named.text.has(el)) this.reread(el);
        }
      } else if (rec.type === 'attributes' && rec.attributeName === 'id') {
        if (rec.oldValue) ids.add(rec.oldValue);
        const id = (rec.target as Element).id;
        if (id) ids.add(id);
      }
    }
    for (const el of touched) {
      this.reread(el);
      if (el.id) ids.add(el.id);
    }
    // Controls named through `aria-labelledby` by an element that changed (its text, or its id).
    if (ids.size) {
      for (const r of this.rootList) {
        for (const el of Array.from(r.querySelectorAll('[aria-labelledby]'))) {
          if (el.getAttribute('aria-labelledby')!.split(/\s+/).some((id) => ids.has(id))) this.reread(el);
        }
      }
    }
  }
}

const watched = new WeakMap<Document, { index: LiveLabelIndex; users: number }>();

/**
 * Keeps `doc`'s label index live until the returned function is called (a fill, for its duration; the
 * content script, for the page's session with `idle`). Watches nest: the index lives while anyone watches.
 */
export function watchLabels(doc: Document, opts: { idle?: boolean } = {}): () => void {
  let w = watched.get(doc);
  if (!w) {
    w = { index: new LiveLabelIndex(doc, opts), users: 0 };
    watched.set(doc, w);
  }
  w.users++;
  const mine = w;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--mine.users > 0) return;
    mine.index.dispose();
    if (watched.get(doc) === mine) watched.delete(doc);
  };
}

/** The label index for a lookup on `doc`: the live one while it is watched, else one built now. */
export function labelIndexOf(doc: Document): LabelIndex {
  return watched.get(doc)?.index ?? indexLabels(doc);
}

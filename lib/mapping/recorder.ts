/**
 * The recorder's page scan (「为此页面生成映射」): walks the form on an unmapped page and drafts one
 * item per form item — its label (found the way the fill finds labels, lib/engine/locate.ts), a
 * vocabulary key proposed from labels and synonyms, the widget the engine detects, and locators:
 * the label first, stable attributes (name, id) next, CSS last with a warning. Read-only: nothing on
 * the page is clicked or typed. The draft's data model and the JSON builder are lib/mapping/draft.ts.
 */
import { CONTROL_SELECTOR, FORM_ITEM_SELECTOR, fieldRootOfControl, indexLabels, labelOfField, locateField, searchRoots, OWN_UI_TAG, type LabelIndex } from '../engine/locate';
import { detectWidget } from '../engine/widgets';
import { isVisible } from '../engine/dom';
import { flatQueryAll } from '../engine/shadow';
import { markedRequired, visibleOptions } from '../engine/doctor';
import type { Locator } from './schema';
import { itemSignature, proposeKey, uniqueIds, type Draft, type DraftItem, type LocatorKind } from './draft';

/** Generated names and ids (framework counters, per-render ids) change between page loads. */
const GENERATED = /\d{3,}|[-_:]\d+$|^(el-id|rc_|rc-|ant-|layui-|van-|t-|:r|__|input-|select-)/i;

function stable(v: string | null | undefined): v is string {
  return !!v && v.length <= 60 && !GENERATED.test(v);
}

/** Tables as UI libraries draw them: Element's el-table keeps its header and body in two <table>s. */
const TABLE_SELECTOR = '.el-table, .ant-table, .layui-table-view, .vxe-table, table, [role="table"], [role="grid"]';

/** A table of rows (a checklist, a hazard list): column titles over rows that hold controls. */
function isDataTable(t: Element): boolean {
  const cols = t.querySelectorAll('thead th, [role="columnheader"]').length;
  return cols >= 2 && Array.from(t.querySelectorAll('tbody, [role="rowgroup"]')).some((b) => !!b.querySelector(CONTROL_SELECTOR));
}

/** The outermost data table at or inside `el`. */
function dataTable(el: Element): Element | undefined {
  if (el.matches(TABLE_SELECTOR) && isDataTable(el)) return el;
  return Array.from(el.querySelectorAll(TABLE_SELECTOR)).find(isDataTable);
}

/** The data table a control sits in, outermost first (an el-table, not its inner body <table>). */
function tableOf(c: Element): Element | undefined {
  let found: Element | undefined;
  for (let t = c.closest(TABLE_SELECTOR); t; t = t.parentElement?.closest(TABLE_SELECTOR) ?? null) if (isDataTable(t)) found = t;
  return found;
}

/** Shown, or drawn over by its widget (a hidden native input inside a visible wrapper). */
function seen(c: Element): boolean {
  return isVisible(c) || isVisible(c.parentElement);
}

function hasControl(el: Element): boolean {
  return flatQueryAll<Element>(el, CONTROL_SELECTOR).some(seen);
}

function inOwnUi(el: Element): boolean {
  return !!el.closest(OWN_UI_TAG.toLowerCase());
}

/** The field roots of the page's form, in document order, one per form item. */
export function formRoots(doc: Document): Element[] {
  const out: Element[] = [];
  const covered = (el: Element) => out.some((r) => r === el || r.contains(el));
  for (const root of searchRoots(doc)) {
    const items = Array.from(root.querySelectorAll(FORM_ITEM_SELECTOR)).filter((i) => isVisible(i) && !inOwnUi(i) && hasControl(i));
    for (const item of items) {
      if (covered(item)) continue;
      // A table field is one item, whatever its rows hold; otherwise the innermost item is the field.
      if (!dataTable(item) && items.some((o) => o !== item && item.contains(o))) continue;
      // An item inside a table's row is a cell of that table's field.
      const table = tableOf(item);
      const field = table ? (table.parentElement?.closest(FORM_ITEM_SELECTOR) ?? table) : item;
      if (!covered(field)) out.push(field);
    }
    for (const c of Array.from(root.querySelectorAll(CONTROL_SELECTOR))) {
      if (covered(c) || inOwnUi(c) || !seen(c)) continue;
      const table = tableOf(c);
      const field = table ? (table.parentElement?.closest(FORM_ITEM_SELECTOR) ?? table) : fieldRootOfControl(c);
      if (!covered(field)) {
        for (let i = out.length - 1; i >= 0; i--) if (field.contains(out[i]!)) out.splice(i, 1);
        out.push(field);
      }
    }
  }
  return out.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function attrsOf(root: Element): { name?: string; id?: string; placeholder?: string } {
  const controls = [root, ...flatQueryAll(root, 'input, select, textarea, [name]')].filter((e) => e.matches('input, select, textarea, [name]'));
  const pick = (a: string) => controls.map((c) => c.getAttribute(a)).find((v) => !!v) ?? undefined;
  return { name: pick('name'), id: pick('id'), placeholder: pick('placeholder') };
}

/** How many elements on the page (all search roots) match a selector outside `root`. */
function elsewhere(index: LabelIndex, selector: string, root: Element): number {
  let n = 0;
  for (const r of index.roots) for (const e of Array.from(r.querySelectorAll(selector))) if (!root.contains(e)) n++;
  return n;
}

/** A short CSS path to the field root: up to an ancestor with a stable id, else from the body. */
function cssPath(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.tagName !== 'BODY' && e.tagName !== 'HTML' && parts.length < 6; e = e.parentElement) {
    if (e !== el && stable(e.id)) { parts.unshift(`#${CSS.escape(e.id)}`); break; }
    const parent: Element | null = e.parentElement;
    const same = parent ? Array.from(parent.children).filter((s) => s.tagName === e!.tagName) : [];
    parts.unshift(same.length > 1 ? `${e.tagName.toLowerCase()}:nth-of-type(${same.indexOf(e) + 1})` : e.tagName.toLowerCase());
  }
  return parts.join(' > ');
}

const sameField = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);

function idFrom(key: string | undefined, name: string | undefined, n: number): string {
  if (key) return key.split('.').map((p, i) => (i ? p[0]!.toUpperCase() + p.slice(1) : p)).join('');
  const fromName = !stable(name) ? undefined : name.replace(/\[\]$/, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return fromName && /^[a-zA-Z]/.test(fromName) ? fromName : `field${n}`;
}

/** The locators for one field root: label first, stable attributes next, CSS last (with a warning). */
function proposeLocator(doc: Document, index: LabelIndex, root: Element, label: string | null): { locate?: Locator; kind: LocatorKind; warnings: string[] } {
  const warnings: string[] = [];
  const attrs = attrsOf(root);
  let labelOk = false;
  if (label) {
    const r = locateField(doc, { label }, index);
    labelOk = r.status === 'found' && sameField(r.root, root);
    if (r.status === 'ambiguous') warnings.push(`页面上有 ${r.roots.length} 个“${label}”：标签不唯一，改用其他定位方式`);
  } else {
    warnings.push('没有找到标签：映射按标签核对字段，没有标签的字段请跳过或手工处理');
  }
  const name = stable(attrs.name) && !elsewhere(index, `[name="${CSS.escape(attrs.name)}"]`, root) ? attrs.name : undefined;
  const id = stable(attrs.id) && !elsewhere(index, `#${CSS.escape(attrs.id)}`, root) ? attrs.id : undefined;
  // Fallbacks beside a working label: found again if the label is reworded (then refused as 标签已变).
  if (labelOk) return { kind: 'label', locate: name ? { name } : id ? { id } : undefined, warnings };
  if (name) return { kind: 'name', locate: { name }, warnings };
  if (id) return { kind: 'id', locate: { id }, warnings };
  const ph = attrs.placeholder;
  if (ph && !/^请(选择|输入)$/.test(ph) && !elsewhere(index, `[placeholder="${CSS.escape(ph)}"]`, root)) {
    warnings.push('按占位提示文字定位：页面改了提示文字就找不到');
    return { kind: 'placeholder', locate: { placeholder: ph }, warnings };
  }
  const css = cssPath(root);
  if (!css) return { kind: 'none', warnings: [...warnings, '找不到可用的定位方式'] };
  warnings.push('只能用 CSS 定位：页面改版后容易失效，请确认');
  return { kind: 'css', locate: { css }, warnings };
}

/** Drafts one item per form item on the page (and its same-origin frames and open shadow roots). */
export function scanPage(doc: Document): DraftItem[] {
  return scan(doc).items;
}

function scan(doc: Document): { items: DraftItem[]; frameUrls: string[] } {
  const index = indexLabels(doc);
  const roots = formRoots(doc);
  const frameUrls = [...new Set(roots.map((r) => r.ownerDocument.location?.href).filter((u): u is string => !!u && /^https?:/.test(u)))];
  const items = roots.map((root, n): DraftItem => {
    const control = flatQueryAll(root, CONTROL_SELECTOR).find((c) => isVisible(c)) ?? undefined;
    const label = labelOfField(root, control);
    const table = !!dataTable(root);
    const widget = table ? 'table' : (detectWidget(root)?.kind ?? 'unknown');
    const key = proposeKey(label, widget);
    const loc = proposeLocator(doc, index, root, label);
    const warnings = [...loc.warnings];
    if (table) warnings.push('表格字段：列（rows.columns）需要手工写，草稿导出时不含此字段');
    if (widget === 'unknown') warnings.push('不认识的控件：请确认控件类型');
    const attrs = attrsOf(root);
    return {
      sig: itemSignature(label, attrs),
      id: idFrom(key?.key, attrs.name, n + 1),
      label,
      widget,
      key: key?.key,
      keyHow: key?.how,
      locate: loc.locate,
      locatorKind: loc.kind,
      warnings,
      options: table ? undefined : visibleOptions(root),
      required: markedRequired(root),
    };
  });
  return { items: uniqueIds(items), frameUrls };
}

/** A fresh draft of the page in front of the maintainer. */
export function draftPage(doc: Document): Draft {
  const { items, frameUrls } = scan(doc);
  return { url: doc.location?.href ?? '', title: doc.title, frameUrls, items };
}

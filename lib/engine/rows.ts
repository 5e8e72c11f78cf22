/**
 * Table-shaped fields: the record's tables (checklist rows, hazard rows) against a page's table, one
 * row per record row, each column its own widget.
 * - Tables with a row key (the checklist's item) are matched by the item's visible name, through the
 *   mapping's alias table, never by position: a reordered or reworded table still fills the right rows.
 * - Tables without one (hazard rows) are matched by position; a growing table gets rows appended with
 *   its own 添加 button until it has as many rows as the record.
 */
import type { RowsSpec, ColumnSpec } from '../mapping/schema';
import { click, normalizeText, textOf, visibleAll, waitFor } from './dom';
import { sameValue } from './compare';
import { detectWidget, widgetByKind, type WidgetAdapter, type WidgetContext, type WidgetValue } from './widgets';

/** One row as the fill wants it: the page's possible wordings of its item (keyed tables), and each column's widget value. */
export interface PlannedRow {
  names?: string[];
  cells: Record<string, WidgetValue>;
}

/** One row as the page shows it. */
export interface ShownRow {
  item?: string;
  cells: Record<string, WidgetValue>;
}

interface RowEl {
  el: Element;
  item: string;
  cells: Element[];
}

function cellsOf(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => c.matches('td, th, [role="cell"], [role="gridcell"]'));
}

function itemOf(cells: Element[], spec: RowsSpec): string {
  const cell = cells[spec.itemCell];
  if (!cell) return '';
  if (spec.itemWidget) {
    const v = widgetByKind(spec.itemWidget)?.read(cell);
    return typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.join('') : '';
  }
  return textOf(cell);
}

function rowElements(root: Element, spec: RowsSpec, keyed: boolean): RowEl[] {
  return Array.from(root.querySelectorAll(spec.row)).map((el) => {
    const cells = cellsOf(el);
    return { el, cells, item: keyed ? itemOf(cells, spec) : '' };
  }).filter((r) => !keyed || r.item);
}

function columnCell(row: RowEl, c: ColumnSpec): Element | undefined {
  if (c.css) return row.el.querySelector(c.css) ?? undefined;
  return c.cell !== undefined ? row.cells[c.cell] : undefined;
}

function adapterOf(c: ColumnSpec, cell: Element): WidgetAdapter | undefined {
  return c.widget === 'auto' ? detectWidget(cell) : widgetByKind(c.widget);
}

function readRow(row: RowEl, spec: RowsSpec): Record<string, WidgetValue> {
  const cells: Record<string, WidgetValue> = {};
  for (const [col, c] of Object.entries(spec.columns)) {
    const cell = columnCell(row, c);
    const adapter = cell && adapterOf(c, cell);
    cells[col] = cell && adapter ? adapter.read(cell) : null;
  }
  return cells;
}

/** What the table shows, row by row (keyed tables: only rows with an item). */
export function readRows(root: Element, spec: RowsSpec, keyed: boolean): ShownRow[] {
  return rowElements(root, spec, keyed).map((r) => ({ ...(keyed ? { item: r.item } : {}), cells: readRow(r, spec) }));
}

/** The 添加 button of a growing table: inside the field, else the nearest one after it. */
function addButton(root: Element, text: string): HTMLElement | undefined {
  const scopes: Element[] = [root];
  for (let p = root.parentElement; p && scopes.length < 4; p = p.parentElement) scopes.push(p);
  for (const scope of scopes) {
    const buttons = visibleAll(scope, 'button, [role="button"], a, .el-button, .ant-btn, .layui-btn');
    const hit = buttons.find((b) => normalizeText(textOf(b)) === normalizeText(text));
    if (hit) return hit;
  }
  return undefined;
}

async function appendRow(root: Element, spec: RowsSpec, ctx: WidgetContext): Promise<RowEl | string> {
  const btn = spec.add && addButton(root, spec.add.button);
  if (!btn) return `找不到“${spec.add?.button ?? '添加'}”按钮`;
  const before = rowElements(root, spec, false).length;
  click(btn);
  const rows = await waitFor(() => { const r = rowElements(root, spec, false); return r.length > before ? r : undefined; }, { ...ctx, what: '新增的行' });
  return rows[rows.length - 1]!;
}

/** Appends a row and writes the item's name into it (keyed tables whose item is typed or picked). */
async function appendKeyedRow(root: Element, spec: RowsSpec, item: string, ctx: WidgetContext): Promise<RowEl | string> {
  const row = await appendRow(root, spec, ctx);
  if (typeof row === 'string') return `没有“${item}”这一行，${row}`;
  const cell = row.cells[spec.itemCell];
  const adapter = spec.itemWidget ? widgetByKind(spec.itemWidget) : undefined;
  if (!cell || !adapter) return '新增的行无法填写项目名称（映射需写 itemWidget）';
  const out = await adapter.write(cell, item, ctx);
  if (out.status === 'no-option') return `新增的行没有“${item}”这个选项（可选：${out.seen.join('、')}）`;
  if (out.status !== 'done') return `新增的行没有接受项目名称“${item}”`;
  return { ...row, item };
}

export interface RowsOutcome {
  problems: string[];
  changed: number;
  /** Rows appended through the table's 添加 button. */
  added: number;
  before: ShownRow[];
}

function findRow(rows: RowEl[], names: string[]): RowEl | undefined {
  const wanted = names.map(normalizeText);
  return rows.find((r) => wanted.includes(normalizeText(r.item)));
}

export async function writeRows(root: Element, spec: RowsSpec, wanted: PlannedRow[], keyed: boolean, ctx: WidgetContext): Promise<RowsOutcome> {
  const before = readRows(root, spec, keyed);
  const problems: string[] = [];
  let changed = 0;
  let added = 0;
  const targets: (RowEl | undefined)[] = [];
  if (keyed) {
    for (const want of wanted) {
      const names = want.names ?? [];
      let row = findRow(rowElements(root, spec, true), names);
      if (!row && spec.add && names[0]) {
        const r = await appendKeyedRow(root, spec, names[0], ctx);
        if (typeof r === 'string') problems.push(r);
        else { row = r; added++; changed++; }
      } else if (!row) problems.push(`没有“${names[0] ?? '？'}”这一行`);
      targets.push(row);
    }
  } else {
    let rows = rowElements(root, spec, false);
    while (rows.length < wanted.length && spec.add) {
      const r = await appendRow(root, spec, ctx);
      if (typeof r === 'string') { problems.push(r); break; }
      added++; changed++;
      rows = rowElements(root, spec, false);
    }
    if (rows.length < wanted.length && !spec.add) problems.push(`页面只有 ${rows.length} 行，记录有 ${wanted.length} 行`);
    for (let i = 0; i < wanted.length; i++) targets.push(rows[i]);
  }
  for (const [i, want] of wanted.entries()) {
    const row = targets[i];
    if (!row) continue;
    const rowName = want.names?.[0] ?? `第 ${i + 1} 行`;
    for (const [col, value] of Object.entries(want.cells)) {
      const c = spec.columns[col];
      const cell = c && columnCell(row, c);
      const adapter = c && cell && adapterOf(c, cell);
      if (!cell || !adapter) {
        problems.push(`“${rowName}”的 ${col} 列找不到控件`);
        continue;
      }
      if (sameValue(adapter.read(cell), value)) continue;
      const out = await adapter.write(cell, value, ctx);
      changed++;
      if (out.status === 'no-option') problems.push(`“${rowName}”的 ${col} 没有选项“${out.wanted}”（可选：${out.seen.join('、')}）`);
      else if (out.status === 'disabled') problems.push(`“${rowName}”的 ${col} 不可编辑`);
      else if (out.status === 'error') problems.push(`“${rowName}”：${out.message}`);
    }
  }
  return { problems, changed, added, before };
}

/** Whether every planned cell shows its value now. */
export function rowsShow(root: Element, spec: RowsSpec, wanted: PlannedRow[], keyed: boolean): boolean {
  const rows = rowElements(root, spec, keyed);
  return wanted.every((want, i) => {
    const row = keyed ? findRow(rows, want.names ?? []) : rows[i];
    if (!row) return false;
    const shown = readRow(row, spec);
    return Object.entries(want.cells).every(([col, v]) => sameValue(shown[col], v));
  });
}

/** Rows as they were, in the form writeRows takes (for undo). */
export function shownToPlanned(rows: ShownRow[]): PlannedRow[] {
  return rows.map((r) => ({ ...(r.item !== undefined ? { names: [r.item] } : {}), cells: r.cells }));
}

/**
 * Removes the last `count` rows (those a fill appended) with each row's own remove button
 * (`add.remove`, e.g. 删除). Without one the rows stay and the caller is told.
 */
export async function removeRows(root: Element, spec: RowsSpec, count: number, ctx: WidgetContext): Promise<string | undefined> {
  const text = spec.add?.remove;
  if (!text) return `映射没有写删除行的按钮（add.remove），新增的 ${count} 行未删除`;
  for (let i = 0; i < count; i++) {
    const rows = rowElements(root, spec, false);
    const last = rows[rows.length - 1];
    const btn = last && visibleAll(last.el, 'button, [role="button"], a, .el-button, .ant-btn, .layui-btn').find((b) => normalizeText(textOf(b)) === normalizeText(text));
    if (!btn) return `最后一行没有“${text}”按钮`;
    click(btn);
    await waitFor(() => rowElements(root, spec, false).length < rows.length, { ...ctx, what: '删除的行' });
  }
  return undefined;
}

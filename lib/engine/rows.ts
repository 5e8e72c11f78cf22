/**
 * Table-shaped fields: one row per item (a checklist), each row holding widgets in known cells.
 * Rows are matched by the item's visible name, never by position, so a reordered table still fills
 * the right rows.
 */
import type { MappingField } from '../mapping/schema';
import type { ChecklistRow } from '../record/values';
import { click, normalizeText, textOf, visibleAll, waitFor } from './dom';
import { sameValue } from './compare';
import { widgetByKind, type WidgetContext } from './widgets';

type RowsSpec = NonNullable<MappingField['rows']>;

function itemOf(cells: Element[], spec: RowsSpec): string {
  const cell = cells[spec.itemCell];
  if (!cell) return '';
  if (spec.itemWidget) {
    const v = widgetByKind(spec.itemWidget)?.read(cell);
    return typeof v === 'string' ? v.trim() : '';
  }
  return textOf(cell);
}

function rowElements(root: Element, spec: RowsSpec, keepBlank = false): { item: string; cells: Element[] }[] {
  return Array.from(root.querySelectorAll(spec.row)).map((tr) => {
    const cells = Array.from(tr.children).filter((c) => c.matches('td, th, [role="cell"], [role="gridcell"]'));
    return { item: itemOf(cells, spec), cells };
  }).filter((r) => keepBlank || r.item);
}

/** The 添加 button of a growing table: inside the field, else the nearest one after it. */
function addButton(root: Element, text: string): HTMLElement | undefined {
  const buttons = visibleAll(root, 'button, [role="button"], a, .el-button, .ant-btn, .layui-btn');
  return buttons.find((b) => normalizeText(textOf(b)) === normalizeText(text));
}

/** Appends a blank row through the table's own button and types the item's name into it. */
async function appendRow(root: Element, spec: RowsSpec, item: string, ctx: WidgetContext): Promise<{ item: string; cells: Element[] } | string> {
  const btn = spec.add && addButton(root, spec.add.button);
  if (!btn) return `没有“${item}”这一行，也找不到“${spec.add?.button ?? '添加'}”按钮`;
  const before = rowElements(root, spec, true).length;
  click(btn);
  const rows = await waitFor(() => { const r = rowElements(root, spec, true); return r.length > before ? r : undefined; }, { ...ctx, what: '新增的行' });
  const row = rows[rows.length - 1]!;
  const cell = row.cells[spec.itemCell];
  const adapter = spec.itemWidget ? widgetByKind(spec.itemWidget) : undefined;
  if (!cell || !adapter) return `新增的行无法填写项目名称（映射需写 itemWidget）`;
  const out = await adapter.write(cell, item, ctx);
  if (out.status !== 'done') return `新增的行没有接受项目名称“${item}”`;
  return { item, cells: row.cells };
}

export function readRows(root: Element, spec: RowsSpec): ChecklistRow[] {
  const out: ChecklistRow[] = [];
  for (const r of rowElements(root, spec)) {
    const row: Record<string, string> = { item: r.item };
    for (const [col, c] of Object.entries(spec.columns)) {
      const cell = r.cells[c.cell];
      const v = cell ? widgetByKind(c.widget)?.read(cell) : undefined;
      const s = Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '';
      if (s) row[col] = s;
    }
    if (row.result) out.push(row as ChecklistRow);
  }
  return out;
}

export interface RowsOutcome {
  problems: string[];
  changed: number;
  before: ChecklistRow[];
}

export async function writeRows(root: Element, spec: RowsSpec, wanted: ChecklistRow[], ctx: WidgetContext): Promise<RowsOutcome> {
  const rows = rowElements(root, spec);
  const before = readRows(root, spec);
  const problems: string[] = [];
  let changed = 0;
  for (const want of wanted) {
    let row = rows.find((r) => normalizeText(r.item) === normalizeText(want.item));
    if (!row && spec.add) {
      const added = await appendRow(root, spec, want.item, ctx);
      if (typeof added === 'string') {
        problems.push(added);
        continue;
      }
      row = added;
      changed++;
    }
    if (!row) {
      problems.push(`没有“${want.item}”这一行`);
      continue;
    }
    for (const [col, c] of Object.entries(spec.columns)) {
      const value = (want as Record<string, string | undefined>)[col];
      if (!value) continue;
      const cell = row.cells[c.cell];
      const adapter = widgetByKind(c.widget);
      if (!cell || !adapter) {
        problems.push(`“${want.item}”的${col}列找不到控件`);
        continue;
      }
      if (sameValue(adapter.read(cell), value)) continue;
      const out = await adapter.write(cell, value, ctx);
      changed++;
      if (out.status === 'no-option') problems.push(`“${want.item}”没有选项“${out.wanted}”（可选：${out.seen.join('、')}）`);
      else if (out.status === 'disabled') problems.push(`“${want.item}”的${col}不可编辑`);
      else if (out.status === 'error') problems.push(`“${want.item}”：${out.message}`);
    }
  }
  return { problems, changed, before };
}

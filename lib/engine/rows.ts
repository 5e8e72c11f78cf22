/**
 * Table-shaped fields: one row per item (a checklist), each row holding widgets in known cells.
 * Rows are matched by the item's visible name, never by position, so a reordered table still fills
 * the right rows.
 */
import type { MappingField } from '../mapping/schema';
import type { ChecklistRow } from '../record/values';
import { normalizeText, textOf } from './dom';
import { sameValue } from './compare';
import { widgetByKind, type WidgetContext } from './widgets';

type RowsSpec = NonNullable<MappingField['rows']>;

function rowElements(root: Element, spec: RowsSpec): { item: string; cells: Element[] }[] {
  return Array.from(root.querySelectorAll(spec.row)).map((tr) => {
    const cells = Array.from(tr.children).filter((c) => c.matches('td, th, [role="cell"], [role="gridcell"]'));
    return { item: textOf(cells[spec.itemCell]), cells };
  }).filter((r) => r.item);
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
    const row = rows.find((r) => normalizeText(r.item) === normalizeText(want.item));
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

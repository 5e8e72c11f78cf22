/**
 * Between a record's table (rows of column values) and a page's table (rows of widget values). Pure:
 * each column's own fill or capture pipe, and the mapping's item aliases (记录中的叫法 → 页面的叫法).
 */
import type { RowsSpec } from '../mapping/schema';
import type { VocabularyEntry } from '../record/vocabulary';
import { isEmpty, runPipe, TransformError, type TransformContext } from '../transform';
import { normalizeText } from './dom';
import type { PlannedRow, ShownRow } from './rows';
import type { WidgetValue } from './widgets/types';

type Row = Record<string, unknown>;

/** The page's wordings for a record item: the alias table's, then the item itself. */
export function pageNames(item: string, spec: RowsSpec): string[] {
  const alias = spec.items?.[item];
  const names = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
  return [...names, item];
}

/** The record's item for a page wording (aliases read right to left); unknown wordings stay as they are. */
export function recordItem(shown: string, spec: RowsSpec): string {
  const n = normalizeText(shown);
  for (const [item, alias] of Object.entries(spec.items ?? {})) {
    const names = Array.isArray(alias) ? alias : [alias];
    if (names.some((a) => normalizeText(a) === n)) return item;
  }
  return shown;
}

export function toWidgetValue(v: unknown): WidgetValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    if (v.every((x) => x && typeof x === 'object' && 'dataUrl' in x)) return v as WidgetValue;
    if (v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => String(x));
  }
  throw new TransformError('这个值不能直接填入控件（需要在映射里加转换）');
}

/** Record rows → the rows the fill writes. */
export function planRows(table: unknown, spec: RowsSpec, entry: VocabularyEntry | undefined, ctx: TransformContext): PlannedRow[] {
  if (!Array.isArray(table)) throw new TransformError('这里需要表格（多行）的值');
  const rowKey = entry?.rowKey;
  return table.map((raw, i) => {
    const row = (raw && typeof raw === 'object' ? raw : {}) as Row;
    const cells: Record<string, WidgetValue> = {};
    for (const [col, c] of Object.entries(spec.columns)) {
      if (c.fill === false) continue;
      const out = runPipe(row[col], c.fill?.pipe as never, ctx);
      if (isEmpty(out)) continue;
      try {
        cells[col] = toWidgetValue(out);
      } catch (e) {
        throw new TransformError(`第 ${i + 1} 行 ${col}：${(e as Error).message}`);
      }
    }
    if (!rowKey) return { cells };
    const item = String(row[rowKey] ?? '');
    return { names: pageNames(item, spec), cells };
  });
}

/** What the page's table shows → record rows (empty rows dropped; keyed rows need a filled column). */
export function captureRows(shown: ShownRow[], spec: RowsSpec, entry: VocabularyEntry | undefined, ctx: TransformContext): Row[] {
  const rowKey = entry?.rowKey;
  const out: Row[] = [];
  for (const r of shown) {
    const row: Row = {};
    for (const [col, c] of Object.entries(spec.columns)) {
      if (c.capture === false) continue;
      const v = runPipe(r.cells[col], c.capture?.pipe as never, ctx);
      const flat = Array.isArray(v) ? v.join('') : v;
      if (!isEmpty(flat)) row[col] = flat;
    }
    if (!Object.keys(row).length) continue;
    if (rowKey && r.item !== undefined) out.push({ [rowKey]: recordItem(r.item, spec), ...row });
    else out.push(row);
  }
  return out;
}

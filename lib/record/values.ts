/**
 * The shapes a canonical value can take. Each vocabulary key has one of these types; records are
 * validated against them on write and on read. Tables (checklists, hazard rows) are lists of rows
 * whose columns the vocabulary declares.
 */
import { z } from 'zod';
import type { ColumnType, ValueType, VocabularyEntry } from './vocabulary';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const fileValueSchema = z.object({
  name: z.string().min(1),
  type: z.string(),
  dataUrl: z.string().startsWith('data:'),
});

const SCALARS = {
  text: z.string(),
  number: z.number().finite(),
  boolean: z.boolean(),
  date: z.string().regex(DATE, '日期应为 YYYY-MM-DD'),
  datetime: z.string().regex(DATETIME, '时间应为 YYYY-MM-DD HH:mm:ss'),
} as const satisfies Record<ColumnType, z.ZodType>;

/** One table row: column name → scalar. */
export type TableRow = Record<string, string | number | boolean>;
const anyRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const VALUE_TYPES = {
  ...SCALARS,
  datetimeRange: z.object({
    start: z.string().regex(DATETIME, '开始时间应为 YYYY-MM-DD HH:mm:ss'),
    end: z.string().regex(DATETIME, '结束时间应为 YYYY-MM-DD HH:mm:ss'),
  }),
  textList: z.array(z.string()),
  /** Administrative region by names, root first: 省 / 市 / 区县 / 乡镇街道. */
  regionPath: z.array(z.string().min(1)).min(1),
  /** Rows of a table; the exact columns are checked by `schemaFor(entry)`. */
  table: z.array(anyRow),
  files: z.array(fileValueSchema),
} as const satisfies Record<ValueType, z.ZodType>;

/** The schema of one key's value, with a table's declared columns and their options. */
export function schemaFor(entry: VocabularyEntry): z.ZodType {
  if (entry.type !== 'table') return VALUE_TYPES[entry.type];
  const shape: Record<string, z.ZodType> = {};
  for (const c of entry.columns ?? []) {
    const base = c.options
      ? z.string().refine((s) => c.options!.includes(s), { message: `${c.label}只能是：${c.options.join('、')}` })
      : SCALARS[c.type];
    shape[c.name] = (c.name === entry.rowKey ? (base as z.ZodString) : base.optional());
  }
  return z.array(z.object(shape).strict().refine((row) => Object.values(row).some((v) => v !== undefined && v !== ''), '空行'));
}

/** Any canonical value. */
export const canonicalValueSchema = z.union([
  z.string(), z.number(), z.boolean(), z.array(z.string()),
  VALUE_TYPES.datetimeRange, VALUE_TYPES.table, VALUE_TYPES.files,
]);
export type CanonicalValue = z.infer<typeof canonicalValueSchema>;

/** Kept for the checklist-specific transforms; a checklist is a table with these columns. */
export interface ChecklistRow {
  item: string;
  result: '合格' | '不合格' | '不涉及';
  defect?: string;
}

/**
 * The shapes a canonical value can take. Each vocabulary key has one of these types; records are
 * validated against them on write and on read.
 */
import { z } from 'zod';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const fileValueSchema = z.object({
  name: z.string().min(1),
  type: z.string(),
  dataUrl: z.string().startsWith('data:'),
});

export const checklistRowSchema = z.object({
  item: z.string().min(1),
  result: z.enum(['合格', '不合格', '不涉及']),
  defect: z.string().optional(),
});
export type ChecklistRow = z.infer<typeof checklistRowSchema>;

export const VALUE_TYPES = {
  text: z.string(),
  number: z.number().finite(),
  boolean: z.boolean(),
  date: z.string().regex(DATE, '日期应为 YYYY-MM-DD'),
  datetime: z.string().regex(DATETIME, '时间应为 YYYY-MM-DD HH:mm:ss'),
  datetimeRange: z.object({
    start: z.string().regex(DATETIME, '开始时间应为 YYYY-MM-DD HH:mm:ss'),
    end: z.string().regex(DATETIME, '结束时间应为 YYYY-MM-DD HH:mm:ss'),
  }),
  textList: z.array(z.string()),
  /** Administrative region by names, root first: 省 / 市 / 区县 / 乡镇街道. */
  regionPath: z.array(z.string().min(1)).min(1),
  checklist: z.array(checklistRowSchema),
  files: z.array(fileValueSchema),
} as const;

export type ValueType = keyof typeof VALUE_TYPES;
export const valueTypeNames = Object.keys(VALUE_TYPES) as [ValueType, ...ValueType[]];

/** Any canonical value. */
export const canonicalValueSchema = z.union([
  z.string(), z.number(), z.boolean(), z.array(z.string()),
  VALUE_TYPES.datetimeRange, VALUE_TYPES.checklist, VALUE_TYPES.files,
]);
export type CanonicalValue = z.infer<typeof canonicalValueSchema>;

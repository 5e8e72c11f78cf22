/**
 * The canonical inspection record: values by canonical key, plus everything captured by its visible
 * label (`raw`), so nothing typed is lost where no canonical key exists yet.
 */
import { z } from 'zod';
import { canonicalValueSchema, VALUE_TYPES, type CanonicalValue } from './values';
import { vocabularyEntry } from './vocabulary';

export const RECORD_SCHEMA_VERSION = 1;

export const recordSourceSchema = z.object({
  mappingId: z.string(),
  mappingVersion: z.number().int(),
  url: z.string(),
  title: z.string().default(''),
});

export const inspectionRecordSchema = z.object({
  id: z.string().min(1),
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** `captured` on submit; `draft` while typing (continuous capture). */
  status: z.enum(['captured', 'draft']),
  source: recordSourceSchema,
  /** One capture session (one page load) updates one record instead of piling up copies. */
  captureId: z.string(),
  values: z.record(z.string(), canonicalValueSchema),
  /** Everything read, by the field's visible label, as the widget showed it. */
  raw: z.record(z.string(), z.unknown()),
});
export type InspectionRecord = z.infer<typeof inspectionRecordSchema>;

export interface ValueProblem {
  key: string;
  message: string;
}

/**
 * Checks each value against its vocabulary type. Values that do not fit are dropped from `values`
 * (they stay in `raw`) and reported, so one odd field never costs the whole record.
 */
export function checkValues(values: Record<string, unknown>): { values: Record<string, CanonicalValue>; problems: ValueProblem[] } {
  const out: Record<string, CanonicalValue> = {};
  const problems: ValueProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const entry = vocabularyEntry(key);
    if (!entry) {
      problems.push({ key, message: `“${key}”不是词表中的字段` });
      continue;
    }
    const parsed = VALUE_TYPES[entry.type].safeParse(value);
    if (parsed.success) out[key] = parsed.data as CanonicalValue;
    else problems.push({ key, message: `${entry.label}：${parsed.error.issues[0]?.message ?? '格式不符'}` });
  }
  return { values: out, problems };
}

/**
 * The canonical inspection record (schema v2). One record per inspection: every platform's capture is
 * kept as a contribution, and the record's `values` are what the contributions say, newest first, with
 * each value's origin and its earlier values. The trail says where the inspection was captured, filled
 * and submitted. `values`, `provenance` and `history` are derived (see merge.ts) and stored so lists and
 * fills need no recomputation.
 */
import { z } from 'zod';
import { canonicalValueSchema, schemaFor, type CanonicalValue } from './values';
import { vocabularyEntry } from './vocabulary';

export const RECORD_SCHEMA_VERSION = 2;

/** Where a record (or a value) came from: a platform's mapping, or the cadre's own edit. */
export const MANUAL_SOURCE = 'manual';

export const recordSourceSchema = z.object({
  mappingId: z.string(),
  mappingVersion: z.number().int(),
  url: z.string(),
  title: z.string().default(''),
});

export const contributionSchema = z.object({
  /** The page session's capture id (a resubmit replaces its own contribution), or an edit's id. */
  id: z.string().min(1),
  /** `capture` on submit, `draft` while typing, `edit` by the cadre in the record view. */
  kind: z.enum(['capture', 'draft', 'edit']),
  mappingId: z.string(),
  mappingVersion: z.number().int(),
  /** The platform's name when captured, so the trail reads well even after its mapping is removed. */
  platform: z.string().default(''),
  url: z.string().default(''),
  at: z.number(),
  values: z.record(z.string(), canonicalValueSchema),
  /** Everything read on the page, by the field's visible label, as the widget showed it. */
  raw: z.record(z.string(), z.unknown()).default({}),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const originSchema = z.object({ mappingId: z.string(), platform: z.string(), at: z.number(), kind: contributionSchema.shape.kind });
export type ValueOrigin = z.infer<typeof originSchema>;

export const historyEntrySchema = originSchema.extend({ value: canonicalValueSchema });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const trailEventSchema = z.object({
  kind: z.enum(['captured', 'filled', 'submitted']),
  mappingId: z.string(),
  platform: z.string().default(''),
  at: z.number(),
  /** For fills: what the report said. */
  counts: z.object({ filled: z.number().int(), verified: z.number().int(), left: z.number().int() }).optional(),
});
export type TrailEvent = z.infer<typeof trailEventSchema>;

export const inspectionRecordSchema = z.object({
  id: z.string().min(1),
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** `captured` once any platform submitted it; `draft` while only drafts exist. */
  status: z.enum(['captured', 'draft']),
  /** The first platform the inspection was captured on. */
  source: recordSourceSchema,
  /** Unit (credit code, and normalised name) with the inspection date, `|`-joined; empty while either is unknown. */
  identities: z.array(z.string()).default([]),
  contributions: z.array(contributionSchema),
  /** Contribution ids, indexed so a resubmit finds its record. */
  contributionIds: z.array(z.string()).default([]),
  trail: z.array(trailEventSchema).default([]),
  values: z.record(z.string(), canonicalValueSchema),
  provenance: z.record(z.string(), originSchema).default({}),
  history: z.record(z.string(), z.array(historyEntrySchema)).default({}),
});
export type InspectionRecord = z.infer<typeof inspectionRecordSchema>;

export interface ValueProblem {
  key: string;
  message: string;
}

/** Checks one value against its vocabulary type; a readable Chinese message when it does not fit. */
export function checkValue(key: string, value: unknown): { ok: true; value: CanonicalValue } | { ok: false; message: string } {
  const entry = vocabularyEntry(key);
  if (!entry) return { ok: false, message: `“${key}”不是词表中的字段` };
  const parsed = schemaFor(entry).safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as CanonicalValue };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? `（第 ${Number(issue.path[0]) + 1} 行${issue.path[1] ? ` ${String(issue.path[1])}` : ''}）` : '';
  return { ok: false, message: `${entry.label}${where}：${issue?.message ?? '格式不符'}` };
}

/**
 * Checks each value against its vocabulary type. Values that do not fit are dropped from `values`
 * (they stay in the contribution's `raw`) and reported, so one odd field never costs the whole record.
 */
export function checkValues(values: Record<string, unknown>): { values: Record<string, CanonicalValue>; problems: ValueProblem[] } {
  const out: Record<string, CanonicalValue> = {};
  const problems: ValueProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const r = checkValue(key, value);
    if (r.ok) out[key] = r.value;
    else problems.push({ key, message: r.message });
  }
  return { values: out, problems };
}

/** List transforms: split/join, picking, and aggregates over lists of rows (checklists). */
import { z } from 'zod';
import { defineTransform, isEmpty, TransformError } from './types';

const where = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional()
  .describe('只保留满足全部条件的行，如 {"result": "不合格"}；值为列表时表示“属于其中之一”');

function matches(row: unknown, cond: Record<string, unknown> | undefined): boolean {
  if (!cond) return true;
  if (!row || typeof row !== 'object') return false;
  return Object.entries(cond).every(([k, want]) => {
    const got = (row as Record<string, unknown>)[k];
    return Array.isArray(want) ? want.includes(got as string) : got === want;
  });
}

function asList(input: unknown): unknown[] {
  if (isEmpty(input)) return [];
  if (!Array.isArray(input)) throw new TransformError('这里需要一个列表');
  return input;
}

export const listTransforms = {
  join: defineTransform(z.object({ op: z.literal('join'), sep: z.string().max(20).default('') }), (input, a) =>
    (Array.isArray(input) ? (input.length ? input.map(String).join(a.sep) : undefined) : input)),
  /** Splits on any of the separators (default: Chinese and ASCII commas, 、, semicolons, spaces). */
  split: defineTransform(z.object({ op: z.literal('split'), sep: z.array(z.string().min(1)).optional() }), (input, a) => {
    if (typeof input !== 'string') return input;
    const seps = a.sep ?? [',', '，', '、', ';', '；', ' '];
    let parts = [input];
    for (const s of seps) parts = parts.flatMap((p) => p.split(s));
    return parts.map((p) => p.trim()).filter(Boolean);
  }),
  at: defineTransform(z.object({ op: z.literal('at'), index: z.number().int() }), (input, a) =>
    (Array.isArray(input) ? input[a.index < 0 ? input.length + a.index : a.index] : input)),
  /** Picks one property of an object, or of every object in a list (e.g. `start` of a time range). */
  field: defineTransform(z.object({ op: z.literal('field'), name: z.string().min(1) }), (input, a) => {
    const pick = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[a.name] : undefined);
    return Array.isArray(input) ? input.map(pick) : pick(input);
  }),
  /** Whether any row matches: true / false. */
  any: defineTransform(z.object({ op: z.literal('any'), where }), (input, a) => {
    if (input === undefined) return undefined;
    return asList(input).some((r) => matches(r, a.where));
  }),
  count: defineTransform(z.object({ op: z.literal('count'), where }), (input, a) => {
    if (input === undefined) return undefined;
    return asList(input).filter((r) => matches(r, a.where)).length;
  }),
  /** The matching rows' `field` (or the rows), flattened, duplicates removed unless `unique` is false. */
  collect: defineTransform(
    z.object({ op: z.literal('collect'), where, field: z.string().optional(), unique: z.boolean().default(true) }),
    (input, a) => {
      if (input === undefined) return undefined;
      const out = asList(input).filter((r) => matches(r, a.where))
        .map((r) => (a.field && r && typeof r === 'object' ? (r as Record<string, unknown>)[a.field] : r))
        .flat()
        .filter((v) => !isEmpty(v));
      return a.unique ? Array.from(new Set(out.map((v) => JSON.stringify(v)))).map((s) => JSON.parse(s) as unknown) : out;
    },
  ),
  /** Item names → checklist rows with one result (a page that lists only the failed items). */
  toChecklist: defineTransform(
    z.object({ op: z.literal('toChecklist'), result: z.enum(['合格', '不合格', '不涉及']) }),
    (input, a) => (Array.isArray(input) ? input.map((item) => ({ item: String(item), result: a.result })) : input),
  ),
  /** Removes repeated entries, keeping the first. */
  unique: defineTransform(z.object({ op: z.literal('unique') }), (input) =>
    (Array.isArray(input) ? Array.from(new Set(input.map((v) => JSON.stringify(v)))).map((s) => JSON.parse(s) as unknown) : input)),
  /** Drops empty entries. */
  compact: defineTransform(z.object({ op: z.literal('compact') }), (input) =>
    (Array.isArray(input) ? input.filter((v) => !isEmpty(v)) : input)),
};

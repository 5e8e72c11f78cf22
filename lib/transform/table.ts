/**
 * Value tables: one platform's option labels or codes to another's. Keys are compared after width
 * folding and whitespace removal, so 「（」 and 「(」 match. A value the table lacks is an error by
 * default — the field is reported, never filled with a guess.
 */
import { z } from 'zod';
import { defineTransform, each, isEmpty, TransformError } from './types';

const tableValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export function foldKey(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, '');
}

export const tableTransforms = {
  map: defineTransform(
    z.object({
      op: z.literal('map'),
      table: z.record(z.string(), tableValue),
      /** Read the table from right to left (capture direction with the fill direction's table). */
      invert: z.boolean().optional(),
      /** What a value missing from the table becomes: `fail` (report it), `keep` (pass through), `drop`. */
      missing: z.enum(['fail', 'keep', 'drop']).default('fail'),
      default: tableValue.optional(),
    }),
    (input, a) => {
      const entries = a.invert
        ? Object.entries(a.table).flatMap(([k, v]) => (Array.isArray(v) ? [] : [[String(v), k] as const]))
        : Object.entries(a.table);
      const index = new Map(entries.map(([k, v]) => [foldKey(k), v]));
      const one = (v: unknown): unknown => {
        if (isEmpty(v)) return v;
        const hit = index.get(foldKey(String(v)));
        if (hit !== undefined) return hit;
        if (a.default !== undefined) return a.default;
        if (a.missing === 'keep') return v;
        if (a.missing === 'drop') return undefined;
        throw new TransformError(`值对照表中没有“${String(v)}”`, 'no-entry');
      };
      const out = each(input, one);
      return Array.isArray(out) ? out.filter((v) => v !== undefined).flat() : out;
    },
  ),
};

/** Constants, defaults and number/boolean conversions. */
import { z } from 'zod';
import { defineTransform, isEmpty, TransformError } from './types';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const valueTransforms = {
  /** Replaces an empty value with `value`. */
  default: defineTransform(z.object({ op: z.literal('default'), value: scalar }), (input, a) => (isEmpty(input) ? a.value : input)),
  /** Always `value` (a platform's fixed choice, e.g. 事件来源 网格员巡查). */
  const: defineTransform(z.object({ op: z.literal('const'), value: scalar }), (_input, a) => a.value),
  /** Whether there is a value at all: true / false (a 复查日期 means 复查 is planned). */
  exists: defineTransform(z.object({ op: z.literal('exists') }), (input) => !isEmpty(input)),
  number: defineTransform(z.object({ op: z.literal('number') }), (input) => {
    if (isEmpty(input)) return undefined;
    const n = typeof input === 'number' ? input : Number(String(input).replace(/[,，\s]/g, ''));
    if (!Number.isFinite(n)) throw new TransformError(`“${String(input)}”不是数字`);
    return n;
  }),
  /**
   * A comparison: true or false. Numbers compare as numbers (a count > 0 becomes 是), anything else by
   * equality of text. Exactly one of gt, gte, lt, lte, eq, ne.
   */
  compare: defineTransform(
    z.object({
      op: z.literal('compare'),
      gt: z.number().optional(), gte: z.number().optional(), lt: z.number().optional(), lte: z.number().optional(),
      eq: z.union([z.number(), z.string(), z.boolean()]).optional(), ne: z.union([z.number(), z.string(), z.boolean()]).optional(),
    }).refine((a) => ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'].filter((k) => (a as Record<string, unknown>)[k] !== undefined).length === 1, 'compare 需要且只能写 gt、gte、lt、lte、eq、ne 其中之一'),
    (input, a) => {
      if (isEmpty(input)) return undefined;
      const num = typeof input === 'number' ? input : typeof input === 'string' && /^-?\d+(\.\d+)?$/.test(input.trim()) ? Number(input) : undefined;
      const needNumber = (): number => {
        if (num === undefined) throw new TransformError(`“${String(input)}”不是数字，无法比较大小`);
        return num;
      };
      if (a.gt !== undefined) return needNumber() > a.gt;
      if (a.gte !== undefined) return needNumber() >= a.gte;
      if (a.lt !== undefined) return needNumber() < a.lt;
      if (a.lte !== undefined) return needNumber() <= a.lte;
      const same = (want: unknown) => (typeof want === 'number' && num !== undefined ? num === want : String(input) === String(want));
      if (a.eq !== undefined) return same(a.eq);
      return !same(a.ne);
    },
  ),
};

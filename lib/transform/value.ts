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
};

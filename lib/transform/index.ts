/**
 * The closed set of transforms and the pipe runner. A family is added by adding one file and one
 * spread here; the mapping schema's `op` union is built from this registry.
 */
import { z } from 'zod';
import { textTransforms } from './text';
import { listTransforms } from './list';
import { tableTransforms } from './table';
import { dateTransforms } from './date';
import { valueTransforms } from './value';
import type { TransformContext, TransformDef } from './types';

export const TRANSFORMS: Record<string, TransformDef> = {
  ...textTransforms,
  ...listTransforms,
  ...tableTransforms,
  ...dateTransforms,
  ...valueTransforms,
};

const schemas = Object.values(TRANSFORMS).map((t) => t.schema) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]];
export const transformOpSchema = z.discriminatedUnion('op', schemas);
export type TransformOp = { op: string } & Record<string, unknown>;

/** Runs a pipe left to right; each op decides what an empty input means for it. */
export function runPipe(input: unknown, pipe: readonly TransformOp[] | undefined, ctx: TransformContext): unknown {
  let v = input;
  for (const step of pipe ?? []) {
    const def = TRANSFORMS[step.op];
    if (!def) throw new Error(`未知的转换“${step.op}”`);
    v = def.run(v, def.schema.parse(step), ctx);
  }
  return v;
}

export { TransformError, isEmpty } from './types';
export type { TransformContext } from './types';

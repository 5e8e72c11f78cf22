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
import { isEmpty, TransformError } from './types';

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

/**
 * One step. Whatever a record holds, a step answers a value or a TransformError in Chinese: a value
 * of a shape the transform does not handle (an object where text was expected, …) is reported as
 * such, never as a JavaScript exception.
 */
function runStep(step: TransformOp, v: unknown, ctx: TransformContext): unknown {
  const def = TRANSFORMS[step.op];
  if (!def) throw new TransformError(`未知的转换“${step.op}”`);
  try {
    return def.run(v, def.schema.parse(step), ctx);
  } catch (e) {
    if (e instanceof TransformError) throw e;
    throw new TransformError(`转换“${step.op}”无法处理该值（${describe(v)}）`);
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `含 ${v.length} 项的列表`;
  if (v === null || v === undefined) return '空值';
  if (typeof v === 'object') return '对象';
  const s = String(v);
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** Runs a pipe left to right; each op decides what an empty input means for it. */
export function runPipe(input: unknown, pipe: readonly TransformOp[] | undefined, ctx: TransformContext): unknown {
  let v = input;
  for (const step of pipe ?? []) v = runStep(step, v, ctx);
  return v;
}

/**
 * Where a planned value came from, for the fill report: the record; the mapping itself (`const`, or a
 * `default` that stood in for an empty value); or the record's value cut short by `truncate`.
 */
export type ValueSource = 'record' | 'mapping' | 'truncated';

/** runPipe, also saying whether the value is the record's, set by the mapping, or truncated. */
export function runPipeTraced(input: unknown, pipe: readonly TransformOp[] | undefined, ctx: TransformContext): { value: unknown; source: ValueSource } {
  let v = input;
  let source: ValueSource = 'record';
  for (const step of pipe ?? []) {
    const before = v;
    v = runStep(step, v, ctx);
    if (step.op === 'const' || (step.op === 'default' && isEmpty(before) && !isEmpty(v))) source = 'mapping';
    else if (step.op === 'truncate' && typeof before === 'string' && before !== v) source = 'truncated';
  }
  return { value: v, source };
}

export { TransformError, isEmpty } from './types';
export type { TransformContext } from './types';

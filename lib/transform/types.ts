/**
 * A transform is one named, declarative operation on a value. Mapping files chain them in `pipe`
 * lists. The set is closed: no expressions, no code, only these operations with validated arguments.
 */
import type { z } from 'zod';

export interface TransformContext {
  /** The record's canonical values, for templates that join several keys. */
  values: Readonly<Record<string, unknown>>;
}

export class TransformError extends Error {
  constructor(message: string, readonly code: 'no-entry' | 'bad-input' = 'bad-input') {
    super(message);
    this.name = 'TransformError';
  }
}

export interface TransformDef<S extends z.ZodType = z.ZodType> {
  /** The schema of the op object, including its `op` literal. */
  schema: S;
  run(input: unknown, args: z.infer<S>, ctx: TransformContext): unknown;
}

/** Helper that keeps each family's definitions typed against their own schemas. */
export function defineTransform<S extends z.ZodType>(schema: S, run: TransformDef<S>['run']): TransformDef<S> {
  return { schema, run };
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Applies `fn` to each element of a list, or to a scalar. */
export function each(input: unknown, fn: (v: unknown) => unknown): unknown {
  return Array.isArray(input) ? input.map(fn) : fn(input);
}

/**
 * Reading mapping files with errors a maintainer can act on: the file's name, the JSON path of the
 * problem (`fields[3].fill.pipe[0].op`) and what is wrong, in Chinese.
 */
import type { z } from 'zod';
import { mappingSchema, type Mapping } from './schema';

export class MappingError extends Error {
  constructor(readonly file: string, readonly problems: { path: string; message: string }[]) {
    super(`映射文件 ${file} 有误：\n${problems.map((p) => `  ${p.path || '(根)'}：${p.message}`).join('\n')}`);
    this.name = 'MappingError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/**
 * zod reports a failed union (`"fill": false | {…}`) at the union itself; a maintainer needs the
 * problem inside the branch they meant, which is the branch whose problems reach deepest.
 */
function unwrap(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    if (best.length && depth(best) > 0) return best.flatMap((i) => unwrap(i, path));
  }
  return [{ path, message: issue.message }];
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.flatMap((i) => unwrap(i)).map((i) => ({ path: jsonPath(i.path), message: i.message }));
}

/** Parses a mapping from its JSON text. Throws MappingError naming `file`. */
export function parseMapping(text: string, file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MappingError(file, [{ path: '', message: `不是有效的 JSON：${(e as Error).message}` }]);
  }
  return validateMapping(json, file);
}

export function validateMapping(json: unknown, file: string): Mapping {
  const r = mappingSchema.safeParse(json);
  if (!r.success) throw new MappingError(file, describeIssues(r.error.issues));
  return r.data;
}

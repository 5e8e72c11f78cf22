/** Text transforms: templates joining keys, width folding, trimming, bounded regex capture. */
import { z } from 'zod';
import { defineTransform, each, isEmpty, TransformError } from './types';
import { MAX_INPUT, regexProblems } from './regex-guard';

const toHalf = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(show).join('');
  if (v && typeof v === 'object') return '';
  return v === undefined || v === null ? '' : String(v);
}

/**
 * Regex patterns come from mapping files: cap their size and refuse the shapes that backtrack
 * catastrophically (see regex-guard.ts).
 */
export const boundedPattern = z.string().min(1).max(200).superRefine((p, ctx) => {
  for (const message of regexProblems(p)) ctx.addIssue({ code: 'custom', message });
  try {
    new RegExp(p, 'u');
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `正则表达式无效：${(e as Error).message}` });
  }
});

/** Regexes only see inputs of bounded length: with the pattern rules, that bounds their running time. */
function regexInput(v: string): string {
  if (v.length > MAX_INPUT) throw new TransformError(`文字超过 ${MAX_INPUT} 字，不能用正则表达式处理`);
  return v;
}

const placeholder = /\{([a-zA-Z$][\w.$]*)\}/g;

export const textTransforms = {
  /** `{unit.name}消防安全隐患`: placeholders are canonical keys, `{$}` is the piped value; a list joins without separator. Empty when any placeholder is empty. */
  template: defineTransform(
    z.object({ op: z.literal('template'), template: z.string().min(1), allowMissing: z.boolean().optional() }),
    (input, a, ctx) => {
      let missing = false;
      const out = a.template.replace(placeholder, (_, name: string) => {
        const v = name === '$' ? input : ctx.values[name];
        if (isEmpty(v)) missing = true;
        return show(v);
      });
      return missing && !a.allowMissing ? undefined : out;
    },
  ),
  trim: defineTransform(z.object({ op: z.literal('trim') }), (input) =>
    each(input, (v) => (typeof v === 'string' ? v.trim() : v))),
  halfWidth: defineTransform(z.object({ op: z.literal('halfWidth') }), (input) =>
    each(input, (v) => (typeof v === 'string' ? toHalf(v) : v))),
  truncate: defineTransform(
    z.object({ op: z.literal('truncate'), max: z.number().int().positive() }),
    (input, a) => (typeof input === 'string' ? Array.from(input).slice(0, a.max).join('') : input),
  ),
  /** First match of `pattern`; `group` picks a capture group (0 = whole match). No match gives empty. */
  regex: defineTransform(
    z.object({ op: z.literal('regex'), pattern: boundedPattern, group: z.number().int().min(0).max(9).default(0), flags: z.string().regex(/^[imsu]*$/).optional() }),
    (input, a) => each(input, (v) => {
      if (typeof v !== 'string') return v;
      const m = new RegExp(a.pattern, (a.flags ?? '') + 'u').exec(regexInput(v));
      return m ? (m[a.group] ?? undefined) : undefined;
    }),
  ),
  replace: defineTransform(
    z.object({ op: z.literal('replace'), pattern: boundedPattern, with: z.string().max(200) }),
    (input, a) => each(input, (v) => (typeof v === 'string' ? regexInput(v).replace(new RegExp(a.pattern, 'gu'), a.with) : v)),
  ),
  /** Makes a string of a number, list or boolean (lists joined by `sep`). */
  text: defineTransform(z.object({ op: z.literal('text'), sep: z.string().default('') }), (input, a) => {
    if (isEmpty(input)) return undefined;
    if (Array.isArray(input)) return input.map(show).join(a.sep);
    if (typeof input === 'object') throw new TransformError('无法把该值变成文字');
    return String(input);
  }),
};

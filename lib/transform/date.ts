/**
 * Dates and times between platforms: display formats (`YYYY年MM月DD日 HH:mm`), ranges ↔ single
 * points. Tokens: YYYY MM DD HH mm ss; anything else is literal. Times are wall-clock (no zone):
 * every platform here shows Beijing time.
 */
import { z } from 'zod';
import { defineTransform, each, isEmpty, TransformError } from './types';

const TOKENS = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss'] as const;
type Token = (typeof TOKENS)[number];
type Parts = Partial<Record<Token, string>>;

const format = z.string().min(2).max(40).refine((f) => TOKENS.some((t) => f.includes(t)), '日期格式至少要包含 YYYY、MM、DD、HH、mm、ss 之一');

function tokenize(fmt: string): (Token | string)[] {
  const out: (Token | string)[] = [];
  let i = 0;
  while (i < fmt.length) {
    const t = TOKENS.find((tok) => fmt.startsWith(tok, i));
    if (t) { out.push(t); i += t.length; } else { out.push(fmt[i]!); i += 1; }
  }
  return out;
}

export function parseDate(value: string, fmt: string): Parts | undefined {
  const parts: Parts = {};
  const src = tokenize(fmt).map((p) => ((TOKENS as readonly string[]).includes(p) ? (p === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const m = new RegExp(`^\\s*${src}\\s*$`).exec(value);
  if (!m) return undefined;
  let g = 1;
  for (const p of tokenize(fmt)) if ((TOKENS as readonly string[]).includes(p)) parts[p as Token] = m[g++]!.padStart(2, '0');
  return parts;
}

export function formatDate(parts: Parts, fmt: string): string {
  return tokenize(fmt).map((p) => ((TOKENS as readonly string[]).includes(p) ? (parts[p as Token] ?? (p === 'YYYY' ? '0000' : '00')) : p)).join('');
}

/** Tries the given format, then the common ones, so a capture tolerates a platform's small variations. */
const COMMON = ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY-MM-DD', 'YYYY/MM/DD HH:mm:ss', 'YYYY/MM/DD HH:mm', 'YYYY/MM/DD', 'YYYY年MM月DD日 HH:mm:ss', 'YYYY年MM月DD日 HH:mm', 'YYYY年MM月DD日', 'YYYY.MM.DD'];

function reformat(v: unknown, from: string | undefined, to: string): unknown {
  if (isEmpty(v)) return v;
  if (typeof v !== 'string') throw new TransformError('日期应为文字');
  for (const f of from ? [from, ...COMMON] : COMMON) {
    const parts = parseDate(v, f);
    if (parts && valid(parts)) return formatDate(parts, to);
  }
  throw new TransformError(`无法识别的日期“${v}”${from ? `（应为 ${from}）` : ''}`);
}

function valid(p: Parts): boolean {
  const m = Number(p.MM ?? 1), d = Number(p.DD ?? 1), h = Number(p.HH ?? 0), mi = Number(p.mm ?? 0), s = Number(p.ss ?? 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59;
}

/** Wall-clock time in a fixed UTC offset (Beijing +08:00 by default) ↔ epoch milliseconds. */
function toEpoch(v: string, from: string | undefined, offsetMinutes: number): number {
  const iso = reformat(v, from, 'YYYY-MM-DDTHH:mm:ss') as string;
  return Date.parse(`${iso}Z`) - offsetMinutes * 60_000;
}

function fromEpoch(ms: number, to: string, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return formatDate({ YYYY: String(d.getUTCFullYear()), MM: p2(d.getUTCMonth() + 1), DD: p2(d.getUTCDate()), HH: p2(d.getUTCHours()), mm: p2(d.getUTCMinutes()), ss: p2(d.getUTCSeconds()) }, to);
}

const offset = z.number().int().min(-720).max(840).default(480).describe('UTC 偏移（分钟），北京时间为 480');

export const dateTransforms = {
  /** A date/time → epoch milliseconds (platforms whose fields hold timestamps). */
  timestamp: defineTransform(z.object({ op: z.literal('timestamp'), from: format.optional(), offsetMinutes: offset }), (input, a) =>
    each(input, (v) => (isEmpty(v) ? v : toEpoch(String(v), a.from, a.offsetMinutes)))),
  /** Epoch milliseconds → a date/time in `to`. */
  fromTimestamp: defineTransform(z.object({ op: z.literal('fromTimestamp'), to: format, offsetMinutes: offset }), (input, a) =>
    each(input, (v) => {
      if (isEmpty(v)) return v;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new TransformError(`“${String(v)}”不是时间戳`);
      return fromEpoch(n, a.to, a.offsetMinutes);
    })),
  /** Reformats a date (or each date of a list). */
  date: defineTransform(z.object({ op: z.literal('date'), from: format.optional(), to: format }), (input, a) =>
    each(input, (v) => reformat(v, a.from, a.to))),
  /** {start, end} → [start, end], for range pickers. */
  rangeToList: defineTransform(z.object({ op: z.literal('rangeToList') }), (input) => {
    if (isEmpty(input)) return undefined;
    const r = input as { start?: unknown; end?: unknown };
    return r.start && r.end ? [r.start, r.end] : undefined;
  }),
  /** [start, end] → {start, end}. */
  listToRange: defineTransform(z.object({ op: z.literal('listToRange') }), (input) => {
    if (!Array.isArray(input) || input.length !== 2 || input.some(isEmpty)) return undefined;
    return { start: input[0], end: input[1] };
  }),
};

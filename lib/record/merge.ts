/**
 * How one inspection's captures become one record (pure; unit- and property-tested):
 *
 * - Contributions are folded oldest first. A value a contribution has is added, or replaces a different
 *   earlier value — the newest wins and the earlier one goes to that key's history. A value it lacks is
 *   kept. So merging never loses a key.
 * - Tables with a row key (the checklist's `item`) merge row by row: a platform that lists only some
 *   items (only the failed ones, say) updates those rows and keeps the others. Tables without a row key
 *   (hazard rows) are one value.
 * - A draft never overwrites a value that a submit or an edit gave.
 * - Identity: the unit (credit code, else the normalised name) and the inspection date.
 */
import type { CanonicalValue, TableRow } from './values';
import { vocabularyEntry } from './vocabulary';
import { foldKey } from '../transform/table';
import type { Contribution, HistoryEntry, InspectionRecord, TrailEvent, ValueOrigin } from './record';

export interface Folded {
  values: Record<string, CanonicalValue>;
  provenance: Record<string, ValueOrigin>;
  history: Record<string, HistoryEntry[]>;
}

/** Deep equality over JSON-like values (key order ignored). */
export function sameCanonical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameCanonical(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameCanonical((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Width-folded, spaces and punctuation removed: how unit names and row items are compared. */
export function normalizeName(s: string): string {
  return foldKey(s).replace(/[()·.,、]/g, '').toLowerCase();
}

function mergeRows(before: TableRow[], incoming: TableRow[], rowKey: string): TableRow[] {
  const out = before.map((r) => ({ ...r }));
  for (const row of incoming) {
    const k = normalizeName(String(row[rowKey] ?? ''));
    const at = out.findIndex((r) => normalizeName(String(r[rowKey] ?? '')) === k);
    if (at >= 0) out[at] = { ...out[at], ...row };
    else out.push({ ...row });
  }
  return out;
}

const RANK: Record<Contribution['kind'], number> = { draft: 0, capture: 1, edit: 1 };

export function fold(contributions: readonly Contribution[]): Folded {
  const values: Record<string, CanonicalValue> = {};
  const provenance: Record<string, ValueOrigin> = {};
  const history: Record<string, HistoryEntry[]> = {};
  const ordered = [...contributions].sort((a, b) => a.at - b.at);
  for (const c of ordered) {
    const origin: ValueOrigin = { mappingId: c.mappingId, platform: c.platform, at: c.at, kind: c.kind };
    for (const [key, incoming] of Object.entries(c.values)) {
      const prev = values[key];
      const prevOrigin = provenance[key];
      if (prev === undefined || !prevOrigin) {
        values[key] = incoming;
        provenance[key] = origin;
        continue;
      }
      if (RANK[c.kind] < RANK[prevOrigin.kind]) continue; // a draft never overwrites a submitted value
      const entry = vocabularyEntry(key);
      const next = entry?.type === 'table' && entry.rowKey && Array.isArray(prev) && Array.isArray(incoming)
        ? mergeRows(prev as TableRow[], incoming as TableRow[], entry.rowKey) as CanonicalValue
        : incoming;
      if (sameCanonical(prev, next)) continue;
      (history[key] ??= []).push({ ...prevOrigin, value: prev });
      values[key] = next;
      provenance[key] = origin;
    }
  }
  return { values, provenance, history };
}

/** The inspection's identity from its values; '' when the unit or the date is unknown. */
export function identityOf(values: Readonly<Record<string, unknown>>): string {
  const code = typeof values['unit.creditCode'] === 'string' ? values['unit.creditCode'].trim().toUpperCase() : '';
  const name = typeof values['unit.name'] === 'string' ? normalizeName(values['unit.name']) : '';
  const unit = code || name;
  const time = values['inspection.time'] as { start?: unknown } | undefined;
  const date = typeof time?.start === 'string' ? time.start.slice(0, 10)
    : typeof values['inspection.date'] === 'string' ? values['inspection.date'].slice(0, 10) : '';
  return unit && date ? `${unit}|${date}` : '';
}

/** Both identities a record answers to: by credit code and by name (a platform may have only one). */
export function identitiesOf(values: Readonly<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  const full = identityOf(values);
  if (full) out.add(full);
  if (typeof values['unit.creditCode'] === 'string' && typeof values['unit.name'] === 'string') {
    const byName = identityOf({ ...values, 'unit.creditCode': undefined });
    if (byName) out.add(byName);
  }
  return [...out];
}

/** Recomputes everything derived from the contributions. */
export function rebuild(record: InspectionRecord): InspectionRecord {
  const { values, provenance, history } = fold(record.contributions);
  const captured = record.contributions.some((c) => c.kind !== 'draft');
  return {
    ...record,
    values, provenance, history,
    identities: identitiesOf(values),
    contributionIds: record.contributions.map((c) => c.id),
    status: captured ? 'captured' : 'draft',
  };
}

export type PlatformState = 'captured' | 'submitted' | 'filled' | 'pending';

/** Where the inspection stands on one platform, from the trail. */
export function platformState(trail: readonly TrailEvent[], mappingId: string): PlatformState {
  const mine = trail.filter((e) => e.mappingId === mappingId);
  if (mine.some((e) => e.kind === 'submitted')) return 'submitted';
  if (mine.some((e) => e.kind === 'captured')) return 'captured';
  if (mine.some((e) => e.kind === 'filled')) return 'filled';
  return 'pending';
}

export const PLATFORM_STATE_TEXT: Record<PlatformState, (name: string) => string> = {
  captured: (n) => `已录入 ${n}`,
  submitted: (n) => `已填写并提交 ${n}`,
  filled: (n) => `已填写 ${n}（未提交）`,
  pending: (n) => `待填写 ${n}`,
};

/** 「已录入 掌上执法 · 已填写 基层智治（未提交） · 待填写 消防监督管理系统」 */
export function trailSummary(trail: readonly TrailEvent[], platforms: readonly { id: string; name: string }[]): { mappingId: string; name: string; state: PlatformState; text: string }[] {
  const first = (id: string) => Math.min(...trail.filter((e) => e.mappingId === id).map((e) => e.at));
  // Platforms in the order the inspection reached them, then the ones it has still to reach.
  return [...platforms].sort((a, b) => first(a.id) - first(b.id)).map((p) => {
    const state = platformState(trail, p.id);
    return { mappingId: p.id, name: p.name, state, text: PLATFORM_STATE_TEXT[state](p.name) };
  });
}

/**
 * Finding records by unit name or credit code without reading every record (issue 13: a search that
 * scanned 100,000 records took 79 s).
 *
 * Each stored record carries `searchKeys`: every 3-character window of its normalised unit name and of
 * its normalised credit code (the last windows of each are shorter), in a multiEntry index. A substring
 * q of either text has every 3-character window of q among those keys, and a q of up to 3 characters
 * is a prefix of the key at its position; so the records holding all of q's windows are a superset of
 * the matches, found from the index alone. Only those candidates are read, and checked exactly as
 * before (normalizeName(text).includes(q)).
 *
 * The keys are derived on every write of a record, inside that write (a DBCore middleware in db.ts),
 * so no write path can leave them behind: saveCapture, edits, splits, fills, imports, restores, Dexie's
 * modify/update.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { InspectionRecord } from '../record/record';
import { normalizeName } from '../record/merge';

const GRAM = 3;

/** The texts a record is found by: its normalised unit name and credit code. */
function searchTexts(values: Readonly<Record<string, unknown>> | undefined): string[] {
  const v = values ?? {};
  return [v['unit.name'], v['unit.creditCode']].flatMap((s) => (typeof s === 'string' ? [normalizeName(s)] : [])).filter(Boolean);
}

/** The index keys of a stored record (see the module comment). */
export function searchKeysOf(row: { values?: Readonly<Record<string, unknown>> }): string[] {
  const keys = new Set<string>();
  for (const t of searchTexts(row.values)) for (let i = 0; i < t.length; i++) keys.add(t.slice(i, i + GRAM));
  return [...keys];
}

/** The ranges a (normalised, non-empty) query must hit: each one a prefix of some key of a match. */
export function queryGrams(q: string): string[] {
  if (q.length <= GRAM) return [q];
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= q.length; i++) out.add(q.slice(i, i + GRAM));
  return [...out];
}

/** The exact test, as the search always was: the query inside the unit name or the credit code. */
export function matchesSearch(row: { values?: Readonly<Record<string, unknown>> }, q: string): boolean {
  return searchTexts(row.values).some((t) => t.includes(q));
}

/** Adds `searchKeys` to every record written through this database (same request, same transaction). */
export function useSearchKeys(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'ylt-record-search-keys',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'records') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const values = req.values.map((v: unknown) => (v && typeof v === 'object' ? { ...(v as object), searchKeys: searchKeysOf(v as InspectionRecord) } : v));
            return table.mutate({ ...req, values });
          },
        };
      },
    }),
  });
}

/** At most this many candidates are read directly; beyond it they are read newest first, in chunks. */
const DIRECT = 256;

/**
 * Ids of the records matching `q` (normalised, non-empty), newest first, at most `limit`; read in the
 * caller's transaction or a read transaction of its own.
 */
export async function searchRecordRows(db: Dexie, q: string, limit: number): Promise<unknown[]> {
  const records = db.table('records');
  return db.transaction('r', records, async () => {
    const sets: Set<string>[] = [];
    for (const g of queryGrams(q)) {
      const ids = new Set((await records.where('searchKeys').startsWith(g).primaryKeys()) as string[]);
      if (ids.size === 0) return [];
      sets.push(ids);
    }
    sets.sort((a, b) => a.size - b.size);
    const candidates = [...sets[0]!].filter((id) => sets.every((s) => s.has(id)));
    if (candidates.length === 0) return [];
    const newestFirst = (a: { updatedAt: number }, b: { updatedAt: number }) => b.updatedAt - a.updatedAt;
    if (candidates.length <= DIRECT) {
      const rows = (await records.bulkGet(candidates)) as ({ updatedAt: number } | undefined)[];
      return rows.filter((r): r is { updatedAt: number } => !!r && matchesSearch(r as { values?: Record<string, unknown> }, q)).sort(newestFirst).slice(0, limit);
    }
    // Many candidates: walk them in updatedAt order (keys only), reading a chunk at a time.
    const wanted = new Set(candidates);
    const ordered = ((await records.orderBy('updatedAt').primaryKeys()) as string[]).reverse().filter((id) => wanted.has(id));
    const out: unknown[] = [];
    for (let i = 0; i < ordered.length && out.length < limit; i += limit * 2) {
      const rows = await records.bulkGet(ordered.slice(i, i + limit * 2));
      for (const r of rows) if (r && matchesSearch(r, q) && out.length < limit) out.push(r);
    }
    return out;
  });
}

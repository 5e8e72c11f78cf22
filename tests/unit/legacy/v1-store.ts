/**
 * The v1 code path, frozen as it shipped (lib/store/db.ts and lib/store/records.ts `saveCapture` at
 * schema v1), so the migration test opens a database exactly as a v1 extension left it. Do not change:
 * it is a record of what v1 wrote, not code in use.
 */
import Dexie, { type EntityTable } from 'dexie';

export interface V1Record {
  id: string;
  schemaVersion: 1;
  createdAt: number;
  updatedAt: number;
  status: 'captured' | 'draft';
  source: { mappingId: string; mappingVersion: number; url: string; title: string };
  captureId: string;
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
}

export type V1Db = Dexie & { records: EntityTable<V1Record, 'id'>; fillLog: EntityTable<{ id?: number; at: number; recordId: string }, 'id'> };

export function openV1Db(name: string): V1Db {
  const db = new Dexie(name) as V1Db;
  db.version(1).stores({
    records: 'id, updatedAt, captureId, status',
    fillLog: '++id, at, recordId',
  });
  return db;
}

let seq = 0;
/** v1's saveCapture: one record per capture session, values already checked against their types. */
export async function saveCaptureV1(db: V1Db, input: { captureId: string; status: 'captured' | 'draft'; source: V1Record['source']; values: Record<string, unknown>; raw: Record<string, unknown> }, now: number): Promise<V1Record> {
  return db.transaction('rw', db.records, async () => {
    const prev = await db.records.where('captureId').equals(input.captureId).first();
    const record: V1Record = {
      id: prev?.id ?? `v1-${++seq}-${now}`,
      schemaVersion: 1,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
      status: prev?.status === 'captured' ? 'captured' : input.status,
      source: input.source,
      captureId: input.captureId,
      values: input.values,
      raw: input.raw,
    };
    await db.records.put(record);
    return record;
  });
}

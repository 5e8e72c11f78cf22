/**
 * The extension's database, opened only in the extension's own origin (background, popup, options):
 * opened from a content script it would live inside the government site's origin.
 *
 * Schema history (one `version()` per change, each with a migration test in tests/unit/migration.test.ts):
 *   1 — records (one per capture session), fillLog.
 *   2 — records become one per inspection: contributions, trail, provenance, history, identity
 *       (see lib/record/merge.ts). A v1 record becomes a v2 record with one contribution.
 *   3 — settings (key → value: retention days and the like); installedMappings (mappings installed at
 *       runtime from a file, a URL or a subscription, and tombstones of retired ids). Nothing to migrate.
 *   4 — records get `*searchKeys` (the unit name's and credit code's 3-character windows, lib/store/
 *       search.ts), so a search reads the index, not every record; every record gets its keys.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { InspectionRecord } from '../record/record';
import type { FieldReportMsg } from '../messaging/protocol';
import { upgradeV1Record } from './upgrade';
import { searchKeysOf, useSearchKeys } from './search';

export interface FillLogEntry {
  id?: number;
  at: number;
  recordId: string;
  mappingId: string;
  mappingVersion: number;
  url: string;
  reports: FieldReportMsg[];
  /** Set by the page for each fill, so that a fill-done sent twice is logged once. */
  fillId?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface InstalledMappingRow {
  id: string;
  /** The validated mapping; null for a tombstone (a retired id that must never come back). */
  mapping: unknown;
  origin: 'file' | 'url' | 'subscription';
  sourceUrl?: string;
  installedAt: number;
  updatedAt: number;
  retired?: boolean;
}

export type YltDb = Dexie & {
  records: EntityTable<InspectionRecord, 'id'>;
  fillLog: EntityTable<FillLogEntry, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  installedMappings: EntityTable<InstalledMappingRow, 'id'>;
};

export const DB_NAME = 'yiluotong';

export function openDb(name = DB_NAME): YltDb {
  const db = new Dexie(name) as YltDb;
  db.version(1).stores({
    records: 'id, updatedAt, captureId, status',
    fillLog: '++id, at, recordId',
  });
  db.version(2).stores({
    records: 'id, updatedAt, *identities, *contributionIds, status',
    fillLog: '++id, at, recordId',
  }).upgrade(async (tx) => {
    await tx.table('records').toCollection().modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = upgradeV1Record(row);
    });
  });
  db.version(3).stores({ settings: 'key', installedMappings: 'id' });
  db.version(4).stores({
    records: 'id, updatedAt, *identities, *contributionIds, status, *searchKeys',
  }).upgrade(async (tx) => {
    await tx.table('records').toCollection().modify((row: Record<string, unknown>) => {
      row.searchKeys = searchKeysOf(row);
    });
  });
  // Every later write of a record derives its search keys in the same request (search.ts).
  useSearchKeys(db);
  return db;
}

/** Turns storage failures into something a cadre can act on. */
export function storageErrorMessage(e: unknown): string {
  const name = (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return '磁盘空间不足，记录没有保存。请清理磁盘或删除旧记录后重试。';
  return `保存失败：${(e as Error)?.message ?? String(e)}`;
}

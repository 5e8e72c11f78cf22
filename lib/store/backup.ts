/**
 * 备份与恢复: every record (with its trail, contributions and photos), the fill log and the settings,
 * as one JSON file the cadre keeps. Optionally protected with a passphrase (PBKDF2 → AES-GCM through
 * WebCrypto, so the file is useless to whoever finds it without the passphrase).
 *
 * Import merges: a record already present is kept if it is newer, replaced if the file's copy is newer.
 * Nothing is written unless the whole file parses.
 */
import { z } from 'zod';
import { inspectionRecordSchema, type InspectionRecord } from '../record/record';
import type { FillLogEntry, YltDb } from './db';
import { settingsSchema } from './retention';
import { fillLogEntry } from '../messaging/protocol';

export const BACKUP_FORMAT = 'yiluotong-backup';

/** The fill log entry as the protocol defines it (one schema for both). */
const fillLogEntrySchema = fillLogEntry;

const plainSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  records: z.array(inspectionRecordSchema),
  fillLog: z.array(fillLogEntrySchema),
  settings: settingsSchema.partial().optional(),
});
type PlainBackup = z.infer<typeof plainSchema>;

const sealedSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  encrypted: z.object({ kdf: z.literal('PBKDF2-SHA256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: z.string(), iv: z.string(), data: z.string() }),
});

const ITERATIONS = 310_000;

const b64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function keyFrom(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The backup file's text. With a passphrase, everything but the header is encrypted. */
export async function exportBackup(db: YltDb, opts: { passphrase?: string; now?: number } = {}): Promise<{ text: string; records: number }> {
  const [records, fillLog, settings] = await Promise.all([db.records.toArray(), db.fillLog.toArray(), db.settings.toArray()]);
  const valid = records.flatMap((r) => {
    const p = inspectionRecordSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
  const plain: PlainBackup = {
    format: BACKUP_FORMAT, version: 1, exportedAt: opts.now ?? Date.now(),
    records: valid, fillLog, settings: Object.fromEntries(settings.map((s) => [s.key, s.value])),
  };
  if (!opts.passphrase) return { text: JSON.stringify(plain), records: valid.length };
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await keyFrom(opts.passphrase, salt, ITERATIONS);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(plain))));
  const sealed = { format: BACKUP_FORMAT, version: 1, exportedAt: plain.exportedAt, encrypted: { kdf: 'PBKDF2-SHA256', iterations: ITERATIONS, salt: b64(salt), iv: b64(iv), data: b64(data) } };
  return { text: JSON.stringify(sealed), records: valid.length };
}

export type ImportResult =
  | { ok: true; added: number; updated: number; kept: number; fillLog: number }
  | { ok: false; error: string; needsPassphrase?: boolean };

/** Reads a backup file's text; nothing is written unless all of it is valid. */
export async function importBackup(db: YltDb, text: string, passphrase?: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '这不是一录通的备份文件（无法读取为 JSON）' };
  }
  if ((json as { format?: unknown })?.format !== BACKUP_FORMAT) return { ok: false, error: '这不是一录通的备份文件' };
  let content: unknown = json;
  const sealed = sealedSchema.safeParse(json);
  if (sealed.success) {
    if (!passphrase) return { ok: false, error: '这个备份文件设有密码，请输入密码', needsPassphrase: true };
    try {
      const e = sealed.data.encrypted;
      const key = await keyFrom(passphrase, unb64(e.salt), e.iterations);
      const bytes = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(e.iv) as BufferSource }, key, unb64(e.data) as BufferSource);
      content = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { ok: false, error: '密码不正确，或备份文件已损坏', needsPassphrase: true };
    }
  }
  const parsed = plainSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `备份文件内容有误（${issue?.path.join('.') || '根'}：${issue?.message ?? ''}），没有导入任何内容` };
  }
  const backup = parsed.data;
  return db.transaction('rw', db.records, db.fillLog, db.settings, async () => {
    let added = 0;
    let updated = 0;
    let kept = 0;
    for (const r of backup.records) {
      const have = (await db.records.get(r.id)) as InspectionRecord | undefined;
      if (!have) added += 1;
      else if (have.updatedAt < r.updatedAt) updated += 1;
      else { kept += 1; continue; }
      await db.records.put(r);
    }
    // Fill log entries are matched by their content, so importing the same file twice adds nothing.
    const existing = new Set((await db.fillLog.toArray()).map((e) => `${e.at}|${e.recordId}|${e.mappingId}`));
    const newLog = backup.fillLog
      .filter((e) => !existing.has(`${e.at}|${e.recordId}|${e.mappingId}`))
      .map(({ id: _id, ...e }) => e as FillLogEntry);
    if (newLog.length) await db.fillLog.bulkAdd(newLog);
    if (backup.settings && !(await db.settings.count())) {
      await db.settings.bulkPut(Object.entries(backup.settings).map(([key, value]) => ({ key, value })));
    }
    return { ok: true as const, added, updated, kept, fillLog: newLog.length };
  });
}

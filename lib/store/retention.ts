/**
 * What the cadre (or the county's administrator) decides about keeping data: how many days records are
 * kept, and 清除全部. Records are personal data of citizens and businesses (个人信息保护法): keep them no
 * longer than the work needs, and let them be wiped at once.
 */
import { z } from 'zod';
import type { YltDb } from './db';

export const settingsSchema = z.object({
  /** Records not updated for this many days are deleted with their fill log; 0 keeps them until deleted. */
  retentionDays: z.number().int().min(0).max(3650).default(0),
  /** Mapping ids the cadre or maintainer switched off (bundled or installed). */
  disabledMappings: z.array(z.string()).default([]),
  /** Mapping sources (index.json URLs) checked at browser start and daily. */
  subscriptions: z.array(z.string().url()).default([]),
  /** When the subscribed sources were last checked (ms). */
  lastSourceCheck: z.number().optional(),
  /** What the last check of the sources said (shown under 订阅映射目录): when, and any problems. */
  sourceStatus: z.object({ at: z.number(), sources: z.array(z.string()), installed: z.number().int(), errors: z.array(z.string()) }).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const RETENTION_CHOICES = [0, 7, 30, 90, 180, 365] as const;
const DAY = 86_400_000;

export async function getSettings(db: YltDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = settingsSchema.safeParse(stored);
  // A setting that no longer parses falls back to its default rather than breaking the extension.
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** Validates and stores a change; answers a Chinese message for a value out of range. */
export async function putSettings(db: YltDb, patch: Partial<Settings>): Promise<{ settings: Settings } | { error: string }> {
  const current = await getSettings(db);
  const next = settingsSchema.safeParse({ ...current, ...patch });
  if (!next.success) {
    const where = next.error.issues[0]?.path[0];
    if (where === 'subscriptions') return { error: '订阅地址必须是完整的网址，如 https://it.example.gov.cn/ylt/index.json' };
    return { error: '保留天数必须是 0 到 3650 之间的整数（0 表示不自动删除）' };
  }
  await db.settings.bulkPut(Object.entries(next.data).map(([key, value]) => ({ key, value })));
  return { settings: next.data };
}

/**
 * Deletes the records not updated within the retention period, and their fill logs (fill logs of
 * records already gone, too). Returns how many records went.
 */
export async function purgeExpired(db: YltDb, now = Date.now()): Promise<number> {
  const { retentionDays } = await getSettings(db);
  if (!retentionDays) return 0;
  const cutoff = now - retentionDays * DAY;
  return db.transaction('rw', db.records, db.fillLog, async () => {
    const ids = (await db.records.where('updatedAt').below(cutoff).primaryKeys()) as string[];
    if (ids.length) {
      await db.fillLog.where('recordId').anyOf(ids).delete();
      await db.records.bulkDelete(ids);
    }
    await db.fillLog.where('at').below(cutoff).delete();
    return ids.length;
  });
}

/** 清除全部: every record and the whole fill log. Settings stay (they are not personal data). */
export async function clearAll(db: YltDb): Promise<{ records: number }> {
  return db.transaction('rw', db.records, db.fillLog, async () => {
    const records = await db.records.count();
    await db.records.clear();
    await db.fillLog.clear();
    return { records };
  });
}

/** The words the cadre types to confirm 清除全部: a wipe cannot be undone, so it is never one click. */
export const CLEAR_ALL_CONFIRM = '清除全部';

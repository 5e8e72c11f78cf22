/**
 * A mapping source a maintainer publishes: a static `index.json` beside the mapping files, served by
 * any web server or git host. The extension only ever GETs it and the files it lists (no cookies, no
 * body), at browser start and once a day, and installs what is newer; ids the index lists as retired
 * are tombstoned.
 *
 *   { "format": "yiluotong-mappings",
 *     "mappings": [{ "id": "zj.jczz.sjsb", "version": 4, "file": "zj-jczz-sjsb.json" }],
 *     "retired": ["zj.old.form"] }
 */
import { z } from 'zod';
import type { Mapping } from './schema';
import type { YltDb } from '../store/db';
import { installMapping, retireMapping } from './installed';

export const SOURCE_FORMAT = 'yiluotong-mappings';

export const sourceIndexSchema = z.object({
  format: z.literal(SOURCE_FORMAT),
  mappings: z.array(z.object({
    id: z.string().min(1),
    version: z.number().int().min(1),
    file: z.string().min(1).max(300),
  })).max(500),
  retired: z.array(z.string().min(1)).max(500).default([]),
});
export type SourceIndex = z.infer<typeof sourceIndexSchema>;

/** A GET of one URL's text; the caller decides how (fetch with credentials omitted, in the extension). */
export type FetchText = (url: string) => Promise<string>;

export interface CheckResult {
  installed: { id: string; version: number }[];
  upToDate: string[];
  retired: string[];
  errors: string[];
}

/** GET with no cookies and no body, the only request the extension ever sends. */
export const getText: FetchText = async (url) => {
  const res = await fetch(url, { method: 'GET', credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
};

/** Checks one source and installs what is newer. Never throws: problems come back in `errors`, in Chinese. */
export async function checkSource(db: YltDb, indexUrl: string, bundled: readonly Mapping[], fetchText: FetchText = getText, now = Date.now()): Promise<CheckResult> {
  const out: CheckResult = { installed: [], upToDate: [], retired: [], errors: [] };
  let index: SourceIndex;
  try {
    const parsed = sourceIndexSchema.safeParse(JSON.parse(await fetchText(indexUrl)));
    if (!parsed.success) {
      out.errors.push(`${indexUrl} 不是一录通的映射目录（index.json 格式不对：${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}）`);
      return out;
    }
    index = parsed.data;
  } catch (e) {
    out.errors.push(`无法读取映射目录 ${indexUrl}：${(e as Error).message}`);
    return out;
  }
  for (const id of index.retired) {
    const row = await db.installedMappings.get(id);
    if (!row?.retired) {
      await retireMapping(db, id, now);
      out.retired.push(id);
    }
  }
  const installed = new Map((await db.installedMappings.toArray()).filter((r) => r.mapping).map((r) => [r.id, (r.mapping as Mapping).version]));
  for (const entry of index.mappings) {
    if (index.retired.includes(entry.id)) continue;
    const have = Math.max(installed.get(entry.id) ?? 0, bundled.find((m) => m.id === entry.id)?.version ?? 0);
    if (entry.version <= have) { out.upToDate.push(entry.id); continue; }
    const url = new URL(entry.file, indexUrl).href;
    try {
      const json = JSON.parse(await fetchText(url)) as { id?: unknown; version?: unknown };
      if (json.id !== entry.id || json.version !== entry.version) {
        out.errors.push(`${url}：文件中的 id/version（${String(json.id)} / ${String(json.version)}）与目录不符（${entry.id} / ${entry.version}）`);
        continue;
      }
      const r = await installMapping(db, json, 'subscription', bundled, { sourceUrl: url, now });
      if (r.ok) out.installed.push({ id: entry.id, version: entry.version });
      else out.errors.push(r.error);
    } catch (e) {
      out.errors.push(`无法读取 ${url}：${(e as Error).message}`);
    }
  }
  return out;
}

/** Whether a daily check is due (the last check's time is kept in settings by the caller). */
export function checkDue(lastCheck: number | undefined, now = Date.now()): boolean {
  return lastCheck === undefined || now - lastCheck >= 86_400_000;
}

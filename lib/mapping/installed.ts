/**
 * Mappings installed at runtime (issue: the maintainer's path). A maintainer's file reaches cadres
 * without a new build of the extension: installed from a file, a URL or a subscribed source, validated
 * exactly like the bundled ones, kept in the extension's database.
 *
 * Rules:
 * - an id never changes meaning: an update keeps the id and must carry a higher `version`;
 * - an update shows what changed (fields added, removed, changed) before it is installed;
 * - a retired id is tombstoned and can never be installed again;
 * - installed beats bundled only with a higher version; bundled mappings keep working.
 */
import { MappingError, parseMapping, validateMapping } from './load';
import type { Mapping, MappingField } from './schema';
import type { InstalledMappingRow, YltDb } from '../store/db';

export interface MappingDiff {
  added: string[];
  removed: string[];
  changed: { id: string; what: string[] }[];
  /** Changes outside the fields: the pages it matches, capture buttons, steps… */
  other: string[];
}

const FIELD_PARTS: [keyof MappingField, string][] = [
  ['label', '标签'], ['key', '对应字段'], ['widget', '控件'], ['locate', '定位'], ['fill', '填写规则'], ['capture', '采集规则'],
  ['rows', '表格'], ['appears', '出现条件'], ['after', '顺序'],
];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What an update changes, in words a maintainer reads before installing it. */
export function diffMappings(before: Mapping, after: Mapping): MappingDiff {
  const old = new Map(before.fields.map((f) => [f.id, f]));
  const next = new Map(after.fields.map((f) => [f.id, f]));
  const label = (f: MappingField) => `${f.label}（${f.id}）`;
  const added = after.fields.filter((f) => !old.has(f.id)).map(label);
  const removed = before.fields.filter((f) => !next.has(f.id)).map(label);
  const changed = after.fields.flatMap((f) => {
    const o = old.get(f.id);
    if (!o) return [];
    const what = FIELD_PARTS.filter(([k]) => !same(o[k], f[k])).map(([k, name]) => (k === 'label' ? `标签：${o.label} → ${f.label}` : name));
    const known = new Set(FIELD_PARTS.map(([k]) => k as string));
    const rest = Object.keys({ ...o, ...f }).filter((k) => !known.has(k) && !same((o as Record<string, unknown>)[k], (f as Record<string, unknown>)[k]));
    return what.length || rest.length ? [{ id: label(f), what: [...what, ...rest] }] : [];
  });
  const other: string[] = [];
  if (before.name !== after.name) other.push(`名称：${before.name} → ${after.name}`);
  if (!same(before.match, after.match)) other.push(`适用页面：${after.match.urls.join('、')}`);
  if (!same(before.capture, after.capture)) other.push('采集按钮');
  if (!same(before.ready, after.ready)) other.push('表单出现的标志（ready）');
  if (!same(before.steps, after.steps)) other.push('分步');
  if (!same(before.dialogs, after.dialogs)) other.push('对话框');
  return { added, removed, changed, other };
}

export interface InstallPreview {
  mapping: Mapping;
  /** The mapping this one replaces (installed or bundled), if any. */
  replaces?: Mapping;
  diff?: MappingDiff;
}

export type PreviewResult = { ok: true; preview: InstallPreview } | { ok: false; error: string; problems?: { path: string; message: string }[] };

/** The mappings in force: bundled ones, replaced by installed ones of a higher version; minus retired and disabled. */
export function activeMappings(bundled: readonly Mapping[], rows: readonly InstalledMappingRow[], disabled: readonly string[] = []): Mapping[] {
  const retired = new Set(rows.filter((r) => r.retired).map((r) => r.id));
  const byId = new Map<string, Mapping>();
  for (const m of bundled) byId.set(m.id, m);
  for (const r of rows) {
    if (r.retired || !r.mapping) continue;
    const m = r.mapping as Mapping;
    const have = byId.get(m.id);
    if (!have || have.version < m.version) byId.set(m.id, m);
  }
  const off = new Set(disabled);
  return [...byId.values()].filter((m) => !retired.has(m.id) && !off.has(m.id));
}

/** Validates a file's text and says what installing it would do; writes nothing. */
export async function previewInstall(db: YltDb, text: string, file: string, bundled: readonly Mapping[]): Promise<PreviewResult> {
  let mapping: Mapping;
  try {
    mapping = parseMapping(text, file);
  } catch (e) {
    if (e instanceof MappingError) return { ok: false, error: e.message, problems: e.problems };
    throw e;
  }
  return previewMapping(db, mapping, bundled);
}

export async function previewMapping(db: YltDb, mapping: Mapping, bundled: readonly Mapping[]): Promise<PreviewResult> {
  const row = await db.installedMappings.get(mapping.id);
  if (row?.retired) return { ok: false, error: `映射“${mapping.id}”已退役，不能再安装。请使用新的 id。` };
  const replaces = activeMappings(bundled, row ? [row] : []).find((m) => m.id === mapping.id);
  if (replaces && mapping.version <= replaces.version) {
    return { ok: false, error: `“${mapping.name}”已安装版本 ${replaces.version}；新文件的 version 必须更大（现在是 ${mapping.version}）` };
  }
  return { ok: true, preview: { mapping, replaces, diff: replaces ? diffMappings(replaces, mapping) : undefined } };
}

/** Installs a previewed mapping (validated again: the preview may be stale). Returns the row it replaced, for undo. */
export async function installMapping(
  db: YltDb, json: unknown, origin: InstalledMappingRow['origin'], bundled: readonly Mapping[], opts: { sourceUrl?: string; now?: number } = {},
): Promise<{ ok: true; mapping: Mapping; previous?: InstalledMappingRow } | { ok: false; error: string; problems?: { path: string; message: string }[] }> {
  let mapping: Mapping;
  try {
    mapping = validateMapping(json, opts.sourceUrl ?? 'mapping.json');
  } catch (e) {
    if (e instanceof MappingError) return { ok: false, error: e.message, problems: e.problems };
    throw e;
  }
  return db.transaction('rw', db.installedMappings, async () => {
    const check = await previewMapping(db, mapping, bundled);
    if (!check.ok) return check;
    const previous = await db.installedMappings.get(mapping.id);
    const now = opts.now ?? Date.now();
    await db.installedMappings.put({ id: mapping.id, mapping, origin, sourceUrl: opts.sourceUrl, installedAt: previous?.installedAt ?? now, updatedAt: now });
    return { ok: true as const, mapping, previous };
  });
}

/** Removes an installed mapping (bundled ones can only be switched off). Returns the row, for undo. */
export async function removeInstalled(db: YltDb, id: string): Promise<InstalledMappingRow | undefined> {
  const row = await db.installedMappings.get(id);
  if (row && !row.retired) await db.installedMappings.delete(id);
  return row && !row.retired ? row : undefined;
}

/** Undo of a removal or an update: puts the earlier row back exactly. */
export async function restoreInstalled(db: YltDb, row: InstalledMappingRow): Promise<void> {
  await db.installedMappings.put(row);
}

/** Retires an id for good: the mapping goes, and no file or source can bring the id back. */
export async function retireMapping(db: YltDb, id: string, now = Date.now()): Promise<void> {
  await db.installedMappings.put({ id, mapping: null, origin: 'subscription', installedAt: now, updatedAt: now, retired: true });
}

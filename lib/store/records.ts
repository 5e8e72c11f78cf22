/**
 * Records: one per inspection. A capture joins the record it belongs to (the record the page was filled
 * from, the record of the same page session, or the record of the same unit and inspection date) and
 * starts a new one only when none fits. Validated on the way in and out.
 */
import {
  checkValue, checkValues, contributionSchema, inspectionRecordSchema, MANUAL_SOURCE, RECORD_SCHEMA_VERSION,
  type Contribution, type InspectionRecord, type TrailEvent, type ValueProblem,
} from '../record/record';
import { identitiesOf, normalizeName, rebuild } from '../record/merge';
import type { FillLogEntry, YltDb } from './db';
import { newId } from '../util/id';
import { searchRecordRows } from './search';

export interface CaptureInput {
  captureId: string;
  status: 'captured' | 'draft';
  source: InspectionRecord['source'];
  /** The platform's name, for the trail. */
  platform?: string;
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
  /** The record this page was filled from, if it was: the capture belongs to it. */
  filledFrom?: string;
}

export type JoinReason = 'same-session' | 'filled-from' | 'same-inspection' | 'new';

function parse(r: unknown): InspectionRecord | undefined {
  const p = inspectionRecordSchema.safeParse(r);
  return p.success ? p.data : undefined;
}

/**
 * A draft typed after its page session was submitted (the page kept the form, the cadre goes on
 * typing) is kept beside the submit, under this suffix, never in its place; the session's next
 * submit replaces both.
 */
export const LATE_DRAFT_SUFFIX = '#draft';

async function findTarget(db: YltDb, input: CaptureInput, values: Record<string, unknown>): Promise<{ record?: InspectionRecord; reason: JoinReason }> {
  const session = parse(await db.records.where('contributionIds').anyOf([input.captureId, input.captureId + LATE_DRAFT_SUFFIX]).first());
  if (session) return { record: session, reason: 'same-session' };
  if (input.filledFrom) {
    const from = parse(await db.records.get(input.filledFrom));
    if (from) return { record: from, reason: 'filled-from' };
  }
  const ids = identitiesOf(values);
  if (ids.length) {
    const rows = await db.records.where('identities').anyOf(ids).toArray();
    const newest = rows.map(parse).filter((r): r is InspectionRecord => !!r).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (newest) return { record: newest, reason: 'same-inspection' };
  }
  return { reason: 'new' };
}

/**
 * Saves a capture into the record of its inspection. A capture on a platform that was filled from this
 * record means that platform was submitted; otherwise the platform is where the inspection was captured.
 */
export async function saveCapture(db: YltDb, input: CaptureInput, now = Date.now()): Promise<{ record: InspectionRecord; problems: ValueProblem[]; joined: JoinReason }> {
  const { values, problems } = checkValues(input.values);
  return db.transaction('rw', db.records, async () => {
    const { record: target, reason } = await findTarget(db, input, values);
    // A draft never takes the place of the same session's submit (drafts never overwrite submitted values).
    const lateDraft = input.status === 'draft' && !!target?.contributions.some((c) => c.id === input.captureId && c.kind !== 'draft');
    const contribution: Contribution = contributionSchema.parse({
      id: lateDraft ? input.captureId + LATE_DRAFT_SUFFIX : input.captureId,
      kind: input.status === 'draft' ? 'draft' : 'capture',
      mappingId: input.source.mappingId,
      mappingVersion: input.source.mappingVersion,
      platform: input.platform ?? input.source.title ?? '',
      url: input.source.url,
      at: now,
      values,
      raw: input.raw,
    });
    const base: InspectionRecord = target ?? {
      id: newId(), schemaVersion: RECORD_SCHEMA_VERSION, createdAt: now, updatedAt: now, status: 'draft',
      source: input.source, identities: [], contributions: [], contributionIds: [], trail: [], values: {}, provenance: {}, history: {},
    };
    const replaced = contribution.kind === 'capture' ? [contribution.id, contribution.id + LATE_DRAFT_SUFFIX] : [contribution.id];
    const contributions = [...base.contributions.filter((c) => !replaced.includes(c.id)), contribution];
    let trail = base.trail;
    if (contribution.kind === 'capture') {
      const mine = trail.filter((e) => e.mappingId === contribution.mappingId);
      const kind: TrailEvent['kind'] = mine.some((e) => e.kind === 'filled') ? 'submitted' : 'captured';
      // A resubmit of the same page session moves its event instead of adding another.
      trail = reason === 'same-session' ? trail.filter((e) => !(e.mappingId === contribution.mappingId && e.kind === kind)) : trail;
      trail = [...trail, { kind, mappingId: contribution.mappingId, platform: contribution.platform, at: now }];
    }
    const record = inspectionRecordSchema.parse(rebuild({ ...base, updatedAt: now, contributions, trail }));
    await db.records.put(record);
    return { record, problems, joined: reason };
  });
}

/** Notes a fill on the record's trail (with the report's counts); the record becomes the one in progress. */
export async function recordFill(db: YltDb, recordId: string, fill: { mappingId: string; platform: string; counts: NonNullable<TrailEvent['counts']> }, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.records, async () => {
    const r = parse(await db.records.get(recordId));
    if (!r) return;
    await db.records.put({ ...r, updatedAt: now, trail: [...r.trail, { kind: 'filled', mappingId: fill.mappingId, platform: fill.platform, at: now, counts: fill.counts }] });
  });
}

/** The cadre corrects one value in the record view; validated against the key's type. */
export async function editValue(db: YltDb, recordId: string, key: string, value: unknown, now = Date.now()): Promise<{ record: InspectionRecord } | { error: string }> {
  const checked = value === null ? { ok: true as const, value: null } : checkValue(key, value);
  if (!checked.ok) return { error: checked.message };
  return db.transaction('rw', db.records, async () => {
    const r = parse(await db.records.get(recordId));
    if (!r) return { error: '记录不存在' };
    const edit: Contribution = {
      id: `edit-${newId()}`, kind: 'edit', mappingId: MANUAL_SOURCE, mappingVersion: 0, platform: '人工修改', url: '', at: Math.max(now, r.updatedAt + 1),
      values: checked.value === null ? {} : { [key]: checked.value }, raw: {},
    };
    const record = inspectionRecordSchema.parse(rebuild({ ...r, updatedAt: edit.at, contributions: [...r.contributions, edit] }));
    await db.records.put(record);
    return { record };
  });
}

/**
 * 「这是一次新的检查」: one contribution leaves its record and becomes a record of its own, with its
 * trail events. Both records are recomputed from what remains.
 */
export async function splitContribution(db: YltDb, recordId: string, contributionId: string, now = Date.now()): Promise<{ kept: InspectionRecord; split: InspectionRecord } | { error: string }> {
  return db.transaction('rw', db.records, async () => {
    const r = parse(await db.records.get(recordId));
    if (!r) return { error: '记录不存在' };
    const c = r.contributions.find((x) => x.id === contributionId);
    if (!c) return { error: '这次采集不在该记录中' };
    if (r.contributions.length < 2) return { error: '该记录只有这一次采集，不需要拆分' };
    const moved = r.trail.filter((e) => e.mappingId === c.mappingId && e.at === c.at);
    const kept = inspectionRecordSchema.parse(rebuild({
      ...r, updatedAt: now, contributions: r.contributions.filter((x) => x.id !== contributionId), trail: r.trail.filter((e) => !moved.includes(e)),
    }));
    const split = inspectionRecordSchema.parse(rebuild({
      id: newId(), schemaVersion: RECORD_SCHEMA_VERSION, createdAt: now, updatedAt: now + 1, status: 'captured',
      source: { mappingId: c.mappingId, mappingVersion: c.mappingVersion, url: c.url, title: c.platform },
      identities: [], contributions: [c], contributionIds: [], trail: moved.length ? moved.map((e) => ({ ...e, kind: 'captured' as const })) : [], values: {}, provenance: {}, history: {},
    }));
    await db.records.bulkPut([kept, split]);
    return { kept, split };
  });
}

/**
 * Records newest first; rows that no longer parse are skipped rather than breaking the list. A search
 * (unit name or credit code) goes through the search index (search.ts), never through every record.
 */
export async function listRecords(db: YltDb, opts: { limit?: number; search?: string } = {}): Promise<InspectionRecord[]> {
  const limit = opts.limit ?? 50;
  const q = opts.search ? normalizeName(opts.search) : '';
  const rows = q ? await searchRecordRows(db, q, limit) : await db.records.orderBy('updatedAt').reverse().limit(limit).toArray();
  return rows.flatMap((r) => {
    const p = parse(r);
    return p ? [p] : [];
  });
}

/** How many of the newest records are looked at for the inspection in progress. */
const IN_PROGRESS_WINDOW = 20;

/**
 * The inspection in progress: among the 20 most recently captured or filled records, the newest
 * submitted one, else the newest. Read newest first from the updatedAt index and stopped at the first
 * submitted record, so it usually reads one record, whatever the size of the store.
 */
export async function latestRecord(db: YltDb): Promise<InspectionRecord | undefined> {
  let captured: InspectionRecord | undefined;
  const rows = await db.records.orderBy('updatedAt').reverse().limit(IN_PROGRESS_WINDOW)
    .until((row) => row.status === 'captured' && !!(captured = parse(row)), true).toArray();
  return captured ?? rows.map(parse).find((r) => !!r);
}

export async function getRecord(db: YltDb, id: string): Promise<InspectionRecord | undefined> {
  return parse(await db.records.get(id));
}

/**
 * Deletes a record with everything that belongs to it: its photos live inside the record's values and
 * contributions, its fill log entries in their own table. Returns both, so the deletion can be undone.
 */
export async function deleteRecord(db: YltDb, id: string): Promise<{ record: InspectionRecord; fillLog: FillLogEntry[] } | undefined> {
  return db.transaction('rw', db.records, db.fillLog, async () => {
    const record = await getRecord(db, id);
    if (!record) return undefined;
    const fillLog = await db.fillLog.where('recordId').equals(id).toArray();
    await db.fillLog.where('recordId').equals(id).delete();
    await db.records.delete(id);
    return { record, fillLog };
  });
}

/** Undo of a deletion: the record and its fill log come back as they were. */
export async function restoreRecord(db: YltDb, record: InspectionRecord, fillLog: readonly FillLogEntry[] = []): Promise<void> {
  const parsed = inspectionRecordSchema.parse(record);
  await db.transaction('rw', db.records, db.fillLog, async () => {
    await db.records.put(parsed);
    if (fillLog.length) await db.fillLog.bulkPut(fillLog.map((e) => ({ ...e, recordId: parsed.id })));
  });
}

/** Records: saved on capture, one per capture session, validated on the way in and out. */
import { checkValues, inspectionRecordSchema, RECORD_SCHEMA_VERSION, type InspectionRecord, type ValueProblem } from '../record/record';
import type { YltDb } from './db';
import { newId } from '../util/id';

export interface CaptureInput {
  captureId: string;
  status: 'captured' | 'draft';
  source: InspectionRecord['source'];
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
}


/**
 * Saves a capture. A later capture of the same session (a resubmit after a validation error, or a
 * draft turning into a submission) updates the same record rather than adding a copy.
 */
export async function saveCapture(db: YltDb, input: CaptureInput, now = Date.now()): Promise<{ record: InspectionRecord; problems: ValueProblem[] }> {
  const { values, problems } = checkValues(input.values);
  return db.transaction('rw', db.records, async () => {
    const prev = await db.records.where('captureId').equals(input.captureId).first();
    const record = inspectionRecordSchema.parse({
      id: prev?.id ?? newId(),
      schemaVersion: RECORD_SCHEMA_VERSION,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
      // A draft never downgrades a captured record.
      status: prev?.status === 'captured' ? 'captured' : input.status,
      source: input.source,
      captureId: input.captureId,
      values,
      raw: input.raw,
    });
    await db.records.put(record);
    return { record, problems };
  });
}

/** Records newest first; rows that no longer parse are skipped rather than breaking the list. */
export async function listRecords(db: YltDb, limit = 50): Promise<InspectionRecord[]> {
  const rows = await db.records.orderBy('updatedAt').reverse().limit(limit).toArray();
  return rows.flatMap((r) => {
    const p = inspectionRecordSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** The record to fill from: the newest submitted one, else the newest draft. */
export async function latestRecord(db: YltDb): Promise<InspectionRecord | undefined> {
  const all = await listRecords(db, 20);
  return all.find((r) => r.status === 'captured') ?? all[0];
}

export async function getRecord(db: YltDb, id: string): Promise<InspectionRecord | undefined> {
  const r = await db.records.get(id);
  const p = inspectionRecordSchema.safeParse(r);
  return p.success ? p.data : undefined;
}

export async function deleteRecord(db: YltDb, id: string): Promise<InspectionRecord | undefined> {
  const r = await getRecord(db, id);
  await db.records.delete(id);
  return r;
}

export async function restoreRecord(db: YltDb, record: InspectionRecord): Promise<void> {
  await db.records.put(inspectionRecordSchema.parse(record));
}

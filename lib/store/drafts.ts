/**
 * Drafts a cadre can restore into a platform's form after its session expired and threw the form
 * away. A draft is a `draft` contribution of a record, saved while the cadre typed (lib/engine/
 * draft-keeper.ts); it stays restorable until the same platform submits that record again.
 */
import { inspectionRecordSchema, type Contribution } from '../record/record';
import type { YltDb } from './db';

export interface RestorableDraft {
  recordId: string;
  contribution: Contribution;
}

/**
 * The newest restorable draft typed on `mappingId`'s platform, or the one named `contributionId`.
 * A draft that a later submit on the same platform, in the same record, superseded is not offered.
 */
export async function findDraft(db: YltDb, mappingId: string, contributionId?: string): Promise<RestorableDraft | undefined> {
  const rows = contributionId
    ? await db.records.where('contributionIds').equals(contributionId).toArray()
    : await db.records.orderBy('updatedAt').reverse().limit(50).toArray();
  let best: RestorableDraft | undefined;
  for (const row of rows) {
    const parsed = inspectionRecordSchema.safeParse(row);
    if (!parsed.success) continue;
    const r = parsed.data;
    const submittedAt = Math.max(-Infinity, ...r.contributions.filter((c) => c.mappingId === mappingId && c.kind === 'capture').map((c) => c.at));
    for (const c of r.contributions) {
      if (c.kind !== 'draft' || c.mappingId !== mappingId || c.at <= submittedAt) continue;
      if (contributionId && c.id !== contributionId) continue;
      if (Object.keys(c.values).length === 0) continue;
      if (!best || c.at > best.contribution.at) best = { recordId: r.id, contribution: c };
    }
  }
  return best;
}

/**
 * v1 → v2 record upgrade. A v1 record was one capture session: it becomes a v2 record whose only
 * contribution is that capture, with its values and raw labels untouched. Values that no longer fit
 * their type (none should) stay in the contribution's `raw` rather than being dropped silently.
 */
import { checkValues, RECORD_SCHEMA_VERSION, type InspectionRecord } from '../record/record';
import { rebuild } from '../record/merge';

interface V1Record {
  id: string;
  schemaVersion: 1;
  createdAt: number;
  updatedAt: number;
  status: 'captured' | 'draft';
  source: { mappingId: string; mappingVersion: number; url: string; title?: string };
  captureId: string;
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
}

export function upgradeV1Record(row: Record<string, unknown>): InspectionRecord | Record<string, unknown> {
  if (row.schemaVersion !== 1) return row;
  const v1 = row as unknown as V1Record;
  const { values, problems } = checkValues(v1.values ?? {});
  const raw = { ...(v1.raw ?? {}) };
  for (const p of problems) raw[`（升级时未能识别）${p.key}`] = v1.values[p.key];
  const record: InspectionRecord = {
    id: v1.id,
    schemaVersion: RECORD_SCHEMA_VERSION,
    createdAt: v1.createdAt,
    updatedAt: v1.updatedAt,
    status: v1.status,
    source: { mappingId: v1.source.mappingId, mappingVersion: v1.source.mappingVersion, url: v1.source.url, title: v1.source.title ?? '' },
    identities: [],
    contributions: [{
      id: v1.captureId,
      kind: v1.status === 'draft' ? 'draft' : 'capture',
      mappingId: v1.source.mappingId,
      mappingVersion: v1.source.mappingVersion,
      platform: v1.source.title ?? '',
      url: v1.source.url,
      at: v1.updatedAt,
      values,
      raw,
    }],
    contributionIds: [],
    trail: v1.status === 'draft' ? [] : [{ kind: 'captured', mappingId: v1.source.mappingId, platform: v1.source.title ?? '', at: v1.updatedAt }],
    values: {},
    provenance: {},
    history: {},
  };
  return rebuild(record);
}

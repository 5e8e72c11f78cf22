/**
 * Dexie schema v2 upgrades a database that the v1 code wrote: every record survives with its values
 * and raw labels, becomes one inspection with one contribution and a trail, and still fills. Schema v4
 * gives every record its search keys (lib/store/search.ts) and changes nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb } from '@/lib/store/db';
import { getRecord, listRecords, saveCapture } from '@/lib/store/records';
import { plan } from '@/lib/engine/plan';
import { openV1Db, saveCaptureV1 } from './legacy/v1-store';
import { loadMapping, MAPPING_B, MAPPING_C } from '../helpers/mappings';
import { readFixture } from '../helpers/fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** The v1 sample capture: exactly the v1 vocabulary (no table type yet; the checklist was `checklist`). */
const v1Values = readFixture<{ values: Record<string, unknown> }>('records/sample-v1.json').values;

describe('Dexie v1 → v2', () => {
  it('keeps every record written by the v1 code, and every one still fills B and C', async () => {
    const name = `ylt-migrate-${Date.now()}`;
    names.push(name);
    const v1 = openV1Db(name);
    const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: '行政检查记录' };
    await saveCaptureV1(v1, { captureId: 'c1', status: 'captured', source, values: v1Values, raw: { 被检查单位名称: '杭州某某小吃店' } }, 1000);
    await saveCaptureV1(v1, { captureId: 'c2', status: 'captured', source, values: { ...v1Values, 'unit.name': '杭州某某便利店', 'unit.creditCode': '92330106MA2CK1F003' }, raw: {} }, 2000);
    await saveCaptureV1(v1, { captureId: 'c3', status: 'draft', source, values: { 'unit.name': '杭州某某理发店' }, raw: { 被检查单位名称: '杭州某某理发店' } }, 3000);
    await v1.fillLog.add({ at: 1500, recordId: 'x' });
    const before = await v1.records.toArray();
    v1.close();

    const db = openDb(name);
    const after = await listRecords(db, { limit: 100 });
    expect(after).toHaveLength(3);
    for (const old of before) {
      const r = await getRecord(db, old.id);
      expect(r, old.id).toBeDefined();
      expect(r!.values).toEqual(old.values);
      expect(r!.createdAt).toBe(old.createdAt);
      expect(r!.status).toBe(old.status);
      expect(r!.contributions).toHaveLength(1);
      expect(r!.contributions[0]!.raw).toEqual(old.raw);
      expect(r!.trail.map((e) => e.kind)).toEqual(old.status === 'captured' ? ['captured'] : []);
      for (const key of Object.keys(old.values)) expect(r!.provenance[key]?.mappingId).toBe('zj.zzd.xfjc');
    }
    expect(await db.fillLog.count()).toBe(1);

    for (const r of after.filter((x) => x.status === 'captured')) {
      for (const m of [MAPPING_B, MAPPING_C]) {
        const p = plan(r, loadMapping(m));
        expect(p.steps.length, `${r.id} → ${m}`).toBeGreaterThan(10);
        expect(p.skipped.filter((s) => s.status === 'error'), `${r.id} → ${m}`).toEqual([]);
      }
    }

    // A later capture of the same inspection joins the upgraded record.
    const joined = await saveCapture(db, {
      captureId: 'c9', status: 'captured', source: { ...source, mappingId: 'zj.xfjd.jxcs' },
      values: { 'unit.name': '杭州某某小吃店', 'unit.creditCode': '92330106MA2CK1E005', 'inspection.date': '2026-05-20' }, raw: {},
    }, 4000);
    expect(joined.joined).toBe('same-inspection');
    expect(joined.record.id).toBe(before[0]!.id);
    db.close();
  });
});

describe('Dexie v3 → v4', () => {
  it('keeps every record and gives each its search keys, so the records written before are found', async () => {
    // Records as the v4 code writes them, less the search keys: what a v3 database holds.
    const scratchName = `ylt-migrate-src-${Date.now()}`;
    names.push(scratchName);
    const scratch = openDb(scratchName);
    const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: '行政检查记录' };
    await saveCapture(scratch, { captureId: 'c1', status: 'captured', source, values: { 'unit.name': '杭州某某小吃店', 'unit.creditCode': '92330106MA2CK1E005' }, raw: {} }, 1000);
    await saveCapture(scratch, { captureId: 'c2', status: 'draft', source, values: { 'unit.name': '宁波某某理发店' }, raw: {} }, 2000);
    const rows = (await scratch.records.toArray()).map(({ searchKeys: _k, ...r }: Record<string, unknown>) => r);
    scratch.close();
    expect(rows).toHaveLength(2);

    const name = `ylt-migrate-v3-${Date.now()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(1).stores({ records: 'id, updatedAt, captureId, status', fillLog: '++id, at, recordId' });
    v3.version(2).stores({ records: 'id, updatedAt, *identities, *contributionIds, status', fillLog: '++id, at, recordId' });
    v3.version(3).stores({ settings: 'key', installedMappings: 'id' });
    await v3.table('records').bulkPut(rows);
    await v3.table('fillLog').add({ at: 1500, recordId: 'x' });
    await v3.table('settings').put({ key: 'retentionDays', value: 30 });
    v3.close();

    const db = openDb(name);
    for (const old of rows) expect(await getRecord(db, old.id as string)).toEqual(old);
    expect((await listRecords(db, { search: '小吃' })).map((r) => r.values['unit.name'])).toEqual(['杭州某某小吃店']);
    expect((await listRecords(db, { search: 'ma2ck1' })).map((r) => r.values['unit.name'])).toEqual(['杭州某某小吃店']);
    expect((await listRecords(db, { search: '理发店' })).map((r) => r.values['unit.name'])).toEqual(['宁波某某理发店']);
    expect(await db.fillLog.count()).toBe(1);
    expect(await db.settings.get('retentionDays')).toEqual({ key: 'retentionDays', value: 30 });
    db.close();
  });
});

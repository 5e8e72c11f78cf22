/**
 * Record search through the search index (lib/store/search.ts) and the choice of the record in
 * progress (latestRecord) on larger stores: the same answers as a plain scan, and without reading the
 * records that do not match.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie, { type DBCore } from 'dexie';
import { openDb, type YltDb } from '@/lib/store/db';
import { deleteRecord, editValue, latestRecord, listRecords, restoreRecord, saveCapture } from '@/lib/store/records';
import { exportBackup, importBackup } from '@/lib/store/backup';

let n = 0;
const names: string[] = [];
function freshDb(): YltDb {
  const name = `ylt-search-${++n}-${Date.now()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: 'A' };

/** Counts the record values read from the records table (keys-only reads are free). */
function countReads(db: YltDb): { values: number } {
  const seen = { values: 0 };
  db.use({
    stack: 'dbcore', name: 'count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'records') return t;
        return {
          ...t,
          get: (req) => { seen.values += 1; return t.get(req); },
          getMany: (req) => { seen.values += req.keys.length; return t.getMany(req); },
          query: async (req) => { const r = await t.query(req); if (req.values) seen.values += r.result.length; return r; },
          openCursor: (req) => { seen.values += 1_000_000; return t.openCursor(req); },
        };
      },
    }),
  });
  return seen;
}

// Names without punctuation or full-width letters, so that the reference below needs no normalisation
// beyond lower case.
const SHOPS = ['小吃店', '便利店', '理发店', '五金店', '餐饮有限公司', '物流有限公司'];
const PLACES = ['杭州', '宁波', '温州', '绍兴'];
function unit(i: number) {
  return { name: `${PLACES[i % 4]}${['甲', '乙', '丙'][i % 3]}${SHOPS[i % 6]}${i}`, code: `91330106MA${String(i).padStart(8, '0')}` };
}

/** `count` records, unit i written at 1000 + i: one saved through saveCapture, the rest copies of it (one bulk write). */
async function seed(db: YltDb, count: number) {
  const first = unit(0);
  const { record } = await saveCapture(db, { captureId: 'c0', status: 'captured', source, values: { 'unit.name': first.name, 'unit.creditCode': first.code }, raw: {} }, 1000);
  const copies = Array.from({ length: count - 1 }, (_, k) => {
    const i = k + 1;
    const u = unit(i);
    return { ...record, id: `r${i}`, createdAt: 1000 + i, updatedAt: 1000 + i, contributionIds: [`c${i}`], values: { ...record.values, 'unit.name': u.name, 'unit.creditCode': u.code } };
  });
  await db.records.bulkPut(copies);
}

/** Bound for the tests that seed hundreds of records (fake-indexeddb, a busy 2-core machine). */
const SEEDED = 30_000;

describe('record search', () => {
  it('finds what a scan of every record finds, newest first, for queries of 1 to 8 characters', async () => {
    const db = freshDb();
    await seed(db, 60);
    const queries = ['店', '杭', '小吃', '甲小', '有限公司', '宁波乙物流', '温州丙理发店3', '0000001', 'ma00', '91330106MA00000042', '上海', '店甲', '公司12'];
    for (const q of queries) {
      const expected = Array.from({ length: 60 }, (_, i) => i)
        .filter((i) => unit(i).name.toLowerCase().includes(q.toLowerCase()) || unit(i).code.toLowerCase().includes(q.toLowerCase()))
        .reverse().slice(0, 20).map((i) => unit(i).name);
      expect((await listRecords(db, { search: q, limit: 20 })).map((r) => r.values['unit.name']), q).toEqual(expected);
    }
  }, SEEDED);

  it('folds full-width letters and spaces in the query as in the record', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 'x', status: 'captured', source, values: { 'unit.name': '杭州ＡＢＣ 超市', 'unit.creditCode': '92330106MA2CK1E005' }, raw: {} });
    expect(await listRecords(db, { search: 'abc超' })).toHaveLength(1);
    expect(await listRecords(db, { search: '92330106ma2ck1e005' })).toHaveLength(1);
    expect(await listRecords(db, { search: 'abd' })).toHaveLength(0);
  });

  it('a search with no match reads no record, and one with a match reads only its candidates', async () => {
    const db = freshDb();
    await seed(db, 300);
    const reads = countReads(db);
    expect(await listRecords(db, { search: '没有这个单位', limit: 20 })).toEqual([]);
    expect(reads.values).toBe(0);
    const found = await listRecords(db, { search: '绍兴甲五金店27', limit: 20 });
    expect(found.map((r) => r.values['unit.name'])).toEqual([unit(279).name, unit(27).name]);
    expect(reads.values).toBeLessThanOrEqual(2);
  }, SEEDED);

  it('with hundreds of candidates, reads newest first only as many as the list shows', async () => {
    const db = freshDb();
    await seed(db, 900);
    const reads = countReads(db);
    const found = await listRecords(db, { search: '有限公司', limit: 20 });
    // Units 4, 5, 10, 11, … are the 有限公司 (i % 6 of 4 and 5; 300 candidates): the newest twenty of them.
    const expected = Array.from({ length: 900 }, (_, i) => i).filter((i) => i % 6 >= 4).reverse().slice(0, 20).map((i) => unit(i).name);
    expect(found.map((r) => r.values['unit.name'])).toEqual(expected);
    expect(reads.values).toBeLessThanOrEqual(40);
  }, SEEDED);

  it('stays in step with the records: a renamed unit, a deleted and restored record, an imported backup', async () => {
    const db = freshDb();
    const { record } = await saveCapture(db, { captureId: 'a', status: 'captured', source, values: { 'unit.name': '杭州某某小吃店' }, raw: {} }, 1000);
    const edited = await editValue(db, record.id, 'unit.name', '杭州某某面馆', 2000);
    expect('record' in edited).toBe(true);
    expect(await listRecords(db, { search: '小吃店' })).toEqual([]);
    expect((await listRecords(db, { search: '某某面馆' })).map((r) => r.id)).toEqual([record.id]);

    const removed = await deleteRecord(db, record.id);
    expect(await listRecords(db, { search: '面馆' })).toEqual([]);
    await restoreRecord(db, removed!.record, removed!.fillLog);
    expect((await listRecords(db, { search: '面馆' })).map((r) => r.id)).toEqual([record.id]);

    const { text } = await exportBackup(db);
    const other = freshDb();
    expect(await importBackup(other, text)).toMatchObject({ ok: true, added: 1 });
    expect((await listRecords(other, { search: '面馆' })).map((r) => r.id)).toEqual([record.id]);

    // Dexie's own update() goes through the same write.
    await db.records.update(record.id, { values: { ...edited && 'record' in edited ? edited.record.values : {}, 'unit.name': '宁波某某书店' } });
    expect((await listRecords(db, { search: '书店' })).map((r) => r.id)).toEqual([record.id]);
    expect(await listRecords(db, { search: '面馆' })).toEqual([]);
  });
});

describe('the record in progress', () => {
  it('is the newest submitted record among the 20 newest, else the newest', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 'sub', status: 'captured', source, values: { 'unit.name': '甲' }, raw: {} }, 1000);
    for (let i = 0; i < 19; i++) await saveCapture(db, { captureId: `d${i}`, status: 'draft', source, values: { 'unit.name': `草稿${i}` }, raw: {} }, 2000 + i);
    expect((await latestRecord(db))?.values['unit.name']).toBe('甲');
    // A 20th newer draft pushes the submitted record out of the window: the newest record is used.
    await saveCapture(db, { captureId: 'd19', status: 'draft', source, values: { 'unit.name': '草稿19' }, raw: {} }, 3000);
    expect((await latestRecord(db))?.values['unit.name']).toBe('草稿19');
  });

  it('skips a row that no longer parses', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 'ok', status: 'captured', source, values: { 'unit.name': '甲' }, raw: {} }, 1000);
    await db.records.put({ id: 'broken', updatedAt: 5000, status: 'captured' } as never);
    expect((await latestRecord(db))?.values['unit.name']).toBe('甲');
  });
});

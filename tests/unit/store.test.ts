import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, storageErrorMessage } from '@/lib/store/db';
import { latestRecord, listRecords, saveCapture } from '@/lib/store/records';

let n = 0;
const names: string[] = [];
function freshDb() {
  const name = `ylt-test-${++n}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: 'A' };

describe('records', () => {
  it('one capture session updates one record; a new session adds another', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '杭州某某小吃店' }, raw: {} }, 1000);
    const b = await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '杭州某某小吃店', 'unit.phone': '13800000000' }, raw: {} }, 2000);
    expect(b.record.id).toBe(a.record.id);
    expect(b.record.createdAt).toBe(1000);
    await saveCapture(db, { captureId: 's2', status: 'captured', source, values: { 'unit.name': '杭州某某便利店' }, raw: {} }, 3000);
    expect((await listRecords(db)).map((r) => r.values['unit.name'])).toEqual(['杭州某某便利店', '杭州某某小吃店']);
  });

  it('keeps values that do not fit their type out of `values`, but in `raw`, and says why', async () => {
    const db = freshDb();
    const { record, problems } = await saveCapture(db, {
      captureId: 's1', status: 'captured', source,
      values: { 'unit.name': '杭州某某小吃店', 'rectify.deadline': '下周三', 'unit.area': 'abc' },
      raw: { 整改期限: '下周三' },
    });
    expect(record.values).toEqual({ 'unit.name': '杭州某某小吃店' });
    expect(record.contributions[0]?.raw).toEqual({ 整改期限: '下周三' });
    expect(problems.map((p) => p.key).sort()).toEqual(['rectify.deadline', 'unit.area']);
  });

  it('fills from the newest submitted record, not from a newer draft', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '甲' }, raw: {} }, 1000);
    await saveCapture(db, { captureId: 's2', status: 'draft', source, values: { 'unit.name': '乙' }, raw: {} }, 2000);
    expect((await latestRecord(db))?.values['unit.name']).toBe('甲');
  });

  it('survives closing and reopening the database', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '甲' }, raw: {} });
    db.close();
    const again = openDb(names[names.length - 1]);
    expect((await latestRecord(again))?.values['unit.name']).toBe('甲');
    again.close();
  });

  it('explains a full disk in words a cadre understands', () => {
    expect(storageErrorMessage({ name: 'QuotaExceededError' })).toMatch(/磁盘空间不足/);
    expect(storageErrorMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/磁盘空间不足/);
  });
});

/**
 * The cadre's data: deleting a record takes its fill log (and the photos inside it) along and can be
 * undone; a retention period purges old records; 清除全部 wipes everything but only when confirmed;
 * a full disk answers a clear message and leaves what was stored as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type YltDb } from '@/lib/store/db';
import { deleteRecord, getRecord, listRecords, restoreRecord, saveCapture } from '@/lib/store/records';
import { clearAll, getSettings, purgeExpired, putSettings } from '@/lib/store/retention';
import { createBackgroundHandler } from '@/lib/messaging/background';
import { loadMapping, MAPPING_A } from '../helpers/mappings';

const names: string[] = [];
function freshDb(): YltDb {
  const name = `ylt-data-${names.length}-${Math.random()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const DAY = 86_400_000;
const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: 'A' };
const photo = { name: '现场.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' };

async function seed(db: YltDb, id: string, name: string, at: number) {
  const { record } = await saveCapture(db, { captureId: id, status: 'captured', source, values: { 'unit.name': name, 'inspection.photos': [photo] }, raw: {} }, at);
  await db.fillLog.add({ at: at + 1, recordId: record.id, mappingId: 'zj.jczz.sjsb', mappingVersion: 1, url: 'http://127.0.0.1:5102/', reports: [] });
  return record;
}

describe('deleting a record', () => {
  it('deletes its fill log and photos with it, and undo brings all of it back', async () => {
    const db = freshDb();
    const keep = await seed(db, 's1', '杭州某某便利店', 1000);
    const gone = await seed(db, 's2', '杭州某某小吃店', 2000);
    expect(JSON.stringify(gone)).toContain('iVBORw0KGgo');

    const removed = await deleteRecord(db, gone.id);
    expect(removed?.record.id).toBe(gone.id);
    expect(removed?.fillLog).toHaveLength(1);
    expect(await getRecord(db, gone.id)).toBeUndefined();
    expect(await db.fillLog.where('recordId').equals(gone.id).count()).toBe(0);
    // Nothing of it is left anywhere in the database: the photo went with the record.
    const everything = JSON.stringify([await db.records.toArray(), await db.fillLog.toArray()]);
    expect(everything).not.toContain('杭州某某小吃店');
    expect(await db.fillLog.where('recordId').equals(keep.id).count()).toBe(1);

    await restoreRecord(db, removed!.record, removed!.fillLog);
    expect(await getRecord(db, gone.id)).toEqual(gone);
    expect(await db.fillLog.where('recordId').equals(gone.id).count()).toBe(1);
  });

  it('answers undefined for a record that is not there', async () => {
    expect(await deleteRecord(freshDb(), 'nope')).toBeUndefined();
  });
});

describe('retention', () => {
  it('keeps everything by default', async () => {
    const db = freshDb();
    await seed(db, 's1', '甲', 1000);
    expect((await getSettings(db)).retentionDays).toBe(0);
    expect(await purgeExpired(db, 1000 + 5000 * DAY)).toBe(0);
    expect(await db.records.count()).toBe(1);
  });

  it('purges records not updated within the period, with their fill logs, and keeps the recent ones', async () => {
    const db = freshDb();
    const now = 100 * DAY;
    const old = await seed(db, 's1', '旧单位', now - 31 * DAY);
    const recent = await seed(db, 's2', '新单位', now - 29 * DAY);
    expect(await putSettings(db, { retentionDays: 30 })).toMatchObject({ settings: { retentionDays: 30 } });
    expect(await purgeExpired(db, now)).toBe(1);
    expect((await listRecords(db)).map((r) => r.id)).toEqual([recent.id]);
    expect(await db.fillLog.where('recordId').equals(old.id).count()).toBe(0);
    expect(await db.fillLog.where('recordId').equals(recent.id).count()).toBe(1);
  });

  it('refuses a period out of range in Chinese and keeps the old one', async () => {
    const db = freshDb();
    await putSettings(db, { retentionDays: 90 });
    for (const bad of [-1, 1.5, 99999]) {
      const r = await putSettings(db, { retentionDays: bad });
      expect(r).toEqual({ error: expect.stringMatching(/保留天数必须是/) });
    }
    expect((await getSettings(db)).retentionDays).toBe(90);
  });

  it('is applied through the background when the setting changes and when a capture is saved', async () => {
    const db = freshDb();
    let now = 10 * DAY;
    const handle = createBackgroundHandler({ db, mappings: () => [loadMapping(MAPPING_A)], sendToTab: async () => undefined, now: () => now });
    await seed(db, 's1', '旧单位', 1 * DAY);
    expect(await handle({ type: 'set-settings', settings: { retentionDays: 7 } }, { kind: 'extension-page' })).toMatchObject({ ok: true, purged: 1 });
    await seed(db, 's2', '另一个旧单位', 2 * DAY);
    now = 20 * DAY;
    await handle({ type: 'capture', captureId: 'c3', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: { 'unit.name': '今天的单位' }, raw: {} }, { kind: 'extension-page' });
    expect((await listRecords(db)).map((r) => r.values['unit.name'])).toEqual(['今天的单位']);
  });
});

describe('清除全部', () => {
  it('wipes every record and the fill log, keeps the settings, and only with the typed confirmation', async () => {
    const db = freshDb();
    await seed(db, 's1', '甲', 1000);
    await seed(db, 's2', '乙', 2000);
    await putSettings(db, { retentionDays: 30 });
    const handle = createBackgroundHandler({ db, mappings: () => [], sendToTab: async () => undefined });
    expect(await handle({ type: 'clear-all', confirm: '确定' }, { kind: 'extension-page' })).toEqual({ ok: false, error: '请输入“清除全部”确认' });
    expect(await db.records.count()).toBe(2);
    // A content script (a platform's page) may never wipe the cadre's data.
    expect(await handle({ type: 'clear-all', confirm: '清除全部' }, { kind: 'content-script', tabId: 1, url: 'http://127.0.0.1:5101/' })).toMatchObject({ ok: false });
    expect(await db.records.count()).toBe(2);
    expect(await handle({ type: 'clear-all', confirm: '清除全部' }, { kind: 'extension-page' })).toEqual({ ok: true, records: 2 });
    expect(await db.records.count()).toBe(0);
    expect(await db.fillLog.count()).toBe(0);
    expect((await getSettings(db)).retentionDays).toBe(30);
    expect(await clearAll(db)).toEqual({ records: 0 });
  });
});

describe('a full disk', () => {
  it('answers a clear message and leaves the stored record exactly as it was', async () => {
    const db = freshDb();
    const handle = createBackgroundHandler({ db, mappings: () => [loadMapping(MAPPING_A)], sendToTab: async () => undefined });
    const first = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: { 'unit.name': '杭州某某小吃店', 'unit.phone': '13800000000' }, raw: {} }, { kind: 'extension-page' }) as { recordId: string };
    const before = await getRecord(db, first.recordId);

    // The disk fills up: IndexedDB refuses every write with the browser's own error.
    const proto = Object.getPrototypeOf((db.backendDB().transaction('records', 'readonly')).objectStore('records')) as { put: (...a: unknown[]) => unknown };
    const put = proto.put;
    proto.put = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    try {
      const again = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: { 'unit.name': '杭州某某小吃店', 'unit.phone': '13900000000' }, raw: {} }, { kind: 'extension-page' });
      expect(again).toEqual({ ok: false, error: '磁盘空间不足，记录没有保存。请清理磁盘或删除旧记录后重试。' });
      const edit = await handle({ type: 'edit-value', id: first.recordId, key: 'unit.phone', value: '13700000000' }, { kind: 'extension-page' });
      expect(edit).toMatchObject({ ok: false, error: expect.stringMatching(/磁盘空间不足/) });
    } finally {
      proto.put = put;
    }
    expect(await getRecord(db, first.recordId)).toEqual(before);
    expect(before?.values['unit.phone']).toBe('13800000000');
  });
});

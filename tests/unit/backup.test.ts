/** 备份与恢复: a backup carries every record with its trail and photos, with or without a passphrase. */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { openDb, type YltDb } from '@/lib/store/db';
import { getRecord, listRecords, recordFill, saveCapture } from '@/lib/store/records';
import { exportBackup, importBackup } from '@/lib/store/backup';
import { getSettings, putSettings } from '@/lib/store/retention';
import { sampleRecordValues } from '../helpers/fixtures';

const names: string[] = [];
function freshDb(): YltDb {
  const name = `ylt-backup-${names.length}-${Math.random()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const A = { mappingId: 'zj.zzd.xfjc', mappingVersion: 2, url: 'http://127.0.0.1:5101/', title: 'A' };
const B = { mappingId: 'zj.jczz.sjsb', mappingVersion: 2, url: 'http://127.0.0.1:5102/', title: 'B' };

async function aDay(db: YltDb) {
  const { record } = await saveCapture(db, { captureId: 'a1', status: 'captured', source: A, platform: '浙政钉', values: sampleRecordValues(), raw: { 被检查单位名称: '杭州某某小吃店' } }, 1000);
  await recordFill(db, record.id, { mappingId: B.mappingId, platform: '基层智治', counts: { filled: 20, verified: 20, left: 1 } }, 2000);
  await db.fillLog.add({ at: 2000, recordId: record.id, mappingId: B.mappingId, mappingVersion: 2, url: B.url, reports: [{ fieldId: 'x', label: '事件标题', status: 'verified' }] });
  await saveCapture(db, { captureId: 'b1', status: 'captured', source: B, platform: '基层智治', values: { 'unit.name': '杭州某某小吃店' }, raw: {}, filledFrom: record.id }, 3000);
  await putSettings(db, { retentionDays: 90 });
  return (await getRecord(db, record.id))!;
}

describe('backup', () => {
  it('gives back every record with its trail, photos and fill log in a fresh profile', async () => {
    const from = freshDb();
    const record = await aDay(from);
    expect(record.trail.map((e) => e.kind)).toEqual(['captured', 'filled', 'submitted']);
    const { text, records } = await exportBackup(from);
    expect(records).toBe(1);

    const to = freshDb();
    expect(await importBackup(to, text)).toEqual({ ok: true, added: 1, updated: 0, kept: 0, fillLog: 1 });
    expect(await getRecord(to, record.id)).toEqual(record);
    expect(await to.fillLog.count()).toBe(1);
    expect((await getSettings(to)).retentionDays).toBe(90);
    // Importing the same file again changes nothing.
    expect(await importBackup(to, text)).toEqual({ ok: true, added: 0, updated: 0, kept: 1, fillLog: 0 });
  });

  it('with a passphrase, keeps the content unreadable and refuses a wrong passphrase', async () => {
    const from = freshDb();
    const record = await aDay(from);
    const { text } = await exportBackup(from, { passphrase: '西湖区2026' });
    expect(text).not.toContain('杭州某某小吃店');
    expect(text).not.toContain(String(sampleRecordValues()['unit.creditCode']));
    const to = freshDb();
    expect(await importBackup(to, text)).toEqual({ ok: false, error: '这个备份文件设有密码，请输入密码', needsPassphrase: true });
    expect(await importBackup(to, text, '西湖区2025')).toEqual({ ok: false, error: '密码不正确，或备份文件已损坏', needsPassphrase: true });
    expect(await listRecords(to)).toEqual([]);
    expect(await importBackup(to, text, '西湖区2026')).toMatchObject({ ok: true, added: 1 });
    expect(await getRecord(to, record.id)).toEqual(record);
  });

  it('keeps the newer copy of a record present on both sides', async () => {
    const from = freshDb();
    const record = await aDay(from);
    const { text } = await exportBackup(from);
    const to = freshDb();
    await importBackup(to, text);
    await saveCapture(to, { captureId: 'b1', status: 'captured', source: B, platform: '基层智治', values: { 'unit.name': '杭州某某小吃店', 'unit.phone': '13900000000' }, raw: {} }, 9000);
    expect(await importBackup(to, text)).toMatchObject({ ok: true, kept: 1, added: 0 });
    expect((await getRecord(to, record.id))?.values['unit.phone']).toBe('13900000000');
  });

  it('answers any damaged file with a Chinese error and writes nothing', async () => {
    const from = freshDb();
    await aDay(from);
    const { text } = await exportBackup(from);
    const to = freshDb();
    await fc.assert(fc.asyncProperty(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 5 }), async (at, junk) => {
      const damaged = text.slice(0, at) + junk + text.slice(at + junk.length);
      const r = await importBackup(to, damaged);
      if (!r.ok) {
        expect(r.error).toMatch(/[\u4e00-\u9fff]/);
        expect(await to.records.count()).toBe(0);
      } else {
        await to.records.clear();
        await to.fillLog.clear();
      }
    }), { numRuns: 150 });
    expect(await importBackup(to, '{"format":"something-else"}')).toEqual({ ok: false, error: '这不是一录通的备份文件' });
  });
});

/** The record follows the inspection: merge rules, identity, trail, split and edit. */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { fold, identityOf, trailSummary } from '@/lib/record/merge';
import type { Contribution } from '@/lib/record/record';
import { openDb } from '@/lib/store/db';
import { editValue, listRecords, recordFill, saveCapture, splitContribution } from '@/lib/store/records';

const names: string[] = [];
function freshDb() {
  const name = `ylt-merge-${names.length}-${Date.now()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const A = { mappingId: 'zj.zzd.xfjc', mappingVersion: 2, url: 'http://127.0.0.1:5101/', title: 'A' };
const B = { mappingId: 'zj.jczz.sjsb', mappingVersion: 2, url: 'http://127.0.0.1:5102/', title: 'B' };
const C = { mappingId: 'zj.xfjd.jxcs', mappingVersion: 2, url: 'http://127.0.0.1:5103/form.html', title: 'C' };

const onA = {
  'unit.name': '杭州某某小吃店', 'unit.creditCode': '92330106MA2CK1E005', 'unit.phone': '13800000000',
  'inspection.time': { start: '2026-05-20 09:30:00', end: '2026-05-20 10:10:00' },
  'inspection.checklist': [{ item: '疏散通道', result: '不合格', defect: '堵塞' }, { item: '灭火器', result: '合格' }, { item: '消防演练', result: '合格' }],
};

function contribution(id: string, at: number, values: Record<string, unknown>, kind: Contribution['kind'] = 'capture', mappingId = 'm'): Contribution {
  return { id, kind, mappingId, mappingVersion: 1, platform: mappingId, url: '', at, values: values as Contribution['values'], raw: {} };
}

describe('fold: how captures become one record', () => {
  it('adds what a later platform knows and keeps what it lacks', () => {
    const f = fold([contribution('a', 1, onA), contribution('b', 2, { 'unit.name': '杭州某某小吃店', 'unit.grid': ['文新街道', '文苑社区', '第3网格'] })]);
    expect(f.values['unit.phone']).toBe('13800000000');
    expect(f.values['unit.grid']).toEqual(['文新街道', '文苑社区', '第3网格']);
    expect(f.provenance['unit.grid']?.at).toBe(2);
    expect(f.provenance['unit.phone']?.at).toBe(1);
    expect(f.history).toEqual({});
  });
  it('on a conflict the newest value wins and the earlier one stays in its history', () => {
    const f = fold([contribution('b', 2, { 'unit.phone': '13900000000' }, 'capture', 'B'), contribution('a', 1, onA, 'capture', 'A')]);
    expect(f.values['unit.phone']).toBe('13900000000');
    expect(f.history['unit.phone']).toEqual([{ mappingId: 'A', platform: 'A', at: 1, kind: 'capture', value: '13800000000' }]);
  });
  it('merges checklist rows by item: a platform listing only failed items keeps the other rows', () => {
    const f = fold([contribution('a', 1, onA), contribution('c', 2, { 'inspection.checklist': [{ item: '灭火器', result: '不合格' }] })]);
    expect(f.values['inspection.checklist']).toEqual([
      { item: '疏散通道', result: '不合格', defect: '堵塞' }, { item: '灭火器', result: '不合格' }, { item: '消防演练', result: '合格' },
    ]);
  });
  it('replaces tables without a row key as one value (hazard rows)', () => {
    const rows1 = [{ description: '一', level: '一般火灾隐患' }, { description: '二' }];
    const rows2 = [{ description: '一（已改）' }];
    const f = fold([contribution('a', 1, { 'hazard.items': rows1 }), contribution('b', 2, { 'hazard.items': rows2 })]);
    expect(f.values['hazard.items']).toEqual(rows2);
    expect(f.history['hazard.items']?.[0]?.value).toEqual(rows1);
  });
  it('a draft never overwrites a submitted value, but fills what is missing', () => {
    const f = fold([contribution('a', 1, { 'unit.phone': '1' }), contribution('d', 2, { 'unit.phone': '2', 'unit.address': '文三路1号' }, 'draft')]);
    expect(f.values['unit.phone']).toBe('1');
    expect(f.values['unit.address']).toBe('文三路1号');
  });
  it('an unchanged value makes no history', () => {
    const f = fold([contribution('a', 1, onA), contribution('b', 2, onA)]);
    expect(f.history).toEqual({});
  });

  it('property: merging never loses a key, and the newest non-draft contribution of a scalar key wins', () => {
    const keys = ['unit.name', 'unit.phone', 'unit.address', 'inspection.remarks', 'hazard.description'];
    const contrib = fc.record({
      at: fc.integer({ min: 0, max: 1000 }),
      kind: fc.constantFrom('capture', 'draft', 'edit'),
      values: fc.dictionary(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 5 })),
    });
    fc.assert(fc.property(fc.array(contrib, { maxLength: 8 }), (list) => {
      const cs = list.map((c, i) => contribution(`c${i}`, c.at * 10 + i, c.values, c.kind as Contribution['kind']));
      const f = fold(cs);
      const every = new Set(cs.flatMap((c) => Object.keys(c.values)));
      expect(new Set(Object.keys(f.values))).toEqual(every);
      for (const key of every) {
        const submitted = cs.filter((c) => c.kind !== 'draft' && key in c.values).sort((a, b) => a.at - b.at);
        if (submitted.length) expect(f.values[key]).toBe(submitted.at(-1)!.values[key]);
      }
    }));
  });
  it('property: merging checklist rows never loses an item', () => {
    const row = fc.record({ item: fc.constantFrom('疏散通道', '灭火器', '安全出口', '电气线路'), result: fc.constantFrom('合格', '不合格', '不涉及') });
    fc.assert(fc.property(fc.array(fc.array(row, { maxLength: 4 }), { maxLength: 5 }), (tables) => {
      const cs = tables.map((t, i) => contribution(`c${i}`, i, { 'inspection.checklist': t }));
      const f = fold(cs);
      const items = new Set(tables.flat().map((r) => r.item));
      const got = (f.values['inspection.checklist'] as { item: string }[] | undefined) ?? [];
      expect(new Set(got.map((r) => r.item))).toEqual(items);
    }));
  });
});

describe('identity', () => {
  it('is the credit code (else the normalised name) and the inspection date', () => {
    expect(identityOf(onA)).toBe('92330106MA2CK1E005|2026-05-20');
    expect(identityOf({ 'unit.name': ' 杭州某某小吃店（文三路店）', 'inspection.date': '2026-05-20' })).toBe('杭州某某小吃店文三路店|2026-05-20');
    expect(identityOf({ 'unit.name': '杭州某某小吃店' })).toBe('');
  });
});

describe('records follow the inspection', () => {
  it('fill B, submit B, fill C: one record, B adds to it, the trail says where it stands', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, platform: '掌上执法', values: onA, raw: {} }, 1000);
    expect(a.joined).toBe('new');
    await recordFill(db, a.record.id, { mappingId: B.mappingId, platform: '基层智治', counts: { filled: 15, verified: 15, left: 1 } }, 2000);
    const b = await saveCapture(db, {
      captureId: 'pb', status: 'captured', source: B, platform: '基层智治', filledFrom: a.record.id,
      values: { 'unit.name': '杭州某某小吃店', 'unit.phone': '13800000000', 'unit.grid': ['文新街道', '文苑社区', '第3网格'] }, raw: { 所属网格: '第3网格' },
    }, 3000);
    expect(b.joined).toBe('filled-from');
    expect(b.record.id).toBe(a.record.id);
    expect(await listRecords(db)).toHaveLength(1);
    expect(b.record.values['inspection.checklist']).toEqual(onA['inspection.checklist']);
    expect(b.record.values['unit.grid']).toEqual(['文新街道', '文苑社区', '第3网格']);
    expect(b.record.trail.map((e) => `${e.kind}:${e.mappingId}`)).toEqual(['captured:zj.zzd.xfjc', 'filled:zj.jczz.sjsb', 'submitted:zj.jczz.sjsb']);
    await recordFill(db, a.record.id, { mappingId: C.mappingId, platform: '消防监督管理系统', counts: { filled: 16, verified: 16, left: 0 } }, 4000);
    const [r] = await listRecords(db);
    expect(trailSummary(r!.trail, [{ id: A.mappingId, name: '掌上执法' }, { id: B.mappingId, name: '基层智治' }, { id: C.mappingId, name: '消防监督管理系统' }, { id: 'x', name: '其他平台' }]).map((t) => t.text).join(' · '))
      .toBe('已录入 掌上执法 · 已填写并提交 基层智治 · 已填写 消防监督管理系统（未提交） · 待填写 其他平台');
  });
  it('a capture of the same unit and inspection date joins, without a fill; another date does not', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, values: onA, raw: {} }, 1000);
    const c = await saveCapture(db, { captureId: 'pc', status: 'captured', source: C, values: { 'unit.name': '杭州某某小吃店', 'inspection.date': '2026-05-20', 'inspection.remarks': '补充' }, raw: {} }, 2000);
    expect(c.joined).toBe('same-inspection');
    expect(c.record.id).toBe(a.record.id);
    const d = await saveCapture(db, { captureId: 'pd', status: 'captured', source: C, values: { 'unit.name': '杭州某某小吃店', 'inspection.date': '2026-06-01' }, raw: {} }, 3000);
    expect(d.joined).toBe('new');
  });
  it('a resubmit of the same page session replaces its own contribution', async () => {
    const db = freshDb();
    await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, values: { 'unit.name': '甲', 'unit.phone': '1' }, raw: {} }, 1000);
    const again = await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, values: { 'unit.name': '甲' }, raw: {} }, 2000);
    expect(again.joined).toBe('same-session');
    expect(again.record.contributions).toHaveLength(1);
    expect(again.record.trail).toHaveLength(1);
  });
  it('「这是一次新的检查」 splits a capture off into its own record, and the rest is recomputed', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, values: onA, raw: {} }, 1000);
    await saveCapture(db, { captureId: 'pc', status: 'captured', source: C, values: { ...onA, 'unit.phone': '13900000000' }, raw: {} }, 2000);
    const out = await splitContribution(db, a.record.id, 'pc', 3000);
    if ('error' in out) throw new Error(out.error);
    expect(out.kept.values['unit.phone']).toBe('13800000000');
    expect(out.split.values['unit.phone']).toBe('13900000000');
    expect(out.split.trail.map((e) => e.mappingId)).toEqual([C.mappingId]);
    expect(await listRecords(db)).toHaveLength(2);
  });
  it('an edit is validated against the key type and keeps the old value in history', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 'pa', status: 'captured', source: A, values: onA, raw: {} }, 1000);
    expect(await editValue(db, a.record.id, 'unit.area', '八十')).toEqual({ error: expect.stringContaining('建筑面积') });
    expect(await editValue(db, a.record.id, 'hazard.items', [{ description: '一', level: '特大' }])).toEqual({ error: expect.stringContaining('隐患等级只能是') });
    const ok = await editValue(db, a.record.id, 'unit.phone', '13700000000', 5000);
    if ('error' in ok) throw new Error(ok.error);
    expect(ok.record.values['unit.phone']).toBe('13700000000');
    expect(ok.record.history['unit.phone']?.[0]?.value).toBe('13800000000');
    expect(ok.record.provenance['unit.phone']?.mappingId).toBe('manual');
  });
});

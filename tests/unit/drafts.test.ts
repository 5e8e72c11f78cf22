import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb } from '@/lib/store/db';
import { getRecord, saveCapture } from '@/lib/store/records';
import { findDraft } from '@/lib/store/drafts';
import { createDraftKeeper, type DraftCapture } from '@/lib/engine/draft-keeper';

let n = 0;
const names: string[] = [];
function freshDb() {
  const name = `ylt-drafts-${++n}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const source = { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: 'A' };
const other = { ...source, mappingId: 'zj.jczz.sjsb' };

describe('drafts in the store', () => {
  it('a draft typed after the same session was submitted is kept beside the submit, never in its place', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '甲', 'unit.phone': '13800000000' }, raw: {} }, 1000);
    const d = await saveCapture(db, { captureId: 's1', status: 'draft', source, values: { 'unit.name': '甲', 'unit.phone': '13900000000' }, raw: {} }, 2000);
    expect(d.record.id).toBe(a.record.id);
    expect(d.record.values['unit.phone']).toBe('13800000000');
    expect(d.record.status).toBe('captured');
    expect(d.record.contributions.map((c) => c.kind).sort()).toEqual(['capture', 'draft']);
    // The session's next submit replaces both.
    const again = await saveCapture(db, { captureId: 's1', status: 'captured', source, values: { 'unit.name': '甲', 'unit.phone': '13700000000' }, raw: {} }, 3000);
    expect(again.record.contributions.map((c) => c.kind)).toEqual(['capture']);
    expect(again.record.values['unit.phone']).toBe('13700000000');
  });

  it('offers the newest draft of the platform, not one a later submit superseded, nor another platform\'s', async () => {
    const db = freshDb();
    expect(await findDraft(db, source.mappingId)).toBeUndefined();
    const first = await saveCapture(db, { captureId: 'd1', status: 'draft', source, values: { 'unit.name': '甲' }, raw: {} }, 1000);
    await saveCapture(db, { captureId: 'd2', status: 'draft', source: other, values: { 'unit.name': '乙' }, raw: {} }, 2000);
    const found = await findDraft(db, source.mappingId);
    expect(found?.recordId).toBe(first.record.id);
    expect(found?.contribution.values).toEqual({ 'unit.name': '甲' });
    // A named draft is found by its id.
    expect((await findDraft(db, source.mappingId, 'd1'))?.contribution.id).toBe('d1');
    expect(await findDraft(db, source.mappingId, 'd2')).toBeUndefined();
    // Submitted (same session): the draft is gone.
    await saveCapture(db, { captureId: 'd1', status: 'captured', source, values: { 'unit.name': '甲' }, raw: {} }, 3000);
    expect(await findDraft(db, source.mappingId)).toBeUndefined();
    expect((await getRecord(db, first.record.id))?.status).toBe('captured');
  });
});

describe('draft keeper', () => {
  function harness(captures: DraftCapture[]) {
    const timers: (() => void)[] = [];
    const saved: (DraftCapture | 'lost')[] = [];
    let i = 0;
    const keeper = createDraftKeeper({
      delayMs: 3000,
      capture: () => captures[i++]!,
      save: (draft) => saved.push(draft),
      onLost: () => saved.push('lost'),
      setTimer: (f) => { timers.push(f); return timers.length - 1; },
      clearTimer: (t) => { timers[t as number] = () => undefined; },
    });
    const fire = () => { const f = timers.splice(0); f.forEach((x) => x()); };
    return { keeper, saved, fire };
  }
  const c = (values: Record<string, unknown>): DraftCapture => ({ values, raw: {} });

  it('saves once per quiet period, with the latest values', () => {
    const h = harness([c({ a: 1 }), c({ a: 1, b: 2 })]);
    h.keeper.touch();
    h.keeper.touch();
    h.fire();
    expect(h.saved).toEqual([c({ a: 1 })]);
    h.keeper.touch();
    h.fire();
    expect(h.saved).toEqual([c({ a: 1 }), c({ a: 1, b: 2 })]);
  });

  it('a form that lost values is told once; an empty form saves nothing; reset forgets', () => {
    const h = harness([c({ a: 1, b: 2 }), c({}), c({ a: 9 }), c({ a: 8 }), c({ z: 1 })]);
    h.keeper.touch(); h.fire();
    h.keeper.touch(); h.fire(); // the page emptied the form: told, nothing saved
    h.keeper.touch(); h.fire();
    expect(h.saved).toEqual([c({ a: 1, b: 2 }), 'lost', c({ a: 9 })]);
    h.keeper.touch();
    h.keeper.reset(); // submitted: the pending save is dropped
    h.fire();
    h.keeper.touch(); h.fire();
    expect(h.saved.slice(3)).toEqual([c({ a: 8 })]);
  });
});

describe('draft messages', () => {
  it('a page gets only its own platform\'s draft, and its plan; another platform\'s page gets none', async () => {
    const { draftRequest } = await import('@/lib/messaging/drafts');
    const { loadMapping, MAPPING_A, MAPPING_B } = await import('../helpers/mappings');
    const mappings = [loadMapping(MAPPING_A), loadMapping(MAPPING_B)];
    const a = mappings[0]!;
    const db = freshDb();
    const saved = await saveCapture(db, { captureId: 'd1', status: 'draft', source: { ...source, mappingId: a.id }, values: { 'unit.address': '文三路1号', 'unit.name': '杭州某某小吃店' }, raw: {} }, 1000);
    const deps = { db, mappings: () => mappings };
    const onA = { kind: 'content-script' as const, url: 'http://127.0.0.1:5101/' };
    const onB = { kind: 'content-script' as const, url: 'http://127.0.0.1:5102/' };
    expect(await draftRequest(deps, { type: 'draft' }, onA)).toMatchObject({ ok: true, draft: { contributionId: 'd1', recordId: saved.record.id, count: 2 } });
    expect(await draftRequest(deps, { type: 'draft' }, onB)).toEqual({ ok: true, draft: null });
    expect(await draftRequest(deps, { type: 'restore-draft', contributionId: 'd1' }, onB)).toMatchObject({ ok: false });
    const r = (await draftRequest(deps, { type: 'restore-draft', contributionId: 'd1' }, onA)) as { ok: boolean; plan: { recordId: string; steps: { label: string; value: unknown }[] } };
    expect(r.ok).toBe(true);
    expect(r.plan.recordId).toBe(saved.record.id);
    expect(r.plan.steps.find((s) => s.label === '详细地址')?.value).toBe('文三路1号');
    expect(await draftRequest(deps, { type: 'draft' }, { kind: 'content-script', url: 'https://example.com/' })).toMatchObject({ ok: false });
  });
});

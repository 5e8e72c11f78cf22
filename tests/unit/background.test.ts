import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createBackgroundHandler, type Sender } from '@/lib/messaging/background';
import { openDb } from '@/lib/store/db';
import type { ContentRequest } from '@/lib/messaging/protocol';
import { loadMapping, MAPPING_A, MAPPING_B } from '../helpers/mappings';
import { sampleRecordValues } from '../helpers/fixtures';

const mappings = [loadMapping(MAPPING_A), loadMapping(MAPPING_B)];
let dbName = '';
afterEach(async () => { await Dexie.delete(dbName); });

interface FakeFrame { mappingId: string; token: string; url: string }

/**
 * A tab as the background sees it: frames by frameId, each running the content script's rules (it
 * answers frame-status with its token, and applies only a fill or undo that names its token). A
 * message without frameId reaches every frame and the first answer wins, as tabs.sendMessage does.
 */
function setup(frame: { mappingId: string } | undefined, frames = new Map<number, FakeFrame>(frame ? [[0, { ...frame, token: 'token-top-0', url: 'http://127.0.0.1:5102/' }]] : [])) {
  dbName = `ylt-bg-${Math.random()}`;
  const db = openDb(dbName);
  const sent: ContentRequest[] = [];
  const sentTo: { type: string; frameId?: number }[] = [];
  const applied: number[] = [];
  // eslint-disable-next-line prefer-const -- the fake frames call back into the handler made below
  let handler: ReturnType<typeof createBackgroundHandler>;
  const handle = createBackgroundHandler({
    db,
    mappings: () => mappings,
    sendToTab: async (_tab, msg, frameId) => {
      sent.push(msg);
      sentTo.push({ type: msg.type, frameId });
      const targets = frameId === undefined ? [...frames.entries()] : frames.has(frameId) ? [[frameId, frames.get(frameId)!] as const] : [];
      if (!targets.length) throw new Error('Could not establish connection. Receiving end does not exist.');
      let answer: unknown;
      for (const [id, f] of targets) {
        let a: unknown;
        if (msg.type === 'frame-status') a = { mappingId: f.mappingId, url: f.url, title: 'B', frame: f.token };
        else if (msg.frame === f.token) {
          const reports = [{ fieldId: 'title', label: '事件标题', status: 'verified' as const }];
          if (msg.type === 'apply-plan') {
            applied.push(id);
            // Like the content script: the frame logs its fill itself before it answers.
            const { recordId } = msg.plan as { recordId: string };
            expect(await handler({ type: 'fill-done', recordId, mappingId: f.mappingId, url: f.url, reports }, { kind: 'content-script', tabId: _tab, frameId: id, url: f.url })).toEqual({ ok: true });
          }
          a = { reports, undoable: 1 };
        }
        answer ??= a;
      }
      return answer;
    },
  });
  handler = handle;
  return { db, sent, sentTo, applied, frames, handler: handle, handle: (msg: unknown, sender: Sender = { kind: 'extension-page' }) => handle(msg, sender) };
}

describe('background messages', () => {
  it('refuses a message that does not parse', async () => {
    const { handle } = setup(undefined);
    expect(await handle({ type: 'fill', tabId: 'seven' })).toEqual({ ok: false, error: '无法识别的消息' });
  });

  it('answers which mapping a URL has', async () => {
    const { handle } = setup(undefined);
    expect(await handle({ type: 'mapping-for-url', url: 'http://127.0.0.1:5102/index.html' })).toMatchObject({ ok: true, mapping: { id: 'zj.jczz.sjsb' } });
    expect(await handle({ type: 'mapping-for-url', url: 'http://127.0.0.1:9999/' })).toEqual({ ok: true, mapping: null });
  });

  it('captures, then fills the tab with a plan made from the latest record, and logs the fill', async () => {
    const { handle, sent, db } = setup({ mappingId: 'zj.jczz.sjsb' });
    const cap = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} });
    expect(cap).toMatchObject({ ok: true, problems: [] });
    const res = await handle({ type: 'fill', tabId: 7 });
    expect(res).toMatchObject({ ok: true, mapping: { id: 'zj.jczz.sjsb' }, undoable: 1 });
    const applied = sent.find((m) => m.type === 'apply-plan') as Extract<ContentRequest, { type: 'apply-plan' }>;
    expect((applied.plan as { steps: { label: string; value: unknown }[] }).steps.find((s) => s.label === '事件标题')?.value).toBe('杭州某某小吃店消防安全隐患');
    expect(applied.recordLabel).toMatch(/^杭州某某小吃店 · /);
    expect(await db.fillLog.count()).toBe(1);
  });

  it('says clearly when there is nothing to fill from, or the page is not a mapped platform', async () => {
    const none = setup({ mappingId: 'zj.jczz.sjsb' });
    expect(await none.handle({ type: 'fill', tabId: 1 })).toEqual({ ok: false, error: '还没有录入记录：请先在任一平台录入并提交一次' });
    const elsewhere = setup(undefined);
    expect(await elsewhere.handle({ type: 'fill', tabId: 1 })).toEqual({ ok: false, error: '这个页面不在已配置映射的平台中，无法填充' });
  });

  it('a content script may only capture for its own page\'s mapping and fill or undo its own tab', async () => {
    const { handle, db } = setup({ mappingId: 'zj.jczz.sjsb' });
    const onB: Sender = { kind: 'content-script', tabId: 3, url: 'http://127.0.0.1:5102/' };
    const capture = { type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} };
    expect(await handle(capture, onB)).toEqual({ ok: false, error: '采集的映射与该页面不符' });
    expect(await db.records.count()).toBe(0);
    expect(await handle(capture, { kind: 'content-script', tabId: 2, url: 'http://127.0.0.1:5101/' })).toMatchObject({ ok: true });
    for (const msg of [{ type: 'records' }, { type: 'fill-log' }, { type: 'delete-record', id: 'x' }, { type: 'tab-status', tabId: 3 }, { type: 'edit-value', id: 'x', key: 'unit.name', value: 'y' }]) {
      expect(await handle(msg, onB), msg.type).toEqual({ ok: false, error: '页面脚本无权执行此操作' });
    }
    expect(await handle({ type: 'fill', tabId: 9 }, onB)).toEqual({ ok: false, error: '页面脚本只能填写它自己所在的页面' });
    expect(await handle({ type: 'fill', recordId: 'x' }, onB)).toEqual({ ok: false, error: '页面脚本只能填写它自己所在的页面' });
    expect(await handle({ type: 'fill' }, onB)).toMatchObject({ ok: true });
  });

  it('a fill notes itself on the record\'s trail, and a capture after it on that platform means submitted', async () => {
    const { handle } = setup({ mappingId: 'zj.jczz.sjsb' });
    const cap = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} }) as { recordId: string };
    await handle({ type: 'fill', tabId: 7 });
    const again = await handle({ type: 'capture', captureId: 'c2', status: 'captured', mappingId: 'zj.jczz.sjsb', url: 'http://127.0.0.1:5102/', title: 'B', values: { 'unit.name': '杭州某某小吃店' }, raw: {}, filledFrom: cap.recordId });
    expect(again).toMatchObject({ ok: true, recordId: cap.recordId, joined: 'filled-from' });
    const card = await handle({ type: 'record', id: cap.recordId }) as { card: { trail: { text: string }[] } };
    expect(card.card.trail.map((t) => t.text)).toEqual(['已录入 浙政钉·掌上执法', '已填写并提交 基层智治综合应用']);
  });
});

describe('a fill is logged by the frame that applied it', () => {
  it('fill-done writes the log and the trail; a content script may log only for its own page\'s mapping', async () => {
    const { handle, db } = setup(undefined);
    const cap = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} }) as { recordId: string };
    const done = { type: 'fill-done', recordId: cap.recordId, mappingId: 'zj.jczz.sjsb', url: 'http://127.0.0.1:5102/', reports: [{ fieldId: 'title', label: '事件标题', status: 'verified' }] };
    expect(await handle(done, { kind: 'content-script', tabId: 4, frameId: 0, url: 'http://127.0.0.1:5101/' })).toEqual({ ok: false, error: '填写记录的映射与该页面不符' });
    expect(await handle({ ...done, recordId: 'nope' }, { kind: 'content-script', tabId: 4, frameId: 0, url: 'http://127.0.0.1:5102/' })).toEqual({ ok: false, error: '记录不存在' });
    expect(await db.fillLog.count()).toBe(0);
    expect(await handle(done, { kind: 'content-script', tabId: 4, frameId: 0, url: 'http://127.0.0.1:5102/' })).toEqual({ ok: true });
    expect(await db.fillLog.count()).toBe(1);
    const card = await handle({ type: 'record', id: cap.recordId }) as { card: { trail: { text: string }[] } };
    expect(card.card.trail.map((t) => t.text)).toEqual(['已录入 浙政钉·掌上执法', '已填写 基层智治综合应用（未提交）']);
  });
});

describe('a fill-done sent again is logged once', () => {
  it('the same fillId (an answer lost with a stopping worker, then the page sends again) leaves one log entry and one trail event; another fill is logged', async () => {
    const { handle, db } = setup(undefined);
    const cap = await handle({ type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} }) as { recordId: string };
    const onB = { kind: 'content-script' as const, tabId: 4, frameId: 0, url: 'http://127.0.0.1:5102/' };
    const done = { type: 'fill-done', recordId: cap.recordId, mappingId: 'zj.jczz.sjsb', url: 'http://127.0.0.1:5102/', reports: [{ fieldId: 'title', label: '事件标题', status: 'verified' }], fillId: 'fill-0001' };
    expect(await handle(done, onB)).toEqual({ ok: true });
    expect(await handle(done, onB)).toEqual({ ok: true });
    expect(await db.fillLog.count()).toBe(1);
    expect(await handle({ ...done, fillId: 'fill-0002' }, onB)).toEqual({ ok: true });
    expect(await db.fillLog.count()).toBe(2);
    const stored = await db.records.get(cap.recordId);
    expect(stored?.trail.map((t) => t.kind)).toEqual(['captured', 'filled', 'filled']);
  });
});

describe('a fill goes to exactly one frame', () => {
  const capture = { type: 'capture', captureId: 'c1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: 'http://127.0.0.1:5101/', title: 'A', values: sampleRecordValues(), raw: {} };
  // A page whose top document and whose same-origin iframe both match B's mapping (frameId 0 and 6).
  const twoFrames = () => new Map<number, FakeFrame>([
    [0, { mappingId: 'zj.jczz.sjsb', token: 'token-top-00', url: 'http://127.0.0.1:5102/shell.html' }],
    [6, { mappingId: 'zj.jczz.sjsb', token: 'token-form-06', url: 'http://127.0.0.1:5102/form.html' }],
  ]);
  const register = async (t: ReturnType<typeof setup>, frameId: number) => {
    const f = t.frames.get(frameId)!;
    expect(await t.handle({ type: 'mapping-for-url', url: f.url, frame: f.token }, { kind: 'content-script', tabId: 3, frameId, url: f.url })).toMatchObject({ ok: true, mapping: { id: 'zj.jczz.sjsb' } });
  };

  it('the popup\'s fill is addressed by frameId to the registered iframe, never also to the top document', async () => {
    const t = setup(undefined, twoFrames());
    await register(t, 0);
    await register(t, 6);
    await t.handle(capture, { kind: 'content-script', tabId: 2, frameId: 0, url: 'http://127.0.0.1:5101/' });
    expect(await t.handle({ type: 'fill', tabId: 3 })).toMatchObject({ ok: true });
    expect(t.applied).toEqual([6]);
    expect(t.sentTo.filter((m) => m.type === 'apply-plan')).toEqual([{ type: 'apply-plan', frameId: 6 }]);
    // The undo goes to the frame that was filled.
    expect(await t.handle({ type: 'undo', tabId: 3 })).toMatchObject({ ok: true });
    expect(t.sentTo.filter((m) => m.type === 'undo-fill')).toEqual([{ type: 'undo-fill', frameId: 6 }]);
  });

  it('the in-page button fills the frame it is in', async () => {
    const t = setup(undefined, twoFrames());
    await register(t, 0);
    await register(t, 6);
    await t.handle(capture, { kind: 'content-script', tabId: 2, frameId: 0, url: 'http://127.0.0.1:5101/' });
    expect(await t.handle({ type: 'fill' }, { kind: 'content-script', tabId: 3, frameId: 0, url: 'http://127.0.0.1:5102/shell.html' })).toMatchObject({ ok: true });
    expect(t.applied).toEqual([0]);
  });

  it('a frame that navigated away (new token) is forgotten; after a worker restart the fill still reaches one frame only', async () => {
    const t = setup(undefined, twoFrames());
    await register(t, 6);
    t.frames.set(6, { ...t.frames.get(6)!, token: 'token-form-reloaded' }); // reloaded, not yet registered again
    await t.handle(capture, { kind: 'content-script', tabId: 2, frameId: 0, url: 'http://127.0.0.1:5101/' });
    expect(await t.handle({ type: 'fill', tabId: 3 })).toMatchObject({ ok: true });
    // Broadcast (no frameId known) — but the plan names one token, so exactly one frame applies it.
    expect(t.sentTo.filter((m) => m.type === 'apply-plan')).toEqual([{ type: 'apply-plan', frameId: undefined }]);
    expect(t.applied).toHaveLength(1);
  });

  it('a closed tab\'s frames are forgotten', async () => {
    const t = setup(undefined, twoFrames());
    await register(t, 6);
    t.handler.forgetTab(3);
    t.frames.delete(6);
    await t.handle(capture, { kind: 'content-script', tabId: 2, frameId: 0, url: 'http://127.0.0.1:5101/' });
    expect(await t.handle({ type: 'fill', tabId: 3 })).toMatchObject({ ok: true });
    expect(t.sentTo.filter((m) => m.type === 'frame-status').map((m) => m.frameId)).toEqual([undefined]);
    expect(t.applied).toEqual([0]);
  });
});

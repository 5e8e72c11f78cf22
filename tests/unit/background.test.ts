import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createBackgroundHandler } from '@/lib/messaging/background';
import { openDb } from '@/lib/store/db';
import type { ContentRequest } from '@/lib/messaging/protocol';
import { loadMapping, MAPPING_A, MAPPING_B } from '../helpers/mappings';
import { sampleRecordValues } from '../helpers/fixtures';

const mappings = [loadMapping(MAPPING_A), loadMapping(MAPPING_B)];
let dbName = '';
afterEach(async () => { await Dexie.delete(dbName); });

function setup(frame: { mappingId: string } | undefined) {
  dbName = `ylt-bg-${Math.random()}`;
  const db = openDb(dbName);
  const sent: ContentRequest[] = [];
  const handle = createBackgroundHandler({
    db,
    mappings: () => mappings,
    sendToTab: async (_tab, msg) => {
      sent.push(msg);
      if (msg.type === 'frame-status') return frame && { ...frame, url: 'http://127.0.0.1:5102/', title: 'B' };
      if (msg.type === 'apply-plan') return { reports: [{ fieldId: 'title', label: '事件标题', status: 'verified' }], undoable: 1 };
      return undefined;
    },
  });
  return { db, sent, handle };
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
});

/**
 * The background's message handlers, as plain functions over their dependencies (database, mapping
 * registry, a way to message a tab), so they run unchanged in Node tests.
 */
import type { Mapping } from '../mapping/schema';
import { plan } from '../engine/plan';
import type { YltDb } from '../store/db';
import { storageErrorMessage } from '../store/db';
import { deleteRecord, editValue, getRecord, latestRecord, listRecords, recordFill, restoreRecord, saveCapture, splitContribution } from '../store/records';
import { mappingForUrl } from '../mapping/match';
import { clearAll, CLEAR_ALL_CONFIRM, getSettings, purgeExpired, putSettings } from '../store/retention';
import { recordTitle } from '../record/summary';
import { draftRequest } from './drafts';
import { trailSummary } from '../record/merge';
import type { InspectionRecord } from '../record/record';
import {
  backgroundRequest, contentRequest, failure, fillResult, frameStatus,
  type ContentRequest, type FrameStatus,
} from './protocol';

export interface BackgroundDeps {
  db: YltDb;
  mappings: () => readonly Mapping[];
  /**
   * Sends to one frame of a tab (`frameId`), or to every frame when frameId is undefined; resolves
   * with the first answer (undefined when none answered), rejects when nothing listens there.
   */
  sendToTab: (tabId: number, msg: ContentRequest, frameId?: number) => Promise<unknown>;
  now?: () => number;
}

export interface Sender {
  /** An extension page (popup, options) may ask anything; a content script only what a content script needs. */
  kind: 'extension-page' | 'content-script';
  tabId?: number;
  /** The sending frame (0 = the tab's top document). */
  frameId?: number;
  url?: string;
}

/** What a content script may ask: its mapping, capture for its own frame's mapping, fill or undo its own tab, log its own fill, its own platform's draft. */
const CONTENT_SCRIPT_MAY = new Set(['mapping-for-url', 'capture', 'fill', 'undo', 'fill-done', 'draft', 'restore-draft']);

async function statusOf(deps: BackgroundDeps, tabId: number, frameId?: number): Promise<FrameStatus | undefined> {
  try {
    const r = frameStatus.safeParse(await deps.sendToTab(tabId, contentRequest.parse({ type: 'frame-status' }), frameId));
    return r.success ? r.data : undefined;
  } catch {
    return undefined; // no content script there (not a mapped platform, a browser page, a frame gone)
  }
}

/** The one frame a fill goes to: its frameId when known, and the token that only that frame answers to. */
interface Target {
  frameId?: number;
  status: FrameStatus;
}

interface KnownFrame {
  frameId: number;
  token: string;
  seq: number;
}

/**
 * Which frame of a tab hosts the mapped form. Content scripts register their frame when they ask for
 * their mapping (sender.frameId, no `webNavigation` permission needed). A fill is addressed to ONE
 * frame by frameId and by that frame's token, so no other frame applies it, and the top frame (whose
 * engine also reaches into same-origin iframes) never fills a form a second time.
 */
function createFrameRegistry(deps: BackgroundDeps) {
  const frames = new Map<number, KnownFrame[]>();
  let seq = 0;
  return {
    register(tabId: number, frameId: number, token: string) {
      const list = (frames.get(tabId) ?? []).filter((f) => f.frameId !== frameId);
      list.push({ frameId, token, seq: ++seq });
      frames.set(tabId, list);
    },
    forget(tabId: number) {
      frames.delete(tabId);
    },
    /**
     * The sender's own frame (in-page panel); else the registered frames, an iframe's form before the
     * top document, the latest first; else (the worker restarted and forgot) the frame that answers
     * first, addressed by its token alone.
     */
    async target(tabId: number, senderFrameId?: number): Promise<Target | undefined> {
      if (senderFrameId !== undefined) {
        const status = await statusOf(deps, tabId, senderFrameId);
        return status && { frameId: senderFrameId, status };
      }
      const known = [...(frames.get(tabId) ?? [])].sort((a, b) => Number(a.frameId === 0) - Number(b.frameId === 0) || b.seq - a.seq);
      for (const f of known) {
        const status = await statusOf(deps, tabId, f.frameId);
        if (status?.frame === f.token) return { frameId: f.frameId, status };
        frames.set(tabId, (frames.get(tabId) ?? []).filter((g) => g !== f)); // navigated away or gone
      }
      const status = await statusOf(deps, tabId);
      return status && { status };
    },
  };
}

/** What the popup shows of a record: its title and its trail against the installed mappings. */
function recordCard(r: InspectionRecord, mappings: readonly Mapping[]) {
  const platformName = mappings.find((m) => m.id === r.source.mappingId)?.name ?? r.source.title;
  return {
    id: r.id,
    title: recordTitle(r, shortName(platformName)),
    status: r.status,
    trail: trailSummary(r.trail, mappings.map((m) => ({ id: m.id, name: shortName(m.name) }))),
  };
}

/** 「基层智治综合应用 · 事件上报」 → 「基层智治综合应用」: the platform, without the form. */
export function shortName(name: string): string {
  return name.split(' · ')[0] || name;
}

function fillCounts(reports: readonly { status: string }[]) {
  const filled = reports.filter((r) => r.status === 'verified' || r.status === 'unverified').length;
  const verified = reports.filter((r) => r.status === 'verified' || r.status === 'equal').length;
  return { filled, verified, left: reports.length - verified - reports.filter((r) => r.status === 'unverified').length };
}

export function createBackgroundHandler(deps: BackgroundDeps) {
  const byId = (id: string) => deps.mappings().find((m) => m.id === id);
  const registry = createFrameRegistry(deps);
  /** The frame each tab was last filled in: an undo goes there. */
  const lastFilled = new Map<number, Target>();

  const handle = async function handle(raw: unknown, sender: Sender): Promise<unknown> {
    const parsed = backgroundRequest.safeParse(raw);
    if (!parsed.success) return failure('无法识别的消息');
    const msg = parsed.data;
    if (sender.kind === 'content-script') {
      if (!CONTENT_SCRIPT_MAY.has(msg.type)) return failure('页面脚本无权执行此操作');
      if ((msg.type === 'fill' || msg.type === 'undo') && (msg.tabId !== undefined || ('recordId' in msg && msg.recordId !== undefined))) {
        return failure('页面脚本只能填写它自己所在的页面');
      }
      if (msg.type === 'capture' && (!sender.url || mappingForUrl(deps.mappings(), sender.url)?.id !== msg.mappingId)) {
        return failure('采集的映射与该页面不符');
      }
      if (msg.type === 'fill-done' && (!sender.url || mappingForUrl(deps.mappings(), sender.url)?.id !== msg.mappingId)) {
        return failure('填写记录的映射与该页面不符');
      }
    }
    switch (msg.type) {
      case 'mapping-for-url': {
        const mapping = mappingForUrl(deps.mappings(), msg.url) ?? null;
        if (mapping && sender.kind === 'content-script' && sender.tabId !== undefined && sender.frameId !== undefined && msg.frame) {
          registry.register(sender.tabId, sender.frameId, msg.frame);
        }
        return { ok: true, mapping };
      }

      case 'capture': {
        const mapping = byId(msg.mappingId);
        if (!mapping) return failure(`映射 ${msg.mappingId} 未安装`);
        try {
          const { record, problems, joined } = await saveCapture(deps.db, {
            captureId: msg.captureId,
            status: msg.status,
            source: { mappingId: mapping.id, mappingVersion: mapping.version, url: msg.url, title: msg.title },
            platform: shortName(mapping.name),
            values: msg.values,
            raw: msg.raw,
            filledFrom: msg.filledFrom,
          }, deps.now?.());
          // Retention is applied as records are written: no alarm, no timer, no extra permission.
          await purgeExpired(deps.db, deps.now?.()).catch(() => 0);
          return { ok: true, recordId: record.id, problems, joined };
        } catch (e) {
          return failure(storageErrorMessage(e));
        }
      }

      case 'records': {
        const records = await listRecords(deps.db, { search: msg.search, limit: msg.limit });
        return { ok: true, records, cards: records.map((r) => recordCard(r, deps.mappings())) };
      }

      case 'record': {
        const record = await getRecord(deps.db, msg.id);
        return record ? { ok: true, record, card: recordCard(record, deps.mappings()) } : failure('记录不存在');
      }

      case 'edit-value': {
        try {
          const r = await editValue(deps.db, msg.id, msg.key, msg.value, deps.now?.());
          return 'error' in r ? failure(r.error) : { ok: true, record: r.record };
        } catch (e) {
          return failure(storageErrorMessage(e));
        }
      }

      case 'split-record': {
        const r = await splitContribution(deps.db, msg.id, msg.contributionId, deps.now?.());
        return 'error' in r ? failure(r.error) : { ok: true, kept: r.kept.id, split: r.split.id };
      }

      case 'tab-status': {
        const frame = (await registry.target(msg.tabId))?.status;
        const mapping = frame && byId(frame.mappingId);
        const record = await latestRecord(deps.db);
        const recent = await listRecords(deps.db, { limit: 10 });
        return {
          ok: true,
          mapping: mapping ? { id: mapping.id, name: mapping.name, version: mapping.version } : null,
          record: record ? recordCard(record, deps.mappings()) : null,
          recent: recent.map((r) => recordCard(r, deps.mappings())),
        };
      }

      case 'fill': {
        const tabId = msg.tabId ?? sender.tabId;
        if (tabId === undefined) return failure('不知道要填写哪个页面');
        const target = await registry.target(tabId, sender.kind === 'content-script' ? sender.frameId : undefined);
        if (!target) return failure('这个页面不在已配置映射的平台中，无法填充');
        const frame = target.status;
        const mapping = byId(frame.mappingId);
        if (!mapping) return failure(`映射 ${frame.mappingId} 未安装`);
        const record = msg.recordId ? await getRecord(deps.db, msg.recordId) : await latestRecord(deps.db);
        if (!record) return failure('还没有录入记录：请先在任一平台录入并提交一次');
        const steps = plan(record, mapping);
        lastFilled.set(tabId, target);
        const answer = fillResult.safeParse(await deps.sendToTab(tabId, {
          type: 'apply-plan', frame: frame.frame, plan: steps, recordLabel: recordTitle(record, shortName(byId(record.source.mappingId)?.name ?? record.source.title)),
        }, target.frameId).catch(() => undefined));
        if (!answer.success) return failure('页面没有完成填充（页面可能已刷新或关闭），请重试');
        // The frame logged this fill itself (fill-done) before it answered.
        return { ok: true, mapping: { id: mapping.id, name: mapping.name }, recordId: record.id, ...answer.data };
      }

      case 'doctor': {
        const target = await registry.target(msg.tabId);
        if (!target) return failure('这个页面不在已配置映射的平台中，没有可体检的映射');
        const answer = await deps.sendToTab(msg.tabId, { type: 'doctor', frame: target.status.frame }, target.frameId).catch(() => undefined) as { report?: unknown; text?: string } | undefined;
        return answer?.text ? { ok: true, report: answer.report, text: answer.text } : failure('页面没有回应体检（页面可能已刷新），请重试');
      }

      case 'fill-done': {
        const mapping = byId(msg.mappingId);
        if (!mapping) return failure(`映射 ${msg.mappingId} 未安装`);
        if (!(await getRecord(deps.db, msg.recordId))) return failure('记录不存在');
        try {
          await deps.db.transaction('rw', deps.db.records, deps.db.fillLog, async () => {
            // The same fill sent again (its answer was lost with a stopping worker) is logged once.
            if (msg.fillId && await deps.db.fillLog.where('recordId').equals(msg.recordId).filter((e) => e.fillId === msg.fillId).count()) return;
            await recordFill(deps.db, msg.recordId, { mappingId: mapping.id, platform: shortName(mapping.name), counts: fillCounts(msg.reports) }, deps.now?.());
            await deps.db.fillLog.add({
              at: deps.now?.() ?? Date.now(), recordId: msg.recordId, mappingId: mapping.id, mappingVersion: mapping.version,
              url: msg.url, reports: msg.reports, ...(msg.fillId ? { fillId: msg.fillId } : {}),
            });
          });
        } catch {
          /* the fill happened; a full disk must not turn it into an error */
        }
        return { ok: true };
      }

      case 'undo': {
        const tabId = msg.tabId ?? sender.tabId;
        if (tabId === undefined) return failure('不知道要撤销哪个页面');
        const target = lastFilled.get(tabId) ?? await registry.target(tabId, sender.kind === 'content-script' ? sender.frameId : undefined);
        if (!target) return failure('页面上没有可撤销的填充');
        const answer = fillResult.safeParse(await deps.sendToTab(tabId, { type: 'undo-fill', frame: target.status.frame }, target.frameId).catch(() => undefined));
        return answer.success ? { ok: true, ...answer.data } : failure('页面上没有可撤销的填充');
      }

      case 'delete-record': {
        const removed = await deleteRecord(deps.db, msg.id);
        return removed ? { ok: true, ...removed } : failure('记录不存在');
      }

      case 'restore-record':
        try {
          await restoreRecord(deps.db, msg.record, msg.fillLog);
          return { ok: true };
        } catch (e) {
          return failure(storageErrorMessage(e));
        }

      case 'settings':
        return { ok: true, settings: await getSettings(deps.db) };

      case 'set-settings': {
        const r = await putSettings(deps.db, msg.settings);
        if ('error' in r) return failure(r.error);
        const purged = await purgeExpired(deps.db, deps.now?.());
        return { ok: true, settings: r.settings, purged };
      }

      case 'clear-all':
        if (msg.confirm !== CLEAR_ALL_CONFIRM) return failure(`请输入“${CLEAR_ALL_CONFIRM}”确认`);
        return { ok: true, ...(await clearAll(deps.db)) };

      case 'draft':
      case 'restore-draft':
        return draftRequest({ db: deps.db, mappings: deps.mappings }, msg, sender);

      case 'fill-log':
        return { ok: true, entries: await deps.db.fillLog.orderBy('at').reverse().limit(50).toArray() };
    }
  };
  /** Forget a closed tab's frames (tabs.onRemoved needs no permission). */
  const forgetTab = (tabId: number) => { registry.forget(tabId); lastFilled.delete(tabId); };
  return Object.assign(handle, { forgetTab });
}

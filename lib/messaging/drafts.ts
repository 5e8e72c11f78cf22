/**
 * 「恢复草稿」 in the background: which draft a platform's page may offer, and its fill plan. Only the
 * sender's own platform's drafts: a content script on A gets A's drafts, never B's.
 */
import type { Mapping } from '../mapping/schema';
import { mappingForUrl } from '../mapping/match';
import { plan } from '../engine/plan';
import type { YltDb } from '../store/db';
import { findDraft } from '../store/drafts';
import { formatTime } from '../record/summary';
import { failure, type BackgroundRequest } from './protocol';
import type { Sender } from './background';

export interface DraftDeps {
  db: YltDb;
  mappings: () => readonly Mapping[];
}

/** 「杭州某某小吃店 · 2026-05-20 14:03 的草稿」 */
export function draftLabel(values: Record<string, unknown>, at: number): string {
  const unit = typeof values['unit.name'] === 'string' && values['unit.name'] ? values['unit.name'] : '（未填单位）';
  return `${unit} · ${formatTime(at)} 的草稿`;
}

export async function draftRequest(deps: DraftDeps, msg: Extract<BackgroundRequest, { type: 'draft' | 'restore-draft' }>, sender: Sender): Promise<unknown> {
  const mapping = sender.url ? mappingForUrl(deps.mappings(), sender.url) : undefined;
  if (!mapping) return failure('这个页面不在已配置映射的平台中，没有草稿');
  const draft = await findDraft(deps.db, mapping.id, msg.contributionId);
  if (msg.type === 'draft') {
    if (!draft) return { ok: true, draft: null };
    const c = draft.contribution;
    return { ok: true, draft: { contributionId: c.id, recordId: draft.recordId, at: c.at, count: Object.keys(c.values).length, label: draftLabel(c.values, c.at) } };
  }
  if (!draft) return failure('草稿已不存在（可能已提交或被删除）');
  const c = draft.contribution;
  return { ok: true, recordId: draft.recordId, label: draftLabel(c.values, c.at), plan: plan({ id: draft.recordId, values: c.values }, mapping) };
}

/**
 * One typed protocol between popup, content scripts and background. Every payload is parsed with
 * zod on receipt; a message that does not parse is answered with an error, never acted on.
 */
import { z } from 'zod';
import { inspectionRecordSchema } from '../record/record';

const fieldReport = z.object({
  fieldId: z.string(),
  label: z.string(),
  status: z.enum(['verified', 'unverified', 'equal', 'empty', 'not-found', 'hidden', 'ambiguous', 'label-changed', 'no-option', 'no-entry', 'disabled', 'error']),
  message: z.string().optional(),
  value: z.unknown().optional(),
  shown: z.unknown().optional(),
  seen: z.array(z.string()).optional(),
  /** Whose value was written: the record's, the mapping's own (const/default), or truncated. */
  source: z.enum(['record', 'mapping', 'truncated']).optional(),
});
export type FieldReportMsg = z.infer<typeof fieldReport>;

/** A fill log entry as it travels back for an undone deletion. */
export const fillLogEntry = z.object({
  id: z.number().int().optional(),
  at: z.number(),
  recordId: z.string(),
  mappingId: z.string(),
  mappingVersion: z.number(),
  url: z.string(),
  reports: z.array(fieldReport),
  /** The page's id for one fill: a fill-done sent again (the worker stopped before answering) is logged once. */
  fillId: z.string().min(8).max(64).optional(),
});

/** Messages the background answers. */
export const backgroundRequest = z.discriminatedUnion('type', [
  /** A content script asks its frame's mapping, and registers its frame (`frame`: its token, see contentRequest). */
  z.object({ type: z.literal('mapping-for-url'), url: z.string(), frame: z.string().min(8).max(64).optional() }),
  z.object({
    type: z.literal('capture'),
    captureId: z.string().min(1),
    status: z.enum(['captured', 'draft']),
    mappingId: z.string(),
    url: z.string(),
    title: z.string(),
    values: z.record(z.string(), z.unknown()),
    raw: z.record(z.string(), z.unknown()),
    /** The record this page was filled from, if it was: the capture joins that record. */
    filledFrom: z.string().optional(),
  }),
  z.object({ type: z.literal('records'), search: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).optional() }),
  z.object({ type: z.literal('record'), id: z.string() }),
  /** The cadre corrects a value in the record view (validated against the key's type); null clears it. */
  z.object({ type: z.literal('edit-value'), id: z.string(), key: z.string(), value: z.unknown() }),
  /** 「这是一次新的检查」: one capture leaves its record and becomes a record of its own. */
  z.object({ type: z.literal('split-record'), id: z.string(), contributionId: z.string() }),
  z.object({ type: z.literal('tab-status'), tabId: z.number().int() }),
  /** Fill a tab (popup), or the sender's own tab when tabId is absent (in-page button). */
  z.object({ type: z.literal('fill'), tabId: z.number().int().optional(), recordId: z.string().optional() }),
  z.object({ type: z.literal('undo'), tabId: z.number().int().optional() }),
  /**
   * A frame's content script reports a fill it applied, before it answers the fill: the log and the
   * record's trail are written from this, so a worker stopped while the page was filling loses nothing.
   */
  z.object({ type: z.literal('fill-done'), recordId: z.string(), mappingId: z.string(), url: z.string(), reports: z.array(fieldReport), fillId: z.string().min(8).max(64).optional() }),
  z.object({ type: z.literal('delete-record'), id: z.string() }),
  /** Undo of delete-record: the record and the fill log entries deleted with it. */
  z.object({ type: z.literal('restore-record'), record: inspectionRecordSchema, fillLog: z.array(fillLogEntry).max(10_000).optional() }),
  z.object({ type: z.literal('fill-log') }),
  /**
   * A content script asks for the draft it may offer to restore (「恢复草稿」): the newest typed on its
   * own platform, or the one named (the draft its page just threw away). lib/messaging/drafts.ts.
   */
  z.object({ type: z.literal('draft'), contributionId: z.string().max(100).optional() }),
  /** 「恢复草稿」: the draft's fill plan for the sender's own frame (applied there, not logged as a fill). */
  z.object({ type: z.literal('restore-draft'), contributionId: z.string().max(100) }),
  /** 映射体检 of a tab's mapped frame (extension pages only). */
  z.object({ type: z.literal('doctor'), tabId: z.number().int() }),
  z.object({ type: z.literal('settings') }),
  z.object({ type: z.literal('set-settings'), settings: z.object({ retentionDays: z.number() }).partial() }),
  /** 清除全部: refused unless the cadre typed the confirmation words (CLEAR_ALL_CONFIRM). */
  z.object({ type: z.literal('clear-all'), confirm: z.string() }),
]);
export type BackgroundRequest = z.infer<typeof backgroundRequest>;

/**
 * Messages a content script answers (only frames that host a mapped form answer). Each such frame
 * has a random token; a fill or an undo names the ONE frame it is for, and every other frame
 * ignores it, even when the message reaches all frames of the tab.
 */
export const contentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame-status') }),
  z.object({ type: z.literal('apply-plan'), frame: z.string(), plan: z.unknown(), recordLabel: z.string() }),
  z.object({ type: z.literal('undo-fill'), frame: z.string() }),
  /** 映射体检: the frame diagnoses its page against its mapping (read-only). */
  z.object({ type: z.literal('doctor'), frame: z.string() }),
]);
export type ContentRequest = z.infer<typeof contentRequest>;

export const frameStatus = z.object({ mappingId: z.string(), url: z.string(), title: z.string(), frame: z.string() });
export type FrameStatus = z.infer<typeof frameStatus>;

export const fillResult = z.object({ reports: z.array(fieldReport), undoable: z.number().int() });
export type FillResult = z.infer<typeof fillResult>;

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };

export function failure(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

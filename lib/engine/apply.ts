/**
 * apply(document, plan) → one report per field, and what is needed to undo. Fields are filled one
 * at a time in plan order, each driven like a user and read back through the same adapter. Nothing
 * is ever submitted.
 */
import type { FillPlan, FillStep } from './plan';
import { locateField, watchLabels } from './locate';
import { removeRows, rowsShow, shownToPlanned, writeRows, type ShownRow } from './rows';
import { fillSequence, fillStages } from './steps';
import { isBlank, sameValue, showsWanted } from './compare';
import { settle, waitFor, WaitTimeout } from './dom';
import type { ValueSource } from '../transform/index';
import { detectWidget, widgetByKind, type WidgetAdapter, type WidgetValue } from './widgets';

export type ReportStatus =
  | 'verified'      // filled, and the widget shows the value
  | 'unverified'    // filled, but the widget shows something else
  | 'equal'         // already showed the value: untouched
  | 'empty'         // the record has nothing for it
  | 'not-found'
  | 'hidden'        // the field is on the page but not shown (collapsed, hidden tab, display:none): not filled
  | 'ambiguous'     // the label names more than one field a person sees: not filled (narrow it with `within`)
  | 'label-changed' // refused: the page's label no longer reads as the mapping expects
  | 'no-option'     // the value is not among the widget's options
  | 'no-entry'      // the mapping's value table has no entry for the record's value
  | 'disabled'
  | 'error';

export interface FieldReport {
  fieldId: string;
  label: string;
  status: ReportStatus;
  message?: string;
  value?: WidgetValue;
  shown?: WidgetValue;
  seen?: string[];
  /** Whose value was written: the record's (default), the mapping's own (`const`, `default`), or the record's cut by `truncate`. */
  source?: ValueSource;
}

export interface UndoEntry {
  fieldId: string;
  label: string;
  locate?: FillStep['locate'];
  widget: string;
  before: WidgetValue;
  rows?: { spec: NonNullable<FillStep['rows']>['spec']; keyed: boolean; before: ShownRow[]; added: number };
}

export interface ApplyOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, report: FieldReport) => void;
}

export const STATUS_TEXT: Record<ReportStatus, string> = {
  verified: '已填写并核对',
  unverified: '已填写，未能核对',
  equal: '原本就一致，未改动',
  empty: '记录中没有，留空',
  'not-found': '页面上没找到',
  hidden: '字段未显示，未填写',
  ambiguous: '标签不唯一，未填写',
  'label-changed': '标签已变，拒绝填写',
  'no-option': '没有匹配的选项',
  'no-entry': '对照表中没有该值',
  disabled: '字段不可编辑',
  error: '出错',
};

function adapterFor(step: { widget: string }, root: Element): WidgetAdapter | undefined {
  return step.widget === 'auto' ? detectWidget(root) : widgetByKind(step.widget);
}

async function locate(doc: Document, step: FillStep, timeoutMs: number, signal?: AbortSignal) {
  const once = () => locateField(doc, { label: step.label, locate: step.locate, container: !!step.rows });
  if (!step.appears) return once();
  let last = once();
  try {
    // A field that appears may first be there hidden (a section sliding open): wait until it shows.
    return await waitFor(() => { last = once(); return last.status === 'not-found' || last.status === 'hidden' ? undefined : last; }, { timeoutMs, signal, what: step.label });
  } catch (e) {
    if (e instanceof WaitTimeout) return last;
    throw e;
  }
}

/**
 * Reads the widget back once it has settled, the way a person looks after leaving the field: the
 * adapter has left the field (each closes its popup and blurs as a person does; forcing a blur here
 * as well upset antd's picker for the next date field), the framework has rendered a frame, and the
 * reading held still for a frame (bounded).
 */
async function readSettled(adapter: WidgetAdapter, root: Element, wanted: WidgetValue, signal?: AbortSignal): Promise<WidgetValue> {
  let shown = adapter.read(root);
  let still = 0;
  // Done when the wanted value has held for a frame; a page still re-rendering gets up to 1.5 s.
  for (const end = Date.now() + 1500; Date.now() < end;) {
    await settle(root, signal);
    const again = adapter.read(root);
    still = JSON.stringify(again) === JSON.stringify(shown) ? still + 1 : 0;
    shown = again;
    if (still >= 1 && showsWanted(adapter, shown, wanted)) break;
  }
  return shown;
}

async function applyStep(doc: Document, step: FillStep, timeoutMs: number, signal: AbortSignal | undefined, undo: UndoEntry[]): Promise<FieldReport> {
  const base = { fieldId: step.fieldId, label: step.label, value: step.value, ...(step.source && step.source !== 'record' ? { source: step.source } : {}) };
  const found = await locate(doc, step, timeoutMs, signal);
  if (found.status === 'not-found') return { ...base, status: 'not-found', message: `页面上没有标签为“${step.label}”的字段` };
  if (found.status === 'hidden') return { ...base, status: 'hidden', message: `标签为“${step.label}”的字段在页面上未显示（可能在收起的区域或未打开的标签页中），未填写；请展开后再填` };
  if (found.status === 'ambiguous') {
    return { ...base, status: 'ambiguous', message: `页面上有 ${found.roots.length} 处标签为“${step.label}”的字段，无法确定填哪一处，均未填写；请在映射中用 within 限定区域` };
  }
  if (found.status === 'label-changed') {
    return { ...base, status: 'label-changed', message: `此处标签为“${found.label ?? '（无）'}”，映射期望“${step.label}”，未填写` };
  }
  const ctx = { timeoutMs, signal };
  if (step.rows) {
    const { spec, keyed, value } = step.rows;
    const out = await writeRows(found.root, spec, value, keyed, ctx);
    if (out.changed) undo.push({ fieldId: step.fieldId, label: step.label, widget: 'rows', locate: step.locate, before: null, rows: { spec, keyed, before: out.before, added: out.added } });
    if (out.problems.length) return { ...base, status: 'error', message: out.problems.join('；') };
    let ok = rowsShow(found.root, spec, value, keyed);
    // The table re-renders after its last cell: wait for it, within a bound, instead of a fixed pause.
    if (!ok) ok = await waitFor(() => rowsShow(found.root, spec, value, keyed), { timeoutMs: Math.min(timeoutMs, 1500), signal, intervalMs: 50 }).then(() => true, (e) => { if (e instanceof WaitTimeout) return false; throw e; });
    return { ...base, status: out.changed === 0 ? 'equal' : ok ? 'verified' : 'unverified', message: `${step.rows.value.length} 行` };
  }
  const adapter = adapterFor(step, found.root);
  if (!adapter) return { ...base, status: 'error', message: `不认识的控件类型“${step.widget}”` };
  const before = adapter.read(found.root);
  if (sameValue(before, step.value)) return { ...base, status: 'equal', shown: before };
  const out = await adapter.write(found.root, step.value, ctx);
  if (out.status === 'no-option') return { ...base, status: 'no-option', seen: out.seen, message: `没有“${out.wanted}”；可选：${out.seen.join('、') || '（无）'}` };
  if (out.status === 'disabled') return { ...base, status: 'disabled', message: '字段只读或已禁用' };
  if (out.status === 'error') return { ...base, status: 'error', message: out.message };
  undo.push({ fieldId: step.fieldId, label: step.label, locate: step.locate, widget: adapter.kind, before });
  // Frameworks re-render asynchronously: read back what the page shows once the widget has settled.
  const shown = await readSettled(adapter, found.root, step.value, signal);
  return { ...base, status: showsWanted(adapter, shown, step.value) ? 'verified' : 'unverified', shown };
}

/** Waits, within its bound, until the mapping's readiness label is on the page (a late-rendered form). */
async function formReady(doc: Document, ready: NonNullable<FillPlan['ready']>, signal?: AbortSignal): Promise<boolean> {
  try {
    await waitFor(() => locateField(doc, { label: ready.label }).status !== 'not-found', { timeoutMs: ready.timeoutMs, signal, what: ready.label, intervalMs: 100 });
    return true;
  } catch (e) {
    if (e instanceof WaitTimeout) return false;
    throw e;
  }
}

export async function apply(doc: Document, plan: FillPlan, opts: ApplyOptions = {}): Promise<{ reports: FieldReport[]; undo: UndoEntry[] }> {
  // One label index for the whole fill, kept up to date as widgets open popups and tables grow.
  const release = watchLabels(doc);
  try {
    return await applyPlan(doc, plan, opts);
  } finally {
    release();
  }
}

async function applyPlan(doc: Document, plan: FillPlan, opts: ApplyOptions): Promise<{ reports: FieldReport[]; undo: UndoEntry[] }> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const reports: FieldReport[] = plan.skipped.map((s) => ({ fieldId: s.fieldId, label: s.label, status: s.status, message: s.message }));
  const undo: UndoEntry[] = [];
  const total = plan.steps.length;
  if (plan.ready && !(await formReady(doc, plan.ready, opts.signal))) {
    const message = `表单在 ${Math.round(plan.ready.timeoutMs / 1000)} 秒内没有出现（等待标签“${plan.ready.label}”），未填写；请等页面加载完再试`;
    for (const [i, step] of plan.steps.entries()) {
      const report: FieldReport = { fieldId: step.fieldId, label: step.label, status: 'not-found', value: step.value, message };
      reports.push(report);
      opts.onProgress?.(i + 1, total, report);
    }
    return { reports, undo };
  }
  let done = 0;
  const emit = (report: FieldReport) => {
    reports.push(report);
    opts.onProgress?.(Math.min(++done, total), total, report);
  };
  const fillOne = async (step: FillStep): Promise<FieldReport> => {
    try {
      return await applyStep(doc, step, timeoutMs, opts.signal, undo);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      return { fieldId: step.fieldId, label: step.label, status: 'error', value: step.value, message: (e as Error).message };
    }
  };
  // Stepped forms move on step by step; tabs, sections and dialogs are opened first (steps.ts, sections.ts).
  const ctx = { timeoutMs, signal: opts.signal };
  if (plan.stages?.length) await fillStages(doc, plan, fillOne, emit, ctx);
  else await fillSequence(doc, plan.steps, fillOne, emit, ctx);
  return { reports, undo };
}

/** Writes back what each changed field showed before the fill, last change first. */
export async function undoFill(doc: Document, entries: UndoEntry[], opts: ApplyOptions = {}): Promise<FieldReport[]> {
  const release = watchLabels(doc);
  try {
    return await undoEntries(doc, entries, opts);
  } finally {
    release();
  }
}

async function undoEntries(doc: Document, entries: UndoEntry[], opts: ApplyOptions): Promise<FieldReport[]> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const reports: FieldReport[] = [];
  for (const e of [...entries].reverse()) {
    const found = locateField(doc, { label: e.label, locate: e.locate, container: !!e.rows });
    if (found.status !== 'found') {
      reports.push({ fieldId: e.fieldId, label: e.label, status: found.status, message: found.status === 'ambiguous' ? '撤销时该标签对应多个字段，未改动' : '撤销时找不到该字段' });
      continue;
    }
    try {
      if (e.rows) {
        await writeRows(found.root, e.rows.spec, shownToPlanned(e.rows.before), e.rows.keyed, { timeoutMs, signal: opts.signal });
        // Rows the fill appended go again, with each row's own 删除 (a group that started empty ends empty).
        if (e.rows.added) await removeRows(found.root, e.rows.spec, e.rows.added, { timeoutMs, signal: opts.signal });
        reports.push({ fieldId: e.fieldId, label: e.label, status: 'verified' });
        continue;
      }
      const adapter = widgetByKind(e.widget);
      if (!adapter) continue;
      const out = await adapter.write(found.root, isBlank(e.before) ? blankLike(e.before) : e.before, { timeoutMs, signal: opts.signal });
      const shown = adapter.read(found.root);
      reports.push({ fieldId: e.fieldId, label: e.label, status: out.status === 'done' && sameValue(shown, e.before) ? 'verified' : 'unverified', shown, value: e.before });
    } catch (err) {
      reports.push({ fieldId: e.fieldId, label: e.label, status: 'error', message: (err as Error).message });
    }
  }
  return reports;
}

function blankLike(v: WidgetValue): WidgetValue {
  if (Array.isArray(v)) return [];
  if (typeof v === 'boolean') return false;
  return '';
}

/**
 * Filling a stepped form (分步表单) the way a person does: fill the step shown, click its 下一步, wait
 * (bounded) until the next step's label is shown, go on; on the last step, stop: nothing is submitted.
 * When the page refuses to move on (its validation marks fields invalid, or the next step never
 * comes), the fill stops there: the report names the fields the page marks invalid, with the page's
 * own message, and every field of the later steps is reported as not filled. Nothing is guessed.
 *
 * Within a step (and in forms without steps) fields are filled in plan order; a field in a tab,
 * a collapsed section or a dialog has its place opened first (sections.ts), and a dialog is confirmed
 * after its last field.
 */
import type { FieldReport } from './apply';
import type { FillPlan, FillStep } from './plan';
import type { PlannedStage } from './stages';
import { click, isVisible, normalizeText, textOf, waitFor, WaitTimeout } from './dom';
import { fieldRootOfControl, labelOfField, locateField, searchRoots } from './locate';
import { buttonByText, confirmDialog, openPlace, type PlaceContext } from './sections';

export type FillOne = (step: FillStep) => Promise<FieldReport>;
export type Emit = (report: FieldReport) => void;

/** Form items the page marks invalid, across UI families. */
const INVALID_SELECTOR = [
  '.el-form-item.is-error', '.ant-form-item-has-error', '.ant-legacy-form-item .has-error', '.layui-form-danger', '.t-is-error',
  '.ivu-form-item-error', '.n-form-item-blank--error', '.next-form-item.has-error', '.van-field--error', '[aria-invalid="true"]',
].join(', ');
const ERROR_TEXT_SELECTOR = '.el-form-item__error, .ant-form-item-explain-error, .ant-form-explain, .t-input__extra, .ivu-form-item-error-tip, .n-form-item-feedback, .next-form-item-help, .van-field__error-message, [role="alert"]';

export interface InvalidField {
  label: string;
  message?: string;
}

/** The fields the page shows as invalid now: their labels and the page's messages. */
export function invalidFields(doc: Document): InvalidField[] {
  const out: InvalidField[] = [];
  for (const root of searchRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll(INVALID_SELECTOR))) {
      if (!isVisible(el)) continue;
      const item = el.matches('[aria-invalid="true"]') ? fieldRootOfControl(el) : el;
      const label = labelOfField(item, el.matches('[aria-invalid="true"]') ? el : undefined) ?? '';
      const message = textOf(item.querySelector(ERROR_TEXT_SELECTOR)) || undefined;
      if (out.some((o) => o.label === label && (o.message === message || !message))) continue;
      out.push({ label, ...(message ? { message } : {}) });
    }
  }
  return out.filter((f) => f.label || f.message);
}

/** Fills `steps` in order, opening each field's place first and confirming a dialog after its last field. */
export async function fillSequence(doc: Document, steps: readonly FillStep[], fillOne: FillOne, emit: Emit, ctx: PlaceContext): Promise<void> {
  for (const [i, step] of steps.entries()) {
    const problem = await openPlace(doc, step, ctx);
    if (problem) emit({ fieldId: step.fieldId, label: step.label, status: 'not-found', value: step.value, message: problem });
    else emit(await fillOne(step));
    const next = steps[i + 1];
    if (step.dialog && next?.dialog?.id !== step.dialog.id) {
      const notClosed = await confirmDialog(doc, step, ctx);
      if (notClosed) emit({ fieldId: `dialog:${step.dialog.id}`, label: step.dialog.confirm?.button ?? step.dialog.open.button, status: 'error', message: notClosed });
    }
  }
}

function stageShown(doc: Document, stage: PlannedStage): boolean {
  const r = locateField(doc, { label: stage.ready.label });
  return r.status === 'found' && isVisible(r.root);
}

type Outcome = { moved: true } | { moved: false; invalid: InvalidField[] };

/** Clicks 下一步 and waits for the next stage, or for the page's refusal (fields marked invalid while the stage stays). */
async function moveOn(doc: Document, stage: PlannedStage, next: PlannedStage, signal?: AbortSignal): Promise<Outcome | string> {
  const btn = buttonByText(doc, stage.next!);
  if (!btn) return `页面上没有“${stage.next}”按钮`;
  click(btn);
  let refusedSince = 0;
  try {
    return await waitFor<Outcome>(() => {
      if (stageShown(doc, next)) return { moved: true };
      const invalid = invalidFields(doc);
      if (!invalid.length || !stageShown(doc, stage)) { refusedSince = 0; return undefined; }
      // Validation marks can flash while a page moves on; a refusal is marks that stay (400 ms).
      refusedSince ||= Date.now();
      return Date.now() - refusedSince >= 400 ? { moved: false, invalid } : undefined;
    }, { timeoutMs: next.ready.timeoutMs, signal, what: `第 ${next.title} 步`, intervalMs: 50 });
  } catch (e) {
    if (e instanceof WaitTimeout) return { moved: false, invalid: invalidFields(doc) };
    throw e;
  }
}

function describe(invalid: InvalidField[]): string {
  return invalid.map((f) => (f.message ? `${f.label || '（无标签）'}（${f.message}）` : f.label)).join('、');
}

/**
 * Fills a stepped form from the stage that is shown (else waits for the first), moving on with each
 * stage's button; stops on the last stage, or where the page refuses to move on.
 */
export async function fillStages(doc: Document, plan: FillPlan, fillOne: FillOne, emit: Emit, ctx: PlaceContext): Promise<void> {
  const stages = plan.stages ?? [];
  const stepsOf = (s: PlannedStage) => s.fieldIds.flatMap((id) => plan.steps.filter((st) => st.fieldId === id));
  const notFilled = (from: number, to: number, message: string) => {
    for (const s of stages.slice(from, to)) for (const st of stepsOf(s)) emit({ fieldId: st.fieldId, label: st.label, status: 'not-found', value: st.value, message });
  };
  let at = stages.findIndex((s) => stageShown(doc, s));
  if (at < 0) {
    const first = stages[0];
    const ok = first && (await waitFor(() => stageShown(doc, first), { timeoutMs: first.ready.timeoutMs, signal: ctx.signal, intervalMs: 100 }).then(() => true, (e) => { if (e instanceof WaitTimeout) return false; throw e; }));
    if (!ok) return notFilled(0, stages.length, `没有找到分步表单的第一步（等待标签“${first?.ready.label ?? ''}”）`);
    at = 0;
  }
  // Steps before the one shown are behind the cadre: the fill does not go back to them.
  notFilled(0, at, '未填写：这一步在页面当前步骤之前（填写从页面正显示的这一步开始）');
  for (let i = at; i < stages.length; i++) {
    const stage = stages[i]!;
    const reports: FieldReport[] = [];
    await fillSequence(doc, stepsOf(stage), fillOne, (r) => { reports.push(r); emit(r); }, ctx);
    const next = stages[i + 1];
    if (!next) return; // the last step: the cadre checks and submits
    const out = await moveOn(doc, stage, next, ctx.signal);
    if (typeof out !== 'string' && out.moved) continue;
    const invalid = typeof out === 'string' ? [] : out.invalid;
    const why = typeof out === 'string' ? out : invalid.length
      ? `页面不接受这一步：${describe(invalid)}`
      : `点了“${stage.next}”，${Math.round(next.ready.timeoutMs / 1000)} 秒内没有进入“${next.title}”`;
    // The fields the page marks invalid are named in their own reports, with the page's message.
    for (const r of reports) {
      const bad = invalid.find((f) => f.label && normalizeText(f.label) === normalizeText(r.label));
      if (bad) Object.assign(r, { status: 'error', message: `页面提示：${bad.message ?? '此项不符合要求'}；未能进入下一步` });
    }
    emit({ fieldId: `step:${stage.id}`, label: `${stage.title} → ${stage.next}`, status: 'error', message: `${why}。填写停在“${stage.title}”，后面的步骤未填写` });
    return notFilled(i + 1, stages.length, `未填写：“${stage.title}”没能进入下一步`);
  }
}

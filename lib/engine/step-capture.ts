/**
 * Capture across the steps of a stepped form (分步表单). At 提交 the first steps' fields are no longer
 * in the page, so each step is captured when the cadre leaves it (下一步, 上一步) and sent as a draft
 * of the inspection; 提交 captures the last step and sends everything as the capture. The values are
 * kept here, in the page session, and each message carries all of them (one capture id: the store
 * replaces the session's earlier draft with the newer, fuller one; a draft never overwrites a value a
 * submit gave).
 */
import type { Mapping } from '../mapping/schema';
import type { CaptureResult } from './capture';
import { isVisible, normalizeText, textOf } from './dom';
import { locateField } from './locate';
import { captureOnClick, mergeStepValues, type StepCapture } from './stages';

const BUTTONISH = 'button, [role="button"], input[type="submit"], input[type="button"], a, .layui-btn, .el-button, .ant-btn, .van-button';

/** The step the page shows: the first whose readiness label (else first field's label) is shown. */
export function currentStep(doc: Document, mapping: Mapping): string | undefined {
  for (const s of mapping.steps ?? []) {
    const first = mapping.fields.find((f) => f.id === s.fields[0]);
    const label = s.ready?.label ?? first?.locate?.label ?? first?.label;
    if (!label) continue;
    const r = locateField(doc, { label });
    if (r.status === 'found' && isVisible(r.root)) return s.id;
  }
  return undefined;
}

function buttonText(target: EventTarget | null): string | undefined {
  const el = target instanceof Element ? target : (target as Node | null)?.parentElement;
  const btn = el?.closest?.(BUTTONISH);
  if (!btn) return undefined;
  return normalizeText(btn instanceof HTMLInputElement ? btn.value : textOf(btn));
}

export interface StepCaptureResult extends CaptureResult {
  status: 'draft' | 'captured';
  step: StepCapture;
}

export interface StepCapturer {
  /** For a click on a step button or the capture button: that step captured, with every step so far. */
  onClick(doc: Document, target: EventTarget | null, captureFields: (fieldIds: string[]) => CaptureResult): StepCaptureResult | undefined;
  /** Forget the steps so far (after 提交, or when another inspection starts). */
  reset(): void;
}

export function createStepCapturer(mapping: Mapping): StepCapturer {
  let values: Record<string, unknown> = {};
  let raw: Record<string, unknown> = {};
  return {
    onClick(doc, target, captureFields) {
      const text = buttonText(target);
      if (!text || !mapping.steps) return undefined;
      const step = captureOnClick(mapping, currentStep(doc, mapping), text);
      if (!step) return undefined;
      const got = captureFields(step.fieldIds);
      values = mergeStepValues(mapping, values, step.fieldIds, got.values);
      const labels = mapping.fields.filter((f) => step.fieldIds.includes(f.id)).map((f) => f.label);
      raw = { ...Object.fromEntries(Object.entries(raw).filter(([k]) => !labels.includes(k))), ...got.raw };
      const out: StepCaptureResult = { values: { ...values }, raw: { ...raw }, fields: got.fields, status: step.status, step };
      return out;
    },
    reset() {
      values = {};
      raw = {};
    },
  };
}

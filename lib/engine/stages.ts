/**
 * Stepped forms (分步表单), tabs, sections and dialogs, as plain data. Pure: no DOM.
 * - placeSteps: adds to a fill plan where each field lives (tab, section, dialog) and the stages of a
 *   stepped form, each with its fields in fill order, its 下一步 button and how to know it is shown.
 * - captureOnClick: which fields a click on a stepped form's button captures, and whether that is a
 *   draft (下一步 / 上一步: the step's values, kept while the cadre moves on) or the capture itself (提交).
 * - mergeStepValues: the values captured so far, with one step's capture replacing that step's keys.
 */
import type { Mapping, MappingField } from '../mapping/schema';
import type { FillPlan } from './plan';
import { normalizeText } from './dom';

export interface PlannedStage {
  id: string;
  title: string;
  fieldIds: string[];
  /** The button that moves on to the next stage; none on the last stage. */
  next?: string;
  /** The label whose appearance says the stage is shown. */
  ready: { label: string; timeoutMs: number };
}

const DEFAULT_STEP_TIMEOUT = 10000;

export function planStages(mapping: Mapping): PlannedStage[] {
  return (mapping.steps ?? []).map((s, i) => {
    const first = mapping.fields.find((f) => f.id === s.fields[0]);
    return {
      id: s.id,
      title: s.title ?? `第 ${i + 1} 步`,
      fieldIds: [...s.fields],
      ...(s.next ? { next: s.next.button } : {}),
      ready: s.ready ?? { label: first?.locate?.label ?? first?.label ?? '', timeoutMs: DEFAULT_STEP_TIMEOUT },
    };
  });
}

/** The plan with each field's tab / section / dialog, and the mapping's stages (when it has steps). */
export function placeSteps(mapping: Mapping, plan: FillPlan): FillPlan {
  const byId = new Map(mapping.fields.map((f) => [f.id, f]));
  const steps = plan.steps.map((s) => {
    const f = byId.get(s.fieldId);
    if (!f || !(f.tab || f.section || f.dialog)) return s;
    const dialog = f.dialog ? mapping.dialogs?.find((d) => d.id === f.dialog) : undefined;
    return { ...s, ...(f.tab ? { tab: f.tab } : {}), ...(f.section ? { section: f.section } : {}), ...(dialog ? { dialog } : {}) };
  });
  return { ...plan, steps, ...(mapping.steps ? { stages: planStages(mapping) } : {}) };
}

export interface StepCapture {
  /** The step whose fields are captured. */
  stepId: string;
  fieldIds: string[];
  /** 'draft' on 下一步 / 上一步; 'captured' on the mapping's capture button (提交) */
  status: 'draft' | 'captured';
}

/**
 * What a click on `buttonText` captures on a stepped form shown at step `currentStepId`: that step's
 * fields, as a draft when the button moves between steps, as the capture when it is a capture button.
 * Undefined for any other button (and for mappings without steps).
 */
export function captureOnClick(mapping: Mapping, currentStepId: string | undefined, buttonText: string): StepCapture | undefined {
  const step = mapping.steps?.find((s) => s.id === currentStepId);
  if (!step) return undefined;
  const text = normalizeText(buttonText);
  const is = (b?: { button: string }) => !!b && normalizeText(b.button) === text;
  if (is(step.next) || is(step.back)) return { stepId: step.id, fieldIds: [...step.fields], status: 'draft' };
  if (mapping.capture?.buttons.some((b) => normalizeText(b) === text)) return { stepId: step.id, fieldIds: [...step.fields], status: 'captured' };
  return undefined;
}

/** The canonical keys a field's capture writes. */
export function capturedKeys(f: MappingField): string[] {
  if (f.capture === false) return [];
  const key = (f.capture && f.capture.to) || f.key;
  return key ? [key] : [];
}

/**
 * Values captured across steps: the step's own keys are replaced by what it shows now (a field the
 * cadre emptied on going back is dropped), other steps' values are kept.
 */
export function mergeStepValues(mapping: Mapping, sofar: Record<string, unknown>, fieldIds: readonly string[], now: Record<string, unknown>): Record<string, unknown> {
  const out = { ...sofar };
  for (const f of mapping.fields) if (fieldIds.includes(f.id)) for (const k of capturedKeys(f)) delete out[k];
  return { ...out, ...now };
}

/**
 * plan(record, mapping) → steps. Pure: no DOM, no browser. Decides, for every field the mapping
 * fills, which value the widget should end up showing, or why the field is left for the cadre.
 */
import type { Mapping, MappingDialog, MappingField } from '../mapping/schema';
import { placeSteps, type PlannedStage } from './stages';

export type { PlannedStage };
import { isEmpty, runPipeTraced, TransformError, type ValueSource } from '../transform';
import { vocabularyEntry } from '../record/vocabulary';
import type { WidgetValue } from './widgets/types';
import type { PlannedRow } from './rows';
import { planRows, toWidgetValue } from './table-values';

export interface FillStep {
  fieldId: string;
  label: string;
  locate?: MappingField['locate'];
  widget: string;
  value: WidgetValue;
  /** Table fields: the rows to write; `keyed` when rows are matched by item rather than by position. */
  rows?: { spec: NonNullable<MappingField['rows']>; keyed: boolean; value: PlannedRow[] };
  appears?: boolean;
  /** Whose value this is: the record's, the mapping's own (`const`, `default`), or the record's cut by `truncate`. */
  source?: ValueSource;
  /** Where the field lives: a tab or collapsed section to open first, a dialog to open (lib/engine/stages.ts). */
  tab?: string;
  section?: string;
  dialog?: MappingDialog;
}

export interface PlannedSkip {
  fieldId: string;
  label: string;
  status: 'empty' | 'no-entry' | 'error';
  message: string;
}

export interface FillPlan {
  mappingId: string;
  mappingVersion: number;
  recordId: string;
  steps: FillStep[];
  skipped: PlannedSkip[];
  /** Wait for this label before the first step (late-rendered forms). */
  ready?: { label: string; timeoutMs: number };
  /** A stepped form (分步表单): filled stage by stage (lib/engine/steps.ts). */
  stages?: PlannedStage[];
}

/** Fields in an order that respects `after`; otherwise the mapping's own order. */
export function orderFields(fields: readonly MappingField[]): MappingField[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const done = new Set<string>();
  const out: MappingField[] = [];
  const visit = (f: MappingField, stack: Set<string>) => {
    if (done.has(f.id) || stack.has(f.id)) return;
    stack.add(f.id);
    for (const dep of f.after ?? []) {
      const d = byId.get(dep);
      if (d) visit(d, stack);
    }
    done.add(f.id);
    out.push(f);
  };
  for (const f of fields) visit(f, new Set());
  return out;
}

export function plan(record: { id: string; values: Record<string, unknown> }, mapping: Mapping): FillPlan {
  const steps: FillStep[] = [];
  const skipped: PlannedSkip[] = [];
  const ctx = { values: record.values };
  for (const f of orderFields(mapping.fields)) {
    if (f.fill === false) continue;
    const from = f.fill?.from ?? f.key;
    if (!from && !f.fill?.pipe) continue; // capture-only field
    const base = { fieldId: f.id, label: f.label };
    try {
      const input = Array.isArray(from) ? from.map((k) => record.values[k]) : from ? record.values[from] : undefined;
      const { value: out, source } = runPipeTraced(input, f.fill?.pipe as never, ctx);
      if (isEmpty(out) || (Array.isArray(out) && out.every(isEmpty))) {
        skipped.push({ ...base, status: 'empty', message: '记录中没有这一项' });
        continue;
      }
      if (f.rows) {
        const entry = f.key ? vocabularyEntry(f.key) : undefined;
        const rows = planRows(out, f.rows, entry, ctx);
        steps.push({ ...base, locate: f.locate, widget: 'rows', value: null, rows: { spec: f.rows, keyed: !!entry?.rowKey, value: rows }, appears: f.appears, source });
        continue;
      }
      steps.push({ ...base, locate: f.locate, widget: f.widget, value: toWidgetValue(out), appears: f.appears, source });
    } catch (e) {
      const te = e instanceof TransformError;
      skipped.push({ ...base, status: te && e.code === 'no-entry' ? 'no-entry' : 'error', message: (e as Error).message });
    }
  }
  return placeSteps(mapping, { mappingId: mapping.id, mappingVersion: mapping.version, recordId: record.id, steps, skipped, ...(mapping.ready ? { ready: mapping.ready } : {}) });
}

/**
 * capture(document, mapping) → values by canonical key, plus everything read by label. Synchronous:
 * it runs inside the page's submit click, before the page's own handler clears the form.
 */
import type { Mapping } from '../mapping/schema';
import { isEmpty, runPipe } from '../transform';
import { locateField } from './locate';
import { labelIndexOf } from './label-live';
import { readRows } from './rows';
import { captureRows } from './table-values';
import { vocabularyEntry } from '../record/vocabulary';
import { detectWidget, widgetByKind } from './widgets';
import type { FileValue, WidgetValue } from './widgets/types';

export interface CaptureFieldReport {
  fieldId: string;
  label: string;
  status: 'captured' | 'empty' | 'not-found' | 'label-changed' | 'ambiguous' | 'error';
  message?: string;
}

export interface CaptureResult {
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
  fields: CaptureFieldReport[];
}

/** Files the user picked in this page's file inputs, kept so a capture can carry the photos. */
export type FileTap = (root: Element) => FileValue[];

/**
 * The photos an upload widget holds: the files the user picked there, minus any the widget no
 * longer shows (removed, or the form was reset). Widgets that show no names keep every pick.
 */
function uploadedFiles(shown: WidgetValue, picked: FileValue[]): FileValue[] {
  if (!Array.isArray(shown) || shown.length === 0) return [];
  const names = shown.map((s) => (typeof s === 'string' ? s : s.name));
  const named = picked.filter((f) => names.includes(f.name));
  return named.length ? named : picked.slice(-shown.length);
}

/** `only`: capture just these fields (one step of a stepped form, lib/engine/stages.ts). */
export function capture(doc: Document, mapping: Mapping, fileTap?: FileTap, only?: readonly string[]): CaptureResult {
  // Live when the content script watches the page's labels (kept up to date at idle time), else built once here.
  const index = labelIndexOf(doc);
  const values: Record<string, unknown> = {};
  const raw: Record<string, unknown> = {};
  const fields: CaptureFieldReport[] = [];
  for (const f of mapping.fields) {
    const key = (f.capture && f.capture.to) || f.key;
    if (f.capture === false || !key || (only && !only.includes(f.id))) continue;
    const base = { fieldId: f.id, label: f.label };
    const located = locateField(doc, { ...f, container: !!f.rows }, index, { capture: true });
    // A field not shown (a collapsed section, another tab) still holds what the cadre entered: capture reads it.
    const found = located.status === 'hidden' ? { ...located, status: 'found' as const } : located;
    if (found.status !== 'found') {
      const message = found.status === 'label-changed' ? `页面标签为“${found.label ?? '无'}”` : found.status === 'ambiguous' ? `页面上有 ${found.roots.length} 处同名标签` : undefined;
      fields.push({ ...base, status: found.status, message });
      continue;
    }
    try {
      let shown: unknown;
      if (f.rows) {
        const entry = f.key ? vocabularyEntry(f.key) : undefined;
        shown = captureRows(readRows(found.root, f.rows, !!entry?.rowKey), f.rows, entry, { values });
      }
      else {
        const adapter = f.widget === 'auto' ? detectWidget(found.root) : widgetByKind(f.widget);
        if (!adapter) throw new Error(`不认识的控件类型“${f.widget}”`);
        shown = adapter.read(found.root) as WidgetValue;
        if (adapter.kind.endsWith('upload') || adapter.kind === 'native-file') shown = uploadedFiles(shown as WidgetValue, fileTap?.(found.root) ?? []);
      }
      raw[f.label] = shown;
      const value = runPipe(shown, f.capture?.pipe as never, { values });
      if (isEmpty(value)) {
        fields.push({ ...base, status: 'empty' });
        continue;
      }
      if (f.capture && f.capture.at !== undefined) {
        const list = Array.isArray(values[key]) ? [...(values[key] as unknown[])] : [];
        list[f.capture.at] = value;
        values[key] = Array.from(list, (v) => v ?? '');
      } else values[key] = value;
      fields.push({ ...base, status: 'captured' });
    } catch (e) {
      fields.push({ ...base, status: 'error', message: (e as Error).message });
    }
  }
  return { values, raw, fields };
}

/**
 * 映射体检 (the doctor): for the page in front of the maintainer and its mapping, what the fill would
 * find for each field — found, not found, label changed, label not unique, hidden — the widget detected
 * against the widget declared, the options the page shows, and whether the page marks the field
 * required; plus required fields on the page that the mapping does not cover (they block the
 * platform's submit although every report is green). Read-only: nothing is clicked or typed.
 */
import type { Mapping } from '../mapping/schema';
import { FORM_ITEM_SELECTOR, indexLabels, labelOfField, locateField, searchRoots } from './locate';
import { detectWidget, widgetByKind } from './widgets';
import { isVisible, normalizeText, textOf } from './dom';

export type DoctorStatus = 'found' | 'not-found' | 'label-changed' | 'ambiguous' | 'hidden';

export interface DoctorField {
  fieldId: string;
  label: string;
  status: DoctorStatus;
  /** The label the page shows there (label changed), or how many fields carry the label (not unique). */
  pageLabel?: string | null;
  count?: number;
  declared: string;
  detected?: string;
  /** The declared kind is not the detected one (auto never mismatches). */
  widgetMismatch: boolean;
  /** Options a person sees without opening anything (native selects, radio and checkbox groups). */
  options?: string[];
  required: boolean;
}

export interface DoctorReport {
  mappingId: string;
  mappingVersion: number;
  url: string;
  at: string;
  fields: DoctorField[];
  /** Required fields on the page whose label no mapping field names. */
  unmappedRequired: string[];
}

const REQUIRED_SELECTOR = [
  '.is-required', '.ant-form-item-required', '.ivu-form-item-required', '.t-form__label--required', '.next-form-item-required',
  '[lay-verify*="required"]', '[aria-required="true"]', '[required]',
].join(',');

/** Whether the page marks a field root as required (classes of the families, ARIA, HTML, a leading *). */
export function markedRequired(root: Element): boolean {
  if (root.matches(REQUIRED_SELECTOR) || root.querySelector(REQUIRED_SELECTOR)) return true;
  const label = root.querySelector('label, .el-form-item__label, .ant-form-item-label, .layui-form-label');
  return !!label && /^\s*[*＊]/.test(label.textContent ?? '');
}

/** Options visible without opening anything; undefined for a dropdown (shown only when opened). */
export function visibleOptions(root: Element): string[] | undefined {
  const select = root.querySelector('select');
  if (select) return Array.from(select.options).map((o) => normalizeText(o.textContent ?? '')).filter(Boolean);
  const choices = Array.from(root.querySelectorAll('[role="radio"], [role="checkbox"], input[type="radio"], input[type="checkbox"], .layui-form-radio, .layui-form-checkbox'));
  if (!choices.length) return undefined;
  const names = choices.map((c) => {
    const label = c.closest('label') ?? (c.id ? root.querySelector(`label[for="${CSS.escape(c.id)}"]`) : null);
    return normalizeText(textOf(label ?? c) || c.getAttribute('aria-label') || c.getAttribute('title') || '');
  }).filter(Boolean);
  return [...new Set(names)];
}

export function diagnose(doc: Document, mapping: Mapping): DoctorReport {
  const index = indexLabels(doc);
  const found: Element[] = [];
  const fields: DoctorField[] = mapping.fields.map((f) => {
    const r = locateField(doc, { label: f.label, locate: f.locate, container: !!f.rows }, index);
    const base = { fieldId: f.id, label: f.label, declared: f.widget, widgetMismatch: false, required: false };
    if (r.status === 'not-found') return { ...base, status: 'not-found' as const };
    if (r.status === 'ambiguous') return { ...base, status: 'ambiguous' as const, count: r.roots.length, pageLabel: r.label };
    const root = r.root;
    found.push(root);
    // A table field (rows) is a container of rows, not one widget.
    const detected = f.rows ? 'table' : detectWidget(root)?.kind;
    const declared = f.widget === 'auto' || f.rows ? undefined : widgetByKind(f.widget);
    return {
      ...base,
      status: r.status === 'found' ? ('found' as const) : r.status,
      pageLabel: r.label,
      detected,
      widgetMismatch: !!declared && !!detected && declared.kind !== detected && !declared.detect(root),
      options: f.rows ? undefined : visibleOptions(root),
      required: markedRequired(root),
    };
  });

  const mapped = new Set(mapping.fields.map((f) => normalizeText(f.label)));
  const unmappedRequired: string[] = [];
  for (const r of searchRoots(doc)) {
    for (const item of Array.from(r.querySelectorAll(FORM_ITEM_SELECTOR))) {
      if (!isVisible(item) || !markedRequired(item)) continue;
      // Items inside a mapped field (a checklist table's rows) belong to that field.
      if (found.some((root) => root === item || root.contains(item))) continue;
      // Only an item with a label of its own: a row's radio group is not a field of the form.
      const own = item.querySelector('.el-form-item__label, .ant-form-item-label, .layui-form-label, .van-field__label, label');
      if (!own || own.closest(FORM_ITEM_SELECTOR) !== item || own.closest('.el-radio, .el-checkbox, .ant-radio-wrapper, .ant-checkbox-wrapper')) continue;
      const label = labelOfField(item);
      if (label && !mapped.has(normalizeText(label)) && !unmappedRequired.includes(label)) unmappedRequired.push(label);
    }
  }
  return { mappingId: mapping.id, mappingVersion: mapping.version, url: doc.location?.href ?? '', at: new Date().toISOString(), fields, unmappedRequired };
}

const STATUS_WORDS: Record<DoctorStatus, string> = {
  found: '找到', 'not-found': '没找到', 'label-changed': '标签已变', ambiguous: '标签不唯一', hidden: '被隐藏',
};

/** The report as text a maintainer pastes into a ticket (Chinese). */
export function doctorText(r: DoctorReport): string {
  const lines = [`一录通映射体检：${r.mappingId} 版本 ${r.mappingVersion}`, `页面：${r.url}`, `时间：${r.at}`, ''];
  // Problems first: they are what the maintainer opened the doctor for.
  const ok = (f: DoctorField) => f.status === 'found' && !f.widgetMismatch;
  for (const f of [...r.fields.filter((x) => !ok(x)), ...r.fields.filter(ok)]) {
    const parts = [`${ok(f) ? '✓' : '✕'} ${f.label}（${f.fieldId}）：${STATUS_WORDS[f.status]}`];
    if (f.status === 'label-changed') parts.push(`页面上的标签是“${f.pageLabel ?? '（无）'}”`);
    if (f.status === 'ambiguous') parts.push(`页面上有 ${f.count} 个“${f.label}”，请用 within 指明区域`);
    if (f.detected || f.status === 'found') parts.push(`控件：映射写 ${f.declared}，页面上是 ${f.detected ?? '无法识别'}${f.widgetMismatch ? '（不一致）' : ''}`);
    if (f.options?.length) parts.push(`选项：${f.options.join('、')}`);
    if (f.required) parts.push('页面标为必填');
    lines.push(parts.join('；'));
  }
  if (r.unmappedRequired.length) {
    lines.push('', `页面上有 ${r.unmappedRequired.length} 个必填项不在映射中（填写后干部仍需手动填写，否则平台不让提交）：${r.unmappedRequired.join('、')}`);
  }
  const bad = r.fields.filter((f) => f.status !== 'found' || f.widgetMismatch).length;
  lines.push('', bad ? `共 ${r.fields.length} 个字段，${bad} 个有问题。` : `共 ${r.fields.length} 个字段，全部正常。`);
  return lines.join('\n');
}

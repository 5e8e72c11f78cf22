/**
 * The field-by-field fill report, shared by the popup and the in-page panel. Problems first, so the
 * cadre sees at once what is left for them.
 */
import type { FieldReport, ReportStatus } from '../engine/apply';
import { STATUS_TEXT } from '../engine/apply';
import { t } from './i18n';

const ORDER: ReportStatus[] = ['label-changed', 'ambiguous', 'no-option', 'no-entry', 'not-found', 'hidden', 'error', 'unverified', 'disabled', 'empty', 'verified', 'equal'];
const KIND: Record<ReportStatus, 'ok' | 'warn' | 'bad' | 'muted'> = {
  verified: 'ok', equal: 'ok', unverified: 'warn', empty: 'muted', 'not-found': 'bad', 'label-changed': 'bad',
  'no-option': 'bad', 'no-entry': 'bad', disabled: 'warn', error: 'bad', ambiguous: 'bad', hidden: 'warn',
};
/** A value the record did not hold as written: set by the mapping, or cut to the platform's length. */
export const SOURCE_TEXT: Record<Exclude<NonNullable<FieldReport['source']>, 'record'>, string> = {
  mapping: '由映射设定',
  truncated: '已截断',
};
const ICON = { ok: '✓', warn: '!', bad: '✕', muted: '–' };

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? (x as { name: string }).name : String(x))).join('、');
  if (typeof v === 'boolean') return v ? t('是') : t('否');
  return String(v);
}

export function summarize(reports: Pick<FieldReport, 'status'>[]): string {
  const ok = reports.filter((r) => KIND[r.status] === 'ok').length;
  const bad = reports.filter((r) => KIND[r.status] === 'bad' || KIND[r.status] === 'warn').length;
  return t('已填 {ok} 项，需您处理 {bad} 项，无记录 {none} 项', { ok, bad, none: reports.length - ok - bad });
}

export function ReportList({ reports }: { reports: FieldReport[] }) {
  const sorted = [...reports].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  return (
    <div class="ylt-report">
      <p class="ylt-summary">{summarize(reports)}</p>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.map((r) => (
          <li key={r.fieldId} data-status={r.status} style={{ display: 'flex', gap: '6px', padding: '3px 0', borderBottom: '1px solid #f0f1f2' }}>
            <span class={`ylt-icon ylt-${KIND[r.status]}`} aria-hidden="true" style={{ width: '14px', color: { ok: '#34c724', warn: '#f80', bad: '#d83931', muted: '#8f959e' }[KIND[r.status]] }}>{ICON[KIND[r.status]]}</span>
            <span style={{ minWidth: '96px', fontWeight: 500 }}>{r.label}</span>
            <span style={{ flex: 1 }}>
              <span class="ylt-status">{t(STATUS_TEXT[r.status])}</span>
              {r.value !== undefined && r.value !== null && KIND[r.status] === 'ok' && <span style={{ color: '#646a73' }}>：{show(r.value)}</span>}
              {r.source && r.source !== 'record' && (
                <span class="ylt-source" data-source={r.source} style={{ marginLeft: '6px', padding: '0 4px', border: '1px solid #f80', borderRadius: '3px', color: '#b35900', fontSize: '12px' }}>{t(SOURCE_TEXT[r.source])}</span>
              )}
              {r.message && <span style={{ display: 'block', color: '#646a73', fontSize: '12px' }}>{t(r.message)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

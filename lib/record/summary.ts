/** How a record is named and shown in lists: short, and with identity/phone numbers masked. */
import type { InspectionRecord } from './record';

export function maskPhone(s: string): string {
  return s.replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

/** 18-digit resident ID numbers: keep the first 6 and last 4. */
export function maskIdNumber(s: string): string {
  return s.replace(/(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g, '$1********$2');
}

export function mask(s: string): string {
  return maskIdNumber(maskPhone(s));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function recordTitle(r: Pick<InspectionRecord, 'values' | 'updatedAt' | 'source'>, platformName?: string): string {
  const unit = typeof r.values['unit.name'] === 'string' ? (r.values['unit.name'] as string) : '（未填单位）';
  const when = formatTime(r.updatedAt);
  return `${unit} · ${when}${platformName ? ` · 录自 ${platformName}` : ''}`;
}

/** When a widget "shows" the intended value: text compared width-folded, sets order-free. */
import { normalizeText } from './dom';
import type { WidgetValue } from './widgets/types';

const NUMERIC = /^-?\d+(\.\d+)?$/;

function flat(v: WidgetValue | undefined): string[] | string | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return normalizeText(v);
  return v.map((x) => normalizeText(typeof x === 'string' ? x : x.name));
}

export function sameValue(a: WidgetValue | undefined, b: WidgetValue | undefined): boolean {
  const x = flat(a), y = flat(b);
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    return x.every((v, i) => v === y[i]) || [...x].sort().join('\u0000') === [...y].sort().join('\u0000');
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    // A single-choice widget may read back a one-element list or the plain text.
    const l = Array.isArray(x) ? x : y as string[];
    const s = Array.isArray(x) ? y : x;
    return l.length === 1 && l[0] === s;
  }
  if ((x === null || x === '') && (y === null || y === '')) return true;
  // Number inputs show their precision (80 → "80.00").
  if (typeof x === 'string' && typeof y === 'string' && NUMERIC.test(x) && NUMERIC.test(y)) return Number(x) === Number(y);
  return x === y;
}

export function isBlank(v: WidgetValue | undefined): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

/**
 * Whether what a widget shows is the wanted value. A tree select that shows only the chosen node
 * (`showsLeaf`) shows a path when it shows the path's last item: that is all a person can read there.
 */
export function showsWanted(adapter: { showsLeaf?: boolean }, shown: WidgetValue | undefined, wanted: WidgetValue | undefined): boolean {
  if (sameValue(shown, wanted)) return true;
  if (!adapter.showsLeaf || !Array.isArray(wanted) || wanted.length < 2) return false;
  const leaf = wanted[wanted.length - 1];
  return typeof leaf === 'string' && (sameValue(shown, leaf) || sameValue(shown, [leaf]));
}

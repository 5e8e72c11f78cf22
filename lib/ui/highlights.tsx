/**
 * Fields marked on the page after a fill: 已填写并核对 (green), 请核对 (orange), 未填写 (red, dashed),
 * with a legend. The marks are boxes drawn in the panel's own (closed) shadow root, fixed over each
 * field's box and following it as the page scrolls; they never touch the page's elements, styles or
 * classes, and take no clicks (pointer-events: none). A mark goes when the cadre edits its field.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FieldReport } from '../engine/apply';
import { t } from './i18n';

export type MarkKind = 'filled' | 'check' | 'unfilled';

export const MARK_TEXT: Record<MarkKind, string> = { filled: '已填写并核对', check: '请核对', unfilled: '未填写' };

/**
 * How a field's report is marked; undefined where there is no one field to mark (not found, hidden,
 * ambiguous, label changed: the report says why).
 */
export function markKind(r: Pick<FieldReport, 'status' | 'source'>): MarkKind | undefined {
  switch (r.status) {
    case 'verified':
    case 'equal':
      return r.source === 'truncated' ? 'check' : 'filled';
    case 'unverified':
      return 'check';
    case 'empty':
    case 'no-option':
    case 'no-entry':
    case 'disabled':
    case 'error':
      return 'unfilled';
    default:
      return undefined;
  }
}

export interface Mark {
  fieldId: string;
  label: string;
  kind: MarkKind;
  el: Element;
}

/** Marks whose field holds `target` (an edit there): the ones to take away. */
export function marksTouchedBy(marks: readonly Mark[], path: readonly EventTarget[]): Mark[] {
  return marks.filter((m) => path.includes(m.el));
}

interface Box { left: number; top: number; width: number; height: number }

function boxOf(el: Element): Box | undefined {
  if (!el.isConnected) return undefined;
  const r = el.getBoundingClientRect();
  return r.width || r.height ? { left: r.left, top: r.top, width: r.width, height: r.height } : undefined;
}

/** Re-reads the fields' boxes while marks are shown: on scroll and resize, and a few times a second (late layout). */
function useBoxes(marks: readonly Mark[]): (Box | undefined)[] {
  const [boxes, setBoxes] = useState<(Box | undefined)[]>(() => marks.map((m) => boxOf(m.el)));
  useEffect(() => {
    const read = () => setBoxes(marks.map((m) => boxOf(m.el)));
    read();
    if (!marks.length) return undefined;
    const win = marks[0]!.el.ownerDocument.defaultView ?? window;
    win.addEventListener('scroll', read, { capture: true, passive: true });
    win.addEventListener('resize', read, { passive: true });
    const timer = win.setInterval(read, 300);
    return () => {
      win.removeEventListener('scroll', read, { capture: true });
      win.removeEventListener('resize', read);
      win.clearInterval(timer);
    };
  }, [marks]);
  return boxes;
}

export function Highlights(props: { marks: readonly Mark[]; onClear: (e: Event) => void }) {
  const boxes = useBoxes(props.marks);
  if (!props.marks.length) return null;
  const count = (k: MarkKind) => props.marks.filter((m) => m.kind === k).length;
  return (
    <>
      {props.marks.map((m, i) => {
        const b = boxes[i];
        return b ? (
          <div key={m.fieldId} class={`ylt-mark ylt-mark-${m.kind}`} data-field={m.label} data-kind={m.kind} aria-hidden="true"
            style={{ left: `${b.left - 3}px`, top: `${b.top - 3}px`, width: `${b.width + 6}px`, height: `${b.height + 6}px` }} />
        ) : null;
      })}
      <div class="ylt-legend" role="note" aria-label={t('页面标记说明')}>
        {(['filled', 'check', 'unfilled'] as const).map((k) => (
          <span key={k} class="ylt-legend-item"><i class={`ylt-swatch ylt-mark-${k}`} />{`${t(MARK_TEXT[k])} ${count(k)}`}</span>
        ))}
        <button class="ylt-btn ylt-legend-clear" onClick={props.onClear}>{t('清除标记')}</button>
      </div>
    </>
  );
}

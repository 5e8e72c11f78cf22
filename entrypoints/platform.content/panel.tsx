/** The in-page panel: one button to fill, progress while filling, then field-by-field results. */
import { useEffect, useState } from 'preact/hooks';
import type { FieldReport } from '@/lib/engine/apply';
import { ReportList } from '@/lib/ui/report-list';
import { Highlights, marksTouchedBy, type Mark } from '@/lib/ui/highlights';
import { t } from '@/lib/ui/i18n';

type Phase = 'idle' | 'filling' | 'done' | 'undone';
interface State {
  phase: Phase;
  recordLabel: string;
  done: number;
  total: number;
  reports: FieldReport[];
  undoable: number;
  toast?: { text: string; kind: 'ok' | 'error' };
  error?: string;
  /** A draft this page may restore (「恢复草稿」), see lib/engine/draft-keeper.ts. */
  draft?: { contributionId: string; label: string; count: number };
  /** When the cadre's typing was last kept as a draft. */
  draftSavedAt?: number;
  /** The fields marked on the page after the last fill (lib/ui/highlights.tsx). */
  marks: Mark[];
}

const initial: State = { phase: 'idle', recordLabel: '', done: 0, total: 0, reports: [], undoable: 0, marks: [] };

/** A tiny observable so the content script can push fill events into the Preact tree. */
function createStore() {
  let state = initial;
  const subs = new Set<(s: State) => void>();
  const set = (patch: Partial<State>) => { state = { ...state, ...patch }; subs.forEach((f) => f(state)); };
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    get: () => state,
    subscribe(f: (s: State) => void) { subs.add(f); return () => subs.delete(f); },
    start: (recordLabel: string, total: number) => set({ phase: 'filling', recordLabel, total, done: 0, reports: [], error: undefined, marks: [] }),
    progress: (done: number, total: number, report: FieldReport) => set({ done, total, reports: [...state.reports, report] }),
    done: (reports: FieldReport[], undoable: number) => set({ phase: 'done', reports, undoable }),
    undone: (reports: FieldReport[]) => set({ phase: 'undone', reports, undoable: 0, marks: [] }),
    mark: (marks: Mark[]) => set({ marks }),
    /** The cadre edited a field: its mark goes (the event's composed path holds the field's element). */
    edited(path: EventTarget[]) {
      const touched = marksTouchedBy(state.marks, path);
      if (touched.length) set({ marks: state.marks.filter((m) => !touched.includes(m)) });
    },
    error: (error: string) => set({ phase: 'idle', error }),
    reset: () => set({ ...initial }),
    offerDraft: (draft: State['draft']) => set({ draft }),
    draftSaved: (at: number) => set({ draftSavedAt: at }),
    toast(text: string, kind: 'ok' | 'error') {
      set({ toast: { text, kind } });
      clearTimeout(toastTimer);
      toastTimer = setTimeout(() => set({ toast: undefined }), 4000);
    },
  };
}
export const panelStore = createStore();

export function Panel(props: { mappingName: string; onFill: () => Promise<unknown>; onUndo: () => Promise<unknown>; onRestoreDraft: (contributionId: string) => Promise<unknown> }) {
  const [s, setS] = useState(panelStore.get());
  const [open, setOpen] = useState(false);
  // A fill started from anywhere (popup, shortcut, context menu, 恢复草稿) shows its progress and results here.
  useEffect(() => { const off = panelStore.subscribe((next) => { setS(next); if (next.phase === 'filling') setOpen(true); }); return () => { off(); }; }, []);

  // The panel acts only on a person's click: a page script's element.click() is not trusted.
  const fill = async (e: Event) => {
    if (!e.isTrusted) return;
    setOpen(true);
    const r = (await props.onFill().catch((e: Error) => ({ ok: false, error: e.message }))) as { ok: boolean; error?: string };
    // A fill that reached this page shows its own progress and results; a lost answer (the worker was
    // stopped meanwhile) is no error then.
    const phase = panelStore.get().phase;
    if (!r?.ok && phase !== 'filling' && phase !== 'done') panelStore.error(r?.error ?? t('填充失败'));
  };
  const restoreDraft = async (e: Event) => {
    if (!e.isTrusted || !s.draft) return;
    setOpen(true);
    const r = (await props.onRestoreDraft(s.draft.contributionId).catch((e: Error) => ({ ok: false, error: e.message }))) as { ok: boolean; error?: string };
    if (!r?.ok) panelStore.error(r?.error ?? t('恢复草稿失败'));
  };
  const undo = async (e: Event) => {
    if (!e.isTrusted) return;
    const r = (await props.onUndo().catch((e: Error) => ({ ok: false, error: e.message }))) as { ok: boolean; error?: string };
    if (!r?.ok) panelStore.error(r?.error ?? t('撤销失败'));
  };

  return (
    <div class="ylt">
      <Highlights marks={s.marks} onClear={(e) => { if (e.isTrusted) panelStore.mark([]); }} />
      {s.toast && <div class={`ylt-toast ylt-${s.toast.kind}`} role="status">{t(s.toast.text)}</div>}
      {open && (
        <section class="ylt-card" aria-label={t('一录通填充结果')}>
          <header>
            <strong>一录通</strong>
            <span class="ylt-sub">{props.mappingName}</span>
            <button class="ylt-x" title={t('收起')} aria-label={t('收起')} onClick={() => setOpen(false)}>×</button>
          </header>
          {s.error && <p class="ylt-error" role="alert">{t(s.error)}</p>}
          {s.recordLabel && <p class="ylt-sub">{t('来源记录：{label}', { label: s.recordLabel })}</p>}
          {s.phase === 'filling' && (
            <div class="ylt-progress" role="progressbar" aria-valuenow={s.done} aria-valuemax={s.total}>
              <div style={{ width: `${s.total ? (100 * s.done) / s.total : 0}%` }} />
              <span>{t('正在填充 {done}/{total}…', { done: s.done, total: s.total })}</span>
            </div>
          )}
          {s.phase === 'undone' && <p class="ylt-sub">{t('已撤销：字段已恢复为填充前的内容。')}</p>}
          {s.reports.length > 0 && <ReportList reports={s.reports} />}
          <footer>
            {s.phase === 'done' && s.undoable > 0 && <button class="ylt-btn" onClick={undo}>{t('撤销本次填充')}</button>}
            {s.phase === 'done' && <span class="ylt-sub">{t('请核对后由您本人提交。')}</span>}
          </footer>
        </section>
      )}
      {s.draftSavedAt !== undefined && <span class="ylt-saved" role="status">{t('草稿已自动保存 {time}', { time: clock(s.draftSavedAt) })}</span>}
      {s.draft && s.phase !== 'filling' && (
        <button class="ylt-fab ylt-draft" onClick={restoreDraft} title={t('{label}，共 {n} 项：填回本页表单', { label: s.draft.label, n: s.draft.count })}>
          {t('恢复草稿（{n} 项）', { n: s.draft.count })}
        </button>
      )}
      <button class="ylt-fab" onClick={fill} disabled={s.phase === 'filling'} title={t('用最近一次录入的记录填写本页表单')}>
        {s.phase === 'filling' ? t('正在填充…') : t('一录通 · 从上次录入填充')}
      </button>
    </div>
  );
}

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
}

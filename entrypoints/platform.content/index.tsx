/**
 * Runs in every frame of the platforms that installed mappings name. A frame whose URL a mapping
 * matches captures on the mapping's submit buttons, answers fill requests, and shows the in-page
 * panel. Pure logic lives in lib/engine; this file wires page events and messages to it.
 */
import './panel.css';
import { render } from 'preact';
import type { Mapping } from '@/lib/mapping/schema';
import { capture } from '@/lib/engine/capture';
import { captureButton } from '@/lib/engine/trigger';
import { createStepCapturer } from '@/lib/engine/step-capture';
import { createFileTap } from '@/lib/engine/file-tap';
import { createPickTap } from '@/lib/engine/pick-memory';
import { apply, undoFill, type UndoEntry } from '@/lib/engine/apply';
import type { FillPlan } from '@/lib/engine/plan';
import { contentRequest } from '@/lib/messaging/protocol';
import { diagnose, doctorText } from '@/lib/engine/doctor';
import { sendDurably } from '@/lib/messaging/durable';
import { newId } from '@/lib/util/id';
import { createDraftKeeper } from '@/lib/engine/draft-keeper';
import { locateField, watchLabels } from '@/lib/engine/locate';
import { markKind, type Mark } from '@/lib/ui/highlights';
import type { FieldReport } from '@/lib/engine/apply';
import { Panel, panelStore } from './panel';

/** Quiet time after the cadre's last edit before the form is kept as a draft. */
const DRAFT_DELAY_MS = 2000;

export default defineContentScript({
  // Replaced at build time by the host patterns of mappings/*.json (see wxt.config.ts).
  matches: ['http://127.0.0.1/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // This frame's token: the background addresses a fill to ONE frame (by frameId and this token);
    // a fill or undo meant for another frame of the tab is ignored here.
    const frameToken = newId();
    const reply = (await browser.runtime.sendMessage({ type: 'mapping-for-url', url: location.href, frame: frameToken })) as { mapping?: Mapping | null } | undefined;
    const mapping = reply?.mapping;
    if (!mapping) return;

    const tap = createFileTap(document);
    // Tree selects that show only their leaf: the path a person picks is remembered (lib/engine/pick-memory.ts).
    const picks = createPickTap(document);
    ctx.onInvalidated(() => picks.dispose());
    ctx.onInvalidated(() => tap.dispose());
    // The page's labels indexed once and kept up to date at idle time: a capture inside the submit click only looks them up.
    ctx.onInvalidated(watchLabels(document, { idle: true }));
    let session = { captureId: newId(), unit: '' };
    let undo: UndoEntry[] = [];
    /** The record this page was last filled from: the next capture (the cadre's submit) joins it. */
    let filledFrom: string | undefined;
    let busy = false;
    const stepCapturer = mapping.steps ? createStepCapturer(mapping) : undefined;

    /** `quiet`: a draft kept while typing says so in a small status line, not in a toast. */
    const doCapture = (given?: { values: Record<string, unknown>; raw: Record<string, unknown> }, status: 'captured' | 'draft' = 'captured', quiet = false) => {
      const result = given ?? capture(document, mapping, (root) => tap.filesIn(root));
      const unit = String(result.values['unit.name'] ?? '');
      // A resubmit of the same inspection updates its record; a new unit starts a new record.
      if (session.unit && unit && unit !== session.unit) {
        session = { captureId: newId(), unit };
        filledFrom = undefined; // another unit on the same page is another inspection
      }
      session.unit ||= unit;
      const count = Object.keys(result.values).length;
      // Sent again if the worker was stopping (MV3): the same captureId updates, never doubles, the record.
      void sendDurably((m) => browser.runtime.sendMessage(m), {
        type: 'capture', captureId: session.captureId, status, mappingId: mapping.id,
        url: location.href, title: document.title, values: result.values, raw: result.raw, filledFrom,
      }).catch((e: Error) => ({ ok: false, error: e.message })).then((r: unknown) => {
        const res = r as { ok: boolean; error?: string } | undefined;
        if (quiet && res?.ok) return panelStore.draftSaved(Date.now());
        panelStore.toast(res?.ok ? (status === 'draft' ? `一录通已暂存这一步（共 ${count} 项）` : `一录通已保存本次录入（${count} 项）`) : `一录通未能保存：${res?.error ?? '未知错误'}`, res?.ok ? 'ok' : 'error');
      });
    };

    /** Each reported field the page shows, with how it is marked (lib/ui/highlights.tsx). */
    const marksFor = (reports: FieldReport[]): Mark[] => reports.flatMap((r) => {
      const kind = markKind(r);
      const f = mapping.fields.find((x) => x.id === r.fieldId);
      if (!kind || !f) return [];
      const found = locateField(document, { label: f.label, locate: f.locate, container: !!f.rows });
      return found.status === 'found' ? [{ fieldId: r.fieldId, label: r.label, kind, el: found.root }] : [];
    });
    /** Offers the newest draft typed on this platform (none: the offer goes away). */
    const offerDraft = async () => {
      const r = (await browser.runtime.sendMessage({ type: 'draft' }).catch(() => undefined)) as { draft?: { contributionId: string; label: string; count: number } | null } | undefined;
      panelStore.offerDraft(r?.draft ?? undefined);
    };
    // Drafts while typing (not on stepped forms, whose steps are kept as drafts on 下一步 already):
    // saved through the capture path a few seconds after the cadre's last edit; when the page threw
    // the form away (a session expiry), the lost draft is offered back and the next one is a new draft.
    const drafts = stepCapturer ? undefined : createDraftKeeper({
      delayMs: DRAFT_DELAY_MS,
      capture: () => capture(document, mapping, (root) => tap.filesIn(root)),
      save: (draft) => doCapture(draft, 'draft', true),
      onLost: () => {
        session = { captureId: newId(), unit: '' };
        void offerDraft();
      },
    });
    const edited = (e: Event) => {
      // A person's edit of the page, not the panel's own buttons (their events reach here retargeted to its host).
      if (!e.isTrusted || (e.target instanceof Element && e.target.localName === 'yiluotong-panel')) return;
      // The fill's own typing (execCommand insertText fires trusted input events) is not the cadre's:
      // a draft saved mid-fill, before the page knows which record it was filled from, would start a
      // record of its own (seen as a second 「杭州某某小吃店（草稿）」 beside the inspection after a fill of B).
      if (busy) return;
      drafts?.touch();
      panelStore.edited(e.composedPath());
    };
    ctx.addEventListener(window, 'input', edited, { capture: true });
    ctx.addEventListener(window, 'change', edited, { capture: true });
    ctx.addEventListener(window, 'pagehide', () => drafts?.flush());
    void offerDraft();

    // Capture phase on window: runs before the page's own click handler, which may clear the form.
    // Nothing here prevents or delays the page's submit.
    // Only a person's click counts: a page script's synthetic click on 提交 must not plant a record.
    ctx.addEventListener(window, 'click', (e) => {
      if (!e.isTrusted) return;
      // Stepped forms (mapping.steps): 下一步 / 上一步 keep the step being left as a draft; 提交 captures
      // the last step with the earlier ones (lib/engine/step-capture.ts).
      if (stepCapturer) {
        try {
          const step = stepCapturer.onClick(document, e.target, (ids) => capture(document, mapping, (root) => tap.filesIn(root), ids));
          if (step) return doCapture(step, step.status);
        } catch (err) { console.error('一录通 capture failed', err); }
      }
      if (mapping.capture && captureButton(e.target, mapping.capture.buttons)) {
        drafts?.reset(); // submitted: the draft's work is done, and the page may now clear its form
        try { doCapture(); } catch (err) { console.error('一录通 capture failed', err); }
        return;
      }
      edited(e); // a click picks options in custom widgets (no input event): an edit too
    }, { capture: true });

    /** Applies a plan with progress in the panel; `log`: a fill from a record (not a restored draft) goes to the trail and the fill log. */
    const runFill = (plan: FillPlan, recordLabel: string, log: boolean) => {
      if (busy) return Promise.resolve({ reports: [], undoable: undo.length });
      busy = true;
      drafts?.reset();
      panelStore.start(recordLabel, plan.steps.length);
      return apply(document, plan, { onProgress: (done, total, report) => panelStore.progress(done, total, report) })
        .then(async (r) => {
          undo = r.undo;
          filledFrom = plan.recordId;
          panelStore.done(r.reports, undo.length);
          panelStore.mark(marksFor(r.reports));
          // The fill's log and the record's trail are written from here, before answering: a worker
          // stopped while the page was filling (MV3) loses neither the fill nor its log.
          if (log) {
            await sendDurably((m) => browser.runtime.sendMessage(m), {
              type: 'fill-done', recordId: plan.recordId, mappingId: mapping.id, url: location.href, reports: r.reports, fillId: newId(),
            }).catch((e: unknown) => console.error('一录通 could not log the fill', e));
          }
          return { reports: r.reports, undoable: undo.length };
        })
        .finally(() => { busy = false; });
    };
    /** 「恢复草稿」: the draft's plan comes from the background (only this platform's drafts), applied here. */
    const restoreDraft = async (contributionId: string) => {
      const r = (await browser.runtime.sendMessage({ type: 'restore-draft', contributionId })) as { ok: boolean; error?: string; plan?: FillPlan; label?: string };
      if (!r?.ok || !r.plan) return r;
      panelStore.offerDraft(undefined);
      const done = await runFill(r.plan, r.label ?? '草稿', false);
      return { ok: true, ...done };
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const msg = contentRequest.safeParse(raw);
      if (!msg.success) return undefined;
      switch (msg.data.type) {
        case 'frame-status':
          return Promise.resolve({ mappingId: mapping.id, url: location.href, title: document.title, frame: frameToken });
        case 'apply-plan': {
          if (msg.data.frame !== frameToken) return undefined; // another frame's fill
          return runFill(msg.data.plan as FillPlan, msg.data.recordLabel, true);
        }
        case 'doctor': {
          if (msg.data.frame !== frameToken) return undefined;
          const report = diagnose(document, mapping);
          return Promise.resolve({ report, text: doctorText(report) });
        }
        case 'undo-fill': {
          if (msg.data.frame !== frameToken) return undefined;
          const entries = undo;
          undo = [];
          return undoFill(document, entries).then((reports) => {
            panelStore.undone(reports);
            return { reports, undoable: 0 };
          });
        }
      }
    });

    // A CLOSED shadow root: the page's scripts cannot reach the panel's buttons or read its reports
    // (host.shadowRoot is null for them); its buttons also act only on trusted (a person's) clicks.
    const ui = await createShadowRootUi(ctx, {
      name: 'yiluotong-panel',
      mode: 'closed',
      position: 'overlay',
      anchor: 'body',
      zIndex: 2147483000,
      onMount(container) {
        render(<Panel mappingName={mapping.name} onFill={() => browser.runtime.sendMessage({ type: 'fill' })} onUndo={() => browser.runtime.sendMessage({ type: 'undo' })} onRestoreDraft={restoreDraft} />, container);
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});

/**
 * Driving a gallery page the way the extension does: the field is found by its label through the
 * engine's locator (so every family's form layout is exercised too), written through the adapter,
 * and read back through it. What the framework's model holds is then checked through the page's own
 * submit (GET /api/submissions?family=…).
 */
import type { Frame, Page } from '@playwright/test';
import type { WidgetValue, WriteOutcome } from '../../lib/engine/widgets/types';
import { injectEngine } from './engine';
import { SITE, submissionLog } from './sites';

export interface GalleryWrite {
  located: string;
  widget: string | null;
  outcome: WriteOutcome | null;
  shown: WidgetValue | null;
}

/** Finds the field labelled `label`, writes `value` with adapter `kind` (or the detected one), reads it back. */
export async function writeByLabel(target: Page | Frame, label: string, kind: string, value: WidgetValue, timeoutMs = 5000): Promise<GalleryWrite> {
  if (!(await target.evaluate(() => typeof (window as { YLT?: unknown }).YLT === 'object'))) await injectEngine(target);
  return target.evaluate(async ({ label, kind, value, timeoutMs }) => {
    const found = window.YLT.locateField(document, { label });
    if (found.status !== 'found') return { located: found.status, widget: null, outcome: null, shown: null };
    const adapter = kind === 'auto' ? window.YLT.detectWidget(found.root) : window.YLT.widgetByKind(kind);
    if (!adapter) return { located: 'found', widget: null, outcome: null, shown: null };
    const outcome = await adapter.write(found.root, value, { timeoutMs });
    // Let the framework finish rendering what was written: read until it holds still for two frames
    // (a frame, or 50 ms should frames be throttled), rather than sleeping a fixed time.
    const tick = () => new Promise((ok) => { requestAnimationFrame(() => ok(undefined)); setTimeout(ok, 50); });
    let shown = JSON.stringify(adapter.read(found.root) ?? null);
    for (let still = 0, end = Date.now() + timeoutMs; still < 2 && Date.now() < end;) {
      await tick();
      const again = JSON.stringify(adapter.read(found.root) ?? null);
      still = again === shown ? still + 1 : 0;
      shown = again;
    }
    return { located: 'found', widget: adapter.kind, outcome, shown: adapter.read(found.root) };
  }, { label, kind, value, timeoutMs });
}

/** Reads a field by label through the detected (or named) adapter. */
export async function readByLabel(target: Page | Frame, label: string, kind = 'auto'): Promise<WidgetValue | undefined> {
  if (!(await target.evaluate(() => typeof (window as { YLT?: unknown }).YLT === 'object'))) await injectEngine(target);
  return target.evaluate(({ label, kind }) => {
    const found = window.YLT.locateField(document, { label });
    if (found.status !== 'found') return undefined;
    const adapter = kind === 'auto' ? window.YLT.detectWidget(found.root) : window.YLT.widgetByKind(kind);
    return adapter?.read(found.root);
  }, { label, kind });
}

/** Which adapter `detect` picks for the field labelled `label`. */
export async function detectByLabel(target: Page | Frame, label: string): Promise<string | undefined> {
  if (!(await target.evaluate(() => typeof (window as { YLT?: unknown }).YLT === 'object'))) await injectEngine(target);
  return target.evaluate((label) => {
    const found = window.YLT.locateField(document, { label });
    return found.status === 'found' ? window.YLT.detectWidget(found.root)?.kind : undefined;
  }, label);
}

/** What a gallery page submitted (its framework model) in THIS test, newest last. */
export async function gallerySubmissions<T = Record<string, unknown>>(family: string, origin: string = SITE.gallery): Promise<T[]> {
  return (await submissionLog<T>(origin, `api/submissions?family=${encodeURIComponent(family)}`)).map((s) => s.payload);
}

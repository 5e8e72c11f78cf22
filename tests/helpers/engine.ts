/**
 * Injects the engine (lib/engine/harness-entry.ts bundled by esbuild) into a page or frame as
 * `window.YLT`, so widget and mapping tests drive the real UI libraries through the same code the
 * extension runs. Bundled once per test worker.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';
import type { EngineHarness } from '../../lib/engine/harness-entry';
import type { FillPlan } from '../../lib/engine/plan';
import type { FieldReport, UndoEntry } from '../../lib/engine/apply';
import type { CaptureResult } from '../../lib/engine/capture';
import type { Mapping } from '../../lib/mapping/schema';

let bundle: Promise<string> | undefined;

export function engineBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('../../lib/engine/harness-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome86',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export async function injectEngine(target: Page | Frame): Promise<void> {
  await target.addScriptTag({ content: await engineBundle() });
}


declare global {
  interface Window {
    YLT: EngineHarness;
    __yltUndo?: UndoEntry[];
    __yltTap?: ReturnType<EngineHarness['createFileTap']>;
  }
}

async function ensureEngine(target: Page | Frame): Promise<void> {
  if (!(await target.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(target);
}

/** Fills a page or frame from a plan through the engine; keeps the undo entries in the page. */
export async function fillWithEngine(target: Page | Frame, plan: FillPlan, timeoutMs = 5000): Promise<FieldReport[]> {
  await ensureEngine(target);
  return target.evaluate(async ([p, t]) => {
    const r = await window.YLT.apply(document, p, { timeoutMs: t });
    window.__yltUndo = r.undo;
    return r.reports;
  }, [plan, timeoutMs] as const);
}

export async function undoWithEngine(target: Page | Frame): Promise<FieldReport[]> {
  return target.evaluate(() => window.YLT.undoFill(document, window.__yltUndo ?? []));
}

/** Starts the file tap before a person picks photos, as the content script does on page load. */
export async function tapFiles(target: Page | Frame): Promise<void> {
  await ensureEngine(target);
  await target.evaluate(() => { window.__yltTap = window.YLT.createFileTap(document); });
}

/** Starts the pick tap before a person picks in tree selects, as the content script does on page load. */
export async function tapPicks(target: Page | Frame): Promise<void> {
  await ensureEngine(target);
  await target.evaluate(() => { window.YLT.createPickTap(document); });
}

export async function captureWithEngine(target: Page | Frame, mapping: Mapping): Promise<CaptureResult> {
  await ensureEngine(target);
  return target.evaluate(async (m) => {
    await window.__yltTap?.settled();
    return window.YLT.capture(document, m, (root) => window.__yltTap?.filesIn(root) ?? []);
  }, mapping);
}

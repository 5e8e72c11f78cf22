/**
 * Injects the engine (lib/engine/harness-entry.ts bundled by esbuild) into a page or frame as
 * `window.YLT`, so widget and mapping tests drive the real UI libraries through the same code the
 * extension runs. Bundled once per test worker.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';

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

/**
 * The engine as one browser script, for tests that drive real UI libraries in real pages without
 * the extension around it (tests/helpers/engine.ts injects it as `window.YLT`). The extension's
 * content script imports the same modules; nothing here is test-only logic.
 */
import * as dom from './dom';
import { WIDGETS, widgetByKind, detectWidget } from './widgets';
import { locateField, searchRoots, watchLabels } from './locate';
import { capture } from './capture';
import { apply, undoFill } from './apply';
import { createFileTap } from './file-tap';
import { createPickTap } from './pick-memory';
import { diagnose, doctorText } from './doctor';
import { draftPage } from '../mapping/recorder';

const api = { dom, WIDGETS, widgetByKind, detectWidget, locateField, searchRoots, watchLabels, capture, apply, undoFill, createFileTap, createPickTap, diagnose, doctorText, draftPage };
(globalThis as unknown as { YLT: typeof api }).YLT = api;
export type EngineHarness = typeof api;

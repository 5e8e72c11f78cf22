/**
 * Test-only engine entry with just the antd family, for tests/widgets/antd.spec.ts while the full
 * registry (lib/engine/widgets/index.ts) cannot be bundled yet. Same `window.YLT` shape as
 * lib/engine/harness-entry.ts.
 */
import * as dom from '../../lib/engine/dom';
import { antdWidgets } from '../../lib/engine/widgets/antd';
import type { WidgetAdapter } from '../../lib/engine/widgets/types';

const byKind = new Map(antdWidgets.map((w) => [w.kind, w]));
const api = {
  dom,
  WIDGETS: antdWidgets as readonly WidgetAdapter[],
  widgetByKind: (kind: string) => byKind.get(kind),
  detectWidget: (root: Element) => antdWidgets.find((w) => w.detect(root)),
};
(globalThis as unknown as { YLT: typeof api }).YLT = api;

/**
 * Test-only engine entry with just the layui family, for tests/widgets/layui.spec.ts while the full
 * registry (lib/engine/widgets/index.ts) cannot be bundled yet. Same `window.YLT` shape as
 * lib/engine/harness-entry.ts.
 */
import * as dom from '../../lib/engine/dom';
import { layuiWidgets } from '../../lib/engine/widgets/layui';
import type { WidgetAdapter } from '../../lib/engine/widgets/types';

const byKind = new Map(layuiWidgets.map((w) => [w.kind, w]));
const api = {
  dom,
  WIDGETS: layuiWidgets as readonly WidgetAdapter[],
  widgetByKind: (kind: string) => byKind.get(kind),
  detectWidget: (root: Element) => layuiWidgets.find((w) => w.detect(root)),
};
(globalThis as unknown as { YLT: typeof api }).YLT = api;

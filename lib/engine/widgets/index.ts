/**
 * The widget registry. A family is added by adding one file that exports its adapters and one line
 * here; `detect` order matters only for `"widget": "auto"`: library families first, native last,
 * because a library widget always contains native inputs.
 */
import type { WidgetAdapter } from './types';
import { elementPlusWidgets } from './element-plus';
import { antdWidgets } from './antd';
import { layuiWidgets } from './layui';
import { vantWidgets } from './vant';
import { tdesignWidgets } from './tdesign';
import { viewuiWidgets } from './viewui';
import { fusionWidgets } from './fusion';
import { webComponentWidgets } from './web-components';
import { ariaWidgets, unknownControl } from './aria-widgets';
import { nativeWidgets } from './native';

export const WIDGETS: readonly WidgetAdapter[] = [
  ...elementPlusWidgets,
  ...antdWidgets,
  ...layuiWidgets,
  ...vantWidgets,
  ...tdesignWidgets,
  ...viewuiWidgets,
  ...fusionWidgets,
  ...webComponentWidgets,
  ...ariaWidgets, // generic ARIA/behaviour layer: after every library family, before native
  ...nativeWidgets,
  unknownControl, // 不认识的控件: operable, but nothing above fits
];

const byKind = new Map(WIDGETS.map((w) => [w.kind, w]));

export function widgetByKind(kind: string): WidgetAdapter | undefined {
  return byKind.get(kind);
}

export function detectWidget(root: Element): WidgetAdapter | undefined {
  return WIDGETS.find((w) => w.detect(root));
}

export type { WidgetAdapter, WidgetValue, WidgetContext, WriteOutcome, FileValue } from './types';

/**
 * The contract every widget family implements (one file per UI-library family in this folder).
 *
 * A widget adapter works on a *field root*: the element the locator found for a field — usually the
 * form-item container (`.el-form-item`, `.ant-form-item`, a `<td>`), sometimes the control itself.
 * The adapter finds its own parts inside it, and its popups wherever the library teleports them
 * (usually `<body>` of the field's own document).
 *
 * Widget values are what a person sees and picks, never a framework's internal model:
 * - text, textarea, number, single select, radio:      string (the option's visible label)
 * - multiple select, checkbox group:                   string[] of labels
 * - cascader, tree select:                             string[] path of labels, root first
 * - date / datetime / time:                            string in the picker's *display* format
 * - date range:                                        [start, end] in the display format
 * - switch / single checkbox:                          boolean
 * - upload:                                            FileValue[]
 */
export interface FileValue {
  name: string;
  type: string;
  /** base64 `data:` URL; records keep photos locally, never a remote link. */
  dataUrl: string;
}

export type WidgetValue = string | string[] | boolean | FileValue[] | null;

export interface WidgetContext {
  /** Upper bound for any wait (options rendering, lazy levels, remote search). */
  timeoutMs: number;
  /** Aborts waits when the fill is cancelled. */
  signal?: AbortSignal;
}

export type WriteOutcome =
  | { status: 'done' }
  /** The wanted option is not offered; `seen` lists what was offered (for the cadre's report). */
  | { status: 'no-option'; wanted: string; seen: string[] }
  | { status: 'disabled' }
  | { status: 'error'; message: string };

export interface WidgetAdapter {
  /** Stable name used in mapping files, e.g. `el-select`, `antd-date`, `layui-select`, `text`. */
  kind: string;
  /** UI-library family, e.g. `element-plus`, `antd`, `layui`, `native`. */
  family: string;
  /**
   * The widget shows only the chosen node of a path (a tree select once closed): a read-back of the
   * path's last item verifies the path.
   */
  showsLeaf?: boolean;
  /** True when this field root holds this widget; used when a mapping says `"widget": "auto"`. */
  detect(root: Element): boolean;
  /**
   * Reads the current value synchronously, the way a person would read the screen. Synchronous on
   * purpose: capture runs inside the page's submit click, before the page clears its form.
   */
  read(root: Element): WidgetValue;
  /** Sets the value the way a user would (clicks, typing, keys), waiting boundedly for lazy parts. */
  write(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome>;
}

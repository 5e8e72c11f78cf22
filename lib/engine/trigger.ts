/** Whether a click is on one of the mapping's capture buttons (提交, 保存…), by its visible text. */
import { normalizeText, textOf } from './dom';

const BUTTONISH = 'button, [role="button"], input[type="submit"], input[type="button"], a, .layui-btn, .el-button, .ant-btn, .van-button';

export function captureButton(target: EventTarget | null, buttons: readonly string[]): Element | undefined {
  const el = target instanceof Element ? target : (target as Node | null)?.parentElement;
  const btn = el?.closest?.(BUTTONISH);
  if (!btn) return undefined;
  const text = normalizeText(btn instanceof HTMLInputElement ? btn.value : textOf(btn));
  return buttons.some((b) => normalizeText(b) === text) ? btn : undefined;
}

/**
 * Ant Design AutoComplete (antd 5 / 4, Ant Design Vue 4): a text box with suggestions. Its value is the
 * text in the box — free text is allowed — so it reads back the box, not a chosen option, and a value
 * no suggestion offers is typed and kept (never "no-option"). A suggestion that reads exactly the value
 * is clicked, as a person would, since a page may attach data to it.
 */
import { blur, click, settle as frame, typeInto, waitFor } from '../dom';
import { FAMILY, asText, disabled, done, failed, guarded, hasClass, labelOf, own, poll, same } from './antd-dom';
import type { WidgetAdapter } from './types';

const AUTO = '.ant-select-auto-complete';

const boxOf = (root: Element) => {
  const sel = own(root, AUTO);
  return { sel, input: sel?.querySelector<HTMLInputElement>('input.ant-select-selection-search-input, input') ?? null };
};

export const antdAutoComplete: WidgetAdapter = {
  kind: 'antd-autocomplete',
  family: FAMILY,
  detect: (root) => !!own(root, AUTO),
  read: (root) => boxOf(root).input?.value ?? '',
  write: (root, value, ctx) => guarded(async () => {
    const { sel, input } = boxOf(root);
    if (!sel || !input) return failed('未找到自动补全输入框');
    if (hasClass(sel, 'ant-select-disabled') || input.disabled) return disabled;
    const wanted = asText(value);
    if (same(input.value, wanted)) return done;
    click(sel.querySelector('.ant-select-selector') ?? sel);
    typeInto(input, wanted, { perChar: true });
    await frame(input, ctx.signal);
    // A suggestion that reads exactly the wanted text (remote suggestions take a moment); else keep the text.
    const id = input.getAttribute('aria-controls') || input.getAttribute('aria-owns');
    const option = await poll(() => {
      const popup = id ? input.ownerDocument.getElementById(id)?.closest('.ant-select-dropdown') : null;
      return Array.from(popup?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])
        .find((o) => same(labelOf(o, '.ant-select-item-option-content'), wanted));
    }, Math.min(ctx.timeoutMs, 1000), ctx);
    if (option) click(option);
    await frame(input, ctx.signal);
    blur(input);
    try {
      await waitFor(() => same(input.value, wanted), { timeoutMs: Math.min(ctx.timeoutMs, 1000), signal: ctx.signal, what: '输入框文字' });
    } catch {
      return failed(`页面未保留输入，现为“${input.value}”`);
    }
    return done;
  }),
};

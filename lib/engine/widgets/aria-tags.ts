/**
 * A tag editor: tags a person removes with their ×, and an add button that shows an input where a
 * new tag is typed and confirmed with Enter. Recognised by behaviour and a common word: a container
 * whose class names it `…tags` (dynamic tags, tag inputs), holding a button and no drop-down box.
 * Value: the tags' texts, string[].
 */
import { click, isVisible, key, typeInto, waitFor } from '../dom';
import { flatQueryAll } from '../shadow';
import { FAMILY, asList, classWords, done, failed, guarded, insideAny, same, shownText, visible } from './aria-kit';
import type { WidgetAdapter, WidgetContext, WriteOutcome } from './types';

function editorOf(root: Element): Element | undefined {
  return flatQueryAll(root, '[class]').find((e) => classWords(e).some((c) => /(^|[-_])tags$/i.test(c)) && visible(e)
    && !flatQueryAll(e, '[role="combobox"], select').length && flatQueryAll(e, 'button, [role="button"]').some(isVisible));
}

function tagsIn(editor: Element): Element[] {
  const all = flatQueryAll(editor, '[class]').filter((e) => classWords(e).some((c) => /(^|[-_])tag$/i.test(c)) && visible(e) && shownText(e) !== '');
  return all.filter((t) => !insideAny(t, all));
}

const closeOf = (tag: Element) => flatQueryAll(tag, 'button, [role="button"], [class*="close" i]').find(isVisible);
const addButton = (editor: Element, tags: Element[]) => flatQueryAll(editor, 'button, [role="button"]').filter((b) => isVisible(b) && !insideAny(b, tags)).pop();

async function addTag(editor: Element, text: string, ctx: WidgetContext): Promise<WriteOutcome | null> {
  const input = () => flatQueryAll<HTMLInputElement>(editor, 'input:not([type="hidden"])').find((i) => isVisible(i) && !i.readOnly && !i.disabled);
  if (!input()) {
    const add = addButton(editor, tagsIn(editor));
    if (!add) return failed('没有找到添加标签的按钮');
    click(add);
  }
  const box = await waitFor(input, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '标签输入框' });
  typeInto(box, text);
  key(box, 'Enter');
  await waitFor(() => tagsIn(editor).some((t) => same(shownText(t), text)), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `添加标签「${text}」` });
  return null;
}

export const ariaTags: WidgetAdapter = {
  kind: 'generic-tags',
  family: FAMILY,
  detect: (root) => !!editorOf(root),
  read: (root) => { const e = editorOf(root); return e ? tagsIn(e).map(shownText) : null; },
  write: (root, value, ctx) => guarded(async () => {
    const editor = editorOf(root);
    if (!editor) return failed('没有找到标签');
    const wanted = asList(value);
    for (const tag of tagsIn(editor)) {
      const text = shownText(tag);
      if (wanted.some((w) => same(w, text))) continue;
      const x = closeOf(tag);
      if (!x) return failed(`标签「${text}」无法删除`);
      click(x);
      await waitFor(() => !tagsIn(editor).some((t) => same(shownText(t), text)), { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: `删除标签「${text}」` });
    }
    for (const w of wanted) {
      if (tagsIn(editor).some((t) => same(shownText(t), w))) continue;
      const out = await addTag(editor, w, ctx);
      if (out) return out;
    }
    return done;
  }),
};

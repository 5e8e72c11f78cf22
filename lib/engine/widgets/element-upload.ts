/**
 * el-upload (Element Plus and Element UI 2): files go into the hidden `input.el-upload__input` with a
 * `change` event, as a person's file dialog puts them; then wait for the list to show them uploaded.
 */
import type { FileValue, WidgetAdapter, WidgetContext, WidgetValue, WriteOutcome } from './types';
import { isDisabled, mimeOf, setFiles, textOf, waitFor } from '../dom';
import { DONE, fail, FAMILY, part } from './element-dom';


function uploadParts(root: Element) {
  const upload = part(root, '.el-upload');
  // The file list is a sibling of .el-upload (picture-card: its parent): look in what holds both.
  const scope = upload && root !== upload && root.contains(upload) ? root
    : upload?.closest('.el-form-item__content, .el-form-item') ?? upload?.parentElement?.parentElement ?? root;
  const input = (upload ?? root).querySelector<HTMLInputElement>('input.el-upload__input, input[type=file]');
  const items = () => Array.from(scope.querySelectorAll<HTMLElement>('.el-upload-list__item'));
  return { upload, input, items };
}


/** What the list shows, synchronously: the name where the list shows one, the thumbnail as a data URL. */
/**
 * Names of the files this adapter put in, by list item: a picture-card list shows only a thumbnail
 * (a blob: URL), so without this a photo we uploaded would read back nameless.
 */
const namesGiven = new WeakMap<Element, string>();

function readUpload(root: Element): WidgetValue {
  const { items } = uploadParts(root);
  // `is-ready`: chosen and listed, waiting for the page's own submit (auto-upload off); that is what a person sees as in.
  return items().filter((i) => !i.matches('.is-uploading, .is-fail')).map((item, n): FileValue => {
    const img = item.querySelector<HTMLImageElement>('img.el-upload-list__item-thumbnail, img');
    const named = item.querySelector('.el-upload-list__item-file-name, .el-upload-list__item-name');
    const src = img?.getAttribute('src') ?? '';
    const fromSrc = src && !src.startsWith('blob:') && !src.startsWith('data:') ? decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '') : '';
    const name = (named && (named.getAttribute('title') || textOf(named))) || namesGiven.get(item) || fromSrc || `图片${n + 1}.jpg`;
    const type = mimeOf(name) || 'image/jpeg';
    let dataUrl = src.startsWith('data:') ? src : '';
    if (!dataUrl && img && img.complete && img.naturalWidth) {
      try {
        const canvas = item.ownerDocument.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        canvas.getContext('2d')!.drawImage(img, 0, 0);
        dataUrl = canvas.toDataURL(type === 'image/png' ? 'image/png' : 'image/jpeg', 0.92);
      } catch { /* cross-origin thumbnail: the canvas is tainted, keep the name only */ }
    }
    return { name, type, dataUrl };
  });
}


async function writeUpload(root: Element, value: WidgetValue, ctx: WidgetContext): Promise<WriteOutcome> {
  const { upload, input, items } = uploadParts(root);
  if (!input) return fail('找不到上传控件');
  if (input.disabled || (upload && isDisabled(upload))) return { status: 'disabled' };
  const files = (Array.isArray(value) ? value : []) as FileValue[];
  if (!files.every((f) => f && typeof f === 'object' && typeof f.dataUrl === 'string' && f.dataUrl.startsWith('data:'))) {
    return fail('照片数据不完整（需要 data: URL）');
  }
  // Files already in the list under the same name are not uploaded twice (text lists show names; picture cards only ours).
  const shownNames = new Set(items().map((i) => textOf(i.querySelector('.el-upload-list__item-file-name, .el-upload-list__item-name')) || namesGiven.get(i)).filter(Boolean));
  const todo = files.filter((f) => !shownNames.has(f.name));
  if (!todo.length) return DONE;
  const batches = input.multiple ? [todo] : todo.map((f) => [f]);
  for (const batch of batches) {
    const countBefore = items().length;
    setFiles(input, batch);
    try {
      await waitFor(() => items().length >= countBefore + batch.length, { timeoutMs: Math.min(ctx.timeoutMs, 2000), signal: ctx.signal, what: '上传列表' });
    } catch {
      return fail('页面没有接收文件（可能超出数量或格式限制）');
    }
    // Settled when nothing is uploading and nothing waits to start — or the listed files have stayed
    // `is-ready` with no upload starting for 1.5 s: an upload with auto-upload off keeps them for its submit.
    let readySince = 0;
    try {
      await waitFor(() => {
        const list = items();
        if (list.some((i) => i.matches('.is-uploading'))) { readySince = 0; return false; }
        if (!list.some((i) => i.matches('.is-ready'))) return true;
        readySince ||= Date.now();
        return Date.now() - readySince >= 1500;
      }, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, what: '照片上传', intervalMs: 50 });
    } catch {
      return fail('照片上传超时');
    }
    if (items().length < countBefore + batch.length || items().some((i) => i.matches('.is-fail'))) return fail('照片上传失败');
    items().slice(countBefore, countBefore + batch.length).forEach((item, i) => namesGiven.set(item, batch[i]!.name));
  }
  return DONE;
}

export const elUpload: WidgetAdapter = {
  kind: 'el-upload',
  family: FAMILY,
  detect: (root) => !!part(root, '.el-upload'),
  read: readUpload,
  write: (root, value, ctx) => writeUpload(root, value, ctx),
};


/**
 * Keeps the files a user picks in this page's file inputs, read as data URLs, so a capture carries
 * the photos themselves. Upload widgets clear their hidden input after each pick, so the files are
 * read at `change` time and accumulated per field (some widgets replace the input element itself
 * after each upload, so the field's container, not the input, is the key).
 */
import type { FileValue } from './widgets/types';
import { FORM_ITEM_SELECTOR } from './locate';

export interface FileTapHandle {
  /** Files picked in inputs inside `root`, optionally only those whose names the widget still shows. */
  filesIn(root: Element): FileValue[];
  /** Resolves when every pending read has finished. */
  settled(): Promise<void>;
  dispose(): void;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => fail(r.error);
    r.readAsDataURL(file);
  });
}

export function createFileTap(doc: Document, maxBytes = 10 * 1024 * 1024): FileTapHandle {
  const byField = new Map<Element, FileValue[]>();
  const pending = new Set<Promise<unknown>>();
  const onChange = (e: Event) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
    const anchor = input.closest(`${FORM_ITEM_SELECTOR}, td`) ?? input.parentElement ?? input;
    const picked = Array.from(input.files).filter((f) => f.size <= maxBytes);
    const job = Promise.all(picked.map(async (f) => ({ name: f.name, type: f.type, dataUrl: await readAsDataUrl(f) })))
      .then((files) => {
        const prev = byField.get(anchor) ?? [];
        byField.set(anchor, [...prev.filter((p) => !files.some((f) => f.name === p.name)), ...files]);
      })
      .catch(() => undefined)
      .finally(() => pending.delete(job));
    pending.add(job);
  };
  doc.addEventListener('change', onChange, true);
  return {
    filesIn(root) {
      return Array.from(byField.entries()).filter(([anchor]) => root.contains(anchor) || anchor.contains(root)).flatMap(([, files]) => files);
    },
    async settled() {
      await Promise.all(Array.from(pending));
    },
    dispose() {
      doc.removeEventListener('change', onChange, true);
    },
  };
}

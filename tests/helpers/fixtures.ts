/** Reads hand-written fixtures; `@photos/x.jpg` placeholders become the data: URL of that file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixturePath(rel: string): string {
  return root + rel;
}

export function photoDataUrl(rel: string): string {
  return `data:image/jpeg;base64,${readFileSync(root + rel).toString('base64')}`;
}

/** A fixture photo (tests/fixtures/photos/) as the engine carries it: name, type and data: URL. */
export function photo(file: string): { name: string; type: string; dataUrl: string } {
  return { name: file, type: 'image/jpeg', dataUrl: photoDataUrl(`photos/${file}`) };
}

function resolvePhotos(v: unknown): unknown {
  if (typeof v === 'string' && v.startsWith('@photos/')) return photoDataUrl(v.slice(1));
  if (Array.isArray(v)) return v.map(resolvePhotos);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolvePhotos(x)]));
  return v;
}

export function readFixture<T = unknown>(rel: string): T {
  return resolvePhotos(JSON.parse(readFileSync(root + rel, 'utf8'))) as T;
}

export function sampleRecordValues(): Record<string, unknown> {
  return readFixture<{ values: Record<string, unknown> }>('records/sample-from-a.json').values;
}

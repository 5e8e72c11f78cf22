/**
 * 8. Bundle sizes, gzipped (level 9), from the built output: the content script (JS + its CSS), the
 * background, and each page with every script and stylesheet its HTML loads (a chunk shared by the
 * popup and the options page is counted in both).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness';

export interface BundleSize { part: string; files: string[]; raw: number; gzip: number }

function size(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(DIST, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The HTML file and what it loads (script src, modulepreload and stylesheet links), relative to DIST. */
function pageFiles(html: string): string[] {
  const text = readFileSync(join(DIST, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return [html, ...new Set(refs.map((r) => join(dirname(html), r)))];
}

export function measureBundles(): BundleSize[] {
  const cs = readdirSync(join(DIST, 'content-scripts')).map((f) => `content-scripts/${f}`);
  return [
    { part: 'content script', files: cs },
    { part: 'background', files: ['background.js'] },
    { part: 'popup', files: pageFiles('popup.html') },
    { part: 'options', files: pageFiles('options.html') },
  ].map((p) => ({ ...p, ...size(p.files) }));
}

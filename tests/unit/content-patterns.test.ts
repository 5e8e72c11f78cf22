/** Where the content script is injected: the mappings' own URL patterns, path included (issue 13). */
import { describe, expect, it } from 'vitest';
import { contentScriptPatterns, urlMatches } from '@/lib/mapping/match';
import type { Mapping } from '@/lib/mapping/schema';

const m = (...urls: string[]) => ({ match: { urls } }) as unknown as Mapping;

describe('contentScriptPatterns', () => {
  it('keeps the path and (for Chromium) the port of each pattern', () => {
    expect(contentScriptPatterns([m('http://127.0.0.1:5103/form.html*', 'https://jczz.example.gov.cn/event/*'), m('*://*.zjzwfw.gov.cn/apply/*')]))
      .toEqual(['http://127.0.0.1:5103/form.html*', 'https://jczz.example.gov.cn/event/*', '*://*.zjzwfw.gov.cn/apply/*']);
  });

  it('drops the port for Firefox, and a wildcard port always', () => {
    expect(contentScriptPatterns([m('http://127.0.0.1:5101/*', 'http://localhost:*/a/*')], { ports: false })).toEqual(['http://127.0.0.1/*', 'http://localhost/a/*']);
    expect(contentScriptPatterns([m('http://localhost:*/a/*')])).toEqual(['http://localhost/a/*']);
  });

  it('falls back to the host for a pattern with a fragment, which browsers never match', () => {
    expect(contentScriptPatterns([m('https://x.example.gov.cn/app/#/form*')])).toEqual(['https://x.example.gov.cn/*']);
  });

  it('does not inject where the mapping itself would not match (gallery index vs a form page)', () => {
    const [p] = contentScriptPatterns([m('http://127.0.0.1:5103/form.html*')]);
    expect(urlMatches(p!, 'http://127.0.0.1:5103/form.html?id=1')).toBe(true);
    expect(urlMatches(p!, 'http://127.0.0.1:5103/')).toBe(false);
    expect(urlMatches(p!, 'http://127.0.0.1:5104/form.html')).toBe(false);
  });
});

/**
 * The test harness itself: every request a test's browser makes carries the test's tag, and the
 * replica backends answer a test with its own submissions only — whoever else posts to the same
 * backend at the same time (another worker, another Playwright run, a person) stays invisible.
 * tests/helpers/test.ts and tests/helpers/sites.ts explain the mechanism.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, TEST_HEADER, testTag } from '../helpers/test';
import { gallerySubmissions } from '../helpers/gallery';
import { SITE, clearSubmissions } from '../helpers/sites';

test('every request of a page carries the test tag: document, script, image, iframe, fetch, XHR, multipart upload', async ({ page }) => {
  const seen: { url: string; tag?: string }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', tag: req.headers[TEST_HEADER] as string | undefined });
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', req.url === '/' || req.url === '/frame' ? 'text/html' : 'text/plain');
      if (req.url === '/') res.end('<script src="/s.js"></script><img src="/i.png"><iframe src="/frame"></iframe>');
      else if (req.url === '/frame') res.end('<p>frame</p><script>fetch("/from-frame")</script>');
      else res.end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(async () => {
      await fetch('/api/post', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await new Promise((ok) => { const x = new XMLHttpRequest(); x.open('POST', '/api/xhr'); x.onload = ok; x.send('a=1'); });
      const fd = new FormData();
      fd.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
      await fetch('/api/upload', { method: 'POST', body: fd });
    });
    const urls = () => seen.map((s) => s.url).filter((u) => u !== '/favicon.ico').sort();
    await expect.poll(urls).toEqual(['/', '/api/post', '/api/upload', '/api/xhr', '/frame', '/from-frame', '/i.png', '/s.js']);
    expect(seen.filter((s) => s.tag !== testTag()), JSON.stringify(seen)).toEqual([]);
  } finally {
    server.close();
  }
});

test.describe('a backend answers each test with its own submissions only', () => {
  test.describe.configure({ mode: 'parallel' });
  const post = (body: unknown) => fetch('/api/submit/own-submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  for (const n of [1, 2, 3]) {
    test(`test ${n} posts ${n} time(s), alongside posts by other tests, another context and an untagged client`, async ({ page, browser }) => {
      // Someone else's submissions to the same backend, before, during and after ours.
      const other = await browser.newContext();
      await other.setExtraHTTPHeaders({ [TEST_HEADER]: `someone-else-${n}` });
      const otherPage = await other.newPage();
      await otherPage.goto(SITE.gallery);
      const untagged = () => fetch(new URL('api/submit/own-submissions', SITE.gallery), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"who":"untagged"}' });

      await page.goto(SITE.gallery);
      await untagged();
      for (let i = 1; i <= n; i++) {
        await otherPage.evaluate(post, { who: 'other context' });
        await page.evaluate(post, { who: testTag(), i });
      }
      await untagged();
      expect(await gallerySubmissions('own-submissions')).toEqual(Array.from({ length: n }, (_, i) => ({ who: testTag(), i: i + 1 })));

      // Clearing forgets this test's submissions only.
      await clearSubmissions(SITE.gallery);
      expect(await gallerySubmissions('own-submissions')).toEqual([]);
      await otherPage.evaluate(post, { who: 'other context, after' });
      expect(await gallerySubmissions('own-submissions')).toEqual([]);
      await other.close();
    });
  }
});

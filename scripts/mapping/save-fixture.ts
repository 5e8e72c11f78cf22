/**
 * `npm run mapping -- save-fixture <url> <out.html>`: the page as a person sees it, frozen for tests of
 * labels and structure: scripts and event handlers removed, every typed value and selection cleared,
 * phone and ID numbers masked. Stylesheets stay linked through <base>.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../../tests/helpers/extension';

export async function cmdSaveFixture([url, out]: string[]): Promise<number> {
  if (!url || !out) { console.error('用法：npm run mapping -- save-fixture 页面地址 输出文件.html'); return 1; }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(url, { waitUntil: 'networkidle' });
    const html = await page.evaluate((base) => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      doc.querySelectorAll('script, noscript, iframe[src^="javascript:"]').forEach((e) => e.remove());
      for (const el of doc.querySelectorAll('*')) {
        for (const a of [...el.attributes]) if (/^on/i.test(a.name)) el.removeAttribute(a.name);
      }
      doc.querySelectorAll('input, textarea').forEach((e) => { e.removeAttribute('value'); if (e.tagName === 'TEXTAREA') e.textContent = ''; });
      doc.querySelectorAll('option[selected]').forEach((e) => e.removeAttribute('selected'));
      const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        n.nodeValue = (n.nodeValue ?? '')
          .replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2')
          .replace(/(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g, '$1********$2');
      }
      const head = doc.querySelector('head');
      if (head && !head.querySelector('base')) head.insertAdjacentHTML('afterbegin', `<base href="${base}">`);
      return `<!doctype html>\n${doc.outerHTML}`;
    }, url);
    writeFileSync(out, html);
    console.log(`已保存 ${out}（${Math.round(html.length / 1024)} KB），已去除脚本和填写内容，电话、身份证号已遮盖。提交前请再人工检查一遍。`);
    return 0;
  } finally {
    await browser.close();
  }
}

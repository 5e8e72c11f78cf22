/**
 * Host access for a mapping installed at runtime, in the real options page: headless Chromium cannot
 * click the browser's permission prompt, so the page's chrome.permissions.request and .remove are
 * observed (and the prompt's answer stood in for) from the test. What is checked is the extension's
 * side of the contract: the request names exactly the new mapping's origins, is made on the
 * maintainer's click (transient user activation), a refusal installs nothing, and removing the
 * mapping releases those origins.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '../helpers/extension';
import { MAPPINGS_DIR, MAPPING_B } from '../helpers/mappings';

const ORIGIN = 'https://other.example.gov.cn/*';

/** B's mapping as if it were a platform on another host. */
function otherMappingFile(version: number): string {
  const m = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_B, 'utf8')) as Record<string, unknown>;
  Object.assign(m, { id: 'test.other.host', name: '别的平台 · 事件上报', version, match: { urls: ['https://other.example.gov.cn/form/*', 'https://other.example.gov.cn/form2/*'] } });
  delete m.$schema;
  const file = test.info().outputPath(`other-${version}.json`);
  writeFileSync(file, JSON.stringify(m));
  return file;
}

interface PermCall { fn: 'request' | 'remove' | 'contains'; origins: string[]; gesture: boolean }

/** Stands in for the prompt: records every call the page makes; `request` answers `grant`. */
async function observePermissions(page: Page, grant: boolean) {
  await page.evaluate((grant) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the extension page's own chrome.*
    const p = (globalThis as any).chrome.permissions;
    const w = window as unknown as { __perm: PermCall[] };
    w.__perm = [];
    const record = (fn: PermCall['fn']) => (arg: { origins?: string[] }) => w.__perm.push({ fn, origins: arg.origins ?? [], gesture: navigator.userActivation.isActive });
    const answer = <T,>(v: T, cb?: (v: T) => void) => (cb ? cb(v) : Promise.resolve(v));
    p.contains = (arg: { origins?: string[] }, cb?: (v: boolean) => void) => { record('contains')(arg); return answer(false, cb); };
    p.request = (arg: { origins?: string[] }, cb?: (v: boolean) => void) => { record('request')(arg); return answer(grant, cb); };
    p.remove = (arg: { origins?: string[] }, cb?: (v: boolean) => void) => { record('remove')(arg); return answer(true, cb); };
  }, grant);
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __perm: PermCall[] }).__perm);

test('installing asks for exactly the mapping\'s origins on the click; a refusal installs nothing; removal releases them', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const row = page.locator('tr[data-mapping="test.other.host"]');

  // Refused at the prompt: nothing installed, and the maintainer is told why.
  await observePermissions(page, false);
  await page.getByLabel('选择映射文件').setInputFiles(otherMappingFile(1));
  await page.getByRole('region', { name: '安装预览' }).getByRole('button', { name: '确认安装' }).click();
  await expect(page.getByRole('alert')).toContainText('没有获得访问该平台页面的权限，映射没有安装');
  expect((await calls(page)).filter((c) => c.fn === 'request')).toEqual([{ fn: 'request', origins: [ORIGIN], gesture: true }]);
  await expect(row).toHaveCount(0);

  // Granted: installed; the request again names only that host (both of its URL patterns are one origin).
  await observePermissions(page, true);
  await page.getByLabel('选择映射文件').setInputFiles(otherMappingFile(1));
  await page.getByRole('region', { name: '安装预览' }).getByRole('button', { name: '确认安装' }).click();
  await expect(row).toContainText('从文件安装');
  expect((await calls(page)).filter((c) => c.fn === 'request')).toEqual([{ fn: 'request', origins: [ORIGIN], gesture: true }]);

  // Removed: the origin no other mapping needs is released.
  await observePermissions(page, true);
  await row.getByRole('button', { name: '删除 别的平台 · 事件上报' }).click();
  await expect(row).toHaveCount(0);
  expect((await calls(page)).filter((c) => c.fn === 'remove').map((c) => c.origins)).toEqual([[ORIGIN]]);
});

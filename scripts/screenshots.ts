/**
 * `npm run screenshots`: the pictures in README.md (docs/screenshots/*.png), taken at 1366×768 in
 * Chinese from the real built extension on the replica platforms, so they can be re-taken whenever
 * the interface changes:
 *   popup.png     the popup on platform B, with the inspection in progress and where it stands;
 *   panel.png     the in-page panel after a fill of B from A's inspection, with mixed outcomes;
 *   marks.png     the form of B with its fields marked (已填写并核对 / 请核对 / 未填写) and the legend;
 *   options.png   the options page: records, fill log, mappings;
 *   draft.png     platform A after its login timed out, offering 恢复草稿.
 * Needs a build first (`npm run build`, or YLT_OUT_DIR / SITES_PORT as for the tests).
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSites } from '../tests/sites/serve.ts';
import { extensionIdOf, inExtension, launchWithExtension, openPopup, tabIdOf } from '../tests/helpers/extension.ts';
import { clickPanelButton, panels, waitForPanel } from '../tests/helpers/panel.ts';
import { sampleRecordValues } from '../tests/helpers/fixtures.ts';
import { typeText } from '../tests/helpers/person-a.ts';

const OUT = 'docs/screenshots';
const basePort = Number(process.env.SITES_PORT ?? 5101);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`截图失败：等待「${what}」超时`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

mkdirSync(OUT, { recursive: true });
const sites = await startSites({ basePort });
const dir = await mkdtemp(join(tmpdir(), 'ylt-shots-'));
const context = await launchWithExtension(dir);
try {
  const id = await extensionIdOf(context);
  const seeded = await inExtension<{ ok: boolean }>(context, id, {
    type: 'capture', captureId: 'screenshot-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: sites.urls['platform-a'], title: 'A',
    values: sampleRecordValues(), raw: {},
  });
  if (!seeded.ok) throw new Error('截图失败：无法写入示例记录');

  // Platform B, filled from A's inspection through the in-page button.
  const b = await context.newPage();
  await b.setViewportSize({ width: 1366, height: 768 });
  await b.goto(sites.urls['platform-b']);
  await waitForPanel(b, 60_000);
  await clickPanelButton(b, '一录通 · 从上次录入填充');
  await until('填充完成', async () => (await panels(b)).map((p) => p.text).join('').includes('请核对后由您本人提交'));
  await b.screenshot({ path: `${OUT}/panel.png` });
  // The marks on the form, with the panel folded away so the form shows.
  await clickPanelButton(b, '×');
  await b.evaluate(() => window.scrollTo(0, 280));
  await b.screenshot({ path: `${OUT}/marks.png` });

  // The popup over B (opened as a page of the popup's size).
  const popup = await openPopup(context, id, await tabIdOf(context, b));
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.getByText('从上次录入填充').waitFor();
  await popup.screenshot({ path: `${OUT}/popup.png` });
  await popup.close();

  // The options page.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1366, height: 768 });
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByText('检查记录（').waitFor();
  await options.screenshot({ path: `${OUT}/options.png` });

  // A's login times out after the cadre typed: 恢复草稿.
  const a = await context.newPage();
  await a.setViewportSize({ width: 1366, height: 768 });
  await a.goto(`${sites.urls['platform-a']}?sessionIdleMs=12000`);
  await waitForPanel(a, 60_000);
  await typeText(a, '详细地址', '浙江省杭州市西湖区文三路1号');
  await typeText(a, '现场检查情况', '二楼疏散通道堆放杂物，厨房灭火器失效。');
  await until('草稿已保存', async () => (await panels(a)).map((p) => p.text).join('').includes('草稿已自动保存'));
  await a.locator('.el-message-box').getByRole('button', { name: '重新登录' }).click({ timeout: 60_000 });
  await until('恢复草稿按钮', async () => (await panels(a)).flatMap((p) => p.buttons.map((x) => x.label)).some((l) => l.startsWith('恢复草稿')));
  await a.screenshot({ path: `${OUT}/draft.png` });
  console.log(`截图已保存到 ${OUT}/ (popup, panel, marks, options, draft)`);
} finally {
  await context.close().catch(() => undefined);
  await sites.close();
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

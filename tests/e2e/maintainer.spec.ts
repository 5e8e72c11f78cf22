/**
 * A maintainer maps replica C from zero with the real extension: C's bundled mapping switched off in
 * the options page; 为此页面生成映射 from the popup on C; the draft corrected in the recorder's table
 * (a key picked from the searchable list, a field skipped, the maintainer's name); the file exported;
 * the pipes a record value needs before C can show it added by hand, as mappings/README.md's worked
 * example says (the recorder drafts labels, locators, widgets and keys, never value conversions);
 * the file installed from the options page; and C filled from the sample record as well as the
 * bundled mapping fills it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openPopup, tabIdOf, inExtension } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { sampleRecordValues } from '../helpers/fixtures';
import { MAPPINGS_DIR, MAPPING_C } from '../helpers/mappings';

const bundledC = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_C, 'utf8')) as { id: string; name: string };

async function openC(page: Page) {
  await page.goto(SITE.c);
  await page.frameLocator('#mainFrame').locator('.layui-form-select').first().waitFor();
}

/** Fills C from the popup; the per-field statuses of the report, by label. */
async function fillC(context: BrowserContext, extensionId: string, page: Page): Promise<Record<string, string>> {
  await openC(page);
  const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
  await popup.getByRole('button', { name: '从上次录入填充' }).click();
  await expect(popup.getByText(/已填 \d+ 项/)).toBeVisible({ timeout: 90_000 });
  const items = await popup.locator('li[data-status]').evaluateAll((lis) => lis.map((li) => [li.children[1]?.textContent ?? '', li.getAttribute('data-status') ?? '']));
  await popup.close();
  return Object.fromEntries(items);
}

const verified = (s: Record<string, string>) => Object.values(s).filter((v) => v === 'verified' || v === 'equal').length;

test('C mapped from zero with the recorder fills as well as the bundled mapping', async ({ context, extensionId, page }) => {
  test.setTimeout(300_000);
  const seeded = await inExtension<{ ok: boolean }>(context, extensionId, {
    type: 'capture', captureId: 'maintainer-1', status: 'captured', mappingId: 'zj.zzd.xfjc', url: SITE.a, title: 'A', values: sampleRecordValues(), raw: {},
  });
  expect(seeded.ok).toBe(true);

  const withBundled = await fillC(context, extensionId, page);
  expect(verified(withBundled), JSON.stringify(withBundled)).toBeGreaterThan(10);

  // 1. C's bundled mapping is switched off.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: `停用 ${bundledC.name}` }).click();
  await expect(options.locator(`tr[data-mapping="${bundledC.id}"]`)).toContainText('已停用');

  // 2. The popup on C now offers the recorder.
  await openC(page);
  const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
  await expect(popup.getByText('不在已配置的平台中')).toBeVisible();
  const [recorder] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: '为此页面生成映射' }).click()]);
  await recorder.waitForLoadState();
  await recorder.getByRole('button', { name: '扫描页面' }).click();
  await expect(recorder.getByRole('status')).toContainText(/找到 \d+ 个字段/);
  const table = recorder.getByRole('table', { name: '映射草稿' });
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expect(recorder.getByLabel('适用页面（每行一个）')).toHaveValue(new URL('form.html*', SITE.c).href);

  // 3. Corrections in the table: 到场时间 and 当场改正 get the keys the draft did not know (searched
  //    in Chinese); 不合格项 is mapped to the checklist; the maintainer names themselves.
  await recorder.getByLabel('搜索字段：到场时间').fill('检查时间');
  await recorder.getByLabel('对应字段：到场时间').selectOption('inspection.time');
  await recorder.getByLabel('搜索字段：当场改正').fill('检查结果');
  await recorder.getByLabel('对应字段：当场改正').selectOption('inspection.result');
  await recorder.getByLabel('对应字段：不合格项').selectOption('inspection.checklist');
  await recorder.getByLabel('映射 id').fill('test.recorded.jxcs');
  await recorder.getByLabel('维护人').fill('县大数据中心 某某');

  const [download] = await Promise.all([recorder.waitForEvent('download'), recorder.getByRole('button', { name: '导出映射文件' }).click()]);
  const exported = test.info().outputPath('recorded.json');
  await download.saveAs(exported);
  const draft = JSON.parse(readFileSync(exported, 'utf8')) as { id: string; fields: { id: string; label: string; key?: string; widget: string; fill?: unknown; capture?: unknown }[] };
  expect(draft.id).toBe('test.recorded.jxcs');
  const byLabel = (label: string) => draft.fields.find((f) => f.label === label)!;
  expect(byLabel('到场时间').key).toBe('inspection.time');
  expect(byLabel('单位名称')).toMatchObject({ key: 'unit.name', widget: 'text' });

  // 4. Value conversions, by hand (the worked example in mappings/README.md): C shows dates in its own
  //    formats, derives 主体类型 from the credit code, and lists only the failed checklist items.
  const pipes: Record<string, { fill?: unknown; capture?: unknown }> = {
    到场时间: { fill: { pipe: [{ op: 'field', name: 'start' }, { op: 'date', to: 'YYYY-MM-DD HH:mm' }] }, capture: false },
    检查日期: { fill: { from: 'inspection.time', pipe: [{ op: 'field', name: 'start' }, { op: 'date', to: 'YYYY-MM-DD' }] } },
    主体类型: { fill: { from: 'unit.creditCode', pipe: [{ op: 'regex', pattern: '^[0-9A-Z]{2}', group: 0 }, { op: 'map', table: { 91: '企业', 92: '个体工商户', 93: '农民专业合作社' } }] } },
    陪同人员: { fill: { pipe: [{ op: 'join', sep: ',' }] } },
    检查人: { fill: { pipe: [{ op: 'join', sep: ',' }] } },
    是否复查: { fill: { from: 'recheck.date', pipe: [{ op: 'exists' }, { op: 'map', table: { true: '是', false: '否' } }] } },
    当场改正: { fill: { pipe: [{ op: 'map', table: { 当场改正: true }, default: false }] }, capture: false },
    不合格项: { fill: { pipe: [{ op: 'collect', where: { result: '不合格' }, field: 'item' }, { op: 'map', missing: 'keep', table: { 疏散通道: '疏散通道是否畅通，有无占用、堵塞、封闭', 灭火器: '灭火器配置及有效性' } }] }, capture: false },
  };
  for (const [label, p] of Object.entries(pipes)) Object.assign(byLabel(label), p);
  writeFileSync(exported, JSON.stringify(draft, null, 2));

  // 5. Installed from the options page.
  await options.reload();
  await options.getByLabel('选择映射文件').setInputFiles(exported);
  await options.getByRole('region', { name: '安装预览' }).getByRole('button', { name: '确认安装' }).click();
  await expect(options.locator('tr[data-mapping="test.recorded.jxcs"]')).toContainText('从文件安装');

  // 6. C fills from the sample record as well as with the bundled mapping.
  const withRecorded = await fillC(context, extensionId, page);
  console.log(`C verified: bundled ${verified(withBundled)}/${Object.keys(withBundled).length}, recorded ${verified(withRecorded)}/${Object.keys(withRecorded).length}`);
  expect(verified(withRecorded), `bundled ${JSON.stringify(withBundled)}\nrecorded ${JSON.stringify(withRecorded)}`).toBe(verified(withBundled));
});

/**
 * The maintainer's path in the options page of the real extension: a new version of a mapping is
 * installed from a file after the page shows what changes; a broken file is refused with its JSON path;
 * the install can be undone; a mapping can be switched off.
 */
import { test, expect, openPopup, tabIdOf } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { readFileSync, writeFileSync } from 'node:fs';
import { MAPPINGS_DIR, MAPPING_B } from '../helpers/mappings';

const b = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_B, 'utf8')) as { id: string; name: string; version: number; fields: { id: string; label: string; key?: string }[] };

test('a new version of a mapping is installed from a file after showing what changes, and the install can be undone', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const rowB = page.locator(`tr[data-mapping="${b.id}"]`);
  await expect(rowB).toContainText('随扩展内置');
  await expect(rowB.locator('td').nth(1)).toHaveText(String(b.version));

  // A broken file: refused, with the JSON path of the problem.
  const broken = structuredClone(b);
  broken.version += 1;
  broken.fields[2]!.key = 'unit.noSuchKey';
  const brokenFile = test.info().outputPath('broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await page.getByLabel('选择映射文件').setInputFiles(brokenFile);
  await expect(page.getByRole('alert')).toContainText('fields[2].key');

  // The maintainer's next version: one label reworded, one field added.
  const next = structuredClone(b);
  next.version += 1;
  next.fields[0]!.label = `${b.fields[0]!.label}（新）`;
  next.fields.push({ id: 'remarksNew', label: '备注说明', key: 'inspection.remarks', widget: 'auto' } as (typeof b.fields)[number]);
  const file = test.info().outputPath('next.json');
  writeFileSync(file, JSON.stringify(next));
  await page.getByLabel('选择映射文件').setInputFiles(file);
  const preview = page.getByRole('region', { name: '安装预览' });
  await expect(preview).toContainText(`版本 ${next.version}，将替换版本 ${b.version}`);
  await expect(preview).toContainText('新增字段：备注说明（remarksNew）');
  await expect(preview).toContainText(`标签：${b.fields[0]!.label} → ${b.fields[0]!.label}（新）`);
  await preview.getByRole('button', { name: '确认安装' }).click();
  await expect(page.getByRole('status').first()).toContainText(`已安装“${b.name}”版本 ${next.version}`);
  await expect(rowB).toContainText('从文件安装');
  await expect(rowB.locator('td').nth(1)).toHaveText(String(next.version));

  // The same file again is refused: an update needs a higher version.
  await page.getByLabel('选择映射文件').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('version 必须更大');

  await page.getByRole('button', { name: '撤销' }).click();
  await expect(rowB).toContainText('随扩展内置');
  await expect(rowB.locator('td').nth(1)).toHaveText(String(b.version));

  await page.getByRole('button', { name: `停用 ${b.name}` }).click();
  await expect(rowB).toContainText('已停用');
  await page.reload();
  await expect(rowB).toContainText('已停用');
  await page.getByRole('button', { name: `启用 ${b.name}` }).click();
  await expect(rowB).toContainText('启用');
  await page.screenshot({ path: test.info().outputPath('options-mappings.png'), fullPage: true });
});

test('an installed update and a switched-off mapping take effect on the platform at once, without a new build', async ({ context, extensionId }) => {
  const platform = await context.newPage();
  await platform.goto(SITE.b);
  const tabId = await tabIdOf(context, platform);
  const popupSays = async () => {
    const popup = await openPopup(context, extensionId, tabId);
    const text = await popup.locator('body').innerText();
    await popup.close();
    return text;
  };
  await expect.poll(popupSays).toContain(`当前页面${b.name}`);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const next = { ...structuredClone(b), version: b.version + 1, name: '基层智治综合应用 · 事件上报（新版表单）' };
  const file = test.info().outputPath('b-next.json');
  writeFileSync(file, JSON.stringify(next));
  await options.getByLabel('选择映射文件').setInputFiles(file);
  await options.getByRole('region', { name: '安装预览' }).getByRole('button', { name: '确认安装' }).click();
  await expect(options.locator(`tr[data-mapping="${b.id}"]`)).toContainText('从文件安装');
  await expect.poll(popupSays).toContain(`当前页面${next.name}`);

  await options.getByRole('button', { name: `停用 ${next.name}` }).click();
  await expect(options.locator(`tr[data-mapping="${b.id}"]`)).toContainText('已停用');
  // A page loaded now gets no mapping: no panel, and the popup says the page is not configured.
  await platform.reload();
  await expect.poll(popupSays).toContain('不在已配置的平台中');
});

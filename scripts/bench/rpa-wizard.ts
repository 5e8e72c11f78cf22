/**
 * The stepped-form gallery (Element Plus, 控件样例 · 分步填报) filled as an RPA tool drives it: fields
 * by label, fill() for text, options clicked, the section / tab / dialog / 下一步 clicks a flow needs,
 * no assertions. Same fields as the one-click fill; it stops on the last step as the fill does.
 */
import type { Locator, Page } from '@playwright/test';
import { item } from '../../tests/helpers/person-wizard';

const openDropdown = (page: Page) => page.locator('.el-select-dropdown:visible, .el-popper:visible .el-select-dropdown');
async function pick(page: Page, select: Locator, options: string[]) {
  await select.click();
  for (const o of options) await openDropdown(page).locator('.el-select-dropdown__item', { hasText: new RegExp(`^${o}$`) }).click();
  if (options.length > 1) await page.keyboard.press('Escape');
}
const text = (page: Page, label: string, value: string) => item(page, label).locator('input, textarea').first().fill(value);

export async function rpaFillWizard(page: Page): Promise<void> {
  await text(page, '单位名称', '杭州某某小吃店');
  await text(page, '统一社会信用代码', '92330106MA2CK1E005');
  await page.locator('.el-collapse-item__header', { hasText: '负责人信息' }).click();
  await text(page, '法定代表人', '张某');
  await text(page, '联系电话', '13800000000');
  await page.getByRole('button', { name: '下一步' }).click();
  await pick(page, item(page, '检查方式').locator('.el-select').first(), ['双随机抽查']);
  await pick(page, item(page, '检查人员').locator('.el-select').first(), ['李某', '王某']);
  await page.getByRole('tab', { name: '现场情况' }).click();
  await text(page, '现场检查情况', '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。');
  await item(page, '检查结果').locator('.el-radio', { hasText: '责令限期改正' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  const rows = page.locator('.hazard-row');
  for (const [i, [what, level]] of [['二楼疏散通道堆放杂物', '一般火灾隐患'], ['厨房灭火器失效', '一般火灾隐患']].entries()) {
    await page.getByRole('button', { name: '添加一项' }).click();
    await pick(page, rows.nth(i).locator('.yh-ms'), [what!]);
    await pick(page, rows.nth(i).locator('.yh-dj'), [level!]);
    const d = rows.nth(i).locator('.yh-zgqx input');
    await d.click();
    await d.fill('2026-05-27');
    await d.press('Enter');
  }
  await page.getByRole('button', { name: '新增', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新增法律文书' });
  await dialog.locator('input').fill('责令限期改正通知书 〔2026〕第0123号');
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '展开更多' }).click();
  await text(page, '备注', '已当场告知整改要求');
}

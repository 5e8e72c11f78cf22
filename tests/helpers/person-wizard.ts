/**
 * A careful person at the stepped-form gallery (tests/sites/gallery/wizard/, Element Plus): the
 * sample inspection typed step by step, with the clicks a cadre makes (open the collapsed section,
 * switch tabs, 添加一项, 新增 → dialog → 确定, 展开更多), moving on with 下一步.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const item = (page: Page, label: string): Locator =>
  page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) });

/** The select dropdown that is open now (Element Plus keeps closed ones in <body>, hidden). */
const openDropdown = (page: Page) => page.locator('.el-select-dropdown:visible, .el-popper:visible .el-select-dropdown');

async function type(field: Locator, text: string) {
  await field.click();
  await field.fill(text);
  await expect(field).toHaveValue(text);
}

export async function typeText(page: Page, label: string, text: string) {
  await type(item(page, label).locator('input, textarea').first(), text);
}

async function pick(page: Page, select: Locator, options: string[]) {
  await select.click();
  for (const o of options) await openDropdown(page).locator('.el-select-dropdown__item', { hasText: new RegExp(`^${o}$`) }).click();
  if (options.length > 1) await page.keyboard.press('Escape');
}

export async function pickSelect(page: Page, label: string, options: string[]) {
  await pick(page, item(page, label).locator('.el-select').first(), options);
  for (const o of options) await expect(item(page, label).locator('.el-select')).toContainText(o);
}

export async function next(page: Page, readyLabel: string) {
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(item(page, readyLabel)).toBeVisible();
}

export async function typeStep1(page: Page, creditCode = '92330106MA2CK1E005') {
  await typeText(page, '单位名称', '杭州某某小吃店');
  await typeText(page, '统一社会信用代码', creditCode);
  await page.locator('.el-collapse-item__header', { hasText: '负责人信息' }).click();
  await expect(item(page, '法定代表人')).toBeVisible();
  await typeText(page, '法定代表人', '张某');
  await typeText(page, '联系电话', '13800000000');
}

export async function typeStep2(page: Page) {
  await pickSelect(page, '检查方式', ['双随机抽查']);
  await pickSelect(page, '检查人员', ['李某', '王某']);
  await page.getByRole('tab', { name: '现场情况' }).click();
  await expect(item(page, '现场检查情况')).toBeVisible();
  await typeText(page, '现场检查情况', '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。');
  await item(page, '检查结果').locator('.el-radio', { hasText: '责令限期改正' }).click();
}

export async function typeStep3(page: Page) {
  const rows = page.locator('.hazard-row');
  const hazards = [['二楼疏散通道堆放杂物', '一般火灾隐患'], ['厨房灭火器失效', '一般火灾隐患']];
  for (const [i, [what, level]] of hazards.entries()) {
    await page.getByRole('button', { name: '添加一项' }).click();
    await expect(rows).toHaveCount(i + 1);
    await pick(page, rows.nth(i).locator('.yh-ms'), [what!]);
    await pick(page, rows.nth(i).locator('.yh-dj'), [level!]);
    const date = rows.nth(i).locator('.yh-zgqx input');
    await date.click();
    await date.fill('2026-05-27');
    await date.press('Enter');
    await expect(date).toHaveValue('2026-05-27');
  }
  await page.getByRole('button', { name: '新增', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新增法律文书' });
  await type(dialog.locator('input'), '责令限期改正通知书 〔2026〕第0123号');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(item(page, '法律文书').locator('input')).toHaveValue('责令限期改正通知书 〔2026〕第0123号');
  await page.getByRole('button', { name: '展开更多' }).click();
  await typeText(page, '备注', '已当场告知整改要求');
}

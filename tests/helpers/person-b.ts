/**
 * A careful person at platform B (基层智治综合应用, antd 5): the clicks and keystrokes a cadre makes,
 * shared by the replica test, the mapping tests and the end-to-end tests.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The sample inspection's photos; their ids in the expected payloads are `sha256sum | cut -c1-16`. */
const photo = (name: string) => `${fixtures}photos/${name}`;

/** The antd form item whose label reads `label` (antd puts the text, and a `title`, on the <label>). */
export const item = (page: Page, label: string): Locator =>
  page.locator('.ant-form-item').filter({ has: page.locator(`.ant-form-item-label > label[title="${label}"]`) });

/** The open popup of a select-like widget (antd keeps closed popups in <body> with a -hidden class). */
export const popup = (page: Page, kind: 'select' | 'cascader' | 'tree-select' | 'picker'): Locator => {
  const cls = kind === 'picker' ? '.ant-picker-dropdown' : kind === 'select' ? '.ant-select-dropdown' : `.ant-select-dropdown.ant-${kind}-dropdown`;
  return page.locator(`${cls}:not(.ant-select-dropdown-hidden):not(.ant-picker-dropdown-hidden)`);
};

/** Clicks into the field and types; long Chinese text is entered in one go, as an IME commits it. */
export async function typeText(page: Page, label: string, text: string) {
  const field = item(page, label).locator('input, textarea').first();
  await field.click();
  if (text.length > 12) await page.keyboard.insertText(text);
  else await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

export async function pickSelect(page: Page, label: string, option: string) {
  await item(page, label).locator('.ant-select-selector').click();
  await popup(page, 'select').locator(`.ant-select-item-option[title="${option}"]`).click();
  await expect(item(page, label).locator('.ant-select-selection-item')).toHaveText(option);
}

export async function pickCascader(page: Page, label: string, path: string[]) {
  await item(page, label).locator('.ant-select-selector').click();
  const menus = popup(page, 'cascader');
  for (const [level, name] of path.entries()) {
    // 中类 and 小类 arrive ~150 ms after their parent is clicked (loadData).
    const entry = menus.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`);
    await entry.click();
  }
  await expect(item(page, label).locator('.ant-select-selection-item')).toHaveText(path.join(' / '));
}

export async function pickTree(page: Page, label: string, path: string[]) {
  await item(page, label).locator('.ant-select-selector').click();
  const tree = popup(page, 'tree-select');
  const node = (name: string) => tree.locator('.ant-select-tree-treenode').filter({
    has: page.locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`),
  });
  for (const name of path.slice(0, -1)) await node(name).locator('.ant-select-tree-switcher').click();
  await node(path[path.length - 1]!).locator('.ant-select-tree-node-content-wrapper').click();
  await expect(item(page, label).locator('.ant-select-selection-item')).toHaveText(path[path.length - 1]!);
}

/**
 * Types a date in the picker's display format and confirms it the way a person does: 确定 for a
 * picker with time, the highlighted day for a date. (Enter would also commit, but inside an antd Form
 * Enter in any input is the browser's implicit submission: it submits the half-filled form.)
 */
export async function typeDate(page: Page, label: string, display: string, withTime: boolean) {
  const input = item(page, label).locator('.ant-picker input');
  await input.click();
  const panel = popup(page, 'picker');
  await expect(panel).toBeVisible();
  await input.pressSequentially(display);
  if (withTime) await panel.locator('.ant-picker-ok button').click();
  else await panel.locator('td.ant-picker-cell-selected').click();
  await expect(panel).toBeHidden();
  await expect(input).toHaveValue(display);
}

export async function choose(page: Page, label: string, option: string) {
  await item(page, label).locator('label').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

export const SAMPLE_TITLE = '杭州某某小吃店消防安全隐患';

/** The sample's 隐患清单 in B's wording: 隐患描述, 隐患等级 (一般 / 重大), 整改期限. */
export const SAMPLE_HAZARDS: [string, string, string][] = [
  ['二楼疏散通道堆放杂物', '一般', '2026-05-27'],
  ['厨房灭火器失效', '一般', '2026-05-27'],
];

/** The rows of 隐患清单 (a bordered antd Table over a Form.List; it starts with none). */
export const hazardRows = (page: Page): Locator => item(page, '隐患清单').locator('.hazard-table tbody tr.ant-table-row');

/** Clicks 添加隐患 and fills the new last row: description typed, level picked, deadline typed and its day clicked. */
export async function addHazardRow(page: Page, [description, level, deadline]: [string, string, string]) {
  const rows = hazardRows(page);
  const n = await rows.count();
  await item(page, '隐患清单').getByRole('button', { name: /添加隐患/ }).click();
  await expect(rows).toHaveCount(n + 1);
  const row = rows.nth(n);
  await expect(row.locator('td').first()).toHaveText(String(n + 1));

  const desc = row.locator('td').nth(1).locator('input');
  await desc.click();
  await page.keyboard.insertText(description);
  await expect(desc).toHaveValue(description);

  await row.locator('td').nth(2).locator('.ant-select-selector').click();
  await popup(page, 'select').locator(`.ant-select-item-option[title="${level}"]`).click();
  await expect(row.locator('td').nth(2).locator('.ant-select-selection-item')).toHaveText(level);

  const date = row.locator('td').nth(3).locator('.ant-picker input');
  await date.click();
  const panel = popup(page, 'picker');
  await expect(panel).toBeVisible();
  await date.pressSequentially(deadline);
  await panel.locator('td.ant-picker-cell-selected').click();
  await expect(panel).toBeHidden();
  await expect(date).toHaveValue(deadline);
}

export async function fillSampleOnB(page: Page, disposal: '上报流转' | '自行处置') {
  await typeText(page, '事件标题', SAMPLE_TITLE);
  await pickSelect(page, '事件来源', '网格员巡查');
  await pickCascader(page, '事件类型', ['平安建设', '消防安全', '消防通道堵塞']);
  await typeDate(page, '发生时间', '2026年05月20日 09:30', true);
  await pickTree(page, '所属网格', ['文新街道', '文苑社区', '第3网格']);
  await typeText(page, '发生地点', '浙江省杭州市西湖区文新街道文三路1号');
  await typeText(page, '涉及主体', '杭州某某小吃店');
  await typeText(page, '联系人', '张某');
  await typeText(page, '联系方式', '13800000000');
  await pickSelect(page, '所属行业', '住宿和餐饮业');
  await choose(page, '是否存在隐患', '是');
  await choose(page, '隐患类别', '消防通道堵塞');
  await choose(page, '隐患类别', '消防器材缺失失效');
  await typeText(page, '事件描述', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效');
  await expect(hazardRows(page)).toHaveCount(0);
  for (const hazard of SAMPLE_HAZARDS) await addHazardRow(page, hazard);
  await choose(page, '紧急程度', '一般');
  await expect(item(page, '处置情况')).toHaveCount(0);
  await choose(page, '处置方式', disposal);
  if (disposal === '自行处置') {
    await expect(item(page, '处置情况')).toBeVisible();
    await typeText(page, '处置情况', '已当场督促店主清理二楼疏散通道杂物，厨房灭火器已更换');
  }
  await typeDate(page, '要求办结时限', '2026-05-27', false);

  const chooser = page.waitForEvent('filechooser');
  await item(page, '附件').locator('.ant-upload-select').click();
  await (await chooser).setFiles([photo('site-1.jpg'), photo('site-2.jpg')]);
  await expect(item(page, '附件').locator('.ant-upload-list-item-done')).toHaveCount(2);
}


export const submitButton = (page: Page) => page.getByRole('button', { name: /^提\s*交$/ });

/** 所属网格 is the one field a record from A cannot supply: the cadre picks it in the tree. */
export async function pickGridOnB(page: Page, path: string[]): Promise<void> {
  await pickTree(page, '所属网格', path);
}

export async function submitB(page: Page): Promise<void> {
  await submitButton(page).click();
  await expect(page.locator('.ant-message')).toContainText('事件上报成功');
}

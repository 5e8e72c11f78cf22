/**
 * Replica B (antd 5) filled as an RPA tool drives it, at full speed: fields by their label, fill()
 * for text, options and cascader levels clicked, dates typed and confirmed in their panel, no
 * assertions. Same fields as the one-click fill from A's record (所属网格 is left, as the fill leaves it).
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { item, popup, SAMPLE_HAZARDS, SAMPLE_TITLE, hazardRows } from '../../tests/helpers/person-b';

const photo = (f: string) => fileURLToPath(new URL(`../../tests/fixtures/photos/${f}`, import.meta.url));

async function text(page: Page, label: string, value: string) {
  await item(page, label).locator('input, textarea').first().fill(value);
}
async function select(page: Page, label: string, option: string) {
  await item(page, label).locator('.ant-select-selector').click();
  await popup(page, 'select').locator(`.ant-select-item-option[title="${option}"]`).click();
}
async function choose(page: Page, label: string, option: string) {
  await item(page, label).locator('label').filter({ hasText: new RegExp(`^${option}$`) }).click();
}
async function date(page: Page, input: ReturnType<Page['locator']>, display: string, withTime: boolean) {
  await input.click();
  await input.fill(display);
  const panel = popup(page, 'picker');
  if (withTime) await panel.locator('.ant-picker-ok button').click();
  else await panel.locator('td.ant-picker-cell-selected').click();
  await panel.waitFor({ state: 'hidden' });
}

export async function rpaFillB(page: Page): Promise<void> {
  await text(page, '事件标题', SAMPLE_TITLE);
  await select(page, '事件来源', '网格员巡查');
  await item(page, '事件类型').locator('.ant-select-selector').click();
  for (const [level, name] of ['平安建设', '消防安全', '消防通道堵塞'].entries()) {
    await popup(page, 'cascader').locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
  }
  await date(page, item(page, '发生时间').locator('.ant-picker input'), '2026年05月20日 09:30', true);
  await text(page, '发生地点', '浙江省杭州市西湖区文新街道文三路1号');
  await text(page, '涉及主体', '杭州某某小吃店');
  await text(page, '联系人', '张某');
  await text(page, '联系方式', '13800000000');
  await select(page, '所属行业', '住宿和餐饮业');
  await choose(page, '是否存在隐患', '是');
  await choose(page, '隐患类别', '消防通道堵塞');
  await choose(page, '隐患类别', '消防器材缺失失效');
  await text(page, '事件描述', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效');
  for (const [n, [description, level, deadline]] of SAMPLE_HAZARDS.entries()) {
    await item(page, '隐患清单').getByRole('button', { name: /添加隐患/ }).click();
    const row = hazardRows(page).nth(n);
    await row.locator('td').nth(1).locator('input').fill(description);
    await row.locator('td').nth(2).locator('.ant-select-selector').click();
    await popup(page, 'select').locator(`.ant-select-item-option[title="${level}"]`).click();
    await date(page, row.locator('td').nth(3).locator('.ant-picker input'), deadline, false);
  }
  await choose(page, '紧急程度', '一般');
  await choose(page, '处置方式', '上报流转');
  await date(page, item(page, '要求办结时限').locator('.ant-picker input'), '2026-05-27', false);
  const chooser = page.waitForEvent('filechooser');
  await item(page, '附件').locator('.ant-upload-select').click();
  await (await chooser).setFiles([photo('site-1.jpg'), photo('site-2.jpg')]);
  // The files count only once uploaded: an RPA flow waits for the list too.
  await item(page, '附件').locator('.ant-upload-list-item-done').nth(1).waitFor();
}

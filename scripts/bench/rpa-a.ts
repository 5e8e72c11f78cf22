/**
 * Replica A (Element Plus) filled the way an RPA tool drives a page, at full speed: each field found
 * by its label text, text set with fill() (no typing delay), options and nodes clicked, no assertions.
 * It waits only where the page must answer first (a remote option, an uploaded file), as an RPA flow's
 * element waits do. Same fields as the one-click fill from the sample record.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { field, option, xpathLiteral, SAMPLE_FINDINGS, SAMPLE_HAZARDS } from '../../tests/helpers/person-a';

const photo = (f: string) => fileURLToPath(new URL(`../../tests/fixtures/photos/${f}`, import.meta.url));
const FAILED: Record<string, string> = { 疏散通道: '堵塞', 灭火器: '失效' };
const NOT_APPLICABLE = new Set(['违规住人', '易燃易爆危险品与居住场所同建筑']);

async function pick(page: Page, label: string, value: string) {
  await field(page, label).locator('.el-select__wrapper').click();
  await option(page, value).click();
}
async function text(page: Page, label: string, value: string) {
  await field(page, label).locator('input.el-input__inner, textarea.el-textarea__inner').first().fill(value);
}
async function date(page: Page, label: string, value: string) {
  const input = field(page, label).locator('input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export async function rpaFillA(page: Page): Promise<void> {
  await pick(page, '检查方式', '双随机抽查');
  await field(page, '检查事项').locator('.el-select__wrapper').click();
  await field(page, '检查事项').locator('input.el-select__input').fill('监督抽查');
  await option(page, '对单位履行法定消防安全职责情况的监督抽查').click();
  await field(page, '被检查单位名称').locator('.el-select__wrapper').click();
  await field(page, '被检查单位名称').locator('input.el-select__input').fill('某某小吃');
  await option(page, '杭州某某小吃店').click();
  await field(page, '单位地址').locator('.el-cascader').click();
  for (const name of ['浙江省', '杭州市', '西湖区', '文新街道']) {
    await page.locator('.el-cascader-menu:visible .el-cascader-node').filter({
      has: page.locator(`xpath=./span[contains(@class,"el-cascader-node__label")][normalize-space(.)=${xpathLiteral(name)}]`),
    }).click();
  }
  await text(page, '详细地址', '文三路1号');
  await text(page, '法定代表人/主要负责人', '张某');
  await text(page, '联系电话', '13800000000');
  await field(page, '所属行业').locator('.el-select__wrapper').click();
  await field(page, '所属行业').locator('input.el-select__input').fill('餐饮');
  await option(page, '住宿和餐饮业').click();
  await field(page, '单位类别').getByText('九小场所', { exact: true }).click();
  await pick(page, '场所类型', '小餐饮场所');
  await field(page, '建筑面积（㎡）').locator('input').fill('80');
  await field(page, '层数').locator('input').fill('2');
  const range = field(page, '检查时间').locator('input.el-range-input');
  await range.nth(0).click();
  await range.nth(0).fill('2026-05-20 09:30:00');
  await range.nth(1).fill('2026-05-20 10:10:00');
  await range.nth(1).press('Enter');
  await field(page, '检查人员').locator('.el-select__wrapper').click();
  await option(page, '李某').click();
  await option(page, '王某').click();
  await page.keyboard.press('Escape');
  await text(page, '主办人执法证号', '浙A33010600101');
  await text(page, '协办人执法证号', '浙A33010600102');
  await text(page, '陪同人员', '赵某、钱某');
  await field(page, '检查依据').getByText('《中华人民共和国消防法》第五十三条', { exact: true }).click();
  await field(page, '检查依据').getByText('《消防监督检查规定》第十条', { exact: true }).click();
  const rows = page.locator('.checklist .el-table__body tr');
  const names = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((n) => n.trim());
  for (const [i, name] of names.entries()) {
    const row = rows.nth(i);
    const defect = FAILED[name];
    await row.getByText(defect ? '不合格' : NOT_APPLICABLE.has(name) ? '不涉及' : '合格', { exact: true }).click();
    if (defect) {
      await row.locator('.el-select__wrapper:not(.is-disabled)').click();
      await option(page, defect).click();
    }
  }
  await field(page, '现场检查情况').locator('textarea').fill(SAMPLE_FINDINGS);
  await field(page, '发现隐患数').locator('input').fill('2');
  await field(page, '隐患等级').getByText('一般火灾隐患', { exact: true }).click();
  await field(page, '隐患描述').locator('textarea').fill('1.二楼疏散通道堆放杂物；2.厨房灭火器失效');
  const hazardRows = field(page, '隐患明细').locator('.el-table__body tr');
  for (const [n, [description, level, deadline]] of SAMPLE_HAZARDS.entries()) {
    await field(page, '隐患明细').getByRole('button', { name: '添加一行' }).click();
    const row = hazardRows.nth(n);
    await row.locator('td').nth(1).locator('input').fill(description);
    await row.locator('td').nth(2).locator('.el-select__wrapper').click();
    await option(page, level).click();
    const d = row.locator('td').nth(3).locator('input');
    await d.click();
    await d.fill(deadline);
    await d.press('Enter');
  }
  await field(page, '检查结果').getByText('责令限期改正', { exact: true }).click();
  await field(page, '处理措施').getByText('责令限期改正', { exact: true }).click();
  await text(page, '法律文书及编号', '责令限期改正通知书 〔2026〕第0123号');
  await date(page, '整改期限', '2026-05-27');
  await date(page, '复查日期', '2026-05-28');
  await field(page, '现场照片').locator('input.el-upload__input').setInputFiles([photo('site-1.jpg'), photo('site-2.jpg')]);
  await field(page, '备注').locator('textarea').fill('已当场告知整改要求');
  // The photos are part of the form only once uploaded: an RPA flow waits for the list too.
  await field(page, '现场照片').locator('.el-upload-list__item.is-success').nth(1).waitFor();
}

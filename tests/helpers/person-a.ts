/**
 * A careful person at platform A (浙政钉·掌上执法, Element Plus): the clicks and keystrokes a cadre
 * makes, shared by the replica test, the mapping tests and the end-to-end tests.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const fixture = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));

export const xpathLiteral = (s: string) => (s.includes('"') ? `'${s}'` : `"${s}"`);

/** The form item whose label reads `label` (the label is the item's own child, asterisk drawn by CSS). */
export function field(page: Page, label: string): Locator {
  return page.locator('.el-form-item').filter({
    has: page.locator(`xpath=./*[contains(@class,"el-form-item__label")][normalize-space(.)=${xpathLiteral(label)}]`),
  });
}

/** A visible option of an open (teleported) el-select dropdown, by its label. */
export function option(page: Page, label: string): Locator {
  return page.locator('.el-select-dropdown__item:visible').filter({
    has: page.locator(`xpath=./span[1][normalize-space(.)=${xpathLiteral(label)}]`),
  });
}

export async function choose(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).locator('.el-select__wrapper').click();
  await option(page, value).click();
  await expect(field(page, label).locator('.el-select__selected-item:not(.el-select__input-wrapper)')).toHaveText(value);
}

export async function typeText(page: Page, label: string, text: string): Promise<void> {
  const input = field(page, label).locator('input.el-input__inner, textarea.el-textarea__inner');
  await input.click();
  await input.fill(text);
}

export function checklistRow(page: Page, item: string): Locator {
  return page.locator('.checklist .el-table__body tr').filter({
    has: page.locator(`xpath=./td[2][normalize-space(.)=${xpathLiteral(item)}]`),
  });
}

/** The sample's 现场检查情况 (tests/fixtures/README.md). */
export const SAMPLE_FINDINGS = '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。';

/** The sample's 隐患明细 rows: 隐患描述, 隐患等级, 整改期限. */
export const SAMPLE_HAZARDS: [string, string, string][] = [
  ['二楼疏散通道堆放杂物', '一般火灾隐患', '2026-05-27'],
  ['厨房灭火器失效', '一般火灾隐患', '2026-05-27'],
];

/** The rows of 隐患明细 (el-table body rows; the empty table has none). */
export function hazardRows(page: Page): Locator {
  return field(page, '隐患明细').locator('.el-table__body tr');
}

/** Clicks 添加一行 and fills the new last row: description typed, level picked, deadline typed + Enter. */
export async function addHazardRow(page: Page, [description, level, deadline]: [string, string, string]): Promise<void> {
  const rows = hazardRows(page);
  const n = await rows.count();
  await field(page, '隐患明细').getByRole('button', { name: '添加一行' }).click();
  await expect(rows).toHaveCount(n + 1);
  const row = rows.nth(n);
  await expect(row.locator('td').first()).toHaveText(String(n + 1));
  const desc = row.locator('td').nth(1).locator('input');
  await desc.click();
  await desc.fill(description);
  await row.locator('td').nth(2).locator('.el-select__wrapper').click();
  await option(page, level).click();
  await expect(row.locator('td').nth(2).locator('.el-select__selected-item:not(.el-select__input-wrapper)')).toHaveText(level);
  const date = row.locator('td').nth(3).locator('input');
  await date.click();
  await date.fill(deadline);
  await date.press('Enter');
  await expect(date).toHaveValue(deadline);
  await expect(page.locator('.el-picker-panel:visible')).toHaveCount(0);
}

const SAMPLE_CHECKLIST: Record<string, ['合格' | '不合格' | '不涉及', string?]> = {
  疏散通道: ['不合格', '堵塞'],
  灭火器: ['不合格', '失效'],
  违规住人: ['不涉及'],
  易燃易爆危险品与居住场所同建筑: ['不涉及'],
};

/** Fills the whole sample inspection (tests/fixtures/README.md) the way a cadre does. */
export async function fillSampleOnA(page: Page): Promise<void> {
  await choose(page, '检查方式', '双随机抽查');

  // 检查事项: filterable, narrow the list by typing, then click.
  await field(page, '检查事项').locator('.el-select__wrapper').click();
  await field(page, '检查事项').locator('input.el-select__input').pressSequentially('监督抽查');
  await option(page, '对单位履行法定消防安全职责情况的监督抽查').click();

  // 被检查单位名称: remote search of the unit registry.
  const unit = field(page, '被检查单位名称');
  await unit.locator('.el-select__wrapper').click();
  await unit.locator('input.el-select__input').pressSequentially('某某小吃', { delay: 60 });
  await option(page, '杭州某某小吃店').click();
  await expect(field(page, '统一社会信用代码').locator('input')).toHaveValue('92330106MA2CK1E005');

  // 单位地址: walk the lazy cascader level by level.
  await field(page, '单位地址').locator('.el-cascader').click();
  for (const name of ['浙江省', '杭州市', '西湖区', '文新街道']) {
    await page.locator('.el-cascader-menu:visible .el-cascader-node').filter({
      has: page.locator(`xpath=./span[contains(@class,"el-cascader-node__label")][normalize-space(.)=${xpathLiteral(name)}]`),
    }).click();
  }
  await expect(field(page, '单位地址').locator('input')).toHaveValue('浙江省 / 杭州市 / 西湖区 / 文新街道');

  await typeText(page, '详细地址', '文三路1号');
  await typeText(page, '法定代表人/主要负责人', '张某');
  await typeText(page, '联系电话', '13800000000');
  // 所属行业: filterable, narrow by typing, then click the 门类.
  await field(page, '所属行业').locator('.el-select__wrapper').click();
  await field(page, '所属行业').locator('input.el-select__input').pressSequentially('餐饮');
  await option(page, '住宿和餐饮业').click();
  await expect(field(page, '所属行业').locator('.el-select__selected-item:not(.el-select__input-wrapper)')).toHaveText('住宿和餐饮业');
  await field(page, '单位类别').getByText('九小场所', { exact: true }).click();
  await choose(page, '场所类型', '小餐饮场所');
  await field(page, '建筑面积（㎡）').locator('input').fill('80');
  await field(page, '层数').locator('input').fill('2');

  // 检查时间: type both ends in the display format, Enter.
  const range = field(page, '检查时间').locator('input.el-range-input');
  await range.nth(0).click();
  await range.nth(0).fill('2026-05-20 09:30:00');
  await range.nth(1).click();
  await range.nth(1).fill('2026-05-20 10:10:00');
  await range.nth(1).press('Enter');
  await expect(page.locator('.el-picker-panel:visible')).toHaveCount(0);

  // 检查人员: multiple.
  await field(page, '检查人员').locator('.el-select__wrapper').click();
  await option(page, '李某').click();
  await option(page, '王某').click();
  await page.keyboard.press('Escape');
  await expect(field(page, '检查人员').locator('.el-tag')).toHaveText(['李某', '王某']);

  await typeText(page, '主办人执法证号', '浙A33010600101');
  await typeText(page, '协办人执法证号', '浙A33010600102');
  await typeText(page, '陪同人员', '赵某、钱某');
  await field(page, '检查依据').getByText('《中华人民共和国消防法》第五十三条', { exact: true }).click();
  await field(page, '检查依据').getByText('《消防监督检查规定》第十条', { exact: true }).click();

  // 检查项目: one radio per row; 不合格情形 only where 不合格.
  const rows = page.locator('.checklist .el-table__body tr');
  await expect(rows).toHaveCount(18);
  for (const name of await rows.locator('td:nth-child(2)').allInnerTexts()) {
    const [result, defect] = SAMPLE_CHECKLIST[name.trim()] ?? ['合格'];
    const row = checklistRow(page, name.trim());
    await row.getByText(result, { exact: true }).click();
    if (defect) {
      const wrapper = row.locator('.el-select__wrapper');
      await expect(wrapper).not.toHaveClass(/is-disabled/);
      await wrapper.click();
      await option(page, defect).click();
    }
  }
  // 不合格情形 stays disabled on every row that is not 不合格.
  await expect(page.locator('.checklist .el-select__wrapper.is-disabled')).toHaveCount(16);

  await field(page, '现场检查情况').locator('textarea').fill(SAMPLE_FINDINGS);

  await field(page, '发现隐患数').locator('input').fill('2');
  await field(page, '隐患等级').getByText('一般火灾隐患', { exact: true }).click();
  await field(page, '隐患描述').locator('textarea').fill('1.二楼疏散通道堆放杂物；2.厨房灭火器失效');
  // 隐患明细 starts empty: one 添加一行 per hazard.
  await expect(hazardRows(page)).toHaveCount(0);
  for (const hazard of SAMPLE_HAZARDS) await addHazardRow(page, hazard);
  await field(page, '检查结果').getByText('责令限期改正', { exact: true }).click();
  await field(page, '处理措施').getByText('责令限期改正', { exact: true }).click();
  await typeText(page, '法律文书及编号', '责令限期改正通知书 〔2026〕第0123号');

  for (const [label, date] of [['整改期限', '2026-05-27'], ['复查日期', '2026-05-28']] as const) {
    const input = field(page, label).locator('input');
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await expect(input).toHaveValue(date);
  }

  await field(page, '现场照片').locator('input.el-upload__input').setInputFiles([fixture('photos/site-1.jpg'), fixture('photos/site-2.jpg')]);
  await expect(field(page, '现场照片').locator('.el-upload-list__item.is-success')).toHaveCount(2);

  await field(page, '备注').locator('textarea').fill('已当场告知整改要求');
}


/** Clicks 提交 and waits for the page to confirm; the page then clears its form, as the real one does. */
export async function submitA(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('.el-message--success')).toContainText('提交成功');
}

/**
 * Replica C (layui, in the portal's iframe) filled as an RPA tool drives it, at full speed: fields by
 * their label cell, fill() for text, layui selects and boxes clicked on their rendered elements,
 * laydate inputs typed and left (到场时间, read-only, through its calendar), no assertions. A linked region level is waited for (its AJAX options)
 * before it is opened, as an RPA flow's element wait does. Same fields as the one-click fill.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { cell, exact, SAMPLE_FAILED_ITEMS, SAMPLE_FINDINGS } from '../../tests/helpers/person-c';

async function pick(select: Locator, option: string, code?: string) {
  if (code) await select.locator(`dd[lay-value="${code}"]`).waitFor({ state: 'attached' });
  await select.locator('.layui-select-title').click();
  await select.locator('dl dd', { hasText: exact(option) }).click();
}
async function date(form: FrameLocator, label: string, value: string) {
  const input = cell(form, label).locator('input');
  await input.click();
  await input.fill(value);
  await form.locator('.form-title').click();
}
/** 到场时间 is read-only: picked in laydate's calendar (year list, month list, day, time lists, 确定). */
async function arrival(form: FrameLocator) {
  await cell(form, '到场时间').locator('input').click();
  const panel = form.locator('.layui-laydate');
  await panel.locator('.laydate-set-ym span[lay-type="year"]').click();
  await panel.locator('.laydate-year-list li[lay-ym="2026"]').click();
  await panel.locator('.laydate-set-ym span[lay-type="month"]').click();
  await panel.locator('.laydate-month-list li[lay-ym="4"]').click();
  await panel.locator('td[lay-ymd="2026-5-20"]').click();
  await panel.locator('.laydate-btns-time').click();
  const lists = panel.locator('.laydate-time-list > li');
  await lists.nth(0).locator('ol li', { hasText: exact('09') }).click();
  await lists.nth(1).locator('ol li', { hasText: exact('30') }).click();
  await panel.locator('.laydate-btns-confirm').click();
}
const text = (form: FrameLocator, label: string, value: string, tag = 'input') => cell(form, label).locator(tag).fill(value);

export async function rpaFillC(page: Page): Promise<void> {
  const form = page.frameLocator('#mainFrame');
  await text(form, '单位名称', '杭州某某小吃店');
  await text(form, '统一社会信用代码', '92330106MA2CK1E005');
  const region = cell(form, '所在地区').locator('.layui-form-select');
  await pick(region.nth(0), '浙江省', '330000');
  await pick(region.nth(1), '杭州市', '330100');
  await pick(region.nth(2), '西湖区', '330106');
  await pick(region.nth(3), '文新街道', '330106012');
  await text(form, '详细地址', '文三路1号');
  await text(form, '负责人', '张某');
  await text(form, '联系电话', '13800000000');
  await pick(cell(form, '主体类型').locator('.layui-form-select'), '个体工商户');
  const type = cell(form, '场所类型').locator('.layui-form-select');
  await type.locator('.layui-select-title input').click();
  await type.locator('.layui-select-title input').fill('餐饮');
  await type.locator('dl dd', { hasText: exact('小餐饮场所') }).click();
  await cell(form, '检查类别').locator('select').selectOption({ label: '双随机抽查' });
  await date(form, '检查日期', '2026-05-20');
  await arrival(form);
  await text(form, '陪同人员', '赵某,钱某');
  await text(form, '检查人', '李某,王某');
  for (const item of SAMPLE_FAILED_ITEMS) await cell(form, '不合格项').locator('.layui-form-checkbox', { hasText: exact(item) }).click();
  await text(form, '现场检查情况', SAMPLE_FINDINGS, 'textarea');
  await text(form, '隐患情况', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效', 'textarea');
  await date(form, '整改期限', '2026-05-27');
  await cell(form, '是否复查').locator('.layui-form-radio', { hasText: exact('是') }).click();
  await text(form, '备注', '已当场告知整改要求', 'textarea');
}

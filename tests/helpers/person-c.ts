/**
 * A careful person at platform C (消防监督管理系统, 九小场所检查登记): the moves a cadre makes in the
 * portal's iframe — layui selects through their rendered title and `dd`, linked levels after each AJAX
 * load, laydate by typing and through the calendar, layui boxes through their rendered elements.
 * Shared by the replica test, the mapping tests and the end-to-end tests.
 */
import { expect, type FrameLocator, type Locator } from '@playwright/test';
import { SITE } from './sites';

export type Entry = { at: string; payload: Record<string, string> };

/** The backend's log with timestamps, so a test can tell its own submissions from earlier ones. */
export async function log(): Promise<Entry[]> {
  const res = await fetch(new URL('api/submissions', SITE.c));
  return ((await res.json()) as { list: Entry[] }).list;
}
const key = (e: Entry) => `${e.at}|${JSON.stringify(e.payload)}`;
/** Entries that were not in `before` (other workers may post to the same backend meanwhile). */
export async function newEntries(before: Entry[], unit: string): Promise<Record<string, string>[]> {
  const seen = new Set(before.map(key));
  return (await log()).filter((e) => !seen.has(key(e)) && e.payload.dwmc === unit).map((e) => e.payload);
}

export const exact = (s: string) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The table cell right of the label cell reading `label` (labels carry a red * and a full-width colon). */
export const cell = (form: FrameLocator, label: string): Locator =>
  form.locator('td.label', { hasText: new RegExp(`^\\s*\\*?\\s*${label}：?\\s*$`) }).locator('xpath=following-sibling::td[1]');

/** Types as a person does: ASCII key by key, Chinese as the IME commits it (one insertText per phrase). */
export async function typeText(field: Locator, text: string) {
  await field.click();
  if (/[^ -~]/.test(text)) await field.page().keyboard.insertText(text);
  else await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

/** Opens a rendered layui select and clicks the option; `code` is waited for first (AJAX levels). */
export async function pickSelect(select: Locator, option: string, code?: string) {
  if (code) await expect(select.locator(`dd[lay-value="${code}"]`)).toHaveCount(1);
  await select.locator('.layui-select-title').click();
  await select.locator('dl dd', { hasText: exact(option) }).click();
  await expect(select.locator('.layui-select-title input')).toHaveValue(option);
}

/** Picks a date (and time) in an open laydate panel through its year list, month list and day cell. */
export async function pickInCalendar(form: FrameLocator, ymd: [number, number, number], hm?: [string, string]) {
  const panel = form.locator('.layui-laydate');
  await expect(panel).toBeVisible();
  await panel.locator('.laydate-set-ym span[lay-type="year"]').click();
  await panel.locator(`.laydate-year-list li[lay-ym="${ymd[0]}"]`).click();
  await panel.locator('.laydate-set-ym span[lay-type="month"]').click();
  await panel.locator(`.laydate-month-list li[lay-ym="${ymd[1] - 1}"]`).click();
  await panel.locator(`td[lay-ymd="${ymd.join('-')}"]`).click();
  if (hm) {
    await panel.locator('.laydate-btns-time').click();
    const lists = panel.locator('.laydate-time-list > li');
    await lists.nth(0).locator('ol li', { hasText: exact(hm[0]) }).click();
    await lists.nth(1).locator('ol li', { hasText: exact(hm[1]) }).click();
  }
  await panel.locator('.laydate-btns-confirm').click();
  await expect(panel).toHaveCount(0);
}

/** Types into a laydate input and clicks elsewhere (pressing Enter would make laydate keep its own date). */
export async function typeDate(form: FrameLocator, label: string, value: string) {
  const input = cell(form, label).locator('input');
  await input.click();
  await expect(form.locator('.layui-laydate')).toBeVisible();
  await input.fill(value);
  await form.locator('.form-title').click();
  await expect(form.locator('.layui-laydate')).toHaveCount(0);
  await expect(input).toHaveValue(value);
}

/** The sample's 现场检查情况, as typed on A (tests/fixtures/README.md). */
export const SAMPLE_FINDINGS = '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。';

/** The sample's failed checklist items in C's own wording (A calls them 疏散通道 and 灭火器). */
export const SAMPLE_FAILED_ITEMS = ['疏散通道是否畅通，有无占用、堵塞、封闭', '灭火器配置及有效性'];

/** Fills the sample inspection; `skip` leaves fields empty, `requiredOnly` leaves the optional ones alone. */
export async function fillSampleOnC(form: FrameLocator, opts: { skip?: string[]; requiredOnly?: boolean } = {}) {
  const want = (label: string) => !opts.skip?.includes(label);
  const optional = !opts.requiredOnly;
  if (want('单位名称')) await typeText(cell(form, '单位名称').locator('input'), '杭州某某小吃店');
  if (want('统一社会信用代码')) await typeText(cell(form, '统一社会信用代码').locator('input'), '92330106MA2CK1E005');

  const region = cell(form, '所在地区').locator('.layui-form-select');
  await pickSelect(region.nth(0), '浙江省', '330000');
  await pickSelect(region.nth(1), '杭州市', '330100');
  await pickSelect(region.nth(2), '西湖区', '330106');
  await pickSelect(region.nth(3), '文新街道', '330106012');

  await typeText(cell(form, '详细地址').locator('input'), '文三路1号');
  await typeText(cell(form, '负责人').locator('input'), '张某');
  await typeText(cell(form, '联系电话').locator('input'), '13800000000');

  // 主体类型: the credit code starts with 92, an 个体工商户.
  if (want('主体类型')) await pickSelect(cell(form, '主体类型').locator('.layui-form-select'), '个体工商户');

  // 场所类型 is a lay-search select: type to filter, then click the remaining option.
  const type = cell(form, '场所类型').locator('.layui-form-select');
  await type.locator('.layui-select-title input').click();
  await type.locator('.layui-select-title input').pressSequentially('餐饮');
  await expect(type.locator('dl dd:not(.layui-hide)')).toHaveCount(1);
  await type.locator('dl dd', { hasText: exact('小餐饮场所') }).click();
  await expect(type.locator('.layui-select-title input')).toHaveValue('小餐饮场所');

  if (optional) await cell(form, '检查类别').locator('select').selectOption({ label: '双随机抽查' });
  if (optional) await typeText(cell(form, '陪同人员').locator('input'), '赵某,钱某');

  await typeDate(form, '检查日期', '2026-05-20');
  if (optional) {
    await cell(form, '到场时间').locator('input').click();
    await pickInCalendar(form, [2026, 5, 20], ['09', '30']);
    await expect(cell(form, '到场时间').locator('input')).toHaveValue('2026-05-20 09:30');
  }

  await typeText(cell(form, '检查人').locator('input'), '李某,王某');

  const checks = cell(form, '不合格项');
  for (const item of optional ? SAMPLE_FAILED_ITEMS : []) {
    const box = checks.locator('.layui-form-checkbox', { hasText: exact(item) });
    await box.click();
    await expect(box).toHaveClass(/layui-form-checked/);
  }
  if (optional) {
    // A slip corrected: ticking 安全出口 by mistake and unticking it again leaves nothing behind.
    const slip = checks.locator('.layui-form-checkbox', { hasText: exact('安全出口是否畅通') });
    await slip.click();
    await slip.click();
    await expect(slip).not.toHaveClass(/layui-form-checked/);
  }

  if (optional) await typeText(cell(form, '现场检查情况').locator('textarea'), SAMPLE_FINDINGS);
  await typeText(cell(form, '隐患情况').locator('textarea'), '1.二楼疏散通道堆放杂物；2.厨房灭火器失效');
  if (want('整改期限')) await typeDate(form, '整改期限', '2026-05-27');

  const yes = cell(form, '是否复查').locator('.layui-form-radio', { hasText: exact('是') });
  await yes.click();
  await expect(yes).toHaveClass(/layui-form-radioed/);

  // 当场改正 stays off: the hazards were ordered corrected within a deadline, not on the spot.
  await expect(cell(form, '当场改正').locator('.layui-form-switch')).not.toHaveClass(/layui-form-onswitch/);
  if (optional) await typeText(cell(form, '备注').locator('textarea'), '已当场告知整改要求');
}


/**
 * Platform A replica (浙政钉·掌上执法, 行政检查记录（消防监督检查）) filled by a careful person: real
 * clicks and typing, no extension. Proves the replica works, that the sample inspection can be typed
 * into it, and that the backend receives exactly the hand-written expected payload.
 */
import { test, expect } from '../helpers/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clearSubmissions, submissions } from '../helpers/sites';
import { startSites, type RunningSites } from '../sites/serve';
import { addHazardRow, checklistRow, choose, field, fillSampleOnA, hazardRows, option, typeText } from '../helpers/person-a';

const fixture = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
const expected = JSON.parse(readFileSync(fixture('platform-a/expected-submission.json'), 'utf8')) as Record<string, unknown>;

test.describe('platform A replica: 行政检查记录（消防监督检查）', () => {
  // Its own server instance: other specs (widgets, mappings, e2e) submit to platform A too, in parallel.
  let sites: RunningSites;
  let A = '';
  test.beforeAll(async () => {
    sites = await startSites({ basePort: 0 });
    A = sites.urls['platform-a'];
  });
  test.afterAll(async () => { await sites?.close(); });

  test.beforeEach(async ({ page }) => {
    await clearSubmissions(A);
    await page.goto(A);
    await expect(page.locator('.card-title')).toHaveText('行政检查记录（消防监督检查）');
  });

  test('a careful person types the sample inspection; the backend receives exactly the expected payload', async ({ page }) => {
    // ~100 real actions: about 20-25 s on an idle 2-core machine, many times that when other suites share it.
    test.setTimeout(300_000);
    await fillSampleOnA(page);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.el-message--success')).toContainText('提交成功');
    await expect.poll(() => submissions(A)).toHaveLength(1);
    expect((await submissions(A))[0]).toEqual(expected);

    // Like the real platform, the typed work is gone after submit.
    await expect(field(page, '详细地址').locator('input')).toHaveValue('');
    await expect(field(page, '被检查单位名称').locator('.el-select__placeholder')).toHaveText('请输入单位名称或信用代码搜索');
    await expect(field(page, '现场照片').locator('.el-upload-list__item')).toHaveCount(0);
    await expect(page.locator('.checklist .el-radio.is-checked')).toHaveCount(0);
    await expect(hazardRows(page)).toHaveCount(0);
    await expect(field(page, '陪同人员').locator('input')).toHaveValue('');
  });

  test('a submit with a required field missing is refused and nothing is posted', async ({ page }) => {
    test.setTimeout(120_000);
    await choose(page, '检查方式', '专项检查');
    await typeText(page, '详细地址', '文三路1号');
    // Only one inspector: the page wants at least two.
    await field(page, '检查人员').locator('.el-select__wrapper').click();
    await option(page, '李某').click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '提交' }).click();
    // The page's own verdict first (the toast fades after 3 s): validation failed, so it never posted.
    await expect(page.locator('.el-message--error')).toContainText('表单校验未通过');
    await expect(field(page, '检查事项').locator('.el-form-item__error')).toHaveText('请选择检查事项');
    await expect(field(page, '检查人员').locator('.el-form-item__error')).toHaveText('检查人员不得少于两名');
    await expect(field(page, '单位地址')).toHaveClass(/is-error/);
    // The new required fields are refused with the page's own messages.
    await expect(field(page, '所属行业').locator('.el-form-item__error')).toHaveText('请选择所属行业');
    await expect(field(page, '陪同人员').locator('.el-form-item__error')).toHaveText('请输入陪同人员');
    await expect(field(page, '现场检查情况').locator('.el-form-item__error')).toHaveText('请输入现场检查情况');
    // What was typed stays for the cadre to complete.
    await expect(field(page, '详细地址').locator('input')).toHaveValue('文三路1号');
    expect(await submissions(A)).toHaveLength(0);
  });

  test('隐患明细 grows by 添加一行, shrinks by 删除, and refuses a row left incomplete', async ({ page }) => {
    // ~30 real actions: a few seconds on an idle machine, a minute when other suites share its 2 cores.
    test.setTimeout(120_000);
    await expect(hazardRows(page)).toHaveCount(0);
    await expect(field(page, '隐患明细').locator('.el-table__empty-text')).toContainText('暂无隐患明细');
    await addHazardRow(page, ['二楼疏散通道堆放杂物', '一般火灾隐患', '2026-05-27']);
    await addHazardRow(page, ['临时删除的一行', '重大火灾隐患', '2026-05-30']);
    await addHazardRow(page, ['厨房灭火器失效', '一般火灾隐患', '2026-05-27']);
    // 删除 the middle row: the rows below move up and are renumbered.
    await hazardRows(page).nth(1).getByRole('button', { name: '删除' }).click();
    await expect(hazardRows(page)).toHaveCount(2);
    await expect(hazardRows(page).locator('td:first-child')).toHaveText(['1', '2']);
    await expect(hazardRows(page).nth(1).locator('td').nth(1).locator('input')).toHaveValue('厨房灭火器失效');

    // A new row left empty is refused, cell by cell.
    await field(page, '隐患明细').getByRole('button', { name: '添加一行' }).click();
    await expect(hazardRows(page)).toHaveCount(3);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.el-message--error')).toContainText('表单校验未通过');
    const empty = hazardRows(page).nth(2);
    await expect(empty.locator('.el-form-item__error')).toHaveText(['请输入隐患描述', '请选择隐患等级', '请选择整改期限']);
    await expect(hazardRows(page).nth(0).locator('.el-form-item__error')).toHaveCount(0);
    expect(await submissions(A)).toHaveLength(0);
  });

  test('a 不合格 row without 不合格情形 is refused', async ({ page }) => {
    const row = checklistRow(page, '灭火器');
    await row.getByText('不合格', { exact: true }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.el-message--error')).toContainText('表单校验未通过');
    await expect(row.locator('.el-form-item__error')).toHaveText('请选择不合格情形');
    expect(await submissions(A)).toHaveLength(0);
  });
});

test('platform A: after the idle limit the login times out and the half-typed form is discarded', async ({ page }) => {
  test.setTimeout(120_000);
  // Long enough that a loaded machine still gets the three actions in before the login times out.
  const sites = await startSites({ basePort: 0, sessionIdleMs: 8000 });
  try {
    const url = sites.urls['platform-a'];
    await page.goto(url);
    await expect(page.locator('.card-title')).toHaveText('行政检查记录（消防监督检查）');
    await typeText(page, '详细地址', '文三路1号');
    await choose(page, '检查方式', '双随机抽查');
    await field(page, '单位类别').getByText('九小场所', { exact: true }).click();

    const dialog = page.locator('.el-message-box');
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.locator('.el-message-box__title')).toHaveText('登录超时');
    await expect(field(page, '详细地址').locator('input')).toHaveValue('');
    await expect(field(page, '检查方式').locator('.el-select__placeholder')).toHaveText('请选择检查方式');
    await expect(field(page, '单位类别').locator('.el-radio.is-checked')).toHaveCount(0);

    await dialog.getByRole('button', { name: '重新登录' }).click();
    await expect(dialog).toBeHidden();
    expect(await submissions(url)).toHaveLength(0);
  } finally {
    await sites.close();
  }
});

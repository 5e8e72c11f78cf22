/**
 * Platform B (基层智治综合应用, 事件上报), filled by hand: a careful person types the sample inspection
 * (tests/fixtures/README.md) into every field with real clicks and keys, submits, and the backend must
 * have received exactly the hand-written payload in tests/fixtures/platform-b/.
 */
import { expect, test } from '../helpers/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clearSubmissions, submissions } from '../helpers/sites';
import { startSites, type RunningSites } from '../sites/serve';
import { addHazardRow, choose, fillSampleOnB, hazardRows, item, pickSelect, submitButton, typeText } from '../helpers/person-b';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const expected = (name: string) => JSON.parse(readFileSync(`${fixtures}platform-b/${name}`, 'utf8')) as Record<string, unknown>;

/** What B received from this test (the backend files each submission under the test that posted it). */
async function ownSubmissions() {
  return submissions<Record<string, unknown>>(B);
}


// Its own server instance: the end-to-end tests submit to platform B on its fixed port in parallel.
let sites: RunningSites;
let B = '';
test.beforeAll(async () => {
  sites = await startSites({ basePort: 0 });
  B = sites.urls['platform-b'];
});
test.afterAll(async () => { await sites?.close(); });

test.describe('platform B replica, filled by hand', () => {
  test.beforeEach(async ({ page }) => {
    await clearSubmissions(B);
    await page.goto(B);
    await expect(page.locator('.top-header')).toContainText('网格员 某某');
  });

  test('the sample inspection reported as 上报流转 reaches the backend exactly', async ({ page }) => {
    // ~50 real actions: about 15 s on an idle 2-core machine, several times that when suites share it.
    test.setTimeout(150_000);
    await fillSampleOnB(page, '上报流转');
    await expect(item(page, '上报人').locator('input')).toHaveValue('某某（网格员）');
    await submitButton(page).click();
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    expect(await ownSubmissions()).toEqual([expected('expected-submission.json')]);
    // The page resets after a successful report, 隐患清单 included.
    await expect(item(page, '事件标题').locator('input')).toHaveValue('');
    await expect(hazardRows(page)).toHaveCount(0);
  });

  test('自行处置 shows 处置情况, which is then required and posted', async ({ page }) => {
    test.setTimeout(150_000);
    await fillSampleOnB(page, '自行处置');
    await submitButton(page).click();
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    expect(await ownSubmissions()).toEqual([expected('expected-submission-self-disposal.json')]);
  });

  test('a missing required field is refused with antd\'s message and nothing is posted', async ({ page }) => {
    await typeText(page, '事件标题', '杭州某某小吃店消防安全隐患');
    await pickSelect(page, '事件来源', '网格员巡查');
    await choose(page, '处置方式', '自行处置');
    // A 隐患清单 row added and left empty.
    await item(page, '隐患清单').getByRole('button', { name: /添加隐患/ }).click();
    await expect(hazardRows(page)).toHaveCount(1);
    await submitButton(page).click();
    // The page's own verdict (onFinishFailed), read first: antd's toast is gone after 3 s.
    await expect(page.locator('.ant-message')).toContainText('项信息未填写或填写有误');
    await expect(item(page, '事件类型').locator('.ant-form-item-explain-error')).toHaveText('请选择事件类型');
    await expect(item(page, '处置情况').locator('.ant-form-item-explain-error')).toHaveText('请填写处置情况');
    await expect(item(page, '所属行业').locator('.ant-form-item-explain-error')).toHaveText('请选择所属行业');
    await expect(hazardRows(page).first().locator('.ant-form-item-explain-error'))
      .toHaveText(['请输入隐患描述', '请选择隐患等级', '请选择整改期限']);
    await expect(item(page, '事件标题').locator('.ant-form-item-explain-error')).toHaveCount(0);
    // It refused to post (the toast above); only now is counting meaningful.
    expect(await ownSubmissions()).toEqual([]);
  });

  test('隐患清单 grows by 添加隐患 and shrinks by 删除; the rows left are posted in order', async ({ page }) => {
    // ~60 real actions: seconds on an idle machine, a minute or more when other suites share its 2 cores.
    test.setTimeout(300_000);
    await expect(hazardRows(page)).toHaveCount(0);
    await expect(item(page, '隐患清单').locator('.ant-table-placeholder')).toContainText('暂无隐患');
    await fillSampleOnB(page, '上报流转');
    // One more row, then 删除 it again: the sample's two rows are what is posted.
    await addHazardRow(page, ['后门安全出口上锁', '重大', '2026-05-21']);
    await expect(hazardRows(page)).toHaveCount(3);
    await hazardRows(page).nth(2).getByRole('button', { name: '删除' }).click();
    await expect(hazardRows(page)).toHaveCount(2);
    await expect(hazardRows(page).locator('td:first-child')).toHaveText(['1', '2']);
    await submitButton(page).click();
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    expect(await ownSubmissions()).toEqual([expected('expected-submission.json')]);
  });
});

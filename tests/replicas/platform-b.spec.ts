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
import { choose, fillSampleOnB, item, pickSelect, submitButton, typeText } from '../helpers/person-b';

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
    await fillSampleOnB(page, '上报流转');
    await expect(item(page, '上报人').locator('input')).toHaveValue('某某（网格员）');
    await submitButton(page).click();
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    expect(await ownSubmissions()).toEqual([expected('expected-submission.json')]);
    // The page resets after a successful report.
    await expect(item(page, '事件标题').locator('input')).toHaveValue('');
  });

  test('自行处置 shows 处置情况, which is then required and posted', async ({ page }) => {
    await fillSampleOnB(page, '自行处置');
    await submitButton(page).click();
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    expect(await ownSubmissions()).toEqual([expected('expected-submission-self-disposal.json')]);
  });

  test('a missing required field is refused with antd\'s message and nothing is posted', async ({ page }) => {
    await typeText(page, '事件标题', '杭州某某小吃店消防安全隐患');
    await pickSelect(page, '事件来源', '网格员巡查');
    await choose(page, '处置方式', '自行处置');
    await submitButton(page).click();
    await expect(item(page, '事件类型').locator('.ant-form-item-explain-error')).toHaveText('请选择事件类型');
    await expect(item(page, '处置情况').locator('.ant-form-item-explain-error')).toHaveText('请填写处置情况');
    await expect(item(page, '事件标题').locator('.ant-form-item-explain-error')).toHaveCount(0);
    // The page's own verdict (onFinishFailed): it refused to post. Only now is counting meaningful.
    await expect(page.locator('.ant-message')).toContainText('项信息未填写或填写有误');
    expect(await ownSubmissions()).toEqual([]);
  });
});

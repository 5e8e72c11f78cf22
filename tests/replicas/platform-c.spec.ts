/**
 * Platform C (消防监督管理系统 legacy, 九小场所检查登记), filled by hand inside the portal's iframe: a
 * careful person types the sample inspection (tests/fixtures/README.md) into every field with real
 * clicks and keys — layui selects through their rendered title and `dd`, the linked 省/市/区/街道 levels
 * after each AJAX load, laydate by typing and through the calendar, layui checkboxes and radios through
 * their rendered boxes — submits, and the backend must have received exactly the hand-written payload
 * in tests/fixtures/platform-c/expected-submission.json.
 */
import { expect, test } from '../helpers/test';
import { cell, fillSampleOnC as fillSample, typeDate } from '../helpers/person-c';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SITE, submissions } from '../helpers/sites';

const fixtures = fileURLToPath(new URL('../fixtures/platform-c/', import.meta.url));
const expected = JSON.parse(readFileSync(`${fixtures}expected-submission.json`, 'utf8')) as Record<string, string>;

test.describe('platform C replica (消防监督管理系统, 九小场所检查登记)', () => {
  test('a careful person fills every field in the iframe and the backend receives the expected payload', async ({ page }) => {
    // ~50 real actions: seconds on an idle machine, a minute or more when other suites share its 2 cores.
    test.setTimeout(150_000);
    await page.goto(SITE.c);
    await expect(page.locator('.sysname h1')).toHaveText('消防监督管理系统');
    const form = page.frameLocator('#mainFrame');
    await expect(form.locator('.form-title')).toHaveText('九小场所消防安全检查登记表');

    await fillSample(form);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await expect(form.locator('.layui-layer-msg')).toContainText('保存成功');

    // The backend answered 保存成功, so the post is already recorded (under this test's tag).
    expect(await submissions(SITE.c)).toEqual([expected]);
  });

  test('a missing required field is refused with a message and nothing is posted', async ({ page }) => {
    await page.goto(SITE.c);
    const form = page.frameLocator('#mainFrame');
    await fillSample(form, { skip: ['整改期限'], requiredOnly: true });
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await expect(form.locator('.layui-layer-msg')).toContainText('整改期限不能为空');
    await expect(cell(form, '整改期限').locator('input')).toHaveClass(/layui-form-danger/);
    // layui's lay-verify stopped the submit (its msg above): only now is counting meaningful.
    expect(await submissions(SITE.c)).toEqual([]);

    // A wrong credit code is refused too (18 characters, GB 32100 check character).
    const code = cell(form, '统一社会信用代码').locator('input');
    await code.fill('92330106MA2CK1E00X');
    await typeDate(form, '整改期限', '2026-05-27');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await expect(form.locator('.layui-layer-msg').last()).toContainText('统一社会信用代码');
    await expect(cell(form, '统一社会信用代码').locator('input')).toHaveClass(/layui-form-danger/);
    expect(await submissions(SITE.c)).toEqual([]);
  });

  test('主体类型 is required: left unchosen, layui refuses the submit and nothing is posted', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(SITE.c);
    const form = page.frameLocator('#mainFrame');
    await fillSample(form, { skip: ['主体类型'], requiredOnly: true });
    await form.getByRole('button', { name: /提\s*交/ }).click();
    // layui's lay-verify message: the page stopped before posting.
    await expect(form.locator('.layui-layer-msg')).toContainText('请选择主体类型');
    expect(await submissions(SITE.c)).toEqual([]);
  });

  test('不合格项 are offered in C\'s own wording, not A\'s checklist names', async ({ page }) => {
    await page.goto(SITE.c);
    const boxes = cell(page.frameLocator('#mainFrame'), '不合格项').locator('.layui-form-checkbox');
    await expect(boxes).toHaveCount(18);
    const titles = await boxes.allInnerTexts();
    for (const c of ['防火检查巡查', '疏散通道是否畅通，有无占用、堵塞、封闭', '灭火器配置及有效性']) expect(titles.map((t) => t.trim())).toContain(c);
    for (const a of ['防火巡查检查', '疏散通道', '灭火器']) expect(titles.map((t) => t.trim())).not.toContain(a);
  });
});

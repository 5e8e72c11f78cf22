/**
 * 映射体检 from the popup of the real extension, on replica A after the platform "changed": the
 * report names the renamed label, the removed field and the required field the mapping leaves out.
 */
import { test, expect, openPopup, tabIdOf } from '../helpers/extension';
import { SITE } from '../helpers/sites';
import { waitForPanel } from '../helpers/panel';

test('the popup diagnoses the page against its mapping and gives a report to copy', async ({ context, extensionId, page }) => {
  await page.goto(SITE.a);
  await waitForPanel(page);
  await page.evaluate(() => {
    const item = (label: string) => Array.from(document.querySelectorAll('.el-form-item')).find((e) => e.querySelector('.el-form-item__label')?.textContent?.trim() === label)!;
    item('详细地址').querySelector('.el-form-item__label')!.textContent = '门牌地址';
    item('联系电话').remove();
    const extra = item('备注').cloneNode(true) as HTMLElement;
    extra.classList.add('is-required');
    extra.querySelector('.el-form-item__label')!.textContent = '检查对象签字';
    item('备注').after(extra);
  });
  const values = () => page.locator('.el-form-item input, .el-form-item textarea').evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).value}|${(e as HTMLInputElement).checked}`).join('\n'));
  const before = await values();
  const popup = await openPopup(context, extensionId, await tabIdOf(context, page));
  await popup.getByText('映射体检（给维护人员）').click();
  await popup.getByRole('button', { name: '开始体检' }).click();
  const report = popup.getByLabel('体检报告');
  await expect(report).toContainText('一录通映射体检：zj.zzd.xfjc');
  await expect(report).toContainText('详细地址（address）：标签已变；页面上的标签是“门牌地址”');
  await expect(report).toContainText('联系电话（phone）：没找到');
  await expect(report).toContainText('必填项不在映射中');
  await expect(report).toContainText('检查对象签字');
  await expect(report).toContainText('2 个有问题');
  // Read-only: the page's form is untouched.
  expect(await values()).toBe(before);
  await popup.screenshot({ path: test.info().outputPath('popup-doctor.png') });
});

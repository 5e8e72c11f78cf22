/**
 * 映射体检 (the doctor, lib/engine/doctor.ts) on replica A through the engine injected into the real
 * page: the bundled mapping on the page as it is, then on a changed variant of the page — a label
 * renamed, a field removed, a label duplicated, a new required field — each reported as a maintainer
 * needs it.
 */
import { test, expect, type Page } from '../helpers/test';
import { injectEngine } from '../helpers/engine';
import { SITE } from '../helpers/sites';
import { loadMapping, MAPPING_A } from '../helpers/mappings';
import type { DoctorReport } from '../../lib/engine/doctor';

const mapping = loadMapping(MAPPING_A);

async function diagnose(page: Page): Promise<{ report: DoctorReport; text: string }> {
  if (!(await page.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(page);
  return page.evaluate((m) => {
    const report = window.YLT.diagnose(document, m);
    return { report, text: window.YLT.doctorText(report) };
  }, mapping);
}

async function openA(page: Page) {
  await page.goto(SITE.a);
  await expect(page.locator('.card-title')).toHaveText('行政检查记录（消防监督检查）');
}

test('on the page as mapped, every field is found with its declared widget; required marks and visible options are read', async ({ page }) => {
  await openA(page);
  const { report, text } = await diagnose(page);
  const problems = report.fields.filter((f) => f.status !== 'found' || f.widgetMismatch);
  expect(problems, text).toEqual([]);
  const byId = Object.fromEntries(report.fields.map((f) => [f.fieldId, f]));
  expect(byId.unitName?.required).toBe(true);
  expect(byId.category?.options?.length).toBeGreaterThan(1);
  expect(report.unmappedRequired, text).toEqual([]);
  expect(text).toMatch(/全部正常/);
});

test('on a changed variant: a renamed label, a removed field, a duplicated label and a new required field', async ({ page }) => {
  await openA(page);
  await page.evaluate(() => {
    const item = (label: string) => Array.from(document.querySelectorAll('.el-form-item')).find((e) => e.querySelector('.el-form-item__label')?.textContent?.trim() === label)!;
    item('详细地址').querySelector('.el-form-item__label')!.textContent = '门牌地址';
    item('联系电话').remove();
    // A second 层数 (as a platform adding 地下层数 under the same label would): its own ids, like a real page's.
    const copy = item('层数').cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[id], [for]').forEach((e) => { e.removeAttribute('id'); e.removeAttribute('for'); });
    item('层数').after(copy);
    const extra = item('备注').cloneNode(true) as HTMLElement;
    extra.classList.add('is-required');
    extra.querySelector('.el-form-item__label')!.textContent = '检查对象签字';
    item('备注').after(extra);
  });
  const { report, text } = await diagnose(page);
  const byId = Object.fromEntries(report.fields.map((f) => [f.fieldId, f]));
  expect(byId.address).toMatchObject({ status: 'label-changed', pageLabel: '门牌地址' });
  expect(byId.phone?.status).toBe('not-found');
  expect(byId.floors).toMatchObject({ status: 'ambiguous', count: 2 });
  expect(report.unmappedRequired).toEqual(['检查对象签字']);
  expect(text).toContain('详细地址（address）：标签已变；页面上的标签是“门牌地址”');
  expect(text).toContain('联系电话（phone）：没找到');
  expect(text).toContain('页面上有 2 个“层数”');
  expect(text).toContain('必填项不在映射中');
  expect(text).toMatch(/3 个有问题/);
});

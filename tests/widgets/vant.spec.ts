/**
 * The Vant 4 adapters (lib/engine/widgets/vant.ts) on the Vant H5 gallery (tests/sites/gallery/vant/),
 * opened at desktop size as government offices open H5 pages. Each widget is found by its label through
 * the engine's locator, written from a value, read back through the adapter, and the page's own submit
 * proves Vue's model took it: the expected model values below are written by hand, in the page's codes.
 */
import { expect, test, type Page } from '../helpers/test';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { injectEngine } from '../helpers/engine';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import { photo } from '../helpers/fixtures';


const inject = (page: Page) => injectEngine(page);

async function writeOk(page: Page, label: string, kind: string, value: WidgetValue, shown: WidgetValue = value): Promise<void> {
  const r = await writeByLabel(page, label, kind, value);
  expect(r.located, label).toBe('found');
  expect(r.outcome, label).toEqual({ status: 'done' });
  expect(r.shown, label).toEqual(shown);
}

/** Clicks 提交 and returns the model the page posted (the backend records it verbatim). */
async function submit(page: Page): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions('vant')).length;
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('vant')).length).toBe(before + 1);
  return (await gallerySubmissions('vant')).at(-1)!;
}

type Case = [label: string, kind: string, value: WidgetValue, model: Record<string, unknown>];

/** One test per adapter kind: every field of that kind written, read back, then posted once. */
const BY_WIDGET: Record<string, Case[]> = {
  'van-field (text, tel, number, digit, password, textarea)': [
    ['联系电话', 'van-field', '13800000000', { phone: '13800000000' }],
    ['建筑面积', 'van-field', '80.5', { area: '80.5' }],
    ['层数', 'van-field', '2', { floors: '2' }],
    ['签名密码', 'van-field', 'Abc12345', { password: 'Abc12345' }],
    ['隐患描述', 'van-field', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效', { description: '1.二楼疏散通道堆放杂物；2.厨房灭火器失效' }],
  ],
  'van-picker (one column; cascading columns)': [
    ['检查方式', 'van-picker', '营业前检查', { method: '04' }],
    ['事件类型', 'van-picker', ['平安建设', '消防安全', '消防器材缺失失效'], { eventType: ['01', '0103', '010302'] }],
  ],
  'van-cascader (lazy levels from /api/regions)': [
    ['所在地区', 'van-cascader', ['浙江省', '杭州市', '西湖区', '文新街道'], { region: ['330000', '330100', '330106', '330106012'] }],
  ],
  'van-date-picker (date, time, PickerGroup datetime; shown ≠ model)': [
    ['检查日期', 'van-date-picker', '2026年05月20日', { inspectDate: '2026-05-20' }],
    ['到场时间', 'van-date-picker', '09时30分', { inspectTime: '09:30' }],
    ['发生时间', 'van-date-picker', '2026年05月20日 09:30', { occurredAt: '2026-05-20 09:30:00' }],
  ],
  'van-calendar (single date; range)': [
    ['复查日期', 'van-calendar', '2026年05月28日', { reviewDate: '2026-05-28' }],
    ['整改期间', 'van-calendar', ['2026-05-20', '2026-05-27'], { period: ['2026-05-20', '2026-05-27'] }],
  ],
  'van-radio-group, van-checkbox-group, van-switch': [
    ['单位类别', 'van-radio-group', '九小场所', { unitCategory: '3' }],
    ['处理措施', 'van-checkbox-group', ['责令限期改正', '临时查封'], { measures: ['M2', 'M3'] }],
    ['是否复查', 'van-switch', true, { needReview: true }],
  ],
  'van-stepper, van-rate, van-slider': [
    ['检查人数', 'van-stepper', '3', { inspectors: 3 }],
    ['满意度', 'van-rate', '4', { satisfaction: 4 }],
    ['整改进度', 'van-slider', '35', { progress: 35 }],
  ],
};

/** Options that are not offered: the outcome says so and the field and the model stay empty. */
const NO_OPTION: [string, string, WidgetValue, string, Record<string, unknown>, WidgetValue][] = [
  ['检查方式', 'van-picker', '飞行检查', '飞行检查', { method: '' }, ''],
  ['事件类型', 'van-picker', ['平安建设', '消防安全', '燃气泄漏'], '燃气泄漏', { eventType: [] }, ''],
  ['所在地区', 'van-cascader', ['浙江省', '杭州市', '临平区'], '临平区', { region: [] }, []],
  ['检查日期', 'van-date-picker', '2030年01月01日', '2030年01月01日', { inspectDate: '' }, ''],
  ['复查日期', 'van-calendar', '2030年01月01日', '2030年01月01日', { reviewDate: '' }, ''],
  ['单位类别', 'van-radio-group', '三小场所', '三小场所', { unitCategory: '' }, ''],
  ['处理措施', 'van-checkbox-group', ['罚款'], '罚款', { measures: [] }, []],
  ['满意度', 'van-rate', '6', '6', { satisfaction: 0 }, '0'],
];

test.describe('Vant 4 gallery (H5 at 1366×768)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${SITE.gallery}vant/`);
    await expect(page.locator('.van-form .van-field').first()).toBeVisible();
    await inject(page);
  });

  test('the locator finds every field in the van-cell layout and detect names its widget', async ({ page }) => {
    const expected: Record<string, string> = {
      单位名称: 'van-field', 联系电话: 'van-field', 建筑面积: 'van-field', 层数: 'van-field', 签名密码: 'van-field', 隐患描述: 'van-field',
      检查方式: 'van-picker', 事件类型: 'van-picker', 所在地区: 'van-picker', 检查日期: 'van-picker', 到场时间: 'van-picker',
      发生时间: 'van-picker', 复查日期: 'van-picker', 整改期间: 'van-picker', 单位类别: 'van-radio-group', 处理措施: 'van-checkbox-group',
      是否复查: 'van-switch', 检查人数: 'van-stepper', 满意度: 'van-rate', 整改进度: 'van-slider', 现场照片: 'van-uploader',
    };
    const got: Record<string, string | undefined> = {};
    for (const label of Object.keys(expected)) got[label] = await detectByLabel(page, label);
    expect(got).toEqual(expected);
  });

  test('van-form validates: without 单位名称 nothing is posted', async ({ page }) => {
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.van-field__error-message')).toHaveText('请输入单位名称');
    // The page's own verdict (van-form @failed shows a toast instead of posting).
    await expect(page.locator('.van-toast')).toContainText('请输入单位名称');
    expect(await gallerySubmissions('vant')).toEqual([]);
  });

  for (const [name, cases] of Object.entries(BY_WIDGET)) {
    test(name, async ({ page }) => {
      await writeOk(page, '单位名称', 'van-field', '杭州某某小吃店');
      const model: Record<string, unknown> = { unitName: '杭州某某小吃店' };
      for (const [label, kind, value, m] of cases) {
        await writeOk(page, label, kind, value);
        expect(await readByLabel(page, label, kind), label).toEqual(value);
        Object.assign(model, m);
      }
      expect(await submit(page)).toMatchObject(model);
    });
  }

  test('现场照片 (van-uploader): two photos uploaded through after-read', async ({ page }) => {
    await writeOk(page, '单位名称', 'van-field', '杭州某某小吃店');
    const files = [photo('site-1.jpg'), photo('site-2.jpg')];
    const r = await writeByLabel(page, '现场照片', 'van-uploader', files);
    expect(r.outcome).toEqual({ status: 'done' });
    // Vant previews through blob: URLs and shows no names: the read-back is the re-encoded thumbnail.
    expect((r.shown as { type: string; dataUrl: string }[]).map((f) => [f.type, f.dataUrl.startsWith('data:image/jpeg;base64,')])).toEqual([['image/jpeg', true], ['image/jpeg', true]]);
    const body = await submit(page);
    expect((body.photos as { name: string; id: string; url: string }[]).map((p) => p.name)).toEqual(['site-1.jpg', 'site-2.jpg']);
    expect((body.photos as { id: string }[]).every((p) => /^[0-9a-f]{16}$/.test(p.id))).toBe(true);
  });

  test('层数 (type digit) refuses what the field filters away, instead of reporting it done', async ({ page }) => {
    const r = await writeByLabel(page, '层数', 'van-field', '2层');
    expect(r.outcome?.status).toBe('error');
    expect(r.shown).toBe('2');
  });

  test('options not offered: no-option, the popup closed, nothing selected', async ({ page }) => {
    await writeOk(page, '单位名称', 'van-field', '杭州某某小吃店');
    const model: Record<string, unknown> = {};
    for (const [label, kind, value, wanted, m, shown] of NO_OPTION) {
      const r = await writeByLabel(page, label, kind, value);
      expect(r.outcome, label).toMatchObject({ status: 'no-option', wanted });
      expect(r.shown, label).toEqual(shown);
      Object.assign(model, m);
    }
    await expect(page.locator('.van-popup:visible')).toHaveCount(0);
    expect(await submit(page)).toMatchObject(model);
  });

  test('a cascader path that stops above the leaf is an error and chooses nothing', async ({ page }) => {
    const r = await writeByLabel(page, '所在地区', 'van-cascader', ['浙江省', '杭州市']);
    expect(r.outcome?.status).toBe('error');
    expect(r.shown).toEqual([]);
    await expect(page.locator('.van-popup:visible')).toHaveCount(0);
  });
});

/**
 * Repeated rows in a growing table (an 添加 button, rows typed by the inspector): the engine appends
 * the rows a record needs, types each item's name, fills its widgets, and Vue's model posts them.
 */
import { test, expect } from '../helpers/test';
import { plan } from '../../lib/engine/plan';
import { validateMapping } from '../../lib/mapping/load';
import { captureWithEngine, fillWithEngine } from '../helpers/engine';
import { gallerySubmissions } from '../helpers/gallery';
import { SITE } from '../helpers/sites';

const mapping = validateMapping({
  id: 'test.ep-rows', name: '可增行表格', version: 1, schemaVersion: 1, maintainers: [{ name: '测试' }], lastVerified: '2026-11-26',
  match: { urls: ['http://127.0.0.1/*'] },
  fields: [
    { id: 'unit', label: '单位名称', widget: 'el-input', key: 'unit.name' },
    {
      id: 'extra', label: '补充检查项目', key: 'inspection.checklist',
      rows: {
        row: '.el-table__body tbody tr', itemCell: 0, itemWidget: 'el-input', add: { button: '添加一行' },
        columns: { result: { cell: 1, widget: 'el-radio-group' }, defect: { cell: 2, widget: 'el-select' } },
      },
    },
  ],
}, 'tests/widgets/element-rows.spec.ts');

test('a growing table gets one row per record item, typed and filled; Vue posts them', async ({ page }) => {
  await page.goto(new URL('element-plus/rows.html', SITE.gallery).href);
  await expect(page.getByText('补充检查项目').first()).toBeVisible();
  const values = {
    'unit.name': '杭州某某小吃店',
    'inspection.checklist': [
      { item: '厨房排油烟管道', result: '不合格', defect: '堵塞' },
      { item: '液化气钢瓶存放', result: '合格' },
    ],
  };
  const reports = await fillWithEngine(page, plan({ id: 'r', values }, mapping));
  expect(reports.map((r) => [r.label, r.status])).toEqual([['单位名称', 'verified'], ['补充检查项目', 'verified']]);
  await expect(page.locator('.el-table__body tbody tr')).toHaveCount(2);

  const before = (await gallerySubmissions('ep-rows')).length;
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('ep-rows')).length).toBe(before + 1);
  expect((await gallerySubmissions('ep-rows')).at(-1)).toEqual({
    dwmc: '杭州某某小吃店',
    jcxm: [
      { jcnr: '厨房排油烟管道', jg: '2', bhgqx: '01' },
      { jcnr: '液化气钢瓶存放', jg: '1', bhgqx: '' },
    ],
  });

  // Filling again finds the rows by their typed names: nothing is appended twice.
  const again = await fillWithEngine(page, plan({ id: 'r', values }, mapping));
  expect(again.find((r) => r.label === '补充检查项目')?.status).toBe('equal');
  await expect(page.locator('.el-table__body tbody tr')).toHaveCount(2);
});

test('the page words items its own way: the alias table types the page\'s wording, and capture gives back the record\'s', async ({ page }) => {
  const aliased = validateMapping({
    ...mapping, id: 'test.ep-rows-aliases', schemaVersion: 2,
    fields: mapping.fields.map((f) => (f.rows ? { ...f, rows: { ...f.rows, items: { 厨房排油烟管道: '厨房排油烟管道是否定期清洗' } } } : f)),
  }, 'tests/widgets/element-rows.spec.ts');
  await page.goto(new URL('element-plus/rows.html', SITE.gallery).href);
  await expect(page.getByText('补充检查项目').first()).toBeVisible();
  const values = {
    'unit.name': '杭州某某小吃店',
    'inspection.checklist': [{ item: '厨房排油烟管道', result: '不合格', defect: '堵塞' }, { item: '液化气钢瓶存放', result: '合格' }],
  };
  const reports = await fillWithEngine(page, plan({ id: 'r', values }, aliased));
  expect(reports.map((r) => [r.label, r.status])).toEqual([['单位名称', 'verified'], ['补充检查项目', 'verified']]);
  const before = (await gallerySubmissions('ep-rows')).length;
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(async () => (await gallerySubmissions('ep-rows')).length).toBe(before + 1);
  expect((await gallerySubmissions<{ jcxm: { jcnr: string }[] }>('ep-rows')).at(-1)?.jcxm.map((r) => r.jcnr)).toEqual(['厨房排油烟管道是否定期清洗', '液化气钢瓶存放']);
  const got = await captureWithEngine(page, aliased);
  expect(got.values['inspection.checklist']).toEqual(values['inspection.checklist']);
});

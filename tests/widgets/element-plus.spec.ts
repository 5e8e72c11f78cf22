/**
 * The Element Plus widget adapters (lib/engine/widgets/element-plus.ts) driving the real library on
 * the platform A replica. Each field root is found the way a locator finds it (the `.el-form-item`
 * whose label reads X); values go in through `write`, come back through `read`, and the page's own
 * model is proven by submitting and reading what the backend received.
 */
import { test, expect, type Page } from '../helpers/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clearSubmissions, submissions } from '../helpers/sites';
import { startSites, type RunningSites } from '../sites/serve';
import { injectEngine } from '../helpers/engine';
import type { WidgetValue, WriteOutcome } from '../../lib/engine/widgets/types';
import { photo } from '../helpers/fixtures';

const fixture = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
const expected = JSON.parse(readFileSync(fixture('platform-a/expected-submission.json'), 'utf8')) as Record<string, unknown>;

const inject = (page: Page) => injectEngine(page);

/** Where a field lives: a form item by label, or a cell of a 检查项目 row. */
type Where = string | { row: string; cell: 'result' | 'defect' };

type YLTWindow = {
  YLT: {
    dom: { normalizeText(s: string): string };
    widgetByKind(kind: string): { read(root: Element): WidgetValue; write(root: Element, v: WidgetValue, ctx: { timeoutMs: number }): Promise<WriteOutcome>; kind: string } | undefined;
    detectWidget(root: Element): { kind: string } | undefined;
  };
};

/** Browser-side: the field root, found as a locator would. Serialised into each evaluate. */
const FIND_ROOT = `(where) => {
  const norm = (s) => window.YLT.dom.normalizeText(s || '');
  if (typeof where === 'string') {
    return Array.from(document.querySelectorAll('.el-form-item')).find((fi) => {
      const label = fi.querySelector(':scope > .el-form-item__label, :scope > .el-form-item__label-wrap > .el-form-item__label');
      return label && norm(label.textContent) === norm(where);
    }) || null;
  }
  const tr = Array.from(document.querySelectorAll('.checklist .el-table__body tr'))
    .find((r) => norm(r.cells[1] && r.cells[1].textContent) === norm(where.row));
  return tr ? tr.cells[where.cell === 'result' ? 2 : 3].querySelector('.el-form-item') : null;
}`;

async function write(page: Page, where: Where, kind: string, value: WidgetValue, timeoutMs = 5000): Promise<WriteOutcome> {
  return page.evaluate(async ({ where, kind, value, timeoutMs, find }) => {
    const root = (0, eval)(find)(where) as Element | null;
    if (!root) return { status: 'error', message: `no root for ${JSON.stringify(where)}` } as WriteOutcome;
    const w = (window as unknown as YLTWindow).YLT.widgetByKind(kind);
    if (!w) return { status: 'error', message: `no adapter ${kind}` } as WriteOutcome;
    return w.write(root, value, { timeoutMs });
  }, { where, kind, value, timeoutMs, find: FIND_ROOT });
}

async function read(page: Page, where: Where, kind: string): Promise<WidgetValue> {
  return page.evaluate(({ where, kind, find }) => {
    const root = (0, eval)(find)(where) as Element;
    return (window as unknown as YLTWindow).YLT.widgetByKind(kind)!.read(root);
  }, { where, kind, find: FIND_ROOT });
}

async function detect(page: Page, where: Where): Promise<string | undefined> {
  return page.evaluate(({ where, find }) => {
    const root = (0, eval)(find)(where) as Element;
    return (window as unknown as YLTWindow).YLT.detectWidget(root)?.kind;
  }, { where, find: FIND_ROOT });
}

/** The sample inspection as a person reads it on screen: label → [adapter kind, value]. */
const SAMPLE: [Where, string, WidgetValue][] = [
  ['检查方式', 'el-select', '双随机抽查'],
  ['检查事项', 'el-select', '对单位履行法定消防安全职责情况的监督抽查'],
  ['被检查单位名称', 'el-select', '杭州某某小吃店'],
  ['单位地址', 'el-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
  ['详细地址', 'el-input', '文三路1号'],
  ['法定代表人/主要负责人', 'el-input', '张某'],
  ['联系电话', 'el-input', '13800000000'],
  ['所属行业', 'el-select', '住宿和餐饮业'], // options show the 门类 code beside the name
  ['单位类别', 'el-radio-group', '九小场所'],
  ['场所类型', 'el-select', '小餐饮场所'],
  ['建筑面积（㎡）', 'el-input-number', '80'],
  ['层数', 'el-input-number', '2'],
  ['检查时间', 'el-date-picker', ['2026-05-20 09:30:00', '2026-05-20 10:10:00']],
  ['检查人员', 'el-select', ['李某', '王某']],
  ['主办人执法证号', 'el-input', '浙A33010600101'],
  ['协办人执法证号', 'el-input', '浙A33010600102'],
  ['陪同人员', 'el-input', '赵某、钱某'],
  ['检查依据', 'el-checkbox-group', ['《中华人民共和国消防法》第五十三条', '《消防监督检查规定》第十条']],
  ['现场检查情况', 'el-input', '检查时该店正常营业，现场有员工3人。二楼疏散通道堆放纸箱等杂物，厨房2具灭火器压力指针处于红区，其余消防设施器材完好有效。'],
  ['发现隐患数', 'el-input-number', '2'],
  ['隐患等级', 'el-radio-group', '一般火灾隐患'],
  ['隐患描述', 'el-input', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效'],
  ['检查结果', 'el-radio-group', '责令限期改正'],
  ['处理措施', 'el-checkbox-group', ['责令限期改正']],
  ['法律文书及编号', 'el-input', '责令限期改正通知书 〔2026〕第0123号'],
  ['整改期限', 'el-date-picker', '2026-05-27'],
  ['复查日期', 'el-date-picker', '2026-05-28'],
  ['备注', 'el-input', '已当场告知整改要求'],
];

const CHECKLIST = ['消防安全制度', '员工消防培训', '防火巡查检查', '灭火和应急疏散预案', '消防演练', '消防车通道', '疏散通道',
  '安全出口', '防火门', '疏散指示标志', '应急照明', '室内消火栓', '灭火器', '建筑消防设施维护保养', '电气线路', '燃气管路', '违规住人',
  '易燃易爆危险品与居住场所同建筑'];
const FAILED: Record<string, string> = { 疏散通道: '堵塞', 灭火器: '失效' };
const NOT_APPLICABLE = new Set(['违规住人', '易燃易爆危险品与居住场所同建筑']);

test.describe('Element Plus adapters on platform A', () => {
  // Its own server instance: other specs submit to platform A too, in parallel.
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
    await inject(page);
  });

  test('detect names the right widget for every field root', async ({ page }) => {
    for (const [where, kind] of SAMPLE) expect(await detect(page, where), JSON.stringify(where)).toBe(kind);
    expect(await detect(page, '统一社会信用代码')).toBe('el-input');
    expect(await detect(page, '现场照片')).toBe('el-upload');
    expect(await detect(page, { row: '灭火器', cell: 'result' })).toBe('el-radio-group');
    expect(await detect(page, { row: '灭火器', cell: 'defect' })).toBe('el-select');
  });

  test('the whole sample goes in through the adapters, reads back as shown, and reaches the backend exactly', async ({ page }) => {
    test.setTimeout(120_000); // ~15 s idle; the 18-row checklist alone is ~50 round trips when the machine is busy
    for (const [where, kind, value] of SAMPLE) {
      expect(await write(page, where, kind, value), `${JSON.stringify(where)} ← ${JSON.stringify(value)}`).toEqual({ status: 'done' });
    }
    // 检查项目: the row radios, and 不合格情形 only once the row is 不合格.
    for (const item of CHECKLIST) {
      const result = FAILED[item] ? '不合格' : NOT_APPLICABLE.has(item) ? '不涉及' : '合格';
      if (FAILED[item]) expect(await write(page, { row: item, cell: 'defect' }, 'el-select', FAILED[item]!)).toEqual({ status: 'disabled' });
      expect(await write(page, { row: item, cell: 'result' }, 'el-radio-group', result)).toEqual({ status: 'done' });
      if (FAILED[item]) expect(await write(page, { row: item, cell: 'defect' }, 'el-select', FAILED[item]!)).toEqual({ status: 'done' });
    }
    expect(await write(page, '现场照片', 'el-upload', [photo('site-1.jpg'), photo('site-2.jpg')], 10_000)).toEqual({ status: 'done' });

    // Read back: what a person sees.
    for (const [where, kind, value] of SAMPLE) {
      const got = await read(page, where, kind);
      if (kind === 'el-input-number') expect(Number(got), String(where)).toBe(Number(value));
      else expect(got, JSON.stringify(where)).toEqual(value);
    }
    expect(await read(page, '建筑面积（㎡）', 'el-input-number')).toBe('80.00'); // precision 2: the display, not the model
    expect(await read(page, '统一社会信用代码', 'el-input')).toBe('92330106MA2CK1E005');
    expect(await read(page, { row: '灭火器', cell: 'result' }, 'el-radio-group')).toBe('不合格');
    expect(await read(page, { row: '灭火器', cell: 'defect' }, 'el-select')).toBe('失效');
    expect(await read(page, { row: '安全出口', cell: 'defect' }, 'el-select')).toBe('');
    const photos = (await read(page, '现场照片', 'el-upload')) as { name: string; dataUrl: string }[];
    expect(photos).toHaveLength(2);
    expect(photos.every((p) => p.dataUrl.startsWith('data:image/'))).toBe(true);

    // Writing what is already there changes nothing and says done.
    expect(await write(page, '检查人员', 'el-select', ['李某', '王某'])).toEqual({ status: 'done' });
    expect(await write(page, '单位地址', 'el-cascader', ['浙江省', '杭州市', '西湖区', '文新街道'])).toEqual({ status: 'done' });

    // The framework model took every value: the page's own submit posts exactly the expected payload.
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.el-message--success')).toContainText('提交成功');
    await expect.poll(() => submissions(A)).toHaveLength(1);
    // 隐患明细 rows are the rows engine's (tests/mappings); through the single-widget adapters it stays empty.
    expect((await submissions(A))[0]).toEqual({ ...expected, yhmx: [] });
  });

  test('no-option: the wanted label is missing, nothing is selected, what was offered is listed', async ({ page }) => {
    // Remote search that finds nothing.
    const remote = await write(page, '被检查单位名称', 'el-select', '杭州某某不存在的店');
    expect(remote).toEqual({ status: 'no-option', wanted: '杭州某某不存在的店', seen: [] });
    expect(await read(page, '被检查单位名称', 'el-select')).toBe('');
    // Remote search that finds others, but not the wanted one.
    const near = await write(page, '被检查单位名称', 'el-select', '杭州某某小吃');
    expect(near.status).toBe('no-option');
    expect(near.status === 'no-option' && near.seen).toEqual(['杭州某某小吃店', '杭州某某小吃部']);
    expect(await read(page, '被检查单位名称', 'el-select')).toBe('');
    await expect(page.locator('.el-select-dropdown:visible')).toHaveCount(0);

    // A local select: all its options are listed.
    const local = await write(page, '场所类型', 'el-select', '大型商场');
    expect(local).toEqual({
      status: 'no-option', wanted: '大型商场',
      seen: ['小商店', '小餐饮场所', '小旅馆', '小歌舞娱乐场所', '小网吧', '小美容洗浴场所', '小学校/幼儿园', '小医院/诊所', '小生产加工企业', '三合一场所', '出租房'],
    });
    expect(await read(page, '场所类型', 'el-select')).toBe('');

    // Multiple: the ones offered are chosen, the missing one is reported.
    const many = await write(page, '检查人员', 'el-select', ['李某', '赵某']);
    expect(many).toEqual({ status: 'no-option', wanted: '赵某', seen: ['李某', '王某', '钱某', '何某', '吕某'] });
    expect(await read(page, '检查人员', 'el-select')).toEqual(['李某']);

    // Cascader: a level that does not offer the name.
    const region = await write(page, '单位地址', 'el-cascader', ['浙江省', '杭州市', '临平区', '南苑街道']);
    expect(region.status).toBe('no-option');
    expect(region.status === 'no-option' && region.seen).toEqual(['上城区', '拱墅区', '西湖区', '滨江区', '余杭区']);
    expect(await read(page, '单位地址', 'el-cascader')).toEqual([]);

    // Radio and checkbox groups.
    expect(await write(page, '单位类别', 'el-radio-group', '小微企业')).toEqual({ status: 'no-option', wanted: '小微企业', seen: ['重点单位', '一般单位', '九小场所', '其他'] });
    expect(await read(page, '单位类别', 'el-radio-group')).toBe('');
    await expect(page.locator('.el-select-dropdown:visible, .el-cascader__dropdown:visible')).toHaveCount(0);
  });

  test('checkbox groups get exactly the wanted set; readonly and disabled fields are refused', async ({ page }) => {
    expect(await write(page, '处理措施', 'el-checkbox-group', ['责令立即改正', '临时查封'])).toEqual({ status: 'done' });
    expect(await write(page, '处理措施', 'el-checkbox-group', ['临时查封', '移送公安机关'])).toEqual({ status: 'done' });
    expect(await read(page, '处理措施', 'el-checkbox-group')).toEqual(['临时查封', '移送公安机关']);
    expect(await write(page, '统一社会信用代码', 'el-input', '92330106MA2CK1E005')).toEqual({ status: 'disabled' });
    expect(await write(page, { row: '安全出口', cell: 'defect' }, 'el-select', '锁闭')).toEqual({ status: 'disabled' });
    // A date the page cannot parse is refused, and the field stays empty.
    const bad = await write(page, '整改期限', 'el-date-picker', '五月二十七日');
    expect(bad.status).toBe('error');
    expect(await read(page, '整改期限', 'el-date-picker')).toBe('');
    // One it parses loosely but shows differently is reported with what the page shows.
    const loose = await write(page, '复查日期', 'el-date-picker', '2026/05/28');
    expect(loose.status === 'error' && loose.message).toContain('2026-05-28');
    // Changing a chosen remote unit to another one.
    expect(await write(page, '被检查单位名称', 'el-select', '杭州某某小吃店')).toEqual({ status: 'done' });
    expect(await write(page, '被检查单位名称', 'el-select', '杭州某某便利店')).toEqual({ status: 'done' });
    expect(await read(page, '统一社会信用代码', 'el-input')).toBe('92330106MA2CK2F103');
  });
});

/**
 * The Ant Design galleries — antd 5 and antd 4 (React 18; antd 4 with moment) and Ant Design Vue 4
 * (Vue 3 + dayjs, antd's `ant-` DOM rendered by Vue) — driven by the same antd adapters: every form
 * widget is found by its label through the engine's locator, written, read back, and the page's own
 * 提交 proves the framework's model took the value (the backend records what the page posted).
 * Expected models are written out by hand; the pages differ only where noted per family below.
 */
import { expect, test, type Page } from '../helpers/test';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';
import { photo } from '../helpers/fixtures';


/** label, adapter kind, value written, value read back when it differs (what the screen shows). */
type Case = [label: string, kind: string, value: WidgetValue, shown?: WidgetValue];

const NAME: Case = ['单位名称', 'antd-input', '杭州某某小吃店'];

/** Text and the select family. */
const CHOICES: Case[] = [
  NAME,
  ['建筑面积（㎡）', 'antd-input', '80.5'],
  ['检查方式', 'antd-select', '专项检查'],
  // 卫某 is the 14th of 14 options: rendered only after the virtual list scrolls.
  ['检查人员', 'antd-select', ['李某', '卫某']],
  // showSearch + optionFilterProp: the 11th option, below the first screen of the list.
  ['场所类型', 'antd-select', '出租房'],
  // Remote: no options until the typed text comes back from GET /api/units?q= (300 ms debounce).
  ['被检查单位', 'antd-select', '杭州某某宾馆'],
  // Option 187 of 200 in a virtual list.
  ['检查内容', 'antd-select', '住宿与生产经营场所分隔台账记录'],
  // Every level after 省 comes from GET /api/regions when its parent is clicked (loadData).
  ['单位地址', 'antd-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
  // expandTrigger hover: the next column opens on hover.
  ['管辖区域', 'antd-cascader', ['滨江区', '长河街道', '江一社区']],
  // Collapsed tree from GET /api/grids; the selector shows only the grid's own title, the path above it is read from the kept dropdown.
  ['所属网格', 'antd-tree-select', ['文新街道', '文苑社区', '第3网格']],
  ['检查情况', 'antd-input', '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效'],
];

/** Pickers, choices, switch, rate, slider, upload. */
const OTHERS: Case[] = [
  // Shown as 'YYYY年MM月DD日', kept in the store as 'YYYY-MM-DD'.
  ['检查日期', 'antd-date', '2026年05月20日'],
  // showTime; the store keeps a timestamp.
  ['发现时间', 'antd-date', '2026-05-20 09:30'],
  ['整改期限', 'antd-date', ['2026-05-21', '2026-05-27']],
  ['到场时间', 'antd-date', '09:15'],
  ['单位类别', 'antd-radio', '九小场所'],
  ['隐患等级', 'antd-radio', '一般隐患'],
  ['处理措施', 'antd-checkbox', ['责令立即改正', '责令限期改正']],
  ['是否复查', 'antd-switch', true],
  ['安全评分', 'antd-rate', '4'],
  ['整改进度', 'antd-slider', '60'],
  ['现场照片', 'antd-upload', [photo('site-1.jpg'), photo('site-2.jpg')]],
];

const CASES = [...CHOICES, ...OTHERS];

const EXPECTED_CHOICES = {
  unitName: '杭州某某小吃店',
  area: 80.5,
  checkMode: '02',
  inspectors: ['u101', 'u114'],
  placeType: 'P11',
  unit: '91330106MA2CK3G204',
  checkItem: 'JC187',
  address: ['330000', '330100', '330106', '330106012'],
  zone: ['330108', '330108002', '33010800202'],
  grid: 'WG3301060120010003',
  remark: '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效',
  recheck: false,
  score: 0,
  progress: 0,
  photos: [],
};

const EXPECTED_OTHERS = {
  unitName: '杭州某某小吃店',
  checkDate: '2026-05-20',
  fixPeriod: ['2026-05-21', '2026-05-27'],
  arriveTime: '09:15',
  unitCategory: '3',
  hazardLevel: '1',
  measures: ['1', '2'],
  recheck: true,
  score: 4,
  progress: 60,
  photos: [{ name: 'site-1.jpg', id: '9dd134f3abf26f25' }, { name: 'site-2.jpg', id: 'a63c290f11507b72' }],
};

/** Popups left open (closed ones stay in <body>, hidden by a -hidden class or display: none). */
const openPopups = (page: Page) => page.locator('.ant-select-dropdown, .ant-picker-dropdown').filter({ visible: true });

interface Family {
  family: string;
  title: string;
  /** What 发现时间 (showTime) holds in the model. */
  foundAt: unknown;
  /** Keys the page posts even when empty (Vue's reactive model posts every key it has). */
  empty: Record<string, unknown>;
}

const FAMILIES: Family[] = [
  { family: 'antd5', title: 'Ant Design 5', foundAt: 1779240600000 /* 2026-05-20 09:30 Asia/Shanghai */, empty: {} },
  { family: 'antd4', title: 'Ant Design 4', foundAt: 1779240600000, empty: {} },
  { family: 'antdv', title: 'Ant Design Vue 4', foundAt: '2026-05-20 09:30:00', empty: { fixPeriod: [], remark: '', measures: [], inspectors: [], address: [], zone: [] } },
];

/** Clicks the page's 提交 and returns what the backend recorded for it. */
async function submit(page: Page, FAMILY: string): Promise<Record<string, unknown>> {
  const before = (await gallerySubmissions(FAMILY)).length;
  await page.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect.poll(async () => (await gallerySubmissions(FAMILY)).length).toBe(before + 1);
  return (await gallerySubmissions(FAMILY)).at(-1)!;
}

async function writeAll(page: Page, cases: Case[]): Promise<void> {
  for (const [label, kind, value, shown] of cases) {
    const r = await writeByLabel(page, label, kind, value);
    expect(r.outcome, `write ${label}`).toEqual({ status: 'done' });
    if (kind === 'antd-upload') expect((r.shown as { name: string }[]).map((f) => f.name), `read ${label}`).toEqual(['site-1.jpg', 'site-2.jpg']);
    else expect(r.shown, `read ${label}`).toEqual(shown ?? value);
    await expect(openPopups(page), `popup left open after ${label}`).toHaveCount(0);
  }
}

/** The expected values win over a family's empty keys. */
function pick(expected: Record<string, unknown>, empty: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(empty).filter((k) => k in expected).map((k) => [k, expected[k]]));
}

for (const { family, title, foundAt, empty } of FAMILIES) test.describe(`${title} gallery`, () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${SITE.gallery}${family}/`);
    await expect(page.locator('.ant-form-item')).toHaveCount(22);
  });

  test('the label locator finds every field and detect picks its adapter', async ({ page }) => {
    for (const [label, kind] of CASES) expect(await detectByLabel(page, label), `detect ${label}`).toBe(kind);
  });

  test('text, number and the select family written by label, read back, and the model posts them', async ({ page }) => {
    await writeAll(page, CHOICES);
    expect(await submit(page, family)).toEqual({ ...EXPECTED_CHOICES, ...empty, ...pick(EXPECTED_CHOICES, empty) });
  });

  test('pickers, radios, checkboxes, switch, rate, slider and upload written by label, read back, and the model posts them', async ({ page }) => {
    await writeAll(page, [NAME, ...OTHERS]);
    expect(await submit(page, family)).toEqual({ ...empty, ...EXPECTED_OTHERS, foundAt });
  });

  test('values the page does not offer: no-option, nothing selected, the model keeps nothing', async ({ page }) => {
    const none: [label: string, kind: string, value: WidgetValue, empty: WidgetValue][] = [
      ['检查方式', 'antd-select', '联合检查', ''],
      ['检查人员', 'antd-select', ['李某', '欧阳某'], []],
      ['被检查单位', 'antd-select', '杭州某某不存在店', ''],
      ['检查内容', 'antd-select', '消防水池水位', ''],
      ['单位地址', 'antd-cascader', ['浙江省', '杭州市', '西湖区', '不存在街道'], []],
      ['管辖区域', 'antd-cascader', ['滨江区', '浦沿街道'], []],
      ['所属网格', 'antd-tree-select', ['文新街道', '文苑社区', '第9网格'], []],
      ['单位类别', 'antd-radio', '特殊单位', ''],
      ['处理措施', 'antd-checkbox', ['罚款'], []],
    ];
    await writeAll(page, [NAME]);
    for (const [label, kind, value, empty] of none) {
      const r = await writeByLabel(page, label, kind, value);
      expect(r.outcome?.status, `write ${label}`).toBe('no-option');
      expect(r.shown, `read ${label}`).toEqual(empty);
      await expect(openPopups(page), `popup left open after ${label}`).toHaveCount(0);
      if (label === '检查人员') {
        // The report names the missing value and what the list offered instead.
        expect(r.outcome).toMatchObject({ status: 'no-option', wanted: '欧阳某' });
        expect((r.outcome as { seen: string[] }).seen).toEqual(expect.arrayContaining(['李某', '王某', '卫某']));
      }
    }
    // 李某 was picked before 欧阳某 was missed, and taken back: the model holds an empty list.
    expect(await submit(page, family)).toEqual({ ...empty, unitName: '杭州某某小吃店', inspectors: [], recheck: false, score: 0, progress: 0, photos: [] });
  });

  test('changing and clearing values already set', async ({ page }) => {
    await writeAll(page, [
      NAME,
      ['检查人员', 'antd-select', ['李某', '王某', '钱某']],
      ['单位地址', 'antd-cascader', ['浙江省', '杭州市', '西湖区', '文新街道']],
      ['检查日期', 'antd-date', '2026年05月20日'],
      ['安全评分', 'antd-rate', '4'],
      ['整改进度', 'antd-slider', '60'],
      ['是否复查', 'antd-switch', true],
    ]);
    await writeAll(page, [
      ['检查人员', 'antd-select', ['钱某', '何某']],
      ['单位地址', 'antd-cascader', ['江苏省', '南京市', '玄武区', '新街口街道']],
      ['检查日期', 'antd-date', '2026年06月01日'],
      ['安全评分', 'antd-rate', '2'],
      ['整改进度', 'antd-slider', '30'],
      ['是否复查', 'antd-switch', false],
    ]);
    expect((await writeByLabel(page, '安全评分', 'antd-rate', '3.5')).outcome?.status).toBe('error'); // no allowHalf
    expect(await readByLabel(page, '安全评分')).toBe('2');
    expect((await writeByLabel(page, '整改进度', 'antd-slider', '120')).outcome?.status).toBe('error');
    expect(await submit(page, family)).toEqual({
      ...empty, unitName: '杭州某某小吃店', inspectors: ['u103', 'u104'], address: ['320000', '320100', '320102', '320102005'],
      checkDate: '2026-06-01', recheck: false, score: 2, progress: 30, photos: [],
    });
  });
});

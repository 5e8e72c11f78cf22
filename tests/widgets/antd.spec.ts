/**
 * The antd adapters (lib/engine/widgets/antd.ts) driving the real antd 5 form of platform B: field
 * roots are the `.ant-form-item`s whose label reads X, values go in through the adapters, are read
 * back through them, and the backend payload proves antd's own Form store took them.
 *
 * Other specs post to platform B and clear its log meanwhile, so these tests never clear it and read
 * the body the page posted (which the backend records verbatim).
 */
import { expect, test, type Page } from '../helpers/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { injectEngine } from '../helpers/engine';
import { SITE } from '../helpers/sites';
import { photo } from '../helpers/fixtures';

type Value = string | string[] | boolean | null | { name: string; type: string; dataUrl: string }[];
type Outcome = { status: string; wanted?: string; seen?: string[]; message?: string };

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const expected = (name: string) => JSON.parse(readFileSync(`${fixtures}platform-b/${name}`, 'utf8')) as Record<string, unknown>;

const inject = (page: Page) => injectEngine(page);

/** In-page: the antd form item whose label text (without * and colon) is `label`. */
const ITEM = `(label) => Array.from(document.querySelectorAll('.ant-form-item')).find((fi) => {
  const l = fi.querySelector('.ant-form-item-label label');
  return l && YLT.dom.normalizeText(l.textContent) === label;
})`;

function write(page: Page, label: string, kind: string, value: Value, timeoutMs = 5000): Promise<Outcome> {
  return page.evaluate(async ([item, label, kind, value, timeoutMs]) => {
    const root = (0, eval)(item)(label);
    if (!root) throw new Error(`no form item ${label}`);
    return window.YLT.widgetByKind(kind)!.write(root, value, { timeoutMs });
  }, [ITEM, label, kind, value, timeoutMs] as const) as Promise<Outcome>;
}

function read(page: Page, label: string, kind: string): Promise<Value> {
  return page.evaluate(([item, label, kind]) => {
    const root = (0, eval)(item)(label);
    return window.YLT.widgetByKind(kind)!.read(root);
  }, [ITEM, label, kind] as const) as Promise<Value>;
}

function detected(page: Page, label: string): Promise<string | undefined> {
  return page.evaluate(([item, label]) => window.YLT.detectWidget((0, eval)(item)(label))?.kind, [ITEM, label] as const);
}

/** Popups antd left open (it keeps closed ones in <body> with a -hidden class). */
const openPopups = (page: Page) => page.locator(
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
);

test.describe('antd adapters on platform B (antd 5)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(SITE.b);
    await expect(page.locator('.top-header')).toContainText('网格员 某某');
    await inject(page);
  });

  test('every field written and read back through the adapters, and antd\'s store posts it', async ({ page }) => {
    const title = '杭州某某小吃店消防安全隐患（适配器）';
    const fields: [label: string, kind: string, value: Value, shown?: Value][] = [
      ['事件标题', 'antd-input', title],
      // 11th of 12 options: not rendered in the virtual list until scrolled to.
      ['事件来源', 'antd-select', '基层治理四平台流转'],
      // 中类 and 小类 come from loadData (~150 ms each).
      ['事件类型', 'antd-cascader', ['平安建设', '消防安全', '消防通道堵塞']],
      // Display format 'YYYY年MM月DD日 HH:mm'; the model stores a timestamp.
      ['发生时间', 'antd-date', '2026年05月20日 09:30'],
      // Collapsed tree; the selector shows only the grid's own title, the path above it is read from the kept dropdown.
      ['所属网格', 'antd-tree-select', ['文新街道', '文苑社区', '第3网格']],
      ['发生地点', 'antd-input', '浙江省杭州市西湖区文新街道文三路1号'],
      ['涉及主体', 'antd-input', '杭州某某小吃店'],
      ['联系人', 'antd-input', '张某'],
      ['联系方式', 'antd-input', '13800000000'],
      ['所属行业', 'antd-select', '住宿和餐饮业'],
      ['是否存在隐患', 'antd-radio', '是'],
      ['隐患类别', 'antd-checkbox', ['消防器材缺失失效', '消防通道堵塞'], ['消防通道堵塞', '消防器材缺失失效']],
      ['事件描述', 'antd-input', '1.二楼疏散通道堆放杂物；2.厨房灭火器失效'],
      ['紧急程度', 'antd-radio', '一般'],
      ['处置方式', 'antd-radio', '自行处置'],
      // Rendered only once 处置方式 = 自行处置.
      ['处置情况', 'antd-input', '已当场督促店主清理二楼疏散通道杂物，厨房灭火器已更换'],
      ['要求办结时限', 'antd-date', '2026-05-27'],
      ['附件', 'antd-upload', [photo('site-1.jpg'), photo('site-2.jpg')]],
    ];
    for (const [label, kind, value, shown] of fields) {
      expect(await detected(page, label), `detect ${label}`).toBe(kind);
      expect(await write(page, label, kind, value), `write ${label}`).toEqual({ status: 'done' });
      const back = await read(page, label, kind);
      if (kind === 'antd-upload') expect((back as { name: string }[]).map((f) => f.name)).toEqual(['site-1.jpg', 'site-2.jpg']);
      else expect(back, `read ${label}`).toEqual(shown ?? value);
      await expect(openPopups(page), `popup left open after ${label}`).toHaveCount(0);
    }
    // Writing the same values again changes nothing and says done.
    expect(await write(page, '事件来源', 'antd-select', '基层治理四平台流转')).toEqual({ status: 'done' });
    expect(await write(page, '隐患类别', 'antd-checkbox', ['消防通道堵塞', '消防器材缺失失效'])).toEqual({ status: 'done' });
    expect(await write(page, '附件', 'antd-upload', [photo('site-1.jpg'), photo('site-2.jpg')])).toEqual({ status: 'done' });
    expect(await read(page, '上报人', 'antd-input')).toBe('某某（网格员）');
    expect(await write(page, '上报人', 'antd-input', '别人')).toEqual({ status: 'disabled' });

    const posted = page.waitForResponse((r) => r.url().endsWith('/api/events') && r.request().method() === 'POST');
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    const response = await posted;
    expect(response.status()).toBe(200);
    await expect(page.locator('.ant-message')).toContainText('事件上报成功');
    // What the backend recorded is the body it was sent; reading the request keeps this test
    // independent of other specs that clear or add to B's shared submission log meanwhile.
    expect(response.request().postDataJSON()).toEqual({
      ...expected('expected-submission-self-disposal.json'),
      eventTitle: title,
      eventSource: '11',
      hazardList: [], // 隐患清单 rows are the rows engine's (tests/mappings); single-widget adapters leave it empty
    });
  });

  test('values missing from the page come back as no-option, nothing selected, popups closed', async ({ page }) => {
    const source = await write(page, '事件来源', 'antd-select', '无人机巡查');
    expect(source.status).toBe('no-option');
    expect(source.seen).toEqual(expect.arrayContaining(['网格员巡查', '12345热线', '其他']));
    expect(await read(page, '事件来源', 'antd-select')).toBe('');

    const type = await write(page, '事件类型', 'antd-cascader', ['平安建设', '消防安全', '高层建筑外墙保温']);
    expect(type).toMatchObject({ status: 'no-option', wanted: '高层建筑外墙保温' });
    expect(type.seen).toContain('消防通道堵塞');
    expect(await read(page, '事件类型', 'antd-cascader')).toEqual([]);

    const grid = await write(page, '所属网格', 'antd-tree-select', ['文新街道', '文苑社区', '第9网格']);
    expect(grid).toEqual({ status: 'no-option', wanted: '第9网格', seen: ['第1网格', '第2网格', '第3网格', '第4网格', '第5网格'] });
    expect(await read(page, '所属网格', 'antd-tree-select')).toEqual([]);

    expect(await write(page, '紧急程度', 'antd-radio', '较急')).toEqual({ status: 'no-option', wanted: '较急', seen: ['一般', '紧急', '特急'] });
    const cats = await write(page, '隐患类别', 'antd-checkbox', ['消防通道堵塞', '高空抛物']);
    expect(cats).toMatchObject({ status: 'no-option', wanted: '高空抛物' });
    expect(await read(page, '隐患类别', 'antd-checkbox')).toEqual([]);
    await expect(openPopups(page)).toHaveCount(0);

    // A conditional field that is not there: the form item does not exist until 处置方式 = 自行处置.
    await expect(page.locator('.ant-form-item-label label[title="处置情况"]')).toHaveCount(0);
  });

  test('dates: the display format is typed and confirmed; a disabled date or wrong format is refused', async ({ page }) => {
    expect(await write(page, '发生时间', 'antd-date', '2099年01月01日 08:00')).toMatchObject({ status: 'error' });
    expect(await read(page, '发生时间', 'antd-date')).toBe('');
    expect(await write(page, '要求办结时限', 'antd-date', '2026/05/27')).toMatchObject({ status: 'error' });
    expect(await read(page, '要求办结时限', 'antd-date')).toBe('');
    await expect(openPopups(page)).toHaveCount(0);
    expect(await write(page, '发生时间', 'antd-date', '2026年05月20日 09:30')).toEqual({ status: 'done' });
    expect(await write(page, '要求办结时限', 'antd-date', '2026-05-27')).toEqual({ status: 'done' });
    // Changing a date that is already set, then clearing one.
    expect(await write(page, '发生时间', 'antd-date', '2026年05月21日 14:05')).toEqual({ status: 'done' });
    expect(await read(page, '发生时间', 'antd-date')).toBe('2026年05月21日 14:05');
    expect(await write(page, '要求办结时限', 'antd-date', '')).toEqual({ status: 'done' });
    expect(await read(page, '要求办结时限', 'antd-date')).toBe('');
    // Changing a cascader and a tree select that already hold a value.
    expect(await write(page, '事件类型', 'antd-cascader', ['平安建设', '消防安全', '消防通道堵塞'])).toEqual({ status: 'done' });
    expect(await write(page, '事件类型', 'antd-cascader', ['城市管理', '市政设施', '路灯损坏'])).toEqual({ status: 'done' });
    expect(await read(page, '事件类型', 'antd-cascader')).toEqual(['城市管理', '市政设施', '路灯损坏']);
    expect(await write(page, '所属网格', 'antd-tree-select', ['古荡街道', '嘉绿苑社区', '第2网格'])).toEqual({ status: 'done' });
    expect(await write(page, '所属网格', 'antd-tree-select', ['文新街道', '益乐村社区', '第1网格'])).toEqual({ status: 'done' });
    expect(await read(page, '所属网格', 'antd-tree-select')).toEqual(['文新街道', '益乐村社区', '第1网格']);
    // A person unticking: 是否存在隐患 否 disables 隐患类别 in this page.
    expect(await write(page, '隐患类别', 'antd-checkbox', ['其他'])).toEqual({ status: 'done' });
    expect(await write(page, '是否存在隐患', 'antd-radio', '否')).toEqual({ status: 'done' });
    expect(await write(page, '隐患类别', 'antd-checkbox', ['其他'])).toEqual({ status: 'disabled' });
    await expect(openPopups(page)).toHaveCount(0);
  });
});

/**
 * Variants platform B does not use, on a test-only page served (by route) on B's origin with the same
 * antd 5 build: multiple, tags and remote-search selects, a hover cascader, range and time pickers,
 * InputNumber, Switch, a lone Checkbox. Its Form posts the model to a captured route.
 */
const GALLERY = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>antd 组件</title>
<link rel="stylesheet" href="/vendor/antd/dist/reset.css">
<script src="/vendor/react/umd/react.production.min.js"></script>
<script src="/vendor/react-dom/umd/react-dom.production.min.js"></script>
<script src="/vendor/dayjs/dayjs.min.js"></script><script src="/vendor/dayjs/locale/zh-cn.js"></script>
<script src="/vendor/antd/dist/antd-with-locales.min.js"></script><script src="/vendor/htm/dist/htm.umd.js"></script>
</head><body style="padding:16px"><div id="root"></div><script type="module">
const { Form, Select, Cascader, DatePicker, TimePicker, InputNumber, Switch, Checkbox, Button, Spin, ConfigProvider, locales } = antd;
const html = htm.bind(React.createElement);
dayjs.locale('zh-cn');
const PEOPLE = ['李某','王某','钱某','何某','吕某','赵某','孙某','周某','吴某','郑某','冯某','陈某','褚某','卫某'].map((label, i) => ({ value: 'u' + (101 + i), label }));
const AREAS = [{ value: '330106', label: '西湖区', children: [{ value: '330106012', label: '文新街道' }, { value: '330106009', label: '翠苑街道' }] },
  { value: '330105', label: '拱墅区', children: [{ value: '330105004', label: '湖墅街道' }] }];
function RemoteUnit(props) {
  const [options, setOptions] = React.useState([]);
  const [fetching, setFetching] = React.useState(false);
  const timer = React.useRef();
  const onSearch = (q) => {
    clearTimeout(timer.current); setOptions([]); setFetching(true);
    timer.current = setTimeout(async () => {
      const res = await fetch('/gallery-api/units?q=' + encodeURIComponent(q));
      setOptions(await res.json()); setFetching(false);
    }, 300);
  };
  return html\`<\${Select} ...\${props} showSearch filterOption=\${false} onSearch=\${onSearch} options=\${options}
    notFoundContent=\${fetching ? html\`<\${Spin} size="small" />\` : null} placeholder="输入单位名称搜索" />\`;
}
function Page() {
  const [form] = Form.useForm();
  const onFinish = (v) => fetch('/gallery-api/submit', { method: 'POST', body: JSON.stringify({
    inspectors: v.inspectors, tags: v.tags, unit: v.unit, area: v.area,
    period: v.period?.map((d) => d.format('YYYY-MM-DD HH:mm')), fixPeriod: v.fixPeriod?.map((d) => d.format('YYYY-MM-DD')),
    arrive: v.arrive?.format('HH:mm'), floors: v.floors, recheck: !!v.recheck, informed: !!v.informed }) });
  return html\`<\${Form} form=\${form} name="g" labelCol=\${{ flex: '110px' }} onFinish=\${onFinish} style=\${{ maxWidth: 720 }}>
    <\${Form.Item} label="检查人员" name="inspectors" rules=\${[{ required: true }]}><\${Select} mode="multiple" options=\${PEOPLE} placeholder="请选择" /></\${Form.Item}>
    <\${Form.Item} label="标签" name="tags"><\${Select} mode="tags" options=\${[{ value: '九小场所', label: '九小场所' }, { value: '重点单位', label: '重点单位' }]} /></\${Form.Item}>
    <\${Form.Item} label="被检查单位" name="unit"><\${RemoteUnit} /></\${Form.Item}>
    <\${Form.Item} label="所属区域" name="area"><\${Cascader} options=\${AREAS} expandTrigger="hover" /></\${Form.Item}>
    <\${Form.Item} label="检查时段" name="period"><\${DatePicker.RangePicker} showTime=\${{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></\${Form.Item}>
    <\${Form.Item} label="整改期间" name="fixPeriod"><\${DatePicker.RangePicker} /></\${Form.Item}>
    <\${Form.Item} label="到岗时间" name="arrive"><\${TimePicker} format="HH:mm" /></\${Form.Item}>
    <\${Form.Item} label="层数" name="floors"><\${InputNumber} min=\${0} max=\${99} /></\${Form.Item}>
    <\${Form.Item} label="是否复查" name="recheck" valuePropName="checked"><\${Switch} /></\${Form.Item}>
    <\${Form.Item} label="告知" name="informed" valuePropName="checked"><\${Checkbox}>已告知当事人</\${Checkbox}></\${Form.Item}>
    <\${Button} type="primary" htmlType="submit">保存</\${Button}>
  </\${Form}>\`;
}
ReactDOM.createRoot(document.getElementById('root')).render(html\`<\${ConfigProvider} locale=\${locales.zh_CN}><\${Page} /></\${ConfigProvider}>\`);
</script></body></html>`;

const UNIT_NAMES = ['杭州某某小吃店', '杭州某某小吃部', '杭州某某便利店', '杭州某某宾馆', '宁波某某快餐店'];

test.describe('antd adapters on other antd 5 widgets (test page on B\'s origin)', () => {
  test('multiple, tags, remote search, hover cascader, range/time pickers, number, switch, checkbox', async ({ page }) => {
    let posted: unknown;
    await page.route(`${SITE.b}gallery.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: GALLERY }));
    await page.route(`${SITE.b}gallery-api/**`, async (r) => {
      const url = new URL(r.request().url());
      if (url.pathname.endsWith('/submit')) { posted = JSON.parse(r.request().postData() ?? 'null'); return r.fulfill({ json: { code: 0 } }); }
      const q = url.searchParams.get('q') ?? '';
      await new Promise((ok) => setTimeout(ok, 200));
      return r.fulfill({ json: q ? UNIT_NAMES.map((n, i) => ({ value: `dw${i}`, label: n })).filter((u) => u.label.includes(q)) : [] });
    });
    await page.goto(`${SITE.b}gallery.html`);
    await expect(page.locator('.ant-form-item')).toHaveCount(10);
    await inject(page);

    const cases: [label: string, kind: string, value: Value, shown?: Value][] = [
      ['检查人员', 'antd-select', ['李某', '卫某']],
      ['标签', 'antd-select', ['九小场所', '夜间经营']],
      ['被检查单位', 'antd-select', '杭州某某小吃部'],
      ['所属区域', 'antd-cascader', ['西湖区', '翠苑街道']],
      ['检查时段', 'antd-date', ['2026-05-20 09:30', '2026-05-20 10:10']],
      ['整改期间', 'antd-date', ['2026-05-21', '2026-05-27']],
      ['到岗时间', 'antd-date', '08:45'],
      ['层数', 'antd-input', '2'],
      ['是否复查', 'antd-switch', true],
      ['告知', 'antd-checkbox', true],
    ];
    for (const [label, kind, value, shown] of cases) {
      expect(await detected(page, label), `detect ${label}`).toBe(kind);
      expect(await write(page, label, kind, value), `write ${label}`).toEqual({ status: 'done' });
      expect(await read(page, label, kind), `read ${label}`).toEqual(shown ?? value);
      await expect(openPopups(page), `popup left open after ${label}`).toHaveCount(0);
    }
    // Set exactly: 卫某 off, 王某 on.
    expect(await write(page, '检查人员', 'antd-select', ['李某', '王某'])).toEqual({ status: 'done' });
    expect(await read(page, '检查人员', 'antd-select')).toEqual(['李某', '王某']);
    const missing = await write(page, '被检查单位', 'antd-select', '杭州某某不存在店');
    // `seen` holds what the list offered along the way (here the previous search's answer).
    expect(missing).toMatchObject({ status: 'no-option', wanted: '杭州某某不存在店' });
    expect(missing.seen).not.toContain('杭州某某不存在店');
    expect(await read(page, '被检查单位', 'antd-select')).toBe('杭州某某小吃部');

    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => posted).toEqual({
      inspectors: ['u101', 'u102'], tags: ['九小场所', '夜间经营'], unit: 'dw1', area: ['330106', '330106009'],
      period: ['2026-05-20 09:30', '2026-05-20 10:10'], fixPeriod: ['2026-05-21', '2026-05-27'],
      arrive: '08:45', floors: 2, recheck: true, informed: true,
    });
  });
});

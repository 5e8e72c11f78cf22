/**
 * The layui 2.9 gallery (tests/sites/gallery/layui/): every layui form widget in a form-item layout
 * and in a table layout, found by label through the engine's locator, written and read back through
 * the layui adapters; what layui itself holds is checked through the page's submit (data.field).
 */
import { expect, test, type Page } from '../helpers/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { injectEngine } from '../helpers/engine';
import { fixturePath } from '../helpers/fixtures';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';

const PAGE = new URL('layui/', SITE.gallery).href;
const JPEG = readFileSync(fixturePath('photos/site-1.jpg'));
const JPEG2 = Buffer.concat([JPEG, Buffer.from([0])]); // a second, different picture
const photo = (name: string, bytes: Buffer) => ({ name, type: 'image/jpeg', dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` });
const fileId = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

async function open(page: Page): Promise<void> {
  await page.goto(PAGE);
  // Both provinces lists arrive by AJAX on load.
  await expect(page.locator('select[name=sheng] option')).toHaveCount(3);
  await expect(page.locator('select[name=ssqy_sheng] option')).toHaveCount(3);
}

/** The submission this test made: the newest whose `key` field is `token`. */
async function submitted(key: string, token: string): Promise<Record<string, unknown>> {
  let mine: Record<string, unknown> | undefined;
  await expect.poll(async () => {
    mine = (await gallerySubmissions('layui')).filter((s) => s[key] === token).pop();
    return !!mine;
  }).toBe(true);
  return mine!;
}

type Row = [label: string, kind: string, value: WidgetValue, shown?: unknown];
async function writes(page: Page, rows: Row[]) {
  for (const [label, kind, value, shown] of rows) {
    const out = await writeByLabel(page, label, kind, value);
    expect(out, label).toEqual({ located: 'found', widget: kind, outcome: { status: 'done' }, shown: shown ?? value });
  }
}

/**
 * Slider and rate render only divs, which the label locator does not count as controls yet, so it
 * cannot find them by label (tests/widgets/locate.spec.ts shows it); here the adapter is driven on
 * the widget's form item, found by CSS.
 */
async function onItem(page: Page, css: string, kind: string, value?: WidgetValue) {
  if (!(await page.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(page);
  return page.evaluate(async ({ css, kind, value }) => {
    const root = document.querySelector(css)!.closest('.layui-form-item')!;
    const adapter = window.YLT.widgetByKind(kind)!;
    const outcome = value === undefined ? null : await adapter.write(root, value, { timeoutMs: 5000 });
    return { detected: window.YLT.detectWidget(root)?.kind, outcome, shown: adapter.read(root) };
  }, { css, kind, value });
}

test.describe('layui 2.9 gallery', () => {
  test('detect picks the right adapter for every field of both layouts', async ({ page }) => {
    await open(page);
    const expected: Record<string, string> = {
      单位名称: 'text', 检查情况: 'text', 检查方式: 'layui-select', 场所类型: 'layui-select', 所在地区: 'layui-select',
      检查依据: 'layui-checkbox', 单位类别: 'layui-radio', 是否复查: 'layui-switch', 检查日期: 'laydate', 到场时间: 'laydate',
      值班时间: 'laydate', 整改期间: 'laydate', 停业期间: 'laydate', 检查类别: 'native-select', 现场照片: 'layui-upload',
      负责人: 'text', 隐患等级: 'layui-select', 整改方式: 'layui-select', 复查类别: 'native-select', 所属区域: 'layui-select',
      处理措施: 'layui-checkbox', 复查结果: 'layui-radio', 是否销案: 'layui-switch', 复查日期: 'laydate', 复查时间: 'laydate',
      复查意见: 'text',
    };
    const got: Record<string, string | undefined> = {};
    for (const label of Object.keys(expected)) got[label] = await detectByLabel(page, label);
    expect(got).toEqual(expected);
    expect(await readByLabel(page, '单位类别')).toBe('九小场所');
    expect(await readByLabel(page, '是否复查')).toBe(false);
    expect(await readByLabel(page, '停业期间')).toEqual(['', '']);
    expect(await onItem(page, '#zgjd-slider', 'layui-slider')).toEqual({ detected: 'layui-slider', outcome: null, shown: '0' });
    expect(await onItem(page, '#myd-rate', 'layui-rate')).toEqual({ detected: 'layui-rate', outcome: null, shown: '0' });
  });

  test('form-item layout: every widget written, read back, and submitted by layui', async ({ page }) => {
    await open(page);
    const unit = `杭州某某小吃店-${Date.now()}`;
    await writes(page, [
      ['单位名称', 'text', unit],
      ['检查情况', 'text', '二楼疏散通道堆放杂物\n厨房灭火器失效'],
      ['检查方式', 'layui-select', '专项检查'],
      ['场所类型', 'layui-select', '小餐饮场所'], // lay-search
      ['所在地区', 'layui-select', ['浙江省', '杭州市', '西湖区']], // AJAX levels
      ['检查依据', 'layui-checkbox', ['《中华人民共和国消防法》第五十三条', '《浙江省消防条例》']],
      ['单位类别', 'layui-radio', '一般单位'],
      ['是否复查', 'layui-switch', true],
      ['检查日期', 'laydate', '2026-05-20'],
      ['到场时间', 'laydate', '2026-05-20 09:30:00'],
      ['值班时间', 'laydate', '08:30:00'],
      ['整改期间', 'laydate', ['2026-05-21', '2026-05-27'], '2026-05-21 - 2026-05-27'], // one input
      ['停业期间', 'laydate', ['2026-06-01', '2026-06-15']], // start and end inputs
      ['检查类别', 'native-select', '专项检查'], // lay-ignore
      ['现场照片', 'layui-upload', [photo('现场1.jpg', JPEG), photo('现场2.jpg', JPEG2)]],
    ]);
    expect(await onItem(page, '#zgjd-slider', 'layui-slider', '60')).toEqual({ detected: 'layui-slider', outcome: { status: 'done' }, shown: '60' });
    expect(await onItem(page, '#myd-rate', 'layui-rate', '3.5')).toEqual({ detected: 'layui-rate', outcome: { status: 'done' }, shown: '3.5' });
    expect(await onItem(page, '#myd-rate', 'layui-rate', '4')).toMatchObject({ outcome: { status: 'done' }, shown: '4' });
    expect(await onItem(page, '#myd-rate', 'layui-rate', '3.5')).toMatchObject({ outcome: { status: 'done' }, shown: '3.5' });
    // Re-writing a linked select with the same first levels keeps them (no reload of the city list).
    await writes(page, [['所在地区', 'layui-select', ['浙江省', '杭州市', '滨江区']]]);
    await expect(page.locator('input[name=xczp]')).toHaveValue(/,/); // both uploads answered

    await page.click('button[lay-filter=saveItem]');
    expect(await submitted('dwmc', unit)).toEqual({
      form: 'item', dwmc: unit, jcqk: '二楼疏散通道堆放杂物\n厨房灭火器失效', jcfs: '02', cslx: 'JX02', lxr: '', lxdh: '',
      sheng: '330000', shi: '330100', qu: '330108',
      'jcyj[xff53]': 'XFF53', 'jcyj[zjtl]': 'ZJTL', dwlb: '2', sffc: '1',
      jcrq: '2026-05-20', dcsj: '2026-05-20 09:30:00', zbsj: '08:30:00', zgqj: '2026-05-21 - 2026-05-27',
      tyks: '2026-06-01', tyjs: '2026-06-15', jclb: 'Z', zgjd: '60', myd: '3.5',
      xczp: `${fileId(JPEG)},${fileId(JPEG2)}`, file: '',
    });
  });

  test('table layout: every widget written, read back, and submitted by layui', async ({ page }) => {
    await open(page);
    const person = `张某${Date.now()}`;
    await writes(page, [
      ['负责人', 'text', person],
      ['隐患等级', 'layui-select', '重大火灾隐患'],
      ['整改方式', 'layui-select', '责令限期改正'],
      ['复查类别', 'native-select', '到期复查'],
      ['所属区域', 'layui-select', ['江苏省', '南京市']],
      ['处理措施', 'layui-checkbox', ['责令限期改正', '临时查封']],
      ['复查结果', 'layui-radio', '已整改'],
      ['是否销案', 'layui-switch', '是', true], // the switch's own on-text
      ['复查日期', 'laydate', '2026年05月28日'], // format yyyy年MM月dd日
      ['复查时间', 'laydate', '2026-05-28 14:05'],
      ['复查意见', 'text', '隐患已整改完毕'],
    ]);
    // Changing a ticked set: 责令限期改正 stays, 临时查封 is unticked, 责令立即改正 ticked.
    await writes(page, [['处理措施', 'layui-checkbox', ['责令立即改正', '责令限期改正']]]);
    await page.click('button[lay-filter=saveTable]');
    expect(await submitted('fzr', person)).toEqual({
      form: 'table', fzr: person, yhdj: '2', zgfs: 'XQ', fclb: 'B', ssqy_sheng: '320000', ssqy_shi: '320100',
      'clcs[ljgz]': '1', 'clcs[xqgz]': '2', fcjg: '1', sfxa: 'Y', fcrq: '2026年05月28日', fcsj: '2026-05-28 14:05', fcyj: '隐患已整改完毕',
    });
  });

  test('no-option and refused values leave the widgets as they were', async ({ page }) => {
    await open(page);
    const unit = `无选项测试-${Date.now()}`;
    await writes(page, [['单位名称', 'text', unit]]);
    const miss = async (label: string, kind: string, value: WidgetValue) => (await writeByLabel(page, label, kind, value)).outcome;

    expect(await miss('检查方式', 'layui-select', '飞行检查')).toMatchObject({ status: 'no-option', wanted: '飞行检查', seen: ['双随机抽查', '专项检查', '举报投诉核查', '营业前检查', '复查'] });
    expect(await miss('场所类型', 'layui-select', '大型商场')).toMatchObject({ status: 'no-option', wanted: '大型商场' });
    expect(await miss('所在地区', 'layui-select', ['浙江省', '绍兴市'])).toMatchObject({ status: 'no-option', wanted: '绍兴市', seen: ['杭州市', '宁波市', '温州市'] });
    expect(await miss('检查依据', 'layui-checkbox', ['《浙江省消防条例》', '《安全生产法》'])).toMatchObject({ status: 'no-option', wanted: '《安全生产法》' });
    expect(await miss('单位类别', 'layui-radio', '特殊单位')).toMatchObject({ status: 'no-option', seen: ['重点单位', '一般单位', '九小场所', '其他'] });
    expect(await miss('是否复查', 'layui-switch', '待定')).toMatchObject({ status: 'no-option', seen: ['是', '否'] });
    expect(await miss('检查类别', 'native-select', '突击检查')).toMatchObject({ status: 'no-option', wanted: '突击检查' });
    expect((await onItem(page, '#myd-rate', 'layui-rate', '6')).outcome).toMatchObject({ status: 'no-option', wanted: '6' });
    expect((await onItem(page, '#zgjd-slider', 'layui-slider', '33')).outcome).toMatchObject({ status: 'error' }); // step 5
    expect((await onItem(page, '#zgjd-slider', 'layui-slider', '120')).outcome).toMatchObject({ status: 'error' }); // max 100
    expect(await miss('检查日期', 'laydate', '2026-13-45')).toMatchObject({ status: 'error' });

    expect(await readByLabel(page, '检查方式')).toBe('');
    expect(await readByLabel(page, '所在地区')).toEqual(['浙江省']);
    expect(await readByLabel(page, '检查依据')).toEqual([]);
    expect(await readByLabel(page, '单位类别')).toBe('九小场所');
    expect((await onItem(page, '#zgjd-slider', 'layui-slider')).shown).toBe('0');
    expect((await onItem(page, '#myd-rate', 'layui-rate')).shown).toBe('0');
    expect(await readByLabel(page, '检查日期')).toBe('');
    await expect(page.locator('.layui-laydate')).toHaveCount(0);

    expect(await readByLabel(page, '场所类型')).toBe('');
    // 检查方式 is required (lay-verify): layui refuses to submit until it is chosen.
    await page.click('button[lay-filter=saveItem]');
    await expect(page.locator('.layui-layer-msg')).toContainText('请选择检查方式');
    await writes(page, [['检查方式', 'layui-select', '复查']]);
    await page.click('button[lay-filter=saveItem]');
    expect(await submitted('dwmc', unit)).toMatchObject({
      jcfs: '05', cslx: '', sheng: '330000', shi: '', qu: '', dwlb: '3', jclb: '', jcrq: '', zgjd: '0', myd: '0', xczp: '',
    });
    expect(Object.keys(await submitted('dwmc', unit)).filter((k) => k.startsWith('jcyj') || k === 'sffc')).toEqual([]);
  });
});

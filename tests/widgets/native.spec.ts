/**
 * The native HTML5 gallery (tests/sites/gallery/native/): every input type, select (single and
 * multiple), datalist, radio and checkbox groups, a yes/no checkbox, file input, textarea,
 * contenteditable, an input in an open shadow root; a second form in a same-origin iframe and a third
 * in an iframe inside that one. Fields are found by label from the TOP document (the locator crosses
 * the iframes), written and read back through the native adapters; what the page holds is checked
 * through its own submit (FormData serialised to JSON).
 */
import { expect, test, type Page } from '../helpers/test';
import { readFileSync } from 'node:fs';
import { detectByLabel, gallerySubmissions, readByLabel, writeByLabel } from '../helpers/gallery';
import { fixturePath } from '../helpers/fixtures';
import { SITE } from '../helpers/sites';
import type { WidgetValue } from '../../lib/engine/widgets/types';

const PAGE = new URL('native/', SITE.gallery).href;
const JPEG = readFileSync(fixturePath('photos/site-1.jpg'));
const photo = (name: string) => ({ name, type: 'image/jpeg', dataUrl: `data:image/jpeg;base64,${JPEG.toString('base64')}` });

async function open(page: Page): Promise<void> {
  await page.goto(PAGE);
  await expect(page.frameLocator('#reviewFrame').frameLocator('#signFrame').locator('input[name=qsr]')).toBeVisible();
}

async function submitted(family: string, key: string, token: string): Promise<Record<string, unknown>> {
  let mine: Record<string, unknown> | undefined;
  await expect.poll(async () => {
    mine = (await gallerySubmissions(family)).filter((s) => s[key] === token).pop();
    return !!mine;
  }).toBe(true);
  return mine!;
}

type Row = [label: string, kind: string, value: WidgetValue, shown?: unknown];
async function writes(page: Page, rows: Row[]) {
  for (const [label, kind, value, shown] of rows) {
    const out = await writeByLabel(page, label, kind, value);
    expect(out, label).toEqual({ located: 'found', widget: kind, outcome: { status: 'done' }, shown: shown === undefined ? value : shown });
  }
}

test.describe('native HTML5 gallery', () => {
  test('detect picks the right adapter for every field, across both iframe levels', async ({ page }) => {
    await open(page);
    const expected: Record<string, string> = {
      单位名称: 'text', 搜索关键字: 'text', 登录密码: 'text', 联系电话: 'text', 电子邮箱: 'text', 单位网址: 'text',
      从业人数: 'text', 场所类型: 'native-select', 检查人员: 'native-select', 所属街道: 'text',
      检查日期: 'native-date', 开始时间: 'native-date', 到场时间: 'native-date', 检查月份: 'native-date', 检查周次: 'native-date',
      标识颜色: 'text', 整改进度: 'native-range', 检查结论: 'native-radio', 隐患类别: 'native-checkbox', 紧急联系人: 'text',
      现场照片: 'native-file', 隐患描述: 'text', 备注: 'text', 已阅读检查须知: 'native-checkbox',
      // first iframe, then the iframe inside it
      复查人: 'text', 复查日期: 'native-date', 复查结论: 'native-select', 整改说明: 'text',
      签收人: 'text', 签收时间: 'native-date', 签收意见: 'native-select', 同意归档: 'native-checkbox',
    };
    const got: Record<string, string | undefined> = {};
    for (const label of Object.keys(expected)) got[label] = await detectByLabel(page, label);
    expect(got).toEqual(expected);
    expect(await readByLabel(page, '已阅读检查须知')).toBe(false); // a yes/no box reads as a boolean
    expect(await readByLabel(page, '同意归档')).toBe(false);
    expect(await readByLabel(page, '检查人员')).toEqual([]);
    expect(await readByLabel(page, '标识颜色')).toBe('#000000');
  });

  test('top form: every widget written, read back, and submitted', async ({ page }) => {
    await open(page);
    const unit = `杭州某某小吃店-${Date.now()}`;
    await writes(page, [
      ['单位名称', 'text', unit], // <label for>
      ['搜索关键字', 'text', '小吃店'],
      ['登录密码', 'text', 'Abc12345'],
      ['联系电话', 'text', '13800000000'], // wrapping <label>
      ['电子邮箱', 'text', 'zhangmou@example.com'],
      ['单位网址', 'text', 'https://example.com/'], // aria-labelledby
      ['从业人数', 'text', '12'],
      ['场所类型', 'native-select', '小餐饮场所'],
      ['检查人员', 'native-select', ['李某', '王某']], // multiple
      ['所属街道', 'text', '古荡街道'], // datalist
      ['检查日期', 'native-date', '2026-05-20'], // table layout
      ['开始时间', 'native-date', '09:30'],
      ['到场时间', 'native-date', '2026-05-20 09:30'],
      ['检查月份', 'native-date', '2026-05'],
      ['检查周次', 'native-date', '2026-W21'],
      ['标识颜色', 'text', '#ff6600'],
      ['整改进度', 'native-range', '60'],
      ['检查结论', 'native-radio', '责令限期改正'],
      ['隐患类别', 'native-checkbox', ['消防通道堵塞', '电气线路私拉乱接']],
      ['紧急联系人', 'text', '王某'], // open shadow root
      ['现场照片', 'native-file', [photo('现场1.jpg'), photo('现场2.jpg')], ['现场1.jpg', '现场2.jpg']],
      ['隐患描述', 'text', '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效'],
      ['备注', 'text', '请于三日内整改'], // contenteditable
      ['已阅读检查须知', 'native-checkbox', true],
    ]);
    // Chinese spellings of dates become the input's ISO value; a multiple select can be narrowed.
    await writes(page, [
      ['检查日期', 'native-date', '2026年5月21日', '2026-05-21'],
      ['检查周次', 'native-date', '2026年第22周', '2026-W22'],
      ['检查人员', 'native-select', ['王某', '赵某']],
      ['隐患类别', 'native-checkbox', ['消防器材缺失失效']],
    ]);
    await page.click('#nativeForm button[type=submit]');
    const size = JPEG.length;
    expect(await submitted('native', 'dwmc', unit)).toEqual({
      dwmc: unit, gjz: '小吃店', dlmm: 'Abc12345', lxdh: '13800000000', dzyx: 'zhangmou@example.com',
      dwwz: 'https://example.com/', cyrs: '12', cslx: 'JX02', jcry: ['P02', 'P03'], ssjd: '古荡街道',
      jcrq: '2026-05-21', kssj: '09:30', dcsj: '2026-05-20T09:30', jcyf: '2026-05', jczc: '2026-W22', bsys: '#ff6600',
      jcjl: '2', yhlb: ['QC'], zgjd: '60', jjlxr: '王某',
      xczp: [{ name: '现场1.jpg', size, type: 'image/jpeg' }, { name: '现场2.jpg', size, type: 'image/jpeg' }],
      yhms: '1.二楼疏散通道堆放杂物；\n2.厨房灭火器失效', bz: '请于三日内整改', ydxz: 'Y',
    });
  });

  test('forms in an iframe and in an iframe inside it, filled from the top document', async ({ page }) => {
    await open(page);
    const who = `复查员${Date.now()}`;
    const signer = `签收员${Date.now()}`;
    await writes(page, [
      ['复查人', 'text', who],
      ['复查日期', 'native-date', '2026/5/28', '2026-05-28'],
      ['复查结论', 'native-select', '部分整改'],
      ['整改说明', 'text', '灭火器已更换，通道仍有杂物'],
      ['签收人', 'text', signer],
      ['签收时间', 'native-date', '2026-05-28T16:00', '2026-05-28 16:00'],
      ['签收意见', 'native-select', '同意'],
      ['同意归档', 'native-checkbox', true],
    ]);
    const review = page.frame({ name: 'reviewFrame' })!;
    const sign = page.frame({ name: 'signFrame' })!;
    await review.click('#reviewForm button[type=submit]');
    await sign.click('#signForm button[type=submit]');
    expect(await submitted('native-iframe', 'fcr', who)).toEqual({ form: 'review', fcr: who, fcrq: '2026-05-28', fcjl: 'P', zgsm: '灭火器已更换，通道仍有杂物' });
    expect(await submitted('native-iframe', 'qsr', signer)).toEqual({ form: 'sign', qsr: signer, qssj: '2026-05-28T16:00', qsyj: '1', tygd: '1' });
  });

  test('no-option and refused values change nothing', async ({ page }) => {
    await open(page);
    const unit = `无选项测试-${Date.now()}`;
    await writes(page, [['单位名称', 'text', unit], ['检查日期', 'native-date', '2026-05-20'], ['整改进度', 'native-range', '30']]);
    const out = async (label: string, kind: string, value: WidgetValue) => (await writeByLabel(page, label, kind, value)).outcome;

    expect(await out('场所类型', 'native-select', '大型商场')).toEqual({ status: 'no-option', wanted: '大型商场', seen: ['小商店', '小餐饮场所', '小旅馆', '小网吧', '三合一场所', '出租房'] });
    expect(await out('检查人员', 'native-select', ['李某', '孙某'])).toMatchObject({ status: 'no-option', wanted: '孙某' });
    expect(await out('检查结论', 'native-radio', '移送立案')).toMatchObject({ status: 'no-option', seen: ['未发现问题', '当场改正', '责令限期改正'] });
    expect(await out('隐患类别', 'native-checkbox', ['消防通道堵塞', '违规住人'])).toMatchObject({ status: 'no-option', wanted: '违规住人' });
    expect(await out('检查日期', 'native-date', '5月20日')).toMatchObject({ status: 'error' }); // no year
    expect(await out('检查日期', 'native-date', '2026-02-30')).toMatchObject({ status: 'error' }); // no such day
    expect(await out('从业人数', 'text', '十二')).toMatchObject({ status: 'error' });
    expect(await out('从业人数', 'text', '12000')).toMatchObject({ status: 'error' }); // max 9999
    expect(await out('整改进度', 'native-range', '55')).toMatchObject({ status: 'error' }); // step 10
    expect(await out('标识颜色', 'text', 'red')).toMatchObject({ status: 'error' });
    expect(await out('单位名称', 'text', '某'.repeat(51))).toMatchObject({ status: 'error' }); // maxlength 50

    expect(await readByLabel(page, '场所类型')).toBe('');
    expect(await readByLabel(page, '检查人员')).toEqual([]);
    expect(await readByLabel(page, '检查结论')).toBe('');
    expect(await readByLabel(page, '隐患类别')).toEqual([]);
    expect(await readByLabel(page, '检查日期')).toBe('2026-05-20');
    expect(await readByLabel(page, '整改进度')).toBe('30');

    await page.click('#nativeForm button[type=submit]');
    const got = await submitted('native', 'dwmc', unit);
    expect(got).toMatchObject({ dwmc: unit, cslx: '', jcrq: '2026-05-20', zgjd: '30', cyrs: '', bsys: '#000000' });
    expect(Object.keys(got).filter((k) => ['jcry', 'jcjl', 'yhlb', 'dwlb', 'clcs', 'ydxz'].includes(k))).toEqual([]);
  });
});

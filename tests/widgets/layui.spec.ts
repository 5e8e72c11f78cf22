/**
 * The layui adapters (lib/engine/widgets/layui.ts) driving the real layui 2.9 form of platform C
 * inside its portal iframe: each field root is the <td> right of the label cell, values are written
 * and read back through the adapters, and the backend payload proves layui's own model took them.
 */
import { expect, test, type Frame, type Page } from '../helpers/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { injectEngine } from '../helpers/engine';
import { SITE, submissions } from '../helpers/sites';
import { UNITS } from '../sites/shared/data';

type Value = string | string[] | boolean | null;
type Outcome = { status: string; wanted?: string; seen?: string[]; message?: string };

let layuiOnly: Promise<string> | undefined;
/** The full engine when it bundles; otherwise the layui family alone (tests/helpers/layui-entry.ts). */
async function inject(target: Page | Frame): Promise<void> {
  try {
    await injectEngine(target);
  } catch {
    layuiOnly ??= build({
      entryPoints: [fileURLToPath(new URL('../helpers/layui-entry.ts', import.meta.url))],
      bundle: true, write: false, format: 'iife', target: 'chrome86', logLevel: 'silent',
    }).then((r) => r.outputFiles[0]!.text);
    await target.addScriptTag({ content: await layuiOnly });
  }
}

async function openForm(page: Page): Promise<Frame> {
  await page.goto(SITE.c);
  const frame = page.frame({ name: 'mainFrame' })!;
  await frame.waitForSelector('td.region .layui-form-select');
  await inject(frame);
  return frame;
}

/** In-page: the <td> right of the label cell whose text (without * and colon) is `label`. */
const CELL = `(doc, label) => {
  const td = Array.from(doc.querySelectorAll('td.label')).find((el) => YLT.dom.normalizeText(el.textContent) === label);
  return td && td.nextElementSibling;
}`;

async function write(frame: Frame, label: string, kind: string, value: Value, timeoutMs = 5000): Promise<Outcome> {
  return frame.evaluate(async ({ label, kind, value, timeoutMs, CELL }) => {
    const root = (0, eval)(CELL)(document, label) as Element;
    const Y = (window as unknown as { YLT: { widgetByKind(k: string): { write(r: Element, v: unknown, c: object): Promise<unknown> } } }).YLT;
    return Y.widgetByKind(kind)!.write(root, value, { timeoutMs }) as Promise<Outcome>;
  }, { label, kind, value, timeoutMs, CELL });
}

async function read(frame: Frame, label: string, kind: string): Promise<Value> {
  return frame.evaluate(({ label, kind, CELL }) => {
    const root = (0, eval)(CELL)(document, label) as Element;
    const Y = (window as unknown as { YLT: { widgetByKind(k: string): { read(r: Element): unknown } } }).YLT;
    return Y.widgetByKind(kind)!.read(root) as Value;
  }, { label, kind, CELL });
}

async function detects(frame: Frame, label: string): Promise<string[]> {
  return frame.evaluate(({ label, CELL }) => {
    const root = (0, eval)(CELL)(document, label) as Element;
    const Y = (window as unknown as { YLT: { WIDGETS: { kind: string; family: string; detect(r: Element): boolean }[] } }).YLT;
    return Y.WIDGETS.filter((w) => w.family === 'layui' && w.detect(root)).map((w) => w.kind);
  }, { label, CELL });
}

/** This test's one submission to C, naming `unit` (the backend files submissions under the test that posted them). */
async function submitted(unit: string): Promise<Record<string, string>> {
  let mine: Record<string, string>[] = [];
  await expect.poll(async () => (mine = await submissions<Record<string, string>>(SITE.c)).length).toBe(1);
  expect(mine[0]!.dwmc).toBe(unit);
  return mine[0]!;
}

/** The plain text fields are the native adapter's job: typed here with Playwright. */
async function typePlainFields(frame: Frame, unit: (typeof UNITS)[number]) {
  await frame.fill('input[name=dwmc]', unit.name);
  await frame.fill('input[name=tyshxydm]', unit.creditCode);
  await frame.fill('input[name=xxdz]', unit.address);
  await frame.fill('input[name=fzr]', unit.legalPerson);
  await frame.fill('input[name=lxdh]', unit.phone);
  await frame.fill('input[name=jcr]', '钱某,何某');
  await frame.fill('textarea[name=yhqk]', '安全出口被货物遮挡');
}

test.describe('layui widget adapters on platform C (iframe, table layout)', () => {
  test('detect recognises each layui widget in its <td> and leaves native fields alone', async ({ page }) => {
    const frame = await openForm(page);
    expect(await detects(frame, '所在地区')).toEqual(['layui-select']);
    expect(await detects(frame, '场所类型')).toEqual(['layui-select']);
    expect(await detects(frame, '检查日期')).toEqual(['laydate']);
    expect(await detects(frame, '到场时间')).toEqual(['laydate']);
    expect(await detects(frame, '不合格项')).toEqual(['layui-checkbox']);
    expect(await detects(frame, '是否复查')).toEqual(['layui-radio']);
    expect(await detects(frame, '检查类别')).toEqual([]); // <select lay-ignore>
    expect(await detects(frame, '单位名称')).toEqual([]);
    expect(await detects(frame, '隐患情况')).toEqual([]);
    expect(await read(frame, '所在地区', 'layui-select')).toEqual([]);
    expect(await read(frame, '是否复查', 'layui-radio')).toBe('否');
    expect(await read(frame, '不合格项', 'layui-checkbox')).toEqual([]);
  });

  test('writes linked AJAX selects, search select, laydate, checkboxes and radio; layui submits them', async ({ page }) => {
    const unit = UNITS.find((u) => u.name === '杭州某某面馆')!; // 滨江区 长河街道, 小餐饮场所
    const frame = await openForm(page);
    await typePlainFields(frame, unit);

    // First a wrong province path, then the real one: each level waits for its AJAX list.
    expect(await write(frame, '所在地区', 'layui-select', ['江苏省', '南京市', '玄武区', '新街口街道'])).toEqual({ status: 'done' });
    expect(await read(frame, '所在地区', 'layui-select')).toEqual(['江苏省', '南京市', '玄武区', '新街口街道']);
    expect(await write(frame, '所在地区', 'layui-select', ['浙江省', '杭州市', '西湖区', '文新街道'])).toEqual({ status: 'done' });
    // Same province and city: only 区 and 街道 change (re-picking 浙江省 would clear the levels below).
    expect(await write(frame, '所在地区', 'layui-select', ['浙江省', '杭州市', '滨江区', '长河街道'])).toEqual({ status: 'done' });
    expect(await read(frame, '所在地区', 'layui-select')).toEqual(['浙江省', '杭州市', '滨江区', '长河街道']);

    expect(await write(frame, '场所类型', 'layui-select', '小餐饮场所')).toEqual({ status: 'done' });
    expect(await read(frame, '场所类型', 'layui-select')).toBe('小餐饮场所');
    expect(await write(frame, '主体类型', 'layui-select', '个体工商户')).toEqual({ status: 'done' });

    expect(await write(frame, '检查日期', 'laydate', '2026-05-21')).toEqual({ status: 'done' });
    expect(await write(frame, '到场时间', 'laydate', '2026-05-21 14:05')).toEqual({ status: 'done' }); // readonly input
    expect(await write(frame, '整改期限', 'laydate', '2026-06-04')).toEqual({ status: 'done' });
    expect(await read(frame, '到场时间', 'laydate')).toBe('2026-05-21 14:05');
    await expect(frame.locator('.layui-laydate')).toHaveCount(0);

    expect(await write(frame, '不合格项', 'layui-checkbox', ['安全出口是否畅通', '疏散通道是否畅通，有无占用、堵塞、封闭', '防火门'])).toEqual({ status: 'done' });
    expect(await write(frame, '不合格项', 'layui-checkbox', ['疏散通道是否畅通，有无占用、堵塞、封闭', '安全出口是否畅通'])).toEqual({ status: 'done' }); // unticks 防火门
    expect(await read(frame, '不合格项', 'layui-checkbox')).toEqual(['疏散通道是否畅通，有无占用、堵塞、封闭', '安全出口是否畅通']);
    await expect(frame.locator('td.checks .layui-form-checked')).toHaveCount(2);

    expect(await write(frame, '是否复查', 'layui-radio', '是')).toEqual({ status: 'done' });
    expect(await read(frame, '是否复查', 'layui-radio')).toBe('是');
    await expect(frame.locator('.layui-form-radioed')).toHaveText('是');

    expect(await detects(frame, '当场改正')).toEqual(['layui-switch']);
    expect(await read(frame, '当场改正', 'layui-switch')).toBe(false);
    expect(await write(frame, '当场改正', 'layui-switch', '是')).toEqual({ status: 'done' });
    expect(await write(frame, '当场改正', 'layui-switch', false)).toEqual({ status: 'done' });
    expect(await read(frame, '当场改正', 'layui-switch')).toBe(false);
    expect(await write(frame, '当场改正', 'layui-switch', true)).toEqual({ status: 'done' });
    await expect(frame.locator('.layui-form-onswitch')).toHaveText('是');

    await frame.click('button[lay-submit]');
    await expect(frame.locator('.layui-layer-msg')).toContainText('保存成功');
    const got = await submitted(unit.name);
    expect(got).toMatchObject({
      sheng: '330000', shi: '330100', qu: '330108', jd: '330108002',
      cslx: 'JX02', ztlx: '20', jcrq: '2026-05-21', dcsj: '2026-05-21 14:05', zgqx: '2026-06-04',
      'wtx[6]': '07', 'wtx[7]': '08', sffc: '1', dcgz: '1', tyshxydm: unit.creditCode,
    });
    expect(Object.keys(got).filter((k) => k.startsWith('wtx'))).toEqual(['wtx[6]', 'wtx[7]']);
  });

  test('no-option: nothing is picked and what was offered is reported', async ({ page }) => {
    const frame = await openForm(page);
    const street = await write(frame, '所在地区', 'layui-select', ['浙江省', '杭州市', '西湖区', '文一街道']);
    expect(street).toMatchObject({ status: 'no-option', wanted: '文一街道' });
    expect(street.seen).toContain('文新街道');
    expect(street.seen).toHaveLength(8);
    expect(await read(frame, '所在地区', 'layui-select')).toEqual(['浙江省', '杭州市', '西湖区']);
    await expect(frame.locator('select[name=jd]')).toHaveValue('');

    const type = await write(frame, '场所类型', 'layui-select', '大型商场');
    expect(type).toMatchObject({ status: 'no-option', wanted: '大型商场' });
    expect(type.seen).toEqual(['小商店', '小餐饮场所', '小旅馆', '小歌舞娱乐场所', '小网吧', '小美容洗浴场所', '小学校/幼儿园', '小医院/诊所', '小生产加工企业', '三合一场所', '出租房']);
    expect(await read(frame, '场所类型', 'layui-select')).toBe('');

    expect(await write(frame, '不合格项', 'layui-checkbox', ['灭火器配置及有效性'])).toEqual({ status: 'done' });
    const checks = await write(frame, '不合格项', 'layui-checkbox', ['疏散通道是否畅通，有无占用、堵塞、封闭', '消防水池']);
    expect(checks).toMatchObject({ status: 'no-option', wanted: '消防水池' });
    expect(checks.seen).toHaveLength(18);
    expect(await read(frame, '不合格项', 'layui-checkbox')).toEqual(['灭火器配置及有效性']); // unchanged

    expect(await write(frame, '是否复查', 'layui-radio', '待定')).toMatchObject({ status: 'no-option', seen: ['是', '否'] });
    expect(await read(frame, '是否复查', 'layui-radio')).toBe('否');

    // laydate corrects an impossible date; the adapter reports it and restores the field instead of claiming success.
    const bad = await write(frame, '整改期限', 'laydate', '2026-13-45');
    expect(bad.status).toBe('error');
    expect(bad.message).toContain('2026-13-45');
    expect(await read(frame, '整改期限', 'laydate')).toBe(''); // what was there before is put back
    await expect(frame.locator('.layui-laydate')).toHaveCount(0);
  });

  test('driven from the top page: roots inside the iframe use their own document and popups', async ({ page }) => {
    await page.goto(SITE.c);
    const frame = page.frame({ name: 'mainFrame' })!;
    await frame.waitForSelector('td.region .layui-form-select');
    await inject(page);
    const out = await page.evaluate(async (CELL) => {
      const doc = (document.getElementById('mainFrame') as HTMLIFrameElement).contentDocument!;
      const cell = (0, eval)(CELL) as (d: Document, l: string) => Element;
      const Y = (window as unknown as { YLT: { widgetByKind(k: string): { write(r: Element, v: unknown, c: object): Promise<{ status: string }>; read(r: Element): unknown } } }).YLT;
      const results = [
        await Y.widgetByKind('layui-select')!.write(cell(doc, '所在地区'), ['浙江省', '宁波市', '鄞州区', '姜山镇'], { timeoutMs: 5000 }),
        await Y.widgetByKind('laydate')!.write(cell(doc, '检查日期'), '2026-05-20', { timeoutMs: 5000 }),
        await Y.widgetByKind('layui-radio')!.write(cell(doc, '是否复查'), '是', { timeoutMs: 5000 }),
      ].map((r) => r.status);
      return {
        results,
        region: Y.widgetByKind('layui-select')!.read(cell(doc, '所在地区')),
        date: Y.widgetByKind('laydate')!.read(cell(doc, '检查日期')),
        topPanels: document.querySelectorAll('.layui-laydate, .layui-form-select').length,
      };
    }, CELL);
    expect(out).toEqual({ results: ['done', 'done', 'done'], region: ['浙江省', '宁波市', '鄞州区', '姜山镇'], date: '2026-05-20', topPanels: 0 });
    await expect(frame.locator('select[name=jd]')).toHaveValue('330212101');
  });
});

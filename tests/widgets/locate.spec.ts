/**
 * The label locator (lib/engine/locate.ts) on every form layout the layui and native galleries use:
 * layui form items and tables, <label for>, a wrapping <label>, aria-labelledby, td tables,
 * fieldset/legend, an open shadow root, and forms in an iframe and in an iframe inside it — always
 * searched from the top document. A label the page renamed is refused as `label-changed` when a
 * fallback locator (name) still finds the control.
 */
import { expect, test, type Page } from '../helpers/test';
import { injectEngine } from '../helpers/engine';
import { SITE } from '../helpers/sites';

const LAYUI = new URL('layui/', SITE.gallery).href;
const NATIVE = new URL('native/', SITE.gallery).href;

interface Found { status: string; via?: string; label?: string | null; tag?: string; names?: string[]; doc?: string; shadow?: boolean }

/** locateField from the top document; the root described by its tag, the names of the controls in it, and its document. */
async function locate(page: Page, label: string, locate?: Record<string, string>): Promise<Found> {
  if (!(await page.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(page);
  return page.evaluate(({ label, locate }) => {
    const r = window.YLT.locateField(document, { label, locate });
    if (r.status === 'not-found') return { status: r.status };
    if (r.status === 'ambiguous') return { status: r.status, label: r.label, names: r.roots.map((x) => x.querySelector('[name]')?.getAttribute('name') ?? '') };
    const root = r.root;
    const named = [root, ...Array.from(root.querySelectorAll('[name]'))].map((e) => e.getAttribute('name')).filter((n): n is string => !!n);
    return {
      status: r.status, via: 'via' in r ? r.via : undefined, label: r.label, tag: root.tagName.toLowerCase(),
      names: Array.from(new Set(named)), doc: root.ownerDocument.location.pathname.replace(/^.*\//, '') || 'index',
      shadow: root.getRootNode() !== root.ownerDocument,
    };
  }, { label, locate });
}

const found = (tag: string, names: string[], doc = 'index') => ({ status: 'found', via: 'label', tag, names, doc, shadow: false });

test.describe('label locator on the layui gallery', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(LAYUI);
    await expect(page.locator('select[name=sheng] option')).toHaveCount(3);
  });

  test('form items (.layui-form-item / .layui-form-label) and table cells (td.label + td)', async ({ page }) => {
    expect(await locate(page, '单位名称')).toMatchObject(found('div', ['dwmc']));
    expect(await locate(page, '所在地区')).toMatchObject(found('div', ['sheng', 'shi', 'qu']));
    expect(await locate(page, '停业期间')).toMatchObject(found('div', ['tyks', 'tyjs']));
    expect(await locate(page, '现场照片')).toMatchObject(found('div', ['file', 'xczp']));
    expect(await locate(page, '负责人')).toMatchObject(found('td', ['fzr'])); // "*负责人：" in the cell
    expect(await locate(page, '所属区域')).toMatchObject(found('td', ['ssqy_sheng', 'ssqy_shi']));
    expect(await locate(page, '是否销案')).toMatchObject(found('td', ['sfxa']));
    expect(await locate(page, '不存在的字段')).toEqual({ status: 'not-found' });
  });

  test('a renamed label is refused as label-changed when the name still finds the control', async ({ page }) => {
    await page.evaluate(() => {
      const rename = (from: string, to: string) => {
        const el = Array.from(document.querySelectorAll('.layui-form-label, td.label')).find((l) => l.textContent!.replace(/[*：\s]/g, '') === from)!;
        el.lastChild!.textContent = to;
      };
      rename('单位名称', '企业名称');
      rename('负责人', '法定代表人：');
    });
    expect(await locate(page, '单位名称', { name: 'dwmc' })).toMatchObject({ status: 'label-changed', label: '企业名称', names: ['dwmc'] });
    expect(await locate(page, '负责人', { name: 'fzr' })).toMatchObject({ status: 'label-changed', label: '法定代表人', tag: 'td' });
    expect(await locate(page, '检查情况', { name: 'jcqk' })).toMatchObject({ status: 'found', via: 'label' });
    expect(await locate(page, '单位名称')).toEqual({ status: 'not-found' });
  });

  // FAILS TODAY: `.layui-inline` (two or three fields in one .layui-form-item, layui admin's usual
  // row) is not a form item for the locator, so both labels resolve to the whole .layui-form-item
  // and the adapter sees both fields. Patch: FORM_ITEM_SELECTOR gains '.layui-form-item > .layui-inline'.
  test('two fields in one form item (.layui-inline): each label finds its own field', async ({ page }) => {
    expect(await locate(page, '联系人')).toMatchObject(found('div', ['lxr']));
    expect(await locate(page, '联系电话')).toMatchObject(found('div', ['lxdh']));
  });

  // FAILS TODAY, and dangerously: layui slider and rate render only <div>s (their value lives in a
  // hidden input), which CONTROL_SELECTOR does not count, so the label's own .layui-form-item looks
  // empty and the generic "next sibling" fallback climbs out of it and returns the NEXT field (the
  // upload). Patch: CONTROL_SELECTOR gains '.layui-slider', '.layui-rate'; and fieldRootOfLabel
  // stops (returns undefined) instead of walking past the form item that holds the label.
  test('slider and rate form items are found by their labels', async ({ page }) => {
    const slider = await locate(page, '整改进度');
    expect(slider).toMatchObject(found('div', ['zgjd']));
    expect(await locate(page, '满意度')).toMatchObject(found('div', ['myd']));
  });
});

test.describe('label locator on the native gallery', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(NATIVE);
    await expect(page.frameLocator('#reviewFrame').frameLocator('#signFrame').locator('input[name=qsr]')).toBeVisible();
  });

  test('<label for>, wrapping <label>, aria-labelledby, td tables, shadow root', async ({ page }) => {
    expect(await locate(page, '单位名称')).toMatchObject(found('input', ['dwmc']));
    expect(await locate(page, '检查人员')).toMatchObject(found('select', ['jcry']));
    expect(await locate(page, '联系电话')).toMatchObject(found('label', ['lxdh']));
    expect(await locate(page, '已阅读检查须知')).toMatchObject(found('label', ['ydxz']));
    expect(await locate(page, '单位网址')).toMatchObject(found('input', ['dwwz']));
    expect(await locate(page, '备注')).toMatchObject(found('div', []));
    expect(await locate(page, '检查日期')).toMatchObject(found('td', ['jcrq']));
    expect(await locate(page, '检查结论')).toMatchObject(found('td', ['jcjl']));
    expect(await locate(page, '紧急联系人')).toMatchObject({ status: 'found', tag: 'input', names: ['jjlxr'], shadow: true });
  });

  test('forms in an iframe and in an iframe inside it, from the top document', async ({ page }) => {
    expect(await locate(page, '复查人')).toMatchObject(found('input', ['fcr'], 'frame.html'));
    expect(await locate(page, '复查结论')).toMatchObject(found('select', ['fcjl'], 'frame.html'));
    expect(await locate(page, '签收人')).toMatchObject(found('td', ['qsr'], 'inner.html'));
    expect(await locate(page, '同意归档')).toMatchObject(found('td', ['tygd'], 'inner.html'));
  });

  test('renamed labels in every layout and frame are refused as label-changed', async ({ page }) => {
    await page.evaluate(() => {
      const inner = (document.getElementById('reviewFrame') as HTMLIFrameElement).contentDocument!;
      const innermost = (inner.getElementById('signFrame') as HTMLIFrameElement).contentDocument!;
      document.querySelector('label[for=dwmc]')!.textContent = '企业名称：';
      document.querySelector('label.wrap-label > span')!.textContent = '手机号码：';
      document.getElementById('dwwz-label')!.textContent = '网站地址：';
      Array.from(document.querySelectorAll('td.label')).find((td) => td.textContent === '检查日期')!.textContent = '巡查日期';
      inner.querySelector('label[for=fcr]')!.textContent = '复核人：';
      Array.from(innermost.querySelectorAll('td.label')).find((td) => td.textContent === '签收人')!.textContent = '接收人';
    });
    expect(await locate(page, '单位名称', { name: 'dwmc' })).toMatchObject({ status: 'label-changed', label: '企业名称' });
    expect(await locate(page, '单位网址', { name: 'dwwz' })).toMatchObject({ status: 'label-changed', label: '网站地址' });
    expect(await locate(page, '检查日期', { name: 'jcrq' })).toMatchObject({ status: 'label-changed', label: '巡查日期' });
    expect(await locate(page, '复查人', { name: 'fcr' })).toMatchObject({ status: 'label-changed', label: '复核人', doc: 'frame.html' });
    expect(await locate(page, '签收人', { name: 'qsr' })).toMatchObject({ status: 'label-changed', label: '接收人', doc: 'inner.html' });
    // Unchanged labels found through the fallback are accepted.
    expect(await locate(page, '复查结论', { name: 'fcjl' })).toMatchObject({ status: 'found', via: 'label' });
  });

  // FAILS TODAY: a wrapping label's text is not read back for a control found by name: labelOfField
  // looks at form items, <label for>, aria-labelledby and table cells only, so a renamed wrapping
  // label reads as null and the field is refused with no label to show. Patch: labelOfField also
  // tries `ctl.closest('label')` (its own text, without the control's).
  test('a renamed wrapping label is reported with the text it shows now', async ({ page }) => {
    await page.evaluate(() => { document.querySelector('label.wrap-label > span')!.textContent = '手机号码：'; });
    expect(await locate(page, '联系电话', { name: 'lxdh' })).toMatchObject({ status: 'label-changed', label: '手机号码' });
  });

  // FAILS TODAY: fieldset/legend — a radio or checkbox group whose legend names it. The legend is a
  // label candidate, but fieldRootOfLabel only tries the legend's next siblings, so the field root is
  // the FIRST option's <label> alone: the radio adapter then sees one option (单位类别 → 重点单位 only).
  // Patch: in fieldRootOfLabel, `if (label.tagName === 'LEGEND' && label.parentElement?.tagName ===
  // 'FIELDSET' && containsControl(label.parentElement, label)) return label.parentElement;` and in
  // labelOfField, read `root.querySelector(':scope > legend')` when the root is a fieldset.
  test('fieldset / legend groups: the legend finds the whole group', async ({ page }) => {
    expect(await locate(page, '单位类别')).toMatchObject(found('fieldset', ['dwlb']));
    expect(await locate(page, '处理措施')).toMatchObject(found('fieldset', ['clcs']));
    expect(await locate(page, '复查方式')).toMatchObject(found('fieldset', ['fcfs'], 'frame.html'));
  });
});

test.describe('label locator on the low-code, ARIA and Naive UI galleries (flat tree, ARIA names, structure)', () => {
  test('a label in a form-item component\'s shadow root finds the control slotted in from light DOM', async ({ page }) => {
    await page.goto(new URL('lowcode/', SITE.gallery).href);
    await page.waitForFunction(() => !!document.querySelector('lc-app')?.shadowRoot?.querySelector('lc-form[ready]'));
    // The form item (in the renderer's shadow root) is the field; its control is slotted into it.
    expect(await locate(page, '检查方式')).toMatchObject({ status: 'found', tag: 'lc-form-item', names: ['method'], shadow: true });
    expect(await locate(page, '所在地区')).toMatchObject({ status: 'found', tag: 'lc-form-item', names: ['region'], shadow: true });
    // aria-label on an <input> inside the control's own shadow root.
    expect(await locate(page, '联系电话')).toMatchObject({ status: 'found', tag: 'input', shadow: true });
    // aria-labelledby pointing out of the control's shadow root into the renderer's.
    expect(await locate(page, '建筑面积（㎡）')).toMatchObject({ status: 'found', tag: 'input', shadow: true });
    // A page in an iframe that sits in a shadow root.
    expect(await locate(page, '外部系统备注')).toMatchObject({ status: 'found', tag: 'input', doc: 'frame.html' });
    // A hidden field is there but never filled: reported hidden; unknown labels are not found.
    expect(await locate(page, '内部编号')).toMatchObject({ status: 'hidden', tag: 'lc-form-item' });
    expect(await locate(page, '不存在的字段')).toEqual({ status: 'not-found' });
  });

  test('aria-labelledby on a group or a tree names the whole group', async ({ page }) => {
    await page.goto(new URL('aria/', SITE.gallery).href);
    expect(await locate(page, '处理措施')).toMatchObject({ status: 'found', tag: 'div' });
    expect(await locate(page, '所属网格')).toMatchObject({ status: 'found', tag: 'ul' });
    expect(await locate(page, '单位名称')).toMatchObject({ status: 'found', tag: 'input' }); // <label for> on the combobox's own input
  });

  test('a label whose neighbour holds only a focusable box keeps that box, never the next field\'s input', async ({ page }) => {
    await page.goto(new URL('naive/', SITE.gallery).href);
    await page.waitForFunction(() => !!document.querySelector('.n-form-item'));
    const region = async (label: string) => {
      if (!(await page.evaluate(() => typeof window.YLT === 'object'))) await injectEngine(page);
      return page.evaluate((l) => {
        const r = window.YLT.locateField(document, { label: l });
        return r.status === 'found' ? `${r.root.className.split(' ')[0]}:${r.root.querySelector('[class*="select"], [class*="cascader"]')?.className.split(' ')[0] ?? ''}` : r.status;
      }, label);
    };
    expect(await region('检查方式')).toBe('n-form-item-blank:n-select');
    expect(await region('所在地区')).toBe('n-form-item-blank:n-cascader');
    expect(await region('所属网格')).toBe('n-form-item-blank:n-tree-select');
  });
});

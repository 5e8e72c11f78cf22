/**
 * The live label index (lib/engine/label-live.ts): one index for a whole fill, brought up to date
 * from the page's mutations, must never bind a label as the page no longer shows it. Each case
 * changes the page between two fields of one fill (a field appears, a second field under the same
 * label appears, a label is renamed, a tab's content is replaced) or between two lookups of one
 * watch (a shadow root attached to an element already there, an `aria-labelledby` text changed, a
 * slotted label text changed), and checks what the next lookup finds.
 */
import { expect, test, type Page } from '../helpers/test';
import { injectEngine } from '../helpers/engine';
import type { FillPlan, FillStep } from '../../lib/engine/plan';

const FORM = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>.form-item{margin:6px}</style></head><body>
<form id="f" onsubmit="return false">
  <div class="form-item"><label>事故类型</label><select id="kind"><option value="">请选择</option><option>火灾</option><option>其他</option></select></div>
  <div class="form-item"><label>联系电话</label><input id="tel1"></div>
  <div class="form-item"><label class="addr">地址</label><input id="addr"></div>
  <div id="tab"><div class="form-item"><label>名称</label><input id="name-a"></div></div>
</form>
<script>
  document.getElementById('kind').addEventListener('change', (e) => {
    if (e.target.value !== '其他') return;
    const f = document.getElementById('f');
    // The page grows two items, renames one label, and replaces the tab's content (as a v-if would).
    f.insertAdjacentHTML('beforeend', '<div class="form-item"><label>补充说明</label><input id="extra"></div><div class="form-item"><label>联系电话</label><input id="tel2"></div>');
    document.querySelector('label.addr').textContent = '门牌地址';
    document.getElementById('tab').innerHTML = '<div class="form-item"><label>名称</label><input id="name-b"></div>';
  });
</script></body></html>`;

const step = (label: string, value: string): FillStep => ({ fieldId: label, label, widget: 'auto', value });

async function open(page: Page, html: string) {
  await page.setContent(html);
  await injectEngine(page);
}

test('one index for the whole fill: fields that appear, a label now shared, a renamed label and a replaced tab are seen by the next field', async ({ page }) => {
  await open(page, FORM);
  const plan: FillPlan = {
    mappingId: 't', mappingVersion: 1, recordId: 'r', skipped: [],
    steps: [step('事故类型', '其他'), step('补充说明', '现场已处置'), step('联系电话', '13800000000'), step('地址', '和平路1号'), step('门牌地址', '和平路2号'), step('名称', '某某小吃店')],
  };
  const out = await page.evaluate((p) => window.YLT.apply(document, p, { timeoutMs: 3000 }), plan);
  expect(Object.fromEntries(out.reports.map((r) => [r.label, r.status]))).toEqual({
    事故类型: 'verified',
    补充说明: 'verified', // appeared after the first field: indexed
    联系电话: 'ambiguous', // a second item under the same label appeared: never filled
    地址: 'not-found', // renamed: the old text no longer finds it
    门牌地址: 'verified',
    名称: 'verified', // the tab's new content, not the removed input
  });
  expect(await page.evaluate(() => ['extra', 'tel1', 'tel2', 'addr', 'name-b'].map((id) => (document.getElementById(id) as HTMLInputElement).value)))
    .toEqual(['现场已处置', '', '', '和平路2号', '某某小吃店']);
});

test('a watched index sees a shadow root attached later, an aria-labelledby text changed and a slotted label text changed', async ({ page }) => {
  await open(page, `<!DOCTYPE html><html><body>
    <div id="late"></div>
    <span id="cap">旧名称</span><input id="named" aria-labelledby="cap">
    <x-item><span id="slotted">负责人</span></x-item>
    <script>
      customElements.define('x-item', class extends HTMLElement {
        constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<div class="form-item"><label><slot></slot></label><input id="inner"></div>'; }
      });
    </script></body></html>`);
  const seen = await page.evaluate(async () => {
    const Y = window.YLT;
    const where = (label: string) => {
      const r = Y.locateField(document, { label });
      return r.status === 'found' ? r.root.querySelector('input')?.id ?? r.root.id : r.status;
    };
    const release = Y.watchLabels(document);
    const before = [where('单位名称'), where('新名称'), where('负责人'), where('联系人')];
    // A shadow root attached to an element already in the page: no mutation record says so.
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<div class="form-item"><label>单位名称</label><input id="unit"></div>';
    document.getElementById('cap')!.textContent = '新名称';
    document.getElementById('slotted')!.textContent = '联系人';
    // The roots are listed once per synchronous stretch of lookups (a capture's click handler, or the
    // stretch between a fill's awaits): the next lookup after the page's own task sees the new root.
    await new Promise((r) => setTimeout(r));
    const after = [where('单位名称'), where('新名称'), where('负责人'), where('联系人'), where('旧名称')];
    release();
    return { before, after };
  });
  expect(seen.before).toEqual(['not-found', 'not-found', 'inner', 'not-found']);
  expect(seen.after).toEqual(['unit', 'named', 'not-found', 'inner', 'not-found']);
});

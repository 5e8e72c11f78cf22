/**
 * A synthetic Element UI 2 form with n fields of mixed widgets (input, select, radio group, checkbox
 * group, date picker, number), served on the galleries' origin (its /vendor/ has the real Element UI
 * and Vue 2 builds from node_modules), and the mapping + plan that fills it. Used for scaling and to
 * measure the unit costs of the lower bound.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { validateMapping } from '../../lib/mapping/load';
import { plan, type FillPlan } from '../../lib/engine/plan';

const KINDS = ['el-input', 'el-select', 'el-radio-group', 'el-checkbox-group', 'el-date-picker', 'el-input-number'] as const;
type Kind = (typeof KINDS)[number];

const label = (i: number) => `字段${String(i + 1).padStart(3, '0')}`;
const kindOf = (i: number): Kind => KINDS[i % KINDS.length]!;
const valueOf = (i: number): unknown => ({
  'el-input': `第${i + 1}项内容`,
  'el-select': '选项C',
  'el-radio-group': '乙',
  'el-checkbox-group': ['甲', '丙'],
  'el-date-picker': '2026-05-20',
  'el-input-number': String((i % 90) + 10),
})[kindOf(i)];

function control(i: number): string {
  const m = `form.f${i}`;
  switch (kindOf(i)) {
    case 'el-input': return `<el-input v-model="${m}" />`;
    case 'el-select': return `<el-select v-model="${m}" placeholder="请选择"><el-option v-for="o in opts" :key="o" :label="o" :value="o" /></el-select>`;
    case 'el-radio-group': return `<el-radio-group v-model="${m}"><el-radio label="甲">甲</el-radio><el-radio label="乙">乙</el-radio><el-radio label="丙">丙</el-radio></el-radio-group>`;
    case 'el-checkbox-group': return `<el-checkbox-group v-model="${m}"><el-checkbox label="甲">甲</el-checkbox><el-checkbox label="乙">乙</el-checkbox><el-checkbox label="丙">丙</el-checkbox></el-checkbox-group>`;
    case 'el-date-picker': return `<el-date-picker v-model="${m}" type="date" value-format="yyyy-MM-dd" placeholder="选择日期" />`;
    case 'el-input-number': return `<el-input-number v-model="${m}" :min="0" :max="9999" controls-position="right" />`;
  }
}

export function syntheticHtml(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<el-col :span="12"><el-form-item label="${label(i)}">${control(i)}</el-form-item></el-col>`).join('\n');
  const init = Array.from({ length: n }, (_, i) => `f${i}: ${kindOf(i) === 'el-checkbox-group' ? '[]' : kindOf(i) === 'el-input-number' ? 'undefined' : "''"}`).join(', ');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>合成表单 ${n} 项</title>
<link rel="stylesheet" href="/vendor/element-ui/lib/theme-chalk/index.css">
<script src="/vendor/vue2/dist/vue.min.js"></script>
<script src="/vendor/element-ui/lib/index.js"></script>
</head><body><div id="app"></div>
<script>
new Vue({ el: '#app', data: { opts: ['选项A', '选项B', '选项C', '选项D', '选项E'], form: { ${init} } },
  template: \`<div style="padding:16px"><el-form label-width="120px" size="small"><el-row :gutter="20">
${items}
</el-row></el-form><div id="ready">就绪</div></div>\` });
</script></body></html>`;
}

export function syntheticPlan(n: number): FillPlan {
  const mapping = validateMapping({
    id: `bench.synthetic.${n}`, name: `合成表单 ${n} 项`, version: 1, schemaVersion: 2,
    maintainers: [{ name: 'bench' }], lastVerified: '2026-12-02',
    match: { urls: ['http://127.0.0.1/bench-synth/*'] },
    fields: Array.from({ length: n }, (_, i) => ({
      id: `f${i}`, label: label(i), widget: kindOf(i), fill: { pipe: [{ op: 'const', value: valueOf(i) }] },
    })),
  }, `synthetic-${n}`);
  return plan({ id: 'bench', values: {} } as Parameters<typeof plan>[0], mapping);
}

/** Serves the n-field page at <gallery>/bench-synth/<n>/ in this context. */
export async function routeSynthetic(context: BrowserContext, galleryUrl: string, n: number): Promise<string> {
  const url = new URL(`bench-synth/${n}/`, galleryUrl).href;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: syntheticHtml(n) }));
  return url;
}

export async function openSynthetic(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#ready').waitFor();
}

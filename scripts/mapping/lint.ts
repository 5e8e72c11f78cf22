/**
 * `npm run mapping -- lint`: what a schema cannot see but a reviewer would flag. Pure: runs in unit tests.
 */
import type { Mapping, MappingField } from '../../lib/mapping/schema';

export interface LintFinding {
  path: string;
  level: 'warn' | 'error';
  message: string;
}

/** CSS that breaks when the platform is rebuilt: generated ids and classes, positions, long chains. */
export function brittleCss(css: string): string | undefined {
  if (/:nth-(child|of-type)\(/.test(css)) return '按位置定位（:nth-child）：页面增删一个字段就会错位';
  if (/data-v-[0-9a-f]{6,}/.test(css)) return 'Vue 的 data-v-xxxx 属性每次构建都会变';
  if (/#(el-id|rc_select|rc-tabs|form_item|van-field)[-_]?\d/.test(css) || /#[a-z]+[-_]\d{3,}/i.test(css)) return '自动生成的 id，每次渲染都可能变化';
  if (/\.css-[a-z0-9]{5,}|\.sc-[a-zA-Z]{5,}|\.[a-zA-Z]+__[a-zA-Z]+___[a-zA-Z0-9]{5}/.test(css)) return '构建生成的 class（CSS-in-JS），每次发布都会变';
  if (css.split(/\s*>\s*|\s+/).filter(Boolean).length > 5) return '选择器层级太深，页面结构稍有变化就失效';
  return undefined;
}

function fieldFindings(f: MappingField, i: number): LintFinding[] {
  const at = `fields[${i}]`;
  const out: LintFinding[] = [];
  if (!f.locate || Object.keys(f.locate).length === 0) {
    out.push({ path: `${at}.locate`, level: 'warn', message: `“${f.label}”没有 locate：标签改名后将找不到字段，也无法发现标签已变。建议至少写 name 或 placeholder` });
  }
  const css = f.locate?.css;
  if (css) {
    const why = brittleCss(css);
    if (why) out.push({ path: `${at}.locate.css`, level: 'warn', message: `${why}：${css}` });
  }
  if (f.widget === 'auto' && !f.rows) out.push({ path: `${at}.widget`, level: 'warn', message: `“${f.label}”的控件写的是 auto：确认页面后请写明控件类型，识别错了才会被发现` });
  if (f.rows && !f.key) out.push({ path: `${at}.rows`, level: 'error', message: '表格字段（rows）需要 key' });
  if (!f.key && f.fill !== false && !(typeof f.fill === 'object' && (f.fill.from || f.fill.pipe?.some((p) => p.op === 'const' || p.op === 'template')))) {
    out.push({ path: `${at}.key`, level: 'warn', message: `“${f.label}”既没有 key 也没有填写规则：它永远不会被填写` });
  }
  return out;
}

export function lintMapping(m: Mapping): LintFinding[] {
  const out = m.fields.flatMap(fieldFindings);
  if (!m.capture) out.push({ path: 'capture', level: 'warn', message: '没有 capture：这个平台上录入的内容不会被保存，不能作为来源平台' });
  const labels = new Map<string, number>();
  for (const f of m.fields) labels.set(f.label, (labels.get(f.label) ?? 0) + 1);
  m.fields.forEach((f, i) => {
    if ((labels.get(f.label) ?? 0) > 1 && !f.locate?.within) {
      out.push({ path: `fields[${i}].locate.within`, level: 'warn', message: `标签“${f.label}”用了不止一次：请用 within 指明区域，否则会报告“标签不唯一”而不填写` });
    }
  });
  const last = new Date(m.lastVerified);
  if (Date.now() - last.getTime() > 180 * 86_400_000) out.push({ path: 'lastVerified', level: 'warn', message: `超过半年没有对照真实页面核对（${m.lastVerified}）` });
  return out;
}

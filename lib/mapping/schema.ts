/**
 * The mapping language, version 2. A mapping file is data: which platform (URLs), which fields
 * (how to find each, which widget, which canonical key), and how values travel between the record
 * and the widget (transform pipes). mappings/schema.json is generated from this file.
 *
 * Version 2 (from 1): keys come from mappings/vocabulary.json instead of a list in code; `rows` fills
 * and captures every column a vocabulary table declares, each with its own widget and pipes, and
 * matches rows by item through an alias table. Version 1 files are still accepted: their `rows` is a
 * subset of version 2's, and nothing else changed meaning.
 */
import { z } from 'zod';
import { vocabularyEntry } from '../record/vocabulary';
import { transformOpSchema } from '../transform';
import { patternTooBroad } from './match';

export const MAPPING_SCHEMA_VERSION = 2;

const canonicalKey = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, '字段名应形如 unit.name')
  .refine((k) => !!vocabularyEntry(k), { message: '不是词表中的字段（见 mappings/vocabulary.json；新字段请先加到词表里）' })
  .describe('词表中的字段名（mappings/vocabulary.json）');

export const locatorSchema = z.object({
  label: z.string().min(1).optional().describe('字段前面显示的标签文字（表单项标签、<label for>、aria-labelledby、表格左侧单元格）'),
  name: z.string().min(1).optional().describe('控件的 name 属性'),
  placeholder: z.string().min(1).optional().describe('输入框的占位提示文字'),
  id: z.string().min(1).optional().describe('控件或表单项的 id'),
  role: z.string().regex(/^[a-z]+$/).optional().describe('控件的 ARIA 角色，如 combobox、radiogroup（与 within 配合使用）'),
  css: z.string().min(1).max(300).optional().describe('CSS 选择器（最后的手段）'),
  within: z.string().min(1).max(300).optional().describe('只在匹配这个 CSS 选择器的区域里查找'),
}).strict().refine((l) => l.label || l.name || l.placeholder || l.id || l.role || l.css, '定位方式至少要写一种：label、name、placeholder、id、role 或 css');
export type Locator = z.infer<typeof locatorSchema>;

const pipe = z.array(transformOpSchema).max(20).describe('依次执行的值转换');

export const fillSchema = z.object({
  from: z.union([canonicalKey, z.array(canonicalKey).min(1)]).optional().describe('取哪个（哪些）词表字段；不写时等于本字段的 key'),
  pipe: pipe.optional(),
}).strict();

export const captureSchema = z.object({
  /** Overrides the field's `key` for capture (e.g. a page's date-only field into inspection.date). */
  to: canonicalKey.optional(),
  /** Writes into one position of a list key (two 执法证号 inputs → inspection.certNos[0], [1]). */
  at: z.number().int().min(0).max(20).optional().describe('写入列表字段的第几项（从 0 开始）'),
  pipe: pipe.optional(),
}).strict();

const widgetKind = z.string().regex(/^[a-z][a-z0-9-]*$/).describe('控件类型，如 el-select、antd-date、layui-select、text；auto 表示自动识别');

export const columnSpecSchema = z.object({
  cell: z.number().int().min(0).optional().describe('第几个单元格（从 0 开始）；与 css 二选一'),
  css: z.string().min(1).max(200).optional().describe('行内的 CSS 选择器（行不是表格行时用，如 Form.List 的每一项）'),
  widget: widgetKind,
  fill: z.union([z.literal(false), z.object({ pipe: pipe.optional() }).strict()]).optional().describe('填写这一列时的转换；false 表示不填'),
  capture: z.union([z.literal(false), z.object({ pipe: pipe.optional() }).strict()]).optional().describe('采集这一列时的转换；false 表示不采集'),
}).strict().refine((c) => c.cell !== undefined || c.css, '列要写 cell（第几个单元格）或 css');
export type ColumnSpec = z.infer<typeof columnSpecSchema>;

export const rowsSchema = z.object({
  /** CSS of one row inside the field (default: table body rows). */
  row: z.string().max(200).default('tbody tr'),
  /** Which cell holds the item's name (0-based), for tables whose rows are identified by an item. */
  itemCell: z.number().int().min(0).default(0).describe('项目名称所在的单元格（从 0 开始）；只用于有 rowKey 的表格，如检查项目'),
  /** When the item's name is typed into the row (not printed), the widget of that cell. */
  itemWidget: widgetKind.optional().describe('项目名称由人填写或选择时，该单元格的控件类型'),
  /** The page's wording of items, by the record's item name. */
  items: z.record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
    .optional().describe('项目名称对照：记录中的叫法 → 本页面的叫法（一个或几个），如 {"疏散通道": "疏散通道是否畅通，有无占用、堵塞、封闭"}'),
  /** Tables that grow: the button that appends a row (添加, 新增一行). */
  add: z.object({
    button: z.string().min(1),
    remove: z.string().min(1).optional().describe('每行里删除该行的按钮文字（如 删除）：撤销时用它删掉填写时新增的行'),
  }).strict().optional().describe('可增行的表格（动态增减的一组）：追加一行的按钮文字'),
  columns: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), columnSpecSchema).describe('每行里各列的控件，列名是词表中该表格的列名（如 result、defect；description、level、deadline）'),
}).strict();
export type RowsSpec = z.infer<typeof rowsSchema>;

export const fieldSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/).describe('本映射内唯一的字段标识'),
  label: z.string().min(1).describe('页面上这个字段应显示的标签；与页面不符时拒绝填写'),
  locate: locatorSchema.optional().describe('怎样找到字段；不写时按 label 查找'),
  widget: widgetKind.default('auto'),
  key: canonicalKey.optional().describe('双向对应的词表字段（采集写入、填充读取）'),
  fill: z.union([z.literal(false), fillSchema]).optional().describe('填充规则；false 表示从不填写'),
  capture: z.union([z.literal(false), captureSchema]).optional().describe('采集规则；false 表示从不采集'),
  rows: rowsSchema.optional().describe('表格形式的检查项目：每行一个项目'),
  after: z.array(z.string()).optional().describe('先填完这些字段再填本字段（例如先选省再选市）'),
  appears: z.boolean().optional().describe('本字段在前面的字段填好后才出现（条件字段）：填写前等待它出现'),
  tab: z.string().min(1).optional().describe('字段所在标签页的标题（el-tabs、a-tabs、layui-tab、role=tab）：填写前先切到这个标签页'),
  section: z.string().min(1).optional().describe('字段所在折叠区的标题，或「展开更多」这类开关的文字：填写前先展开'),
  dialog: z.string().min(1).optional().describe('字段在哪个对话框里（dialogs 中的 id）：填写前先点按钮打开对话框'),
}).strict();
export type MappingField = z.infer<typeof fieldSchema>;

const buttonSchema = z.object({ button: z.string().min(1).describe('按钮上的文字') }).strict();

export const stepSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/).describe('本映射内唯一的步骤标识'),
  title: z.string().min(1).optional().describe('步骤条上这一步的名称，如 基本信息（报告里用）'),
  fields: z.array(z.string()).min(1).describe('这一步里的字段（字段 id）'),
  next: buttonSchema.optional().describe('进入下一步的按钮，如 {"button": "下一步"}；最后一步不写'),
  back: buttonSchema.optional().describe('回到上一步的按钮，如 {"button": "上一步"}（采集时也把这一步暂存）'),
  ready: z.object({
    label: z.string().min(1).describe('这一步出现的标志：这个标签出现在页面上'),
    timeoutMs: z.number().int().min(500).max(60000).default(10000).describe('点“下一步”后最多等多久（毫秒），默认 10000'),
  }).strict().optional().describe('怎样知道已进入这一步；不写时等这一步第一个字段的标签出现'),
}).strict();
export type MappingStep = z.infer<typeof stepSchema>;

export const dialogSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/).describe('本映射内唯一的对话框标识，字段用 dialog 引用'),
  open: buttonSchema.describe('打开对话框的按钮，如 {"button": "新增"}'),
  confirm: buttonSchema.optional().describe('对话框里确认的按钮，如 {"button": "确定"}；填完对话框里的字段后点它'),
}).strict();
export type MappingDialog = z.infer<typeof dialogSchema>;

// Host `*`, <all_urls> and wildcards over more than one site are refused (patternTooBroad): the
// patterns become the extension's host permissions.
const matchPattern = z.string().regex(/^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(:\d+|:\*)?\/.*$/, 'URL 模式应形如 https://example.gov.cn/path/*')
  .superRefine((p, ctx) => {
    const broad = patternTooBroad(p);
    if (broad) ctx.addIssue({ code: 'custom', message: broad });
  });

export const mappingSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,80}$/, 'id 只能用小写字母、数字、点和连字符，如 zj.zzd.zfjc').describe('稳定的唯一标识，发布后永不更改、永不复用'),
  name: z.string().min(1).describe('平台和表单的名称'),
  version: z.number().int().min(1).describe('每次修改加 1'),
  schemaVersion: z.union([z.literal(1), z.literal(2)]).describe('映射语言的版本：写 2（1 仍可读取）'),
  maintainers: z.array(z.object({ name: z.string().min(1), contact: z.string().optional() }).strict()).min(1),
  lastVerified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD').describe('最后一次对照真实页面核对的日期'),
  match: z.object({
    urls: z.array(matchPattern).min(1).describe('本映射适用的页面地址（含 iframe 内的表单页）'),
  }).strict(),
  ready: z.object({
    label: z.string().min(1).describe('表单出现的标志：这个标签出现在页面上（含 iframe、shadow root）时，表单已渲染完毕'),
    timeoutMs: z.number().int().min(500).max(60000).default(15000).describe('最多等多久（毫秒），默认 15000'),
  }).strict().optional().describe('表单晚于页面渲染（先调接口再渲染、iframe 晚加载）时：填写前先等它出现'),
  capture: z.object({
    buttons: z.array(z.string().min(1)).min(1).describe('点击这些按钮（按文字）时采集，如 ["提交", "保存"]'),
  }).strict().optional(),
  steps: z.array(stepSchema).min(2).optional().describe('分步表单（步骤条，下一步）：每一步有哪些字段、怎样进入下一步；按顺序填写，停在最后一步，不提交'),
  dialogs: z.array(dialogSchema).optional().describe('弹出对话框里的表单（点“新增”后填写）'),
  fields: z.array(fieldSchema).min(1),
}).strict().superRefine((m, ctx) => {
  checkStepsAndDialogs(m, ctx);
  const ids = new Set<string>();
  m.fields.forEach((f, i) => {
    if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `字段 id “${f.id}”重复` });
    ids.add(f.id);
  });
  m.fields.forEach((f, i) => {
    for (const [j, dep] of (f.after ?? []).entries()) {
      if (!ids.has(dep)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'after', j], message: `after 引用了不存在的字段“${dep}”` });
    }
    if (f.rows && !f.key) ctx.addIssue({ code: 'custom', path: ['fields', i, 'rows'], message: '表格字段需要 key（如 inspection.checklist）' });
    const entry = f.key ? vocabularyEntry(f.key) : undefined;
    if (f.rows && entry) {
      if (entry.type !== 'table') ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `rows 只能用于表格类型的字段，“${f.key}”是 ${entry.type}` });
      const names = (entry.columns ?? []).map((c) => c.name);
      for (const col of Object.keys(f.rows.columns)) {
        if (!names.includes(col)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'rows', 'columns', col], message: `“${f.key}”没有“${col}”这一列（有：${names.join('、')}）` });
      }
      if (f.rows.items && !entry.rowKey) ctx.addIssue({ code: 'custom', path: ['fields', i, 'rows', 'items'], message: `“${f.key}”的行按顺序对应，没有项目名称可对照` });
    }
  });
});
export type Mapping = z.infer<typeof mappingSchema>;

/** Steps name existing fields, each field once; with steps, every field belongs to one; dialogs exist. */
function checkStepsAndDialogs(m: { steps?: MappingStep[]; dialogs?: MappingDialog[]; fields: MappingField[] }, ctx: z.RefinementCtx): void {
  const ids = new Set(m.fields.map((f) => f.id));
  const stepOf = new Map<string, string>();
  (m.steps ?? []).forEach((s, i) => {
    if (m.steps!.findIndex((o) => o.id === s.id) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `步骤 id “${s.id}”重复` });
    if (i < m.steps!.length - 1 && !s.next) ctx.addIssue({ code: 'custom', path: ['steps', i, 'next'], message: '除最后一步外，每一步都要写 next（进入下一步的按钮）' });
    s.fields.forEach((f, j) => {
      if (!ids.has(f)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'fields', j], message: `步骤引用了不存在的字段“${f}”` });
      else if (stepOf.has(f)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'fields', j], message: `字段“${f}”已在步骤“${stepOf.get(f)}”里` });
      else stepOf.set(f, s.id);
    });
  });
  const dialogs = new Set((m.dialogs ?? []).map((d) => d.id));
  m.fields.forEach((f, i) => {
    if (m.steps && !stepOf.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `字段“${f.id}”不在任何步骤里（有 steps 时每个字段都要写进一步）` });
    if (f.dialog && !dialogs.has(f.dialog)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'dialog'], message: `dialogs 里没有“${f.dialog}”` });
  });
}

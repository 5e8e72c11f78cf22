/**
 * The canonical vocabulary: every key a record may hold, its type, its Chinese label, the other labels
 * platforms use for it (synonyms) and a note. It is data — mappings/vocabulary.json — validated here, so
 * a maintainer adds a key by editing only that file. Keys are stable: renaming one breaks every mapping
 * that names it. mappings/vocabulary.schema.json is generated from `vocabularyFileSchema`.
 */
import { z } from 'zod';
import vocabularyJson from '../../mappings/vocabulary.json' with { type: 'json' };

export const VALUE_TYPE_NAMES = ['text', 'number', 'boolean', 'date', 'datetime', 'datetimeRange', 'textList', 'regionPath', 'table', 'files'] as const;
export type ValueType = (typeof VALUE_TYPE_NAMES)[number];

/** A table column holds one scalar per row. */
export const COLUMN_TYPE_NAMES = ['text', 'number', 'boolean', 'date', 'datetime'] as const;
export type ColumnType = (typeof COLUMN_TYPE_NAMES)[number];

const keyName = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, '字段名应形如 unit.name：小写字母开头，用点分段');

export const columnSchema = z.object({
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '列名应为小写字母开头的英文，如 description').describe('列名（英文，如 description）'),
  type: z.enum(COLUMN_TYPE_NAMES).describe('列的类型'),
  label: z.string().min(1).describe('列的中文名称'),
  options: z.array(z.string().min(1)).min(1).optional().describe('只能取这些值（如 合格/不合格/不涉及）'),
}).strict();
export type VocabularyColumn = z.infer<typeof columnSchema>;

export const vocabularyEntrySchema = z.object({
  key: keyName.describe('字段名，如 unit.name；发布后不再改名'),
  type: z.enum(VALUE_TYPE_NAMES).describe('值的类型'),
  label: z.string().min(1).describe('中文名称，显示给干部和维护人员'),
  synonyms: z.array(z.string().min(1)).default([]).describe('各平台对这个字段的其他叫法（生成映射时用来推荐字段）'),
  note: z.string().optional().describe('说明：格式、取值、来源'),
  columns: z.array(columnSchema).min(1).optional().describe('表格类型（type 为 table）的列'),
  rowKey: z.string().optional().describe('表格中唯一标识一行的列（如检查项目的 item）；没有时按行的顺序对应'),
}).strict().superRefine((e, ctx) => {
  if (e.type === 'table' && !e.columns) ctx.addIssue({ code: 'custom', path: ['columns'], message: '表格类型需要写 columns' });
  if (e.type !== 'table' && (e.columns || e.rowKey)) ctx.addIssue({ code: 'custom', path: ['columns'], message: '只有表格类型（table）才能写 columns 和 rowKey' });
  const names = (e.columns ?? []).map((c) => c.name);
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: '列名重复' });
  if (e.rowKey && !names.includes(e.rowKey)) ctx.addIssue({ code: 'custom', path: ['rowKey'], message: `rowKey “${e.rowKey}”不是本表格的列` });
});
export type VocabularyEntry = z.infer<typeof vocabularyEntrySchema>;

export const vocabularyFileSchema = z.object({
  $schema: z.string().optional(),
  version: z.number().int().min(1).describe('每次修改加 1'),
  keys: z.array(vocabularyEntrySchema).min(1),
}).strict().superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.keys.forEach((k, i) => {
    if (seen.has(k.key)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'key'], message: `字段名“${k.key}”重复` });
    seen.add(k.key);
  });
});
export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;

function load(): VocabularyFile {
  const r = vocabularyFileSchema.safeParse(vocabularyJson);
  if (!r.success) {
    const where = r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；');
    throw new Error(`mappings/vocabulary.json 有误：${where}`);
  }
  return r.data;
}

const file = load();
export const VOCABULARY_VERSION = file.version;
export const VOCABULARY: readonly VocabularyEntry[] = file.keys;
export const CANONICAL_KEYS: readonly string[] = file.keys.map((k) => k.key);

const byKey = new Map<string, VocabularyEntry>(VOCABULARY.map((v) => [v.key, v]));
export function vocabularyEntry(key: string): VocabularyEntry | undefined {
  return byKey.get(key);
}

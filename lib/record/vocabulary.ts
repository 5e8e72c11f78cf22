/**
 * The canonical vocabulary: every key a record may hold, its type, and what it means. This is data
 * (documented for maintainers in mappings/README.md); a new key is added here, never invented in a
 * mapping file. Keys are stable: renaming one is a breaking change to every mapping.
 */
import type { ValueType } from './values';

export interface VocabularyEntry {
  key: string;
  type: ValueType;
  /** Chinese name shown to cadres and maintainers. */
  label: string;
  note?: string;
}

export const VOCABULARY_VERSION = 1;

export const VOCABULARY = [
  { key: 'unit.name', type: 'text', label: '单位名称' },
  { key: 'unit.creditCode', type: 'text', label: '统一社会信用代码', note: '18 位' },
  { key: 'unit.region', type: 'regionPath', label: '单位所在行政区划', note: '名称路径：省/市/区县/乡镇街道' },
  { key: 'unit.address', type: 'text', label: '详细地址', note: '行政区划以下的部分，如“文三路1号”' },
  { key: 'unit.legalPerson', type: 'text', label: '法定代表人/主要负责人' },
  { key: 'unit.phone', type: 'text', label: '联系电话' },
  { key: 'unit.category', type: 'text', label: '单位类别', note: '重点单位/一般单位/九小场所/其他' },
  { key: 'unit.placeType', type: 'text', label: '场所类型', note: '九小场所分类，如“小餐饮场所”' },
  { key: 'unit.area', type: 'number', label: '建筑面积（㎡）' },
  { key: 'unit.floors', type: 'number', label: '层数' },
  { key: 'unit.grid', type: 'textList', label: '所属网格', note: '镇街/村社/网格 名称路径' },
  { key: 'inspection.method', type: 'text', label: '检查方式' },
  { key: 'inspection.item', type: 'text', label: '检查事项' },
  { key: 'inspection.time', type: 'datetimeRange', label: '检查时间', note: '开始、结束，YYYY-MM-DD HH:mm:ss' },
  { key: 'inspection.date', type: 'date', label: '检查日期', note: '只有日期的平台（无起止时间）采集到这里' },
  { key: 'inspection.inspectors', type: 'textList', label: '检查人员' },
  { key: 'inspection.certNos', type: 'textList', label: '执法证号', note: '与检查人员顺序一致' },
  { key: 'inspection.basis', type: 'textList', label: '检查依据' },
  { key: 'inspection.checklist', type: 'checklist', label: '检查项目', note: '每行：项目、结果（合格/不合格/不涉及）、不合格情形' },
  { key: 'hazard.count', type: 'number', label: '发现隐患数' },
  { key: 'hazard.description', type: 'text', label: '隐患描述' },
  { key: 'hazard.level', type: 'text', label: '隐患等级', note: '一般火灾隐患/重大火灾隐患' },
  { key: 'inspection.result', type: 'text', label: '检查结果' },
  { key: 'inspection.measures', type: 'textList', label: '处理措施' },
  { key: 'inspection.document', type: 'text', label: '法律文书及编号' },
  { key: 'rectify.deadline', type: 'date', label: '整改期限' },
  { key: 'recheck.date', type: 'date', label: '复查日期' },
  { key: 'recheck.required', type: 'boolean', label: '是否复查' },
  { key: 'inspection.photos', type: 'files', label: '现场照片' },
  { key: 'inspection.remarks', type: 'text', label: '备注' },
] as const satisfies readonly VocabularyEntry[];

export type CanonicalKey = (typeof VOCABULARY)[number]['key'];
export const CANONICAL_KEYS = VOCABULARY.map((v) => v.key) as [CanonicalKey, ...CanonicalKey[]];

const byKey = new Map<string, VocabularyEntry>(VOCABULARY.map((v) => [v.key, v]));
export function vocabularyEntry(key: string): VocabularyEntry | undefined {
  return byKey.get(key);
}

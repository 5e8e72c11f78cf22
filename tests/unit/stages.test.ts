/** Stepped forms as data: the mapping language's steps and dialogs, and which fields a click captures. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMapping, MappingError } from '@/lib/mapping/load';
import { captureOnClick, mergeStepValues, planStages } from '@/lib/engine/stages';
import { plan } from '@/lib/engine/plan';

const FILE = 'tests/fixtures/mappings/gallery-wizard.json';
const text = readFileSync(FILE, 'utf8');
const wizard = parseMapping(text, FILE);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mapping's JSON, edited freely to break it
function problems(edit: (json: any) => void): string[] {
  const json = JSON.parse(text);
  edit(json);
  try {
    parseMapping(JSON.stringify(json), FILE);
  } catch (e) {
    if (e instanceof MappingError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('steps and dialogs in a mapping', () => {
  it('refuse a field in two steps, a field in none, a step without 下一步, unknown fields and dialogs', () => {
    expect(problems((j) => { j.steps[1].fields.push('unitName'); })).toEqual([expect.stringMatching(/^steps\[1\]\.fields\[4\]: .*已在步骤“basic”里/)]);
    expect(problems((j) => { j.steps[2].fields = j.steps[2].fields.filter((f: string) => f !== 'remarks'); })).toEqual([expect.stringMatching(/^fields\[11\]\.id: .*remarks.*不在任何步骤里/)]);
    expect(problems((j) => { delete j.steps[0].next; })).toEqual([expect.stringMatching(/^steps\[0\]\.next: /)]);
    expect(problems((j) => { j.steps[0].fields.push('nowhere'); })).toEqual([expect.stringMatching(/^steps\[0\]\.fields\[4\]: .*不存在的字段“nowhere”/)]);
    expect(problems((j) => { j.fields[9].dialog = 'nodialog'; })).toEqual([expect.stringMatching(/^fields\[9\]\.dialog: .*nodialog/)]);
  });

  it('plan: stages in the mapping\'s order, each field with its tab, section or dialog', () => {
    expect(planStages(wizard).map((s) => [s.id, s.next, s.ready.label])).toEqual([
      ['basic', '下一步', '单位名称'], ['check', '下一步', '检查方式'], ['handling', undefined, '法律文书'],
    ]);
    const p = plan({ id: 'r', values: { 'unit.phone': '13800000000', 'inspection.findings': '正常', 'inspection.document': '文书 1 号' } }, wizard);
    expect(p.steps.map((s) => [s.label, s.section ?? s.tab ?? s.dialog?.open.button])).toEqual([
      ['联系电话', '负责人信息'], ['现场检查情况', '现场情况'], ['文书名称及编号', '新增'],
    ]);
    expect(p.stages?.map((s) => s.fieldIds.length)).toEqual([4, 4, 4]);
  });
});

describe('capture across steps', () => {
  it('下一步 and 上一步 capture the step shown as a draft; 提交 captures it for good; other buttons nothing', () => {
    expect(captureOnClick(wizard, 'basic', '下一步')).toEqual({ stepId: 'basic', fieldIds: ['unitName', 'creditCode', 'legalPerson', 'phone'], status: 'draft' });
    expect(captureOnClick(wizard, 'check', '上 一 步')?.status).toBe('draft');
    expect(captureOnClick(wizard, 'handling', '提交')).toEqual({ stepId: 'handling', fieldIds: ['hazards', 'docInput', 'document', 'remarks'], status: 'captured' });
    expect(captureOnClick(wizard, 'handling', '新增')).toBeUndefined();
    expect(captureOnClick(wizard, undefined, '下一步')).toBeUndefined();
  });

  it('a step captured again replaces its own values (an emptied field is dropped) and keeps the other steps\'', () => {
    let sofar = mergeStepValues(wizard, {}, ['unitName', 'creditCode', 'legalPerson', 'phone'], { 'unit.name': '甲店', 'unit.phone': '1' });
    sofar = mergeStepValues(wizard, sofar, ['method', 'inspectors', 'findings', 'result'], { 'inspection.method': '日常检查' });
    sofar = mergeStepValues(wizard, sofar, ['unitName', 'creditCode', 'legalPerson', 'phone'], { 'unit.name': '乙店' });
    expect(sofar).toEqual({ 'unit.name': '乙店', 'inspection.method': '日常检查' });
  });
});

/**
 * Reports say what happened (issue 10, point 2), the pure half: where a planned value came from
 * (record, the mapping's const/default, truncate) and when a read-back counts as showing the value.
 */
import { describe, expect, it } from 'vitest';
import { runPipeTraced } from '@/lib/transform';
import { plan } from '@/lib/engine/plan';
import { showsWanted } from '@/lib/engine/compare';
import type { Mapping } from '@/lib/mapping/schema';

const ctx = { values: {} };

describe('value source', () => {
  it('is the record when the pipe only reshapes the record value', () => {
    expect(runPipeTraced('  杭州某某小吃店 ', [{ op: 'trim' }], ctx)).toEqual({ value: '杭州某某小吃店', source: 'record' });
    expect(runPipeTraced('短', [{ op: 'truncate', max: 5 }], ctx)).toEqual({ value: '短', source: 'record' }); // not cut
    expect(runPipeTraced('有值', [{ op: 'default', value: '无' }], ctx)).toEqual({ value: '有值', source: 'record' });
  });
  it('is the mapping for const, and for a default that stood in for an empty value', () => {
    expect(runPipeTraced('记录里的', [{ op: 'const', value: '网格员巡查' }], ctx)).toEqual({ value: '网格员巡查', source: 'mapping' });
    expect(runPipeTraced('', [{ op: 'default', value: '无' }], ctx)).toEqual({ value: '无', source: 'mapping' });
  });
  it('is truncated when truncate cut the value', () => {
    expect(runPipeTraced('一二三四五六', [{ op: 'truncate', max: 4 }], ctx)).toEqual({ value: '一二三四', source: 'truncated' });
  });
  it('reaches the fill plan step by step', () => {
    const mapping = {
      id: 'm', version: 1, name: 'm', match: ['http://x/'],
      fields: [
        { id: 'a', label: '单位名称', widget: 'auto', key: 'unit.name' },
        { id: 'b', label: '事件来源', widget: 'auto', fill: { pipe: [{ op: 'const', value: '网格员巡查' }] } },
        { id: 'c', label: '情况', widget: 'auto', key: 'inspection.summary', fill: { pipe: [{ op: 'truncate', max: 2 }] } },
      ],
    } as unknown as Mapping;
    const p = plan({ id: 'r', values: { 'unit.name': '某店', 'inspection.summary': '三个字' } }, mapping);
    expect(p.steps.map((s) => [s.label, s.value, s.source])).toEqual([
      ['单位名称', '某店', 'record'], ['事件来源', '网格员巡查', 'mapping'], ['情况', '三个', 'truncated'],
    ]);
  });
});

describe('read-back of a tree select that shows only its leaf', () => {
  const tree = { showsLeaf: true };
  const path = ['文新街道', '文苑社区', '第3网格'];
  it('the leaf alone verifies the path', () => {
    expect(showsWanted(tree, ['第3网格'], path)).toBe(true);
    expect(showsWanted(tree, '第3网格', path)).toBe(true);
    expect(showsWanted(tree, path, path)).toBe(true);
  });
  it('another leaf, an empty box, or a widget that shows whole paths does not', () => {
    expect(showsWanted(tree, ['第2网格'], path)).toBe(false);
    expect(showsWanted(tree, [], path)).toBe(false);
    expect(showsWanted({}, ['第3网格'], path)).toBe(false);
  });
});

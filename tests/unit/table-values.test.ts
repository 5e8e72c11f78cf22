/** Record tables ↔ page tables: column pipes, item aliases both ways, positional rows. */
import { describe, expect, it } from 'vitest';
import { captureRows, pageNames, planRows, recordItem } from '@/lib/engine/table-values';
import { rowsSchema } from '@/lib/mapping/schema';
import { vocabularyEntry } from '@/lib/record/vocabulary';
import { runPipe } from '@/lib/transform';

const checklist = vocabularyEntry('inspection.checklist');
const hazards = vocabularyEntry('hazard.items');
const ctx = { values: {} };

describe('keyed tables (the checklist): rows matched by item, through the mapping\'s aliases', () => {
  const spec = rowsSchema.parse({
    itemCell: 1,
    items: { 防火巡查检查: '防火检查巡查', 疏散通道: ['疏散通道是否畅通，有无占用、堵塞、封闭', '疏散通道畅通'] },
    columns: { result: { cell: 2, widget: 'el-radio-group' }, defect: { cell: 3, widget: 'el-select' } },
  });
  it('plans each row with the page\'s wordings first, then the record\'s', () => {
    const rows = planRows([{ item: '疏散通道', result: '不合格', defect: '堵塞' }, { item: '灭火器', result: '合格' }], spec, checklist, ctx);
    expect(rows).toEqual([
      { names: ['疏散通道是否畅通，有无占用、堵塞、封闭', '疏散通道畅通', '疏散通道'], cells: { result: '不合格', defect: '堵塞' } },
      { names: ['灭火器'], cells: { result: '合格' } },
    ]);
    expect(pageNames('防火巡查检查', spec)).toEqual(['防火检查巡查', '防火巡查检查']);
  });
  it('captures the page\'s wording back as the record\'s, width- and space-insensitively', () => {
    expect(recordItem('疏散通道畅通 ', spec)).toBe('疏散通道');
    expect(recordItem('防火检查巡查', spec)).toBe('防火巡查检查');
    expect(recordItem('消防演练', spec)).toBe('消防演练');
    const got = captureRows([
      { item: '防火检查巡查', cells: { result: '合格', defect: null } },
      { item: '疏散通道是否畅通，有无占用、堵塞、封闭', cells: { result: '不合格', defect: '堵塞' } },
      { item: '消防演练', cells: { result: null, defect: null } },
    ], spec, checklist, ctx);
    expect(got).toEqual([{ item: '防火巡查检查', result: '合格' }, { item: '疏散通道', result: '不合格', defect: '堵塞' }]);
  });
});

describe('positional tables (hazard rows): every column, each with its own pipe', () => {
  const spec = rowsSchema.parse({
    add: { button: '添加隐患' },
    columns: {
      description: { css: '.desc', widget: 'antd-input' },
      level: {
        cell: 2, widget: 'antd-select',
        fill: { pipe: [{ op: 'map', table: { 一般火灾隐患: '一般', 重大火灾隐患: '重大' } }] },
        capture: { pipe: [{ op: 'map', table: { 一般火灾隐患: '一般', 重大火灾隐患: '重大' }, invert: true }] },
      },
      deadline: { cell: 3, widget: 'antd-date', fill: { pipe: [{ op: 'date', to: 'YYYY年MM月DD日' }] }, capture: { pipe: [{ op: 'date', from: 'YYYY年MM月DD日', to: 'YYYY-MM-DD' }] } },
    },
  });
  const record = [{ description: '二楼疏散通道堆放杂物', level: '一般火灾隐患', deadline: '2026-05-27' }, { description: '厨房灭火器失效', level: '重大火灾隐患' }];
  it('plans rows in order, without item names', () => {
    expect(planRows(record, spec, hazards, ctx)).toEqual([
      { cells: { description: '二楼疏散通道堆放杂物', level: '一般', deadline: '2026年05月27日' } },
      { cells: { description: '厨房灭火器失效', level: '重大' } },
    ]);
  });
  it('captures what the page shows back into the record\'s wording; blank rows are dropped', () => {
    const got = captureRows([
      { cells: { description: '二楼疏散通道堆放杂物', level: '一般', deadline: '2026年05月27日' } },
      { cells: { description: '', level: null, deadline: '' } },
      { cells: { description: '厨房灭火器失效', level: '重大', deadline: null } },
    ], spec, hazards, ctx);
    expect(got).toEqual(record);
  });
  it('reports a level the table lacks instead of guessing', () => {
    expect(() => planRows([{ description: 'x', level: '特大火灾隐患' }], spec, hazards, ctx)).toThrow('值对照表中没有“特大火灾隐患”');
  });
});

describe('transforms the new forms need', () => {
  it('compare turns a count into a yes/no', () => {
    expect(runPipe(2, [{ op: 'compare', gt: 0 }, { op: 'map', table: { true: '是', false: '否' } }], ctx)).toBe('是');
    expect(runPipe(0, [{ op: 'compare', gt: 0 }], ctx)).toBe(false);
    expect(runPipe('3', [{ op: 'compare', gte: 3 }], ctx)).toBe(true);
    expect(runPipe('重大火灾隐患', [{ op: 'compare', eq: '重大火灾隐患' }], ctx)).toBe(true);
    expect(runPipe(undefined, [{ op: 'compare', gt: 0 }], ctx)).toBeUndefined();
    expect(() => runPipe('两处', [{ op: 'compare', gt: 0 }], ctx)).toThrow('不是数字');
  });
  it('map over a list keeps the list\'s order; unique keeps the first of repeats', () => {
    const table = { 灭火器: '消防器材缺失失效', 疏散通道: '消防通道堵塞', 安全出口: '消防通道堵塞', 电气线路: '电气线路私拉乱接' };
    expect(runPipe(['电气线路', '疏散通道', '灭火器', '安全出口'], [{ op: 'map', table }, { op: 'unique' }], ctx))
      .toEqual(['电气线路私拉乱接', '消防通道堵塞', '消防器材缺失失效']);
  });
});

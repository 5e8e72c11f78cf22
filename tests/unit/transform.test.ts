import { describe, expect, it } from 'vitest';
import { runPipe, TransformError } from '@/lib/transform';
import { transformOpSchema } from '@/lib/transform';
import { parseDate } from '@/lib/transform/date';

const ctx = { values: { 'unit.name': '杭州某某小吃店', 'unit.region': ['浙江省', '杭州市', '西湖区', '文新街道'], 'unit.address': '文三路1号' } };
const rows = [
  { item: '疏散通道', result: '不合格', defect: '堵塞' },
  { item: '安全出口', result: '不合格' },
  { item: '灭火器', result: '合格' },
];

describe('text transforms', () => {
  it('joins several keys through a template', () => {
    expect(runPipe(undefined, [{ op: 'template', template: '{unit.region}{unit.address}' }], ctx)).toBe('浙江省杭州市西湖区文新街道文三路1号');
    expect(runPipe(undefined, [{ op: 'template', template: '{unit.name}消防安全隐患' }], ctx)).toBe('杭州某某小吃店消防安全隐患');
  });
  it('gives nothing when a template key is missing, instead of a half string', () => {
    expect(runPipe(undefined, [{ op: 'template', template: '{unit.phone}（电话）' }], ctx)).toBeUndefined();
  });
  it('folds full-width characters and truncates by characters, not bytes', () => {
    expect(runPipe('ＡＢＣ１２３　号', [{ op: 'halfWidth' }], ctx)).toBe('ABC123 号');
    expect(runPipe('一二三四五', [{ op: 'truncate', max: 3 }], ctx)).toBe('一二三');
  });
  it('captures with a bounded regex and refuses catastrophic patterns', () => {
    expect(runPipe('〔2026〕第0123号', [{ op: 'regex', pattern: '第(\\d+)号', group: 1 }], ctx)).toBe('0123');
    expect(transformOpSchema.safeParse({ op: 'regex', pattern: '(a+)+$' }).success).toBe(false);
    expect(transformOpSchema.safeParse({ op: 'regex', pattern: '(a)\\1' }).success).toBe(false);
    expect(transformOpSchema.safeParse({ op: 'regex', pattern: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('list transforms', () => {
  it('answers "any row failed" and counts', () => {
    expect(runPipe(rows, [{ op: 'any', where: { result: '不合格' } }], ctx)).toBe(true);
    expect(runPipe(rows, [{ op: 'count', where: { result: '不合格' } }], ctx)).toBe(2);
    expect(runPipe([{ item: 'x', result: '合格' }], [{ op: 'any', where: { result: '不合格' } }], ctx)).toBe(false);
  });
  it('collects failed rows through a table into unique categories', () => {
    const out = runPipe(rows, [
      { op: 'collect', where: { result: '不合格' }, field: 'item' },
      { op: 'map', table: { 疏散通道: '消防通道堵塞', 安全出口: '消防通道堵塞' } },
      { op: 'unique' },
    ], ctx);
    expect(out).toEqual(['消防通道堵塞']);
  });
  it('splits a comma-joined people list and joins it back', () => {
    expect(runPipe('李某，王某、钱某', [{ op: 'split' }], ctx)).toEqual(['李某', '王某', '钱某']);
    expect(runPipe(['李某', '王某'], [{ op: 'join', sep: ',' }], ctx)).toBe('李某,王某');
  });
  it('turns a failed-items list into checklist rows', () => {
    expect(runPipe(['灭火器'], [{ op: 'toChecklist', result: '不合格' }], ctx)).toEqual([{ item: '灭火器', result: '不合格' }]);
  });
});

describe('value tables', () => {
  it('matches across full-width and half-width brackets', () => {
    expect(runPipe('违规住人(三合一)', [{ op: 'map', table: { '违规住人（三合一）': 'XF04' } }], ctx)).toBe('XF04');
  });
  it('reads a table backwards for capture', () => {
    expect(runPipe('JX02', [{ op: 'map', invert: true, table: { 小餐饮场所: 'JX02' } }], ctx)).toBe('小餐饮场所');
  });
  it('reports a value the table lacks instead of guessing', () => {
    expect(() => runPipe('不存在的类型', [{ op: 'map', table: { a: 'b' } }], ctx)).toThrow(TransformError);
    expect(runPipe('不存在的类型', [{ op: 'map', table: { a: 'b' }, default: '其他' }], ctx)).toBe('其他');
  });
});

describe('date transforms', () => {
  it('reformats between display formats', () => {
    expect(runPipe('2026-05-20 09:30:00', [{ op: 'date', from: 'YYYY-MM-DD HH:mm:ss', to: 'YYYY年MM月DD日 HH:mm' }], ctx)).toBe('2026年05月20日 09:30');
    expect(runPipe('2026年5月7日', [{ op: 'date', to: 'YYYY-MM-DD' }], ctx)).toBe('2026-05-07');
  });
  it('moves between ranges and pairs', () => {
    const range = { start: '2026-05-20 09:30:00', end: '2026-05-20 10:10:00' };
    expect(runPipe(range, [{ op: 'rangeToList' }], ctx)).toEqual(['2026-05-20 09:30:00', '2026-05-20 10:10:00']);
    expect(runPipe(['2026-05-20 09:30:00', '2026-05-20 10:10:00'], [{ op: 'listToRange' }], ctx)).toEqual(range);
    expect(runPipe(range, [{ op: 'field', name: 'start' }], ctx)).toBe('2026-05-20 09:30:00');
  });
  it('moves between Beijing wall-clock time and timestamps', () => {
    // 2026-05-20 09:30 +08:00 is 01:30 UTC: 1779240600000 ms (checked with `date -d '2026-05-20T01:30:00Z' +%s`).
    expect(runPipe('2026-05-20 09:30:00', [{ op: 'timestamp' }], ctx)).toBe(1779240600000);
    expect(runPipe(1779240600000, [{ op: 'fromTimestamp', to: 'YYYY年MM月DD日 HH:mm' }], ctx)).toBe('2026年05月20日 09:30');
    expect(() => runPipe('昨天', [{ op: 'timestamp' }], ctx)).toThrow(/无法识别/);
  });
  it('refuses impossible dates', () => {
    expect(() => runPipe('2026-13-40', [{ op: 'date', to: 'YYYY-MM-DD' }], ctx)).toThrow(/无法识别/);
    expect(parseDate('2026/05/20', 'YYYY-MM-DD')).toBeUndefined();
  });
});

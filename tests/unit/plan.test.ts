import { describe, expect, it } from 'vitest';
import { plan, orderFields } from '@/lib/engine/plan';
import { loadMapping, MAPPING_A, MAPPING_B, MAPPING_C } from '../helpers/mappings';
import { sampleRecordValues } from '../helpers/fixtures';
import type { Mapping } from '@/lib/mapping/schema';

const record = { id: 'r1', values: sampleRecordValues() };
const valuesOf = (p: ReturnType<typeof plan>) => Object.fromEntries(p.steps.map((s) => [s.label, s.value]));

describe('plan: the sample record onto platform B', () => {
  const p = plan(record, loadMapping(MAPPING_B));
  it('bridges vocabulary, granularity and formats', () => {
    // Expected values written by hand from PLATFORMS.md's platform B rules.
    expect(valuesOf(p)).toEqual({
      事件标题: '杭州某某小吃店消防安全隐患',
      事件来源: '网格员巡查',
      事件类型: ['平安建设', '消防安全', '消防通道堵塞'],
      发生时间: '2026年05月20日 09:30',
      发生地点: '浙江省杭州市西湖区文新街道文三路1号',
      涉及主体: '杭州某某小吃店',
      联系人: '张某',
      联系方式: '13800000000',
      是否存在隐患: '是',
      隐患类别: ['消防通道堵塞', '消防器材缺失失效'],
      事件描述: '1.二楼疏散通道堆放杂物；2.厨房灭火器失效',
      紧急程度: '一般',
      处置方式: '上报流转',
      要求办结时限: '2026-05-27',
      附件: record.values['inspection.photos'],
      所属行业: '住宿和餐饮业',
      隐患清单: null,
    });
    // The hazard rows, positional, with B's own wording of the level (written by hand from the replica's options).
    expect(p.steps.find((s) => s.label === '隐患清单')?.rows).toMatchObject({
      keyed: false,
      value: [
        { cells: { description: '二楼疏散通道堆放杂物', level: '一般', deadline: '2026-05-27' } },
        { cells: { description: '厨房灭火器失效', level: '一般', deadline: '2026-05-27' } },
      ],
    });
  });
  it('leaves 所属网格 for the cadre: grid codes cannot be derived from region codes', () => {
    expect(p.skipped).toEqual([{ fieldId: 'grid', label: '所属网格', status: 'empty', message: '记录中没有这一项' }]);
  });
  it('says 否 when nothing failed, and 紧急 for a 重大火灾隐患', () => {
    const ok = plan({ id: 'r2', values: { ...record.values, 'hazard.level': '重大火灾隐患', 'inspection.checklist': [{ item: '灭火器', result: '合格' }] } }, loadMapping(MAPPING_B));
    expect(valuesOf(ok)['是否存在隐患']).toBe('否');
    expect(valuesOf(ok)['紧急程度']).toBe('紧急');
    expect(ok.skipped.map((s) => s.label)).toContain('隐患类别');
  });
});

describe('plan: the sample record back onto platform A', () => {
  const p = plan(record, loadMapping(MAPPING_A));
  it('fills every field A captured, with the range and the certificate list split back', () => {
    const v = valuesOf(p);
    expect(v['检查时间']).toEqual(['2026-05-20 09:30:00', '2026-05-20 10:10:00']);
    expect(v['主办人执法证号']).toBe('浙A33010600101');
    expect(v['协办人执法证号']).toBe('浙A33010600102');
    expect(v['建筑面积（㎡）']).toBe('80');
    expect(p.steps.find((s) => s.label === '检查项目')?.rows?.value).toHaveLength(18);
    expect(p.steps.find((s) => s.label === '检查项目')?.rows?.keyed).toBe(true);
    expect(p.steps.find((s) => s.label === '隐患明细')?.rows?.value).toHaveLength(2);
    expect(v['陪同人员']).toBe('赵某、钱某');
    expect(p.skipped).toEqual([]);
  });
  it('fills the unit before its credit code, which the page derives from it', () => {
    const labels = p.steps.map((s) => s.fieldId);
    expect(labels.indexOf('unitName')).toBeLessThan(labels.indexOf('creditCode'));
  });
});

describe('plan: bad input', () => {
  it('reports a record value that a value table lacks, and fills the rest', () => {
    const m = loadMapping(MAPPING_B);
    const odd = plan({ id: 'r3', values: { ...record.values, 'hazard.level': '特别重大' } }, m);
    expect(odd.skipped).toContainEqual({ fieldId: 'urgency', label: '紧急程度', status: 'no-entry', message: '值对照表中没有“特别重大”' });
    expect(odd.steps.length).toBe(16);
  });
  it('orders by `after` even when the file lists a field first', () => {
    const fields = [{ id: 'city', label: '市', after: ['prov'], widget: 'auto' }, { id: 'prov', label: '省', widget: 'auto' }] as Mapping['fields'];
    expect(orderFields(fields).map((f) => f.id)).toEqual(['prov', 'city']);
  });

});

describe('plan: C words the checklist its own way, and derives 主体类型 from the credit code', () => {
  const p = plan(record, loadMapping(MAPPING_C));
  it('maps the failed items through the alias table', () => {
    const v = valuesOf(p);
    expect(v['不合格项']).toEqual(['疏散通道是否畅通，有无占用、堵塞、封闭', '灭火器配置及有效性']);
    expect(v['主体类型']).toBe('个体工商户');
    expect(v['陪同人员']).toBe('赵某,钱某');
  });
});

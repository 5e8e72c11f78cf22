import { describe, expect, it } from 'vitest';
import { buildMapping, fieldOf, mergeScan, proposeKey, proposeMappingId, searchVocabulary, urlPattern, type Draft, type DraftItem } from '../../lib/mapping/draft';

const item = (over: Partial<DraftItem>): DraftItem => ({ sig: over.label ?? 'x', id: 'f', label: '单位名称', widget: 'text', locatorKind: 'label', warnings: [], required: false, ...over });

describe('proposeKey', () => {
  it('matches a key label, then a synonym, then the longest contained term', () => {
    expect(proposeKey('单位名称')).toEqual({ key: 'unit.name', how: 'label' });
    expect(proposeKey('*被检查单位名称：')).toEqual({ key: 'unit.name', how: 'synonym' });
    expect(proposeKey('主要负责人姓名')).toEqual({ key: 'unit.legalPerson', how: 'contains' });
  });
  it('proposes nothing for a label no term fits', () => {
    expect(proposeKey('到场时间')).toBeUndefined();
    expect(proposeKey(null)).toBeUndefined();
  });
});

describe('mergeScan', () => {
  it('keeps corrections, adds only new items, marks them as appearing, keeps ids unique', () => {
    const draft: Draft = { url: 'http://x/', title: 't', items: [item({ sig: 'a', id: 'unitName', key: 'unit.phone' })] };
    const { draft: merged, added } = mergeScan(draft, { url: 'http://x/', title: 't', items: [item({ sig: 'a', id: 'unitName' }), item({ sig: 'b', id: 'unitName', label: '备注' })] });
    expect(merged.items[0]!.key).toBe('unit.phone');
    expect(added).toHaveLength(1);
    expect(merged.items[1]).toMatchObject({ id: 'unitName2', appears: true, label: '备注' });
  });
});

describe('buildMapping', () => {
  it('builds a valid mapping from kept items, leaving out skipped, label-less and table items', () => {
    const draft: Draft = {
      url: 'http://127.0.0.1:8080/app/form.html?id=1', title: 't', items: [
        item({ id: 'unitName', key: 'unit.name', locate: { name: 'dwmc' } }),
        item({ id: 'skipMe', label: '备注', skip: true }),
        item({ id: 'noLabel', label: null }),
        item({ id: 'table', label: '检查项目', widget: 'table', key: 'inspection.checklist' }),
        item({ id: 'odd', label: '某控件', widget: 'unknown', appears: true }),
      ],
    };
    const m = buildMapping(draft, { id: proposeMappingId(draft.url), name: '表单', urls: [urlPattern(draft.url)], maintainer: '维护人', date: '2026-12-02' });
    expect(m.match.urls).toEqual(['http://127.0.0.1:8080/app/form.html*']);
    expect(m.id).toBe('draft.app.form');
    expect(m.fields).toEqual([
      { id: 'unitName', label: '单位名称', widget: 'text', key: 'unit.name', locate: { name: 'dwmc' } },
      { id: 'odd', label: '某控件', widget: 'auto', appears: true },
    ]);
    expect(fieldOf(item({ key: 'not.aKey' }))?.key).toBeUndefined();
  });
});

describe('searchVocabulary', () => {
  it('finds keys by Chinese label, synonym or key', () => {
    expect(searchVocabulary('信用代码').map((e) => e.key)).toContain('unit.creditCode');
    expect(searchVocabulary('负责人').map((e) => e.key)).toContain('unit.legalPerson');
    expect(searchVocabulary('unit.phone').map((e) => e.key)).toEqual(['unit.phone']);
  });
});

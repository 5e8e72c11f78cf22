/** Meta-tests over mappings/vocabulary.json: valid, schema generated, and the only source of keys. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { VOCABULARY, vocabularyEntry, vocabularyFileSchema } from '@/lib/record/vocabulary';
import { vocabularyJsonSchema } from '@/lib/mapping/json-schema';
import { checkValue } from '@/lib/record/record';
import { loadMapping, mappingFiles, MAPPINGS_DIR } from '../helpers/mappings';

const file = JSON.parse(readFileSync(MAPPINGS_DIR + 'vocabulary.json', 'utf8')) as { version: number; keys: { key: string }[] };

describe('mappings/vocabulary.json', () => {
  it('is valid, and vocabulary.schema.json is generated from its schema (run `npm run schema`)', () => {
    expect(vocabularyFileSchema.safeParse(file).success).toBe(true);
    expect(readFileSync(MAPPINGS_DIR + 'vocabulary.schema.json', 'utf8')).toBe(vocabularyJsonSchema());
  });
  it('every key has a Chinese label and says what it is (a note or synonyms)', () => {
    for (const v of VOCABULARY) {
      expect(v.label, v.key).toMatch(/[\u4e00-\u9fa5]/);
      expect((v.note ?? '').length + v.synonyms.length, v.key).toBeGreaterThan(0);
    }
  });
  it('holds the keys real forms require (陪同人员, 现场检查情况, 主体类型, 所属行业, hazard rows)', () => {
    expect(vocabularyEntry('inspection.companions')?.label).toBe('陪同人员');
    expect(vocabularyEntry('inspection.findings')?.label).toBe('现场检查情况');
    expect(vocabularyEntry('unit.subjectType')?.label).toBe('主体类型');
    expect(vocabularyEntry('unit.industry')?.label).toBe('所属行业');
    expect(vocabularyEntry('hazard.items')?.columns?.map((c) => c.name)).toEqual(['description', 'level', 'deadline']);
    expect(vocabularyEntry('inspection.checklist')?.rowKey).toBe('item');
  });
  it('rejects a malformed vocabulary with the path of the problem', () => {
    const bad = structuredClone(file) as { keys: Record<string, unknown>[] };
    bad.keys.push({ key: 'unit.name', type: 'text', label: '重复' });
    bad.keys.push({ key: 'hazard.rows', type: 'table', label: '无列' });
    const r = vocabularyFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain(`keys.${bad.keys.length - 1}.columns`);
    expect(r.error!.issues.map((i) => i.message).join()).toContain('重复');
  });
  it('table values are checked against their declared columns and options', () => {
    expect(checkValue('hazard.items', [{ description: '厨房灭火器失效', level: '一般火灾隐患', deadline: '2026-05-27' }]).ok).toBe(true);
    expect(checkValue('hazard.items', [{ description: '厨房灭火器失效', level: '一般' }])).toMatchObject({ ok: false, message: expect.stringContaining('第 1 行') });
    expect(checkValue('hazard.items', [{ description: '厨房灭火器失效', deadline: '5月27日' }]).ok).toBe(false);
    expect(checkValue('inspection.checklist', [{ result: '合格' }]).ok).toBe(false); // a keyed row needs its item
    expect(checkValue('inspection.checklist', [{ item: '灭火器', result: '合格', extra: 'x' }]).ok).toBe(false);
  });
});

/** Every canonical key a mapping names: key, fill.from, capture.to, and {key} in templates. */
function keysNamedBy(m: ReturnType<typeof loadMapping>): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const x of v.matchAll(/\{([a-z][\w]*(?:\.[a-zA-Z]\w*)+)\}/g)) out.push(x[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of m.fields) {
    if (f.key) out.push(f.key);
    if (f.fill && f.fill.from) out.push(...[f.fill.from].flat());
    if (f.capture && f.capture.to) out.push(f.capture.to);
    walk(f.fill);
  }
  return out;
}

describe('mappings use only keys from the vocabulary', () => {
  for (const f of mappingFiles()) {
    it(f, () => {
      const unknown = keysNamedBy(loadMapping(f)).filter((k) => !vocabularyEntry(k));
      expect(unknown).toEqual([]);
    });
  }
});

/**
 * Bad input, tried systematically (fast-check): whatever a maintainer's file, a transform's arguments
 * or an imported record holds, the result is a value or a readable Chinese error, never an uncaught
 * exception; and a regex the validator accepts cannot hang the page.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { MappingError, parseMapping, validateMapping } from '@/lib/mapping/load';
import { runPipe, TRANSFORMS, TransformError, transformOpSchema } from '@/lib/transform';
import { boundedPattern } from '@/lib/transform/text';
import { createBackgroundHandler } from '@/lib/messaging/background';
import { openDb } from '@/lib/store/db';
import { MAPPINGS_DIR, MAPPING_A, MAPPING_C } from '../helpers/mappings';
import { sampleRecordValues } from '../helpers/fixtures';

const CJK = /[\u4e00-\u9fff]/;
const validA = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_A, 'utf8')) as Record<string, unknown>;
const validC = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_C, 'utf8')) as Record<string, unknown>;

/** A JSON value with one spot replaced: walks `path` (indices into keys/items) and puts `value` there. */
function mutate(json: unknown, path: number[], value: unknown): unknown {
  if (!path.length || json === null || typeof json !== 'object') return value;
  const [i, ...rest] = path as [number, ...number[]];
  if (Array.isArray(json)) {
    if (!json.length) return value;
    const k = i % json.length;
    return json.map((x, j) => (j === k ? mutate(x, rest, value) : x));
  }
  const keys = Object.keys(json);
  if (!keys.length) return value;
  const key = keys[i % keys.length]!;
  return { ...(json as Record<string, unknown>), [key]: mutate((json as Record<string, unknown>)[key], rest, value) };
}

function expectReadable(e: unknown, file: string) {
  expect(e).toBeInstanceOf(MappingError);
  const err = e as MappingError;
  expect(err.message).toContain(file);
  expect(err.problems.length).toBeGreaterThan(0);
  for (const p of err.problems) expect(typeof p.message).toBe('string');
}

describe('the mapping validator', () => {
  it('answers any text with a mapping or a MappingError naming the file', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      try {
        parseMapping(text, 'x.json');
      } catch (e) {
        expectReadable(e, 'x.json');
      }
    }), { numRuns: 300 });
  });

  it('answers a real mapping with any one value changed with a mapping or a MappingError with its JSON path', () => {
    const junk = fc.oneof(fc.anything(), fc.constantFrom('', '*', '<all_urls>', '(a+)+', -1, Number.MAX_VALUE * 2, null, [], {}, '__proto__'));
    fc.assert(fc.property(fc.constantFrom(validA, validC), fc.array(fc.nat(), { maxLength: 6 }), junk, (base, path, value) => {
      try {
        validateMapping(mutate(base, path, value), 'm.json');
      } catch (e) {
        expectReadable(e, 'm.json');
        // The problem is located: some path is named unless the whole file was replaced.
        if (path.length) expect((e as MappingError).problems.some((p) => p.path !== '' || CJK.test(p.message) || p.message.length > 0)).toBe(true);
      }
    }), { numRuns: 500 });
  });
});

describe('transforms', () => {
  const ops = Object.keys(TRANSFORMS);
  it('either refuse their arguments at validation or give a value or a TransformError, for any input', () => {
    const value = fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.string())), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    fc.assert(fc.property(fc.constantFrom(...ops), fc.dictionary(fc.constantFrom('pattern', 'with', 'format', 'from', 'to', 'max', 'table', 'sep', 'template', 'where', 'value', 'group', 'key', 'index', 'map', 'flags', 'default', 'field'), fc.anything(), { maxKeys: 4 }), value, (op, args, input) => {
      const step = { ...args, op };
      if (!transformOpSchema.safeParse(step).success) return; // refused with the validator's message
      try {
        runPipe(input, [step], { values: sampleRecordValues() });
      } catch (e) {
        expect(e, `${op} ${JSON.stringify(step)} on ${JSON.stringify(input)}`).toBeInstanceOf(TransformError);
        expect((e as Error).message).toMatch(CJK);
      }
    }), { numRuns: 2000 });
  });
});

describe('regex patterns the validator accepts', () => {
  // Patterns built from the pieces people write (and the pieces that blow up backtracking engines).
  const atom = fc.constantFrom('a', 'b', '.', '\\d', '\\s', '\\w', '[a-z]', '[^,]', '年', '\\.', '-');
  const quant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '*?', '+?');
  const piece: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(atom, quant).map(([a, q]) => a + q),
      fc.tuple(fc.array(tie('p'), { minLength: 1, maxLength: 3 }), quant).map(([ps, q]) => `(${ps.join('')})${q}`),
      fc.tuple(tie('p'), tie('p'), quant).map(([x, y, q]) => `(${x}|${y})${q}`),
    ),
  })).p;
  const pattern = fc.array(piece, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('') + fc.sample(fc.constantFrom('', '$', '!'), 1)[0]);

  it('run in bounded time on inputs built to make them backtrack', () => {
    fc.assert(fc.property(pattern, (p) => {
      if (!boundedPattern.safeParse(p).success) return;
      const re = new RegExp(p, 'u');
      // The classic attack: a long run of what the pattern matches, then one character it cannot.
      for (const ch of ['a', 'b', ' ', '1', '年', 'ab']) {
        const input = ch.repeat(30) + '!,';
        const t0 = performance.now();
        re.exec(input);
        expect(performance.now() - t0, `/${p}/ on ${JSON.stringify(input)}`).toBeLessThan(1000);
      }
    }), { numRuns: 400 });
  });

  it('include the shapes maintainers need', () => {
    for (const p of ['第(\\d+)号', '^(\\d{4})-(\\d{2})-(\\d{2})$', '\\s+', '^\\s*(.+?)\\s*$', '(\\d{4})年(\\d{1,2})月(\\d{1,2})日', '[（(](.*?)[）)]']) {
      expect(boundedPattern.safeParse(p).success, p).toBe(true);
    }
  });

  it('refuse the shapes that backtrack exponentially, with a Chinese reason', () => {
    for (const p of ['(a+)+$', '(a|a)*$', '(a|aa)+b', '(\\w+\\s?)*$', '(.*a){12}', '(a*)*']) {
      const r = boundedPattern.safeParse(p);
      expect(r.success, p).toBe(false);
      expect(r.error?.issues[0]?.message, p).toMatch(CJK);
    }
  });
});

describe('record import (restore)', () => {
  it('answers any record-shaped junk with ok or a readable error, and never stores what does not parse', async () => {
    const db = openDb(`ylt-prop-${Math.random()}`);
    const handle = createBackgroundHandler({ db, mappings: () => [], sendToTab: async () => undefined });
    const record = {
      id: 'r1', schemaVersion: 2, createdAt: 1, updatedAt: 2, status: 'captured',
      source: { mappingId: 'zj.zzd.xfjc', mappingVersion: 1, url: 'http://127.0.0.1:5101/', title: 'A' },
      identities: [], contributions: [], contributionIds: [], trail: [], values: { 'unit.name': '杭州某某小吃店' }, provenance: {}, history: {},
    };
    try {
      await fc.assert(fc.asyncProperty(fc.array(fc.nat(), { maxLength: 4 }), fc.anything(), async (path, value) => {
        const r = (await handle({ type: 'restore-record', record: mutate(record, path, value) }, { kind: 'extension-page' })) as { ok: boolean; error?: string };
        if (!r.ok) expect(r.error).toMatch(CJK);
      }), { numRuns: 200 });
      // Whatever was stored parses back: the list never breaks.
      const list = (await handle({ type: 'records' }, { kind: 'extension-page' })) as { ok: boolean; records: unknown[] };
      expect(list.ok).toBe(true);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});

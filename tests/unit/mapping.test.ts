import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseMapping, MappingError } from '@/lib/mapping/load';
import { urlMatches, hostPatterns } from '@/lib/mapping/match';
import { mappingJsonSchema } from '@/lib/mapping/json-schema';
import { loadMapping, mappingFiles, MAPPINGS_DIR } from '../helpers/mappings';

describe('malformed mapping files', () => {
  const good = readFileSync(MAPPINGS_DIR + mappingFiles()[0], 'utf8');
  function problemsOf(text: string, file = 'mappings/bad.json') {
    try {
      parseMapping(text, file);
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      return e as MappingError;
    }
    throw new Error('accepted a malformed mapping');
  }
  it('names the file and the JSON path of the problem', () => {
    const json = JSON.parse(good);
    json.fields[2].fill = { pipe: [{ op: 'evalJs', code: 'alert(1)' }] };
    const e = problemsOf(JSON.stringify(json));
    expect(e.message).toContain('mappings/bad.json');
    expect(e.problems[0]?.path).toBe('fields[2].fill.pipe[0].op');
  });
  it('explains broken JSON', () => {
    expect(problemsOf('{ "id": ', 'mappings/cut.json').message).toMatch(/mappings\/cut\.json[\s\S]*不是有效的 JSON/);
  });
  it('refuses unknown canonical keys', () => {
    const json = JSON.parse(good);
    json.fields[3].key = 'unit.nickname';
    expect(problemsOf(JSON.stringify(json)).problems.map((p) => p.path)).toEqual(['fields[3].key']);
  });
  it('refuses duplicate field ids and dangling `after` references', () => {
    const json = JSON.parse(good);
    json.fields[1].id = json.fields[0].id;
    json.fields[2].after = ['nowhere'];
    expect(problemsOf(JSON.stringify(json)).problems.map((p) => p.path)).toEqual(['fields[1].id', 'fields[2].after[0]']);
  });
});

describe('URL matching', () => {
  it('honours ports, schemes, wildcards', () => {
    expect(urlMatches('http://127.0.0.1:5101/*', 'http://127.0.0.1:5101/index.html?x=1')).toBe(true);
    expect(urlMatches('http://127.0.0.1:5101/*', 'http://127.0.0.1:5102/')).toBe(false);
    expect(urlMatches('https://*.zjzwfw.gov.cn/zfjc/*', 'https://xf.zjzwfw.gov.cn/zfjc/edit')).toBe(true);
    expect(urlMatches('https://*.zjzwfw.gov.cn/zfjc/*', 'http://xf.zjzwfw.gov.cn/zfjc/edit')).toBe(false);
    expect(urlMatches('*://a.gov.cn/form.html', 'https://a.gov.cn/form.html')).toBe(true);
  });
  it('derives manifest host patterns without ports', () => {
    expect(hostPatterns([loadMapping(mappingFiles()[0]!)])).toContain('http://127.0.0.1/*');
  });
});

describe('meta-tests over mappings/', () => {
  const files = mappingFiles();
  it('every mapping file is valid', () => {
    for (const f of files) expect(() => loadMapping(f), f).not.toThrow();
  });
  it('ids are unique', () => {
    const ids = files.map((f) => loadMapping(f).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('schema.json is up to date (run `npm run schema`)', () => {
    expect(readFileSync(MAPPINGS_DIR + 'schema.json', 'utf8')).toBe(mappingJsonSchema());
  });
  it('every mapping is exercised by a browser test against a replica', () => {
    const specs = ['../e2e/', '../mappings/'].flatMap((d) => {
      const dir = new URL(d, import.meta.url);
      return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.spec.ts')).map((n) => readFileSync(new URL(n, dir), 'utf8')) : [];
    });
    for (const f of files) {
      const constant = f === 'zj-zzd-xfjc.json' ? 'MAPPING_A' : f === 'zj-jczz-sjsb.json' ? 'MAPPING_B' : f === 'zj-xfjd-jxcs.json' ? 'MAPPING_C' : f;
      expect(specs.some((s) => s.includes(f) || s.includes(constant)), `${f} has no browser test`).toBe(true);
    }
  });
  it('a changed mapping has a higher version than the committed one', () => {
    for (const f of files) {
      let committed: string;
      try {
        committed = execFileSync('git', ['show', `HEAD:mappings/${f}`], { cwd: MAPPINGS_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        continue; // new file, or no git here
      }
      const now = readFileSync(MAPPINGS_DIR + f, 'utf8');
      if (now === committed) continue;
      const before = JSON.parse(committed) as { id: string; version: number };
      const after = loadMapping(f);
      expect(after.id, `${f}: id must never change`).toBe(before.id);
      expect(after.version, `${f}: bump "version" when changing a mapping`).toBeGreaterThan(before.version);
    }
  });
});

describe('the maintainers guide (mappings/README.md) documents everything a mapping may use', () => {
  const guide = readFileSync(MAPPINGS_DIR + 'README.md', 'utf8');
  it('the vocabulary file, tables, item aliases, merging and option matching', () => {
    // Keys themselves are documented in mappings/vocabulary.json (label, synonyms, note), so adding one
    // needs only that file; the guide explains how to read and extend it.
    for (const topic of ['vocabulary.json', '`rowKey`', '`items`', '`columns`', 'newest value wins', 'How options are matched']) expect(guide, topic).toContain(topic);
  });
  it('every transform', async () => {
    const { TRANSFORMS } = await import('@/lib/transform');
    for (const op of Object.keys(TRANSFORMS)) expect(guide, op).toContain(`\`${op}\``);
  });
  it('every widget kind', async () => {
    const { WIDGETS } = await import('@/lib/engine/widgets');
    for (const w of WIDGETS) expect(guide, w.kind).toContain(`\`${w.kind}\``);
  });
});

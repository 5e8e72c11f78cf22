import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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

describe('least privilege: a mapping names one site', () => {
  const good = readFileSync(MAPPINGS_DIR + mappingFiles()[0], 'utf8');
  const withUrls = (urls: string[]) => JSON.stringify({ ...JSON.parse(good), match: { urls } });
  const problems = (urls: string[]) => {
    try {
      parseMapping(withUrls(urls), 'mappings/wide.json');
      return [];
    } catch (e) {
      return (e as MappingError).problems;
    }
  };
  it('refuses every host, <all_urls> and wildcards over a public suffix, naming the pattern in Chinese', () => {
    for (const p of ['*://*/*', 'https://*/*', 'http://*:8080/*', 'https://*.gov.cn/*', 'https://*.cn/*', 'https://*.com.cn/*', 'https://*.zj.cn/*', 'http://*.com/*']) {
      const found = problems(['https://zfjc.zj.gov.cn/*', p]);
      expect(found, p).toHaveLength(1);
      expect(found[0]?.path, p).toBe('match.urls[1]');
      expect(found[0]?.message, p).toContain(`“${p}”`);
      expect(found[0]?.message, p).toMatch(/所有网站|不止一个网站/);
    }
    expect(problems(['<all_urls>']).map((p) => p.message)).toContain('不能使用 <all_urls>：映射只能写它所适用的那个平台的地址');
  });
  it('accepts one site, its own subdomains, and loopback replicas with ports', () => {
    for (const p of ['https://zfjc.zj.gov.cn/*', 'https://*.zjzwfw.gov.cn/zfjc/*', '*://*.example.com.cn/*', 'http://127.0.0.1:5101/*', 'http://localhost:5103/form.html*']) {
      expect(problems([p]), p).toEqual([]);
    }
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
});

/**
 * A mapping's `version` tells installed extensions and the records they captured which rules were used,
 * so every change to what a mapping does must raise it. Checked over the whole first-parent history of
 * each mapping (each commit that changed the file against the previous one, so a branch's commits and
 * a merged branch are both covered), plus the working tree against the last commit. This works on a
 * clean clone, where the working tree always equals HEAD; only without any git history is it skipped.
 */
describe('mapping versions across git history', () => {
  const repo = resolve(MAPPINGS_DIR, '..');
  const git = (args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  /**
   * Commits already published that changed a mapping without raising its version, each with why it was
   * accepted (history cannot be rewritten; the next change raises the version). Keep this empty.
   */
  const KNOWN_UNBUMPED: Record<string, string> = {};
  /** Fields that do not change what a mapping does; everything else does. */
  const METADATA = ['version', 'lastVerified', 'maintainers'];
  const behaviour = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter(([k]) => !METADATA.includes(k)));

  function history(): string | undefined {
    try {
      git(['rev-parse', '--verify', 'HEAD']);
      return undefined;
    } catch (e) {
      return `no git history here (${firstLine(e)}): mapping versions cannot be compared with earlier commits`;
    }
  }
  function firstLine(e: unknown): string {
    const err = e as { stderr?: string; message?: string };
    return String(err.stderr || err.message || e).trim().split('\n')[0] ?? '';
  }

  /** What is wrong between two successive states of one mapping file (empty when nothing is). */
  function problems(file: string, older: { where: string; text: string }, newer: { where: string; text: string }): string[] {
    let a: Record<string, unknown>;
    let b: Record<string, unknown>;
    try {
      a = JSON.parse(older.text) as Record<string, unknown>;
      b = JSON.parse(newer.text) as Record<string, unknown>;
    } catch (e) {
      return [`${file}: ${older.where} → ${newer.where}: not JSON (${(e as Error).message})`];
    }
    const out: string[] = [];
    const step = `${file}: ${older.where} (version ${String(a.version)}) → ${newer.where} (version ${String(b.version)})`;
    if (a.id !== b.id) out.push(`${step}: id changed from ${String(a.id)} to ${String(b.id)}; a mapping's id must never change`);
    if (typeof b.version !== 'number' || typeof a.version !== 'number') out.push(`${step}: version is not a number`);
    else if (b.version < a.version) out.push(`${step}: version went down`);
    else if (b.version === a.version && !isDeepStrictEqual(behaviour(a), behaviour(b))) {
      const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !METADATA.includes(k) && !isDeepStrictEqual(a[k], b[k]));
      out.push(`${step}: changed ${changed.join(', ')} without raising "version"`);
    }
    return out;
  }

  it('every change to a mapping raised its version (each commit that changed it, and the working tree)', (ctx) => {
    const noHistory = history();
    if (noHistory) ctx.skip(noHistory);
    const found: string[] = [];
    let compared = 0;
    for (const f of mappingFiles()) {
      const path = `mappings/${f}`;
      const commits = git(['log', '--first-parent', '--format=%H', '--', path]).split('\n').filter(Boolean).reverse();
      const states = commits.map((c) => ({ where: `commit ${c.slice(0, 10)}`, text: git(['show', `${c}:${path}`]) }));
      const now = readFileSync(MAPPINGS_DIR + f, 'utf8');
      if (!states.length || states.at(-1)!.text !== now) states.push({ where: 'the working tree', text: now });
      for (let i = 1; i < states.length; i++, compared++) {
        const sha = commits[i];
        if (sha && Object.keys(KNOWN_UNBUMPED).some((k) => sha.startsWith(k))) continue;
        found.push(...problems(f, states[i - 1]!, states[i]!));
      }
    }
    expect(found, `${compared} successive versions of ${mappingFiles().length} mappings compared`).toEqual([]);
  });

  it('the check above catches a field change without a version bump', () => {
    const f = mappingFiles()[0]!;
    const text = readFileSync(MAPPINGS_DIR + f, 'utf8');
    const m = JSON.parse(text) as { fields: { label: string }[]; version: number; lastVerified?: string };
    const relabelled = JSON.stringify({ ...m, fields: m.fields.map((x, i) => (i === 0 ? { ...x, label: `${x.label}（改）` } : x)) });
    expect(problems(f, { where: 'a', text }, { where: 'b', text: relabelled })).toEqual([expect.stringContaining('changed fields without raising "version"')]);
    expect(problems(f, { where: 'a', text }, { where: 'b', text: JSON.stringify({ ...JSON.parse(relabelled), version: m.version + 1 }) })).toEqual([]);
    expect(problems(f, { where: 'a', text }, { where: 'b', text: JSON.stringify({ ...m, lastVerified: '2099-01-01' }) })).toEqual([]);
    expect(problems(f, { where: 'a', text }, { where: 'b', text: JSON.stringify({ ...m, id: 'x.y' }) })).toContainEqual(expect.stringContaining('id changed'));
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

/** The maintainer's CLI: lint rules, payload diff, and the validate/new verbs' exit codes and messages. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brittleCss, lintMapping } from '../../scripts/mapping/lint';
import { diffPayload } from '../../scripts/mapping/run-test';
import { loadMapping, MAPPINGS_DIR, MAPPING_B } from '../helpers/mappings';

function cli(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/mapping.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('mapping lint', () => {
  it('flags selectors that break when the platform is rebuilt, and passes stable ones', () => {
    for (const css of ['.el-form-item:nth-child(3) input', '#el-id-1024-17', '.css-1x2y3z4 input', 'div[data-v-7ba5bd90] input', 'div > div > div > div > div > input']) {
      expect(brittleCss(css), css).toBeTruthy();
    }
    for (const css of ['input[name="dwmc"]', '#unitName', '.ant-form-item.unit input']) expect(brittleCss(css), css).toBeUndefined();
  });

  it('flags a field without locate, a repeated label without within, and a field that can never be filled', () => {
    const m = loadMapping(MAPPING_B);
    const f0 = { ...m.fields[0]!, locate: undefined };
    const dup = { ...m.fields[1]!, id: 'dup', label: m.fields[1]!.label, locate: { name: 'x' } };
    const dead = { id: 'dead', label: '无用字段', widget: 'text' as const, locate: { name: 'y' } };
    const paths = lintMapping({ ...m, fields: [f0, m.fields[1]!, dup, dead] as typeof m.fields }).map((x) => x.path);
    expect(paths).toContain('fields[0].locate');
    expect(paths).toContain('fields[2].locate.within');
    expect(paths).toContain('fields[3].key');
  });
});

describe('payload diff', () => {
  it('names every key that differs, both ways', () => {
    expect(diffPayload({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [2, 1], d: 'y' })).toEqual([
      { key: 'b', got: [1, 2], want: [2, 1] },
      { key: 'd', got: undefined, want: 'y' },
      { key: 'c', got: 'x', want: undefined },
    ]);
  });
});

describe('npm run mapping', { timeout: 120_000 }, () => {
  it('validate: exit 1 with the file, the JSON path and a Chinese reason for a broken file; exit 0 for good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ylt-cli-'));
    const broken = JSON.parse(readFileSync(MAPPINGS_DIR + MAPPING_B, 'utf8')) as { fields: { key?: string }[] };
    broken.fields[3]!.key = 'unit.noSuchKey';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const bad = cli('validate', join(dir, 'broken.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/broken\.json/);
    expect(bad.out).toContain('fields[3].key');
    const good = cli('validate');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/✓ .*zj-jczz-sjsb\.json/);
  });

  it('new: scaffolds a file that validates, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ylt-cli-'));
    const file = join(dir, 'zj-test-form.json');
    expect(cli('new', file, '--name', '测试平台 · 检查表', '--url', 'https://test.example.gov.cn/form/*').code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: 'zj.test.form', name: '测试平台 · 检查表', version: 1 });
    expect(cli('validate', file).code).toBe(0);
    expect(cli('new', file).code).toBe(1);
  });
});

/**
 * The maintainer's command line for this repository: `npm run mapping -- <verb> …`
 *
 *   new <file> [--name 名称] [--url https://host/path/*]   scaffold a mapping with a fresh id
 *   validate [files…]                                       schema check (default: every mappings/*.json)
 *   lint [files…]                                           brittle selectors, missing locate, unused fields
 *   test <file> [--url URL] [--expected payload.json] [--record record.json]
 *                                                           fill the page from the sample record in Chromium,
 *                                                           print every field's report; with --expected, click
 *                                                           the capture button and diff what the page posted
 *   save-fixture <url> <out.html>                           a sanitised copy of a page (no scripts, no values,
 *                                                           phone and ID numbers masked)
 * Exit code 1 when something is wrong (validation errors, lint errors, a failed test).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MappingError, parseMapping } from '../lib/mapping/load';
import { isMappingFile } from '../lib/mapping/match';
import { MAPPING_SCHEMA_VERSION } from '../lib/mapping/schema';
import { lintMapping } from './mapping/lint';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const mappingsDir = resolve(root, 'mappings');

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
}
function filesOr(args: string[]): string[] {
  const given = positional(args);
  return given.length ? given : readdirSync(mappingsDir).filter(isMappingFile).map((f) => resolve(mappingsDir, f));
}

function cmdNew(args: string[]): number {
  const [file] = positional(args);
  if (!file) { console.error('用法：npm run mapping -- new mappings/zj-xxx-yyy.json --name "平台 · 表单" --url "https://host/path/*"'); return 1; }
  if (existsSync(file)) { console.error(`${file} 已存在，不会覆盖`); return 1; }
  const id = basename(file, '.json').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  const taken = readdirSync(mappingsDir).filter(isMappingFile).map((f) => (JSON.parse(readFileSync(resolve(mappingsDir, f), 'utf8')) as { id: string }).id);
  if (taken.includes(id)) { console.error(`id “${id}”已被使用：请换一个文件名`); return 1; }
  const today = new Date().toISOString().slice(0, 10);
  const scaffold = {
    $schema: './schema.json', id, name: flag(args, 'name') ?? '平台名称 · 表单名称', version: 1, schemaVersion: MAPPING_SCHEMA_VERSION,
    maintainers: [{ name: '维护人姓名', contact: '单位 / 电话' }], lastVerified: today,
    match: { urls: [flag(args, 'url') ?? 'https://platform.example.gov.cn/form/*'] },
    capture: { buttons: ['提交'] },
    fields: [{ id: 'unitName', label: '单位名称', widget: 'auto', key: 'unit.name', locate: { placeholder: '请输入单位名称' } }],
  };
  writeFileSync(file, `${JSON.stringify(scaffold, null, 2)}\n`);
  console.log(`已创建 ${file}（id：${id}）。下一步：对照页面补全 fields，然后 npm run mapping -- validate ${file}`);
  return 0;
}

function cmdValidate(args: string[]): number {
  let bad = 0;
  for (const f of filesOr(args)) {
    try {
      const m = parseMapping(readFileSync(f, 'utf8'), f);
      console.log(`✓ ${f}：${m.name}，版本 ${m.version}，${m.fields.length} 个字段`);
    } catch (e) {
      bad += 1;
      console.error(e instanceof MappingError ? `✕ ${e.message}` : `✕ ${f}：${(e as Error).message}`);
    }
  }
  return bad ? 1 : 0;
}

function cmdLint(args: string[]): number {
  let errors = 0;
  for (const f of filesOr(args)) {
    let m;
    try {
      m = parseMapping(readFileSync(f, 'utf8'), f);
    } catch (e) {
      errors += 1;
      console.error(e instanceof MappingError ? `✕ ${e.message}` : `✕ ${f}：${(e as Error).message}`);
      continue;
    }
    const findings = lintMapping(m);
    console.log(`${findings.some((x) => x.level === 'error') ? '✕' : '✓'} ${f}：${findings.length ? `${findings.length} 条提示` : '没有问题'}`);
    for (const x of findings) console.log(`  ${x.level === 'error' ? '错误' : '提示'} ${x.path}：${x.message}`);
    errors += findings.filter((x) => x.level === 'error').length;
  }
  return errors ? 1 : 0;
}

async function main(): Promise<number> {
  const [verb, ...args] = process.argv.slice(2);
  switch (verb) {
    case 'new': return cmdNew(args);
    case 'validate': return cmdValidate(args);
    case 'lint': return cmdLint(args);
    case 'test': return (await import('./mapping/run-test')).cmdTest(args, flag);
    case 'save-fixture': return (await import('./mapping/save-fixture')).cmdSaveFixture(positional(args));
    default:
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*|^ \* ?/gm, ''));
      return verb ? 1 : 0;
  }
}

process.exitCode = await main().catch((e: unknown) => {
  console.error(`出错：${(e as Error).message}`);
  return 1;
});

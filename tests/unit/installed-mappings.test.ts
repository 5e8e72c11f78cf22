/** Mappings installed at runtime: validated, versioned, diffed, undoable, retired for good; sources only GET. */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { openDb, type YltDb } from '@/lib/store/db';
import { activeMappings, diffMappings, installMapping, previewInstall, removeInstalled, restoreInstalled, retireMapping } from '@/lib/mapping/installed';
import { checkSource } from '@/lib/mapping/subscription';
import type { Mapping } from '@/lib/mapping/schema';
import { loadMapping, MAPPINGS_DIR, MAPPING_A, MAPPING_B } from '../helpers/mappings';

const names: string[] = [];
function freshDb(): YltDb {
  const name = `ylt-inst-${names.length}-${Math.random()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const bundled = [loadMapping(MAPPING_A)];
const textB = readFileSync(MAPPINGS_DIR + MAPPING_B, 'utf8');
const b = JSON.parse(textB) as Mapping;

/** B, as a maintainer's next version: one field renamed, one removed, one added. */
function nextB(): Mapping {
  const m = structuredClone(b);
  m.version += 1;
  const [first, second] = m.fields;
  first!.label = `${first!.label}（新）`;
  m.fields = m.fields.filter((f) => f.id !== second!.id);
  m.fields.push({ id: 'newField', label: '备注说明', widget: 'auto', key: 'inspection.remarks' } as Mapping['fields'][number]);
  return m;
}

describe('installing a mapping', () => {
  it('validates the file and answers its problems in Chinese with their JSON path; nothing is stored', async () => {
    const db = freshDb();
    const broken = { ...b, fields: [{ ...b.fields[0], key: 'unit.noSuchKey' }] };
    const r = await previewInstall(db, JSON.stringify(broken), 'b.json', bundled);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('b.json');
      expect(r.problems?.[0]?.path).toMatch(/^fields\[0\]\.key/);
    }
    expect(await previewInstall(db, '{ not json', 'x.json', bundled)).toMatchObject({ ok: false, error: expect.stringMatching(/不是有效的 JSON/) });
    expect(await db.installedMappings.count()).toBe(0);
  });

  it('installs a new mapping beside the bundled ones', async () => {
    const db = freshDb();
    expect(await previewInstall(db, textB, 'b.json', bundled)).toMatchObject({ ok: true, preview: { mapping: { id: b.id }, replaces: undefined } });
    expect(await installMapping(db, b, 'file', bundled)).toMatchObject({ ok: true, mapping: { id: b.id } });
    expect(activeMappings(bundled, await db.installedMappings.toArray()).map((m) => m.id).sort()).toEqual([bundled[0]!.id, b.id].sort());
  });

  it('updates only to a higher version, shows what changed, and can be undone', async () => {
    const db = freshDb();
    await installMapping(db, b, 'file', bundled);
    expect(await installMapping(db, b, 'file', bundled)).toMatchObject({ ok: false, error: expect.stringMatching(/version 必须更大/) });

    const next = nextB();
    const preview = await previewInstall(db, JSON.stringify(next), 'b.json', bundled);
    expect(preview.ok).toBe(true);
    const diff = preview.ok ? preview.preview.diff : undefined;
    expect(diff?.added).toEqual(['备注说明（newField）']);
    expect(diff?.removed).toEqual([`${b.fields[1]!.label}（${b.fields[1]!.id}）`]);
    expect(diff?.changed).toEqual([{ id: `${b.fields[0]!.label}（新）（${b.fields[0]!.id}）`, what: [`标签：${b.fields[0]!.label} → ${b.fields[0]!.label}（新）`] }]);

    const r = await installMapping(db, next, 'file', bundled);
    expect(r.ok && r.previous?.mapping).toEqual(loadMapping(MAPPING_B));
    if (r.ok && r.previous) await restoreInstalled(db, r.previous);
    expect(((await db.installedMappings.get(b.id))?.mapping as Mapping).version).toBe(b.version);
  });

  it('replaces a bundled mapping only with a higher version', async () => {
    const db = freshDb();
    const a = bundled[0]!;
    expect(await installMapping(db, a, 'file', bundled)).toMatchObject({ ok: false });
    const newer = { ...structuredClone(a), version: a.version + 1, name: `${a.name}（新版）` };
    expect(await installMapping(db, newer, 'file', bundled)).toMatchObject({ ok: true });
    expect(activeMappings(bundled, await db.installedMappings.toArray()).find((m) => m.id === a.id)?.name).toBe(newer.name);
    // Removing the installed copy falls back to the bundled one.
    const removed = await removeInstalled(db, a.id);
    expect(removed?.id).toBe(a.id);
    expect(activeMappings(bundled, await db.installedMappings.toArray()).find((m) => m.id === a.id)?.version).toBe(a.version);
  });

  it('never installs a retired id again, and switched-off ids are not in force', async () => {
    const db = freshDb();
    await installMapping(db, b, 'file', bundled);
    await retireMapping(db, b.id);
    expect(activeMappings(bundled, await db.installedMappings.toArray()).map((m) => m.id)).toEqual([bundled[0]!.id]);
    expect(await installMapping(db, nextB(), 'file', bundled)).toMatchObject({ ok: false, error: expect.stringMatching(/已退役/) });
    expect(activeMappings(bundled, [], [bundled[0]!.id])).toEqual([]);
  });

  it('diffs the parts outside the fields too', () => {
    const next = { ...structuredClone(b), match: { urls: ['https://jczz.example.gov.cn/v2/*'] } };
    expect(diffMappings(b, next).other).toEqual(['适用页面：https://jczz.example.gov.cn/v2/*']);
  });
});

describe('a subscribed mapping source', () => {
  const INDEX = 'https://it.example.gov.cn/ylt/index.json';
  function server(files: Record<string, unknown>) {
    const asked: string[] = [];
    const fetchText = async (url: string) => {
      asked.push(url);
      if (!(url in files)) throw new Error('HTTP 404');
      return typeof files[url] === 'string' ? (files[url] as string) : JSON.stringify(files[url]);
    };
    return { asked, fetchText };
  }

  it('installs what is newer, skips what is current, tombstones retired ids, and reports bad files', async () => {
    const db = freshDb();
    const next = nextB();
    const { asked, fetchText } = server({
      [INDEX]: {
        format: 'yiluotong-mappings',
        mappings: [
          { id: b.id, version: next.version, file: 'zj-jczz-sjsb.json' },
          { id: bundled[0]!.id, version: bundled[0]!.version, file: 'a.json' },
          { id: 'zj.broken', version: 2, file: 'broken.json' },
        ],
        retired: ['zj.old.form'],
      },
      'https://it.example.gov.cn/ylt/zj-jczz-sjsb.json': next,
      'https://it.example.gov.cn/ylt/broken.json': { id: 'zj.broken', version: 2 },
    });
    const r = await checkSource(db, INDEX, bundled, fetchText);
    expect(r.installed).toEqual([{ id: b.id, version: next.version }]);
    expect(r.upToDate).toEqual([bundled[0]!.id]);
    expect(r.retired).toEqual(['zj.old.form']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/broken\.json/);
    // Only the index and the files it lists that were newer were asked for; a.json was current.
    expect(asked).toEqual([INDEX, 'https://it.example.gov.cn/ylt/zj-jczz-sjsb.json', 'https://it.example.gov.cn/ylt/broken.json']);
    // Checking again installs nothing.
    expect((await checkSource(db, INDEX, bundled, fetchText)).installed).toEqual([]);
  });

  it('says in Chinese when the source cannot be read or is not an index', async () => {
    const db = freshDb();
    expect((await checkSource(db, INDEX, bundled, server({}).fetchText)).errors[0]).toMatch(/无法读取映射目录.*HTTP 404/);
    expect((await checkSource(db, INDEX, bundled, server({ [INDEX]: '<html>' }).fetchText)).errors[0]).toMatch(/无法读取映射目录/);
    expect((await checkSource(db, INDEX, bundled, server({ [INDEX]: { hello: 1 } }).fetchText)).errors[0]).toMatch(/不是一录通的映射目录/);
  });
});

/** The background's registry: installed and switched-off mappings take effect; policy sources are checked without a click. */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type YltDb } from '@/lib/store/db';
import { createRegistry } from '@/lib/mapping/registry';
import { installMapping } from '@/lib/mapping/installed';
import { getSettings, putSettings } from '@/lib/store/retention';
import type { Mapping } from '@/lib/mapping/schema';
import { loadMapping, MAPPING_A, MAPPING_B } from '../helpers/mappings';

const names: string[] = [];
function freshDb(): YltDb {
  const name = `ylt-reg-${names.length}-${Math.random()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const a = loadMapping(MAPPING_A);
/** B as if it were a new platform on another host, installed at runtime. */
const other: Mapping = { ...structuredClone(loadMapping(MAPPING_B)), id: 'zj.other.form', match: { urls: ['https://other.example.gov.cn/form/*'] } };

function registrar() {
  const calls: string[][] = [];
  return { calls, set: async (m: string[]) => { calls.push(m); } };
}

describe('registry', () => {
  it('adds an installed mapping, registers the content script on its pages only (path included), and drops a switched-off one', async () => {
    const db = freshDb();
    const reg = registrar();
    const r = createRegistry({ db, bundled: [a], registrar: reg });
    expect((await r.refresh()).map((m) => m.id)).toEqual([a.id]);
    expect(reg.calls).toEqual([[]]);
    await installMapping(db, other, 'file', [a]);
    expect((await r.refresh()).map((m) => m.id)).toEqual([a.id, other.id]);
    expect(reg.calls.at(-1)).toEqual(['https://other.example.gov.cn/form/*']);
    await putSettings(db, { disabledMappings: [other.id, a.id] });
    expect(await r.refresh()).toEqual([]);
    expect(reg.calls.at(-1)).toEqual([]);
    // Unchanged: not registered again.
    await r.refresh();
    expect(reg.calls).toHaveLength(3);
  });

  it('checks the policy-set source at start without a click, at most once a day, and applies the policy retention', async () => {
    const db = freshDb();
    const INDEX = 'https://it.example.gov.cn/ylt/index.json';
    const asked: string[] = [];
    const files: Record<string, unknown> = {
      [INDEX]: { format: 'yiluotong-mappings', mappings: [{ id: other.id, version: other.version, file: 'other.json' }] },
      'https://it.example.gov.cn/ylt/other.json': other,
    };
    let now = 1_000_000;
    const r = createRegistry({
      db, bundled: [a],
      policy: async () => ({ mappingSources: [INDEX], retentionDays: 180 }),
      fetchText: async (u) => { asked.push(u); return JSON.stringify(files[u]); },
      now: () => now,
    });
    await r.checkSources();
    expect(r.current().map((m) => m.id)).toEqual([a.id, other.id]);
    expect((await getSettings(db)).retentionDays).toBe(180);
    expect(asked).toHaveLength(2);
    now += 3_600_000;
    await r.checkSources();
    expect(asked).toHaveLength(2);
    now += 86_400_000;
    await r.checkSources();
    expect(asked).toHaveLength(3); // the index again; the file is current
  });

  it('retries a source it could not read a minute later, not a day later', async () => {
    const db = freshDb();
    const INDEX = 'https://it.example.gov.cn/ylt/index.json';
    let up = false;
    let now = 5_000_000;
    const r = createRegistry({
      db, bundled: [a],
      policy: async () => ({ mappingSources: [INDEX] }),
      fetchText: async (u) => {
        if (!up) throw new Error('net::ERR_CONNECTION_REFUSED');
        return JSON.stringify(u === INDEX ? { format: 'yiluotong-mappings', mappings: [{ id: other.id, version: other.version, file: 'other.json' }] } : other);
      },
      now: () => now,
    });
    await r.checkSources();
    expect(r.current().map((m) => m.id)).toEqual([a.id]);
    up = true;
    now += 30_000;
    await r.checkSources();
    expect(r.current().map((m) => m.id)).toEqual([a.id]);
    now += 31_000;
    await r.checkSources();
    expect(r.current().map((m) => m.id)).toEqual([a.id, other.id]);
  });

  it('a check asked for while one is running runs after it, so a policy that arrives meanwhile is not lost', async () => {
    const db = freshDb();
    const INDEX = 'https://it.example.gov.cn/ylt/index.json';
    // The first read of the policy finds none yet (the browser has not loaded it); it is there when asked again.
    let policy: { mappingSources?: string[] } = {};
    let release!: () => void;
    const held = new Promise<void>((ok) => { release = ok; });
    let reads = 0;
    const r = createRegistry({
      db, bundled: [a],
      policy: async () => {
        reads += 1;
        if (reads === 1) await held;
        return policy;
      },
      fetchText: async (u) => JSON.stringify(u === INDEX ? { format: 'yiluotong-mappings', mappings: [{ id: other.id, version: other.version, file: 'other.json' }] } : other),
    });
    const first = r.checkSources();
    await Promise.resolve();
    policy = { mappingSources: [INDEX] };
    const second = r.checkSources(true); // the 'managed' change event while the first check still waits
    release();
    await first;
    await second;
    expect(reads).toBe(2);
    expect(r.current().map((m) => m.id)).toEqual([a.id, other.id]);
  });
});

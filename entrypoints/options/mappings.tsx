/**
 * 平台映射: the mappings in force (bundled and installed), switched on and off; installing one from a
 * file or a URL after seeing what it changes; subscribed sources. Works on the extension's database
 * directly, like the background does; the background re-reads it on every request.
 */
import { useEffect, useState } from 'preact/hooks';
import { openDb, type InstalledMappingRow } from '@/lib/store/db';
import { loadBundled } from '@/lib/mapping/bundled';
import type { Mapping } from '@/lib/mapping/schema';
import { activeMappings, installMapping, previewInstall, removeInstalled, restoreInstalled, type InstallPreview } from '@/lib/mapping/installed';
import { checkSource, getText } from '@/lib/mapping/subscription';
import { getSettings, putSettings } from '@/lib/store/retention';
import { hostPatterns } from '@/lib/mapping/match';

const db = openDb();
const bundled = loadBundled();
const ORIGIN_TEXT: Record<InstalledMappingRow['origin'], string> = { file: '从文件安装', url: '从网址安装', subscription: '订阅更新' };

interface Row { mapping: Mapping; origin: string; enabled: boolean; installed: boolean }

/** Host access for a mapping's pages, asked on the click that installs it (the browser shows its own prompt). */
async function askHostAccess(mapping: Mapping): Promise<boolean> {
  const origins = hostPatterns([mapping]);
  const p = (globalThis as { browser?: typeof browser }).browser?.permissions;
  if (!p?.request) return true;
  if (await p.contains({ origins }).catch(() => false)) return true;
  return p.request({ origins }).catch(() => false);
}

/** Removing a mapping releases host access no other mapping in force (nor a bundled one) still needs. */
async function releaseHostAccess(mapping: Mapping): Promise<void> {
  const p = (globalThis as { browser?: typeof browser }).browser?.permissions;
  if (!p?.remove) return;
  const still = new Set(hostPatterns(activeMappings(bundled, await db.installedMappings.toArray())));
  const origins = hostPatterns([mapping]).filter((o) => !still.has(o));
  if (origins.length) await p.remove({ origins }).catch(() => false);
}

export function Mappings({ onChanged }: { onChanged?: () => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [preview, setPreview] = useState<InstallPreview & { origin: InstalledMappingRow['origin']; sourceUrl?: string }>();
  const [problems, setProblems] = useState<{ error: string; list?: { path: string; message: string }[] }>();
  const [undo, setUndo] = useState<{ text: string; run: () => Promise<void> }>();
  const [url, setUrl] = useState('');
  const [subs, setSubs] = useState<string[]>([]);
  const [sourceStatus, setSourceStatus] = useState<Awaited<ReturnType<typeof getSettings>>['sourceStatus']>();
  const [newSub, setNewSub] = useState('');
  const [status, setStatus] = useState('');

  const load = async () => {
    const installed = await db.installedMappings.toArray();
    const settings = await getSettings(db);
    const all = activeMappings(bundled, installed);
    const byId = new Map(installed.map((r) => [r.id, r]));
    setRows(all.map((m) => {
      const row = byId.get(m.id);
      const isInstalled = !!row?.mapping && (row.mapping as Mapping).version === m.version;
      return { mapping: m, origin: isInstalled ? ORIGIN_TEXT[row!.origin] : '随扩展内置', enabled: !settings.disabledMappings.includes(m.id), installed: isInstalled };
    }));
    setSubs(settings.subscriptions);
    setSourceStatus(settings.sourceStatus);
  };
  useEffect(() => { void load(); }, []);

  const showPreview = async (text: string, file: string, origin: InstalledMappingRow['origin'], sourceUrl?: string) => {
    setProblems(undefined);
    setPreview(undefined);
    const r = await previewInstall(db, text, file, bundled);
    if (r.ok) setPreview({ ...r.preview, origin, sourceUrl });
    else setProblems({ error: r.error.split('\n')[0] ?? r.error, list: r.problems });
  };

  const fromFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    // Cleared, so choosing the same file again (after editing it) reads it again.
    input.value = '';
    if (f) await showPreview(await f.text(), f.name, 'file');
  };
  const fromUrl = async (e: Event) => {
    e.preventDefault();
    setStatus('正在读取…');
    try {
      await showPreview(await getText(url.trim()), url.trim(), 'url', url.trim());
    } catch (err) {
      setProblems({ error: `无法读取 ${url.trim()}：${(err as Error).message}` });
    } finally {
      setStatus('');
    }
  };

  const confirmInstall = async () => {
    if (!preview) return;
    const granted = await askHostAccess(preview.mapping);
    if (!granted) { setProblems({ error: '没有获得访问该平台页面的权限，映射没有安装' }); return; }
    const r = await installMapping(db, preview.mapping, preview.origin, bundled, { sourceUrl: preview.sourceUrl });
    if (!r.ok) { setProblems({ error: r.error, list: r.problems }); return; }
    const previous = r.previous;
    setUndo({
      text: `已安装“${r.mapping.name}”版本 ${r.mapping.version}。`,
      run: async () => { if (previous) await restoreInstalled(db, previous); else await removeInstalled(db, r.mapping.id); },
    });
    setPreview(undefined);
    await load();
    onChanged?.();
  };

  const toggle = async (row: Row) => {
    const s = await getSettings(db);
    const off = new Set(s.disabledMappings);
    if (row.enabled) off.add(row.mapping.id); else off.delete(row.mapping.id);
    await putSettings(db, { disabledMappings: [...off] });
    await load();
  };

  const remove = async (row: Row) => {
    const removed = await removeInstalled(db, row.mapping.id);
    if (removed) await releaseHostAccess(removed.mapping as Mapping);
    if (removed) setUndo({ text: `已删除“${row.mapping.name}”。`, run: () => restoreInstalled(db, removed) });
    await load();
  };

  const addSub = async (e: Event) => {
    e.preventDefault();
    const r = await putSettings(db, { subscriptions: [...new Set([...subs, newSub.trim()])] });
    if ('error' in r) { setProblems({ error: r.error }); return; }
    setNewSub('');
    await checkAll(r.settings.subscriptions);
  };
  const checkAll = async (list = subs) => {
    setStatus('正在检查订阅…');
    const lines: string[] = [];
    for (const s of list) {
      const r = await checkSource(db, s, bundled);
      lines.push(`${s}：安装或更新 ${r.installed.length} 个，已是最新 ${r.upToDate.length} 个，退役 ${r.retired.length} 个${r.errors.length ? `；问题：${r.errors.join('；')}` : ''}`);
    }
    await putSettings(db, { lastSourceCheck: Date.now() });
    setStatus(lines.join('\n'));
    await load();
  };

  return (
    <section aria-labelledby="mappings">
      <h2 id="mappings">平台映射（{rows.length}）</h2>
      {undo && <p class="notice" role="status">{undo.text} <button onClick={async () => { await undo.run(); setUndo(undefined); await load(); }}>撤销</button></p>}
      {problems && (
        <div class="error" role="alert">
          <p>{problems.error}</p>
          {problems.list && <ul>{problems.list.map((p, i) => <li key={i}><code>{p.path || '（整个文件）'}</code>：{p.message}</li>)}</ul>}
        </div>
      )}
      {status && <p role="status" class="sub" style={{ whiteSpace: 'pre-line' }}>{status}</p>}
      <table class="mappings">
        <thead><tr><th>平台</th><th>版本</th><th>维护人</th><th>核对日期</th><th>来源</th><th>状态</th><th /></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.mapping.id} data-mapping={r.mapping.id}>
              <td>{r.mapping.name}<br /><span class="sub">{r.mapping.id}</span></td>
              <td>{r.mapping.version}</td>
              <td>{r.mapping.maintainers.map((m) => m.name).join('、')}</td>
              <td>{r.mapping.lastVerified}</td>
              <td>{r.origin}</td>
              <td>{r.enabled ? '启用' : '已停用'}</td>
              <td>
                <button onClick={() => toggle(r)} aria-label={`${r.enabled ? '停用' : '启用'} ${r.mapping.name}`}>{r.enabled ? '停用' : '启用'}</button>
                {r.installed && <> <button onClick={() => remove(r)} aria-label={`删除 ${r.mapping.name}`}>删除</button></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>安装或更新映射</h3>
      <p><label>从文件：<input type="file" accept=".json,application/json" onChange={fromFile} aria-label="选择映射文件" /></label></p>
      <form onSubmit={fromUrl}>
        <label>从网址：<input type="url" placeholder="https://it.example.gov.cn/ylt/zj-xxx.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} aria-label="映射文件的网址" /></label>
        <button type="submit" disabled={!url.trim()}>读取</button>
      </form>
      {preview && (
        <div class="preview" role="region" aria-label="安装预览">
          <p><b>{preview.mapping.name}</b>（{preview.mapping.id}）版本 {preview.mapping.version}{preview.replaces ? `，将替换版本 ${preview.replaces.version}` : '，新安装'}</p>
          <p class="sub">适用页面：{preview.mapping.match.urls.join('、')}；共 {preview.mapping.fields.length} 个字段</p>
          {preview.diff && (
            <ul>
              {preview.diff.added.length > 0 && <li>新增字段：{preview.diff.added.join('、')}</li>}
              {preview.diff.removed.length > 0 && <li>删除字段：{preview.diff.removed.join('、')}</li>}
              {preview.diff.changed.map((c) => <li key={c.id}>修改 {c.id}：{c.what.join('、')}</li>)}
              {preview.diff.other.length > 0 && <li>其他：{preview.diff.other.join('；')}</li>}
              {!preview.diff.added.length && !preview.diff.removed.length && !preview.diff.changed.length && !preview.diff.other.length && <li>内容没有变化，只是版本号更高</li>}
            </ul>
          )}
          <button onClick={confirmInstall}>确认安装</button> <button onClick={() => setPreview(undefined)}>取消</button>
        </div>
      )}
      <h3>订阅映射目录</h3>
      <p class="sub">县里的信息化人员可以发布一个 index.json（映射目录）。订阅后，一录通在浏览器启动时和每天检查一次，只会读取（GET）该目录和其中列出的映射文件，不会发送任何记录。</p>
      <ul>{subs.map((s) => <li key={s}>{s}</li>)}</ul>
      {sourceStatus && (
        <p class="sub" data-testid="source-status">
          上次自动检查：{new Date(sourceStatus.at).toLocaleString('zh-CN')}，{sourceStatus.sources.length} 个目录（含单位策略设定的），安装或更新 {sourceStatus.installed} 个
          {sourceStatus.errors.length > 0 && <>；问题：{sourceStatus.errors.join('；')}</>}
        </p>
      )}
      <form onSubmit={addSub}>
        <label>目录网址：<input type="url" value={newSub} onInput={(e) => setNewSub((e.target as HTMLInputElement).value)} aria-label="映射目录网址" placeholder="https://it.example.gov.cn/ylt/index.json" /></label>
        <button type="submit" disabled={!newSub.trim()}>订阅</button>
        {subs.length > 0 && <> <button type="button" onClick={() => checkAll()}>立即检查</button></>}
      </form>
    </section>
  );
}

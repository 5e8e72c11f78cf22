/**
 * 为此页面生成映射 (the recorder), for mapping maintainers. Opened from the popup on a page no mapping
 * covers, as `recorder.html?tab=<id>`: scans that tab's form (read-only, lib/mapping/recorder.ts
 * injected by entrypoints/recorder-scan.ts), shows the draft as a table to correct, merges a re-scan
 * after the maintainer reveals conditional fields on the page, and exports the mapping file or
 * installs it through the same path as the options page (lib/mapping/installed.ts).
 */
import { useState } from 'preact/hooks';
import { buildMapping, mergeScan, proposeMappingId, urlPattern, type Draft, type DraftItem } from '@/lib/mapping/draft';
import type { Mapping } from '@/lib/mapping/schema';
import { hostPatterns } from '@/lib/mapping/match';
import { installMapping } from '@/lib/mapping/installed';
import { loadBundled } from '@/lib/mapping/bundled';
import { openDb } from '@/lib/store/db';
import { DraftTable } from './table';

const tabId = Number(new URLSearchParams(location.search).get('tab'));

/** Runs the read-only scan in the maintainer's tab (host access: the mapped hosts, or the tab the icon was clicked on). */
async function scanTab(): Promise<Draft> {
  if (!Number.isInteger(tabId) || tabId <= 0) throw new Error('没有指明要扫描的页面：请在平台页面上点一录通图标，再点「为此页面生成映射」');
  await browser.scripting.executeScript({ target: { tabId }, files: ['/recorder-scan.js'] });
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: () => (window as unknown as { __yltScan: () => unknown }).__yltScan() });
  if (!first?.result) throw new Error('页面没有返回扫描结果');
  return first.result as Draft;
}

const today = () => new Date().toISOString().slice(0, 10);

export function App() {
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [meta, setMeta] = useState({ id: '', name: '', maintainer: '', urls: '' });
  const [busy, setBusy] = useState(false);

  const scan = async () => {
    setBusy(true);
    setError('');
    try {
      const fresh = await scanTab();
      if (!draft) {
        setDraft(fresh);
        const frames = fresh.frameUrls?.length ? fresh.frameUrls : [fresh.url];
        setMeta({ id: proposeMappingId(frames[0]!), name: fresh.title || '新映射', maintainer: '', urls: [...new Set(frames.map(urlPattern))].join('\n') });
        setStatus(`找到 ${fresh.items.length} 个字段。请逐行核对对应字段和控件；条件字段请先在页面上让它出现，再点「重新扫描」。`);
      } else {
        const { draft: merged, added } = mergeScan(draft, fresh);
        setDraft(merged);
        setStatus(added.length ? `新出现 ${added.length} 个字段：${added.map((a) => a.label ?? a.id).join('、')}（已标为条件字段）` : '没有新出现的字段');
      }
    } catch (e) {
      setError(`无法扫描该页面：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const change = (id: string, patch: Partial<DraftItem>) => {
    if (!draft) return;
    setDraft({ ...draft, items: draft.items.map((it) => (it.id === id ? { ...it, ...patch } : it)) });
  };

  const build = (): Mapping | undefined => {
    if (!draft) return undefined;
    try {
      return buildMapping(draft, { id: meta.id.trim(), name: meta.name.trim(), maintainer: meta.maintainer.trim() || '（请填写维护人）', urls: meta.urls.split(/\s+/).filter(Boolean), date: today() });
    } catch (e) {
      const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues;
      setError(issues ? `映射还不完整：${issues.map((i) => `${i.path.join('.') || '（整个文件）'}：${i.message}`).join('；')}` : (e as Error).message);
      return undefined;
    }
  };

  const exportFile = () => {
    setError('');
    const m = build();
    if (!m) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`${JSON.stringify(m, null, 2)}\n`], { type: 'application/json' }));
    a.download = `${m.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    setStatus(`已导出 ${m.id}.json（${m.fields.length} 个字段）。请按 mappings/README.md 的审核清单检查后再发布。`);
  };

  const install = async () => {
    setError('');
    const m = build();
    if (!m) return;
    // Host access for the mapping's pages only, asked on this click (the browser shows its own prompt).
    const origins = hostPatterns([m]);
    const granted = (await browser.permissions.contains({ origins }).catch(() => false)) || (await browser.permissions.request({ origins }).catch(() => false));
    if (!granted) { setError('没有获得访问该平台页面的权限，映射没有安装'); return; }
    const r = await installMapping(openDb(), m, 'file', loadBundled());
    if (!r.ok) { setError(r.error); return; }
    setStatus(`已安装“${m.name}”（${m.id}）版本 ${m.version}。刷新平台页面后即可填写；在「记录与设置 → 平台映射」里可以停用或删除。`);
  };

  const input = (key: keyof typeof meta, label: string, wide = false) => (
    <label>{label}：{wide
      ? <textarea rows={2} cols={50} aria-label={label} value={meta[key]} onInput={(e) => setMeta({ ...meta, [key]: (e.target as HTMLTextAreaElement).value })} />
      : <input aria-label={label} value={meta[key]} onInput={(e) => setMeta({ ...meta, [key]: (e.target as HTMLInputElement).value })} />}</label>
  );

  return (
    <main>
      <h1>为此页面生成映射</h1>
      <p class="sub">给维护人员：扫描页面上的表单，逐个字段推荐词表字段、控件和定位方式。只读取页面，不填写、不提交。</p>
      <button class="primary" onClick={scan} disabled={busy}>{busy ? '正在扫描…' : draft ? '重新扫描（合并新出现的字段）' : '扫描页面'}</button>
      {error && <p class="error" role="alert">{error}</p>}
      {status && <p class="notice" role="status">{status}</p>}
      {draft && (
        <>
          <section class="meta" aria-label="映射信息">
            {input('name', '映射名称')}
            {input('id', '映射 id')}
            {input('maintainer', '维护人')}
            <br />
            {input('urls', '适用页面（每行一个）', true)}
          </section>
          <DraftTable items={draft.items} onChange={change} />
          <p>
            <button onClick={exportFile}>导出映射文件</button>{' '}
            <button onClick={install}>直接安装</button>
          </p>
        </>
      )}
    </main>
  );
}

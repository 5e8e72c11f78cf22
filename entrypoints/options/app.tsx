/** Records and fill history. Deleting a record can be undone until the page is left. */
import { useEffect, useState } from 'preact/hooks';
import type { InspectionRecord } from '@/lib/record/record';
import { formatTime, mask } from '@/lib/record/summary';
import { vocabularyEntry } from '@/lib/record/vocabulary';
import type { FillLogEntry } from '@/lib/store/db';
import { summarize } from '@/lib/ui/report-list';

async function ask<T>(msg: unknown): Promise<({ ok: true } & T) | { ok: false; error: string }> {
  return (await browser.runtime.sendMessage(msg)) as ({ ok: true } & T) | { ok: false; error: string };
}

function show(v: unknown): string {
  if (Array.isArray(v)) {
    return v.map((x) => (x && typeof x === 'object'
      ? 'dataUrl' in x ? String((x as { name: string }).name) : 'item' in x ? `${(x as { item: string }).item}:${(x as { result: string }).result}` : ''
      : String(x))).join('、');
  }
  if (v && typeof v === 'object' && 'start' in v) { const r = v as unknown as { start: string; end: string }; return `${r.start} 至 ${r.end}`; }
  return mask(String(v));
}

export function App() {
  const [records, setRecords] = useState<InspectionRecord[]>([]);
  const [log, setLog] = useState<FillLogEntry[]>([]);
  const [deleted, setDeleted] = useState<InspectionRecord>();
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState('');

  const load = async () => {
    const r = await ask<{ records: InspectionRecord[] }>({ type: 'records' });
    if (r.ok) setRecords(r.records); else setError(r.error);
    const l = await ask<{ entries: FillLogEntry[] }>({ type: 'fill-log' });
    if (l.ok) setLog(l.entries);
  };
  useEffect(() => { void load(); }, []);

  const remove = async (id: string) => {
    const r = await ask<{ record: InspectionRecord }>({ type: 'delete-record', id });
    if (r.ok) { setDeleted(r.record); await load(); } else setError(r.error);
  };
  const restore = async () => {
    if (!deleted) return;
    const r = await ask({ type: 'restore-record', record: deleted });
    if (r.ok) { setDeleted(undefined); await load(); } else setError(r.error);
  };

  return (
    <main>
      <h1>一录通 · 记录与设置</h1>
      <p class="sub">所有记录只保存在本机浏览器中，不会上传到任何地方。</p>
      {error && <p class="error" role="alert">{error}</p>}
      {deleted && (
        <p class="notice" role="status">已删除“{show(deleted.values['unit.name'] ?? '未命名记录')}”。<button onClick={restore}>撤销删除</button></p>
      )}
      <h2>录入记录（{records.length}）</h2>
      {records.length === 0 && <p class="sub">还没有记录。在已配置的平台上录入并提交后，记录会出现在这里。</p>}
      <table>
        <thead><tr><th>单位</th><th>来源</th><th>时间</th><th>状态</th><th /></tr></thead>
        <tbody>
          {records.map((r) => (
            <>
              <tr key={r.id}>
                <td><button class="link" onClick={() => setOpen(open === r.id ? undefined : r.id)}>{show(r.values['unit.name'] ?? '（未填单位）')}</button></td>
                <td>{r.source.title || r.source.mappingId}</td>
                <td>{formatTime(r.updatedAt)}</td>
                <td>{r.status === 'captured' ? '已提交' : '草稿'}</td>
                <td><button onClick={() => remove(r.id)}>删除</button></td>
              </tr>
              {open === r.id && (
                <tr key={`${r.id}-detail`} class="detail"><td colSpan={5}>
                  <dl>{Object.entries(r.values).map(([k, v]) => (<><dt>{vocabularyEntry(k)?.label ?? k}</dt><dd>{show(v)}</dd></>))}</dl>
                </td></tr>
              )}
            </>
          ))}
        </tbody>
      </table>
      <h2>填充记录</h2>
      {log.length === 0 && <p class="sub">还没有填充过。</p>}
      <ul class="log">
        {log.map((e) => <li key={e.id}>{formatTime(e.at)} · {e.mappingId} · {summarize(e.reports)}</li>)}
      </ul>
    </main>
  );
}

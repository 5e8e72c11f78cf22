/** Records and fill history. Deleting a record can be undone until the page is left. */
import { useEffect, useState } from 'preact/hooks';
import type { InspectionRecord } from '@/lib/record/record';
import { formatTime } from '@/lib/record/summary';
import type { FillLogEntry } from '@/lib/store/db';
import { summarize } from '@/lib/ui/report-list';
import { Trail, type RecordCardData } from '@/lib/ui/record-card';
import { RecordView, show } from './record-view';
import { DataSettings } from './data-settings';
import { Backup } from './backup';
import { Mappings } from './mappings';
import { t } from '@/lib/ui/i18n';

async function ask<T>(msg: unknown): Promise<({ ok: true } & T) | { ok: false; error: string }> {
  try {
    return (await browser.runtime.sendMessage(msg)) as ({ ok: true } & T) | { ok: false; error: string };
  } catch (e) {
    return { ok: false, error: t('扩展后台没有响应：{m}', { m: (e as Error).message }) };
  }
}

export function App() {
  const [records, setRecords] = useState<InspectionRecord[]>([]);
  const [cards, setCards] = useState<RecordCardData[]>([]);
  const [log, setLog] = useState<FillLogEntry[]>([]);
  const [deleted, setDeleted] = useState<{ record: InspectionRecord; fillLog: FillLogEntry[] }>();
  const [open, setOpen] = useState<string>();
  const [search, setSearch] = useState('');
  const [error, setError] = useState('');

  const load = async (focus?: string) => {
    const r = await ask<{ records: InspectionRecord[]; cards: RecordCardData[] }>({ type: 'records', search: search.trim() || undefined, limit: 200 });
    if (r.ok) { setRecords(r.records); setCards(r.cards); } else setError(r.error);
    const l = await ask<{ entries: FillLogEntry[] }>({ type: 'fill-log' });
    if (l.ok) setLog(l.entries);
    if (focus) setOpen(focus);
  };
  useEffect(() => { void load(); }, [search]);

  const remove = async (id: string) => {
    const r = await ask<{ record: InspectionRecord; fillLog: FillLogEntry[] }>({ type: 'delete-record', id });
    if (r.ok) { setDeleted({ record: r.record, fillLog: r.fillLog }); await load(); } else setError(r.error);
  };
  const restore = async () => {
    if (!deleted) return;
    const r = await ask({ type: 'restore-record', record: deleted.record, fillLog: deleted.fillLog });
    if (r.ok) { setDeleted(undefined); await load(); } else setError(r.error);
  };

  return (
    <main>
      <h1>{t('一录通 · 记录与设置')}</h1>
      <p class="sub">{t('所有记录只保存在本机浏览器中，不会上传到任何地方。')}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {deleted && (
        <p class="notice" role="status">{t('已删除“{name}”及其照片和 {n} 条填充记录。', { name: show(deleted.record.values['unit.name'] ?? t('未命名记录')), n: deleted.fillLog.length })}<button onClick={restore}>{t('撤销删除')}</button></p>
      )}
      <h2>{t('检查记录（{n}）', { n: records.length })}</h2>
      <p><input type="search" placeholder={t('按单位名称或信用代码查找')} aria-label={t('按单位名称或信用代码查找记录')} value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} /></p>
      {records.length === 0 && <p class="sub">{t('还没有记录。在已配置的平台上录入并提交后，记录会出现在这里。')}</p>}
      {records.length > 0 && <table>
        <thead><tr><th>{t('单位')}</th><th>{t('首次录入')}</th><th>{t('更新时间')}</th><th>{t('各平台进度')}</th><th /></tr></thead>
        <tbody>
          {records.map((r, i) => (
            <>
              <tr key={r.id}>
                <td><button class="link" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? undefined : r.id)}>{show(r.values['unit.name'] ?? t('（未填单位）'))}</button>{r.status === 'draft' ? t('（草稿）') : ''}</td>
                <td>{r.source.title || r.source.mappingId}</td>
                <td>{formatTime(r.updatedAt)}</td>
                <td>{cards[i] && <Trail trail={cards[i]!.trail} />}</td>
                <td><button onClick={() => remove(r.id)} aria-label={t('删除 {name} 的记录', { name: show(r.values['unit.name'] ?? t('（未填单位）')) })}>{t('删除')}</button></td>
              </tr>
              {open === r.id && (
                <tr key={`${r.id}-detail`} class="detail"><td colSpan={5}>
                  <RecordView record={r} card={cards[i]} ask={ask} onChanged={load} />
                </td></tr>
              )}
            </>
          ))}
        </tbody>
      </table>}
      <h2>{t('填充记录')}</h2>
      {log.length === 0 && <p class="sub">{t('还没有填充过。')}</p>}
      <ul class="log">
        {log.map((e) => <li key={e.id}>{formatTime(e.at)} · {e.mappingId} · {summarize(e.reports)}</li>)}
      </ul>
      <Mappings />
      <Backup onImported={() => void load()} />
      <DataSettings ask={ask} onChanged={() => { setDeleted(undefined); void load(); }} />
    </main>
  );
}

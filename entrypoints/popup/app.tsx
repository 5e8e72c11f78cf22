/**
 * The popup: which platform this tab is, which inspection would be used (the one in progress by
 * default, or one the cadre picks), where that inspection stands on every platform, one button to
 * fill, then the field-by-field report. Opened as a page (tests, or pinned as a tab on old browsers)
 * it acts on the tab named by `?tab=`.
 */
import { Doctor } from './doctor';
import { useEffect, useState } from 'preact/hooks';
import type { FieldReport } from '@/lib/engine/apply';
import { ReportList } from '@/lib/ui/report-list';
import { recordLabel, Trail, type RecordCardData } from '@/lib/ui/record-card';
import { t } from '@/lib/ui/i18n';

interface TabStatus {
  mapping: { id: string; name: string; version: number } | null;
  record: RecordCardData | null;
  recent: RecordCardData[];
}

async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function ask<T>(msg: unknown): Promise<({ ok: true } & T) | { ok: false; error: string }> {
  try {
    return (await browser.runtime.sendMessage(msg)) as ({ ok: true } & T) | { ok: false; error: string };
  } catch (e) {
    return { ok: false, error: t('扩展后台没有响应：{m}', { m: (e as Error).message }) };
  }
}

function RecordPicker({ current, recent, onPick }: { current?: RecordCardData; recent: RecordCardData[]; onPick: (r: RecordCardData) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<RecordCardData[]>(recent);
  useEffect(() => {
    if (!query.trim()) { setFound(recent); return; }
    let live = true;
    const t = setTimeout(() => {
      void ask<{ cards: RecordCardData[] }>({ type: 'records', search: query.trim(), limit: 20 }).then((r) => { if (live && r.ok) setFound(r.cards); });
    }, 150);
    return () => { live = false; clearTimeout(t); };
  }, [query, recent]);
  return (
    <section class="picker" aria-label={t('选择其他记录')}>
      <input type="search" placeholder={t('按单位名称或信用代码查找')} aria-label={t('按单位名称或信用代码查找记录')} value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      {found.length === 0 && <p class="sub">{t('没有找到记录。')}</p>}
      <ul role="listbox" aria-label={t('最近的记录')}>
        {found.map((r) => (
          <li key={r.id} role="option" aria-selected={r.id === current?.id}>
            <button class="link" onClick={() => onPick(r)}>{recordLabel(r)}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<TabStatus>();
  const [chosen, setChosen] = useState<RecordCardData>();
  const [picking, setPicking] = useState(false);
  const [phase, setPhase] = useState<'idle' | 'filling' | 'done' | 'undoing'>('idle');
  const [reports, setReports] = useState<FieldReport[]>([]);
  const [undoable, setUndoable] = useState(0);
  const [error, setError] = useState('');

  const refresh = async (id: number | undefined, keep?: string) => {
    if (id === undefined) return setError(t('找不到当前标签页'));
    const r = await ask<TabStatus>({ type: 'tab-status', tabId: id });
    if (!r.ok) return setError(r.error);
    setStatus(r);
    if (keep) {
      const again = await ask<{ card: RecordCardData }>({ type: 'record', id: keep });
      setChosen(again.ok ? again.card : r.record ?? undefined);
    } else setChosen(r.record ?? undefined);
  };

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      await refresh(id);
    })();
  }, []);

  const fill = async () => {
    setError('');
    setPhase('filling');
    setReports([]);
    const r = await ask<{ reports: FieldReport[]; undoable: number }>({ type: 'fill', tabId, recordId: chosen?.id });
    if (r.ok) {
      setReports(r.reports);
      setUndoable(r.undoable);
      setPhase('done');
      await refresh(tabId, chosen?.id);
    } else {
      setError(r.error);
      setPhase('idle');
    }
  };

  const undo = async () => {
    setPhase('undoing');
    const r = await ask<{ reports: FieldReport[] }>({ type: 'undo', tabId });
    setPhase('idle');
    if (r.ok) { setReports([]); setUndoable(0); setError(''); }
    else setError(r.error);
  };

  const canFill = !!status?.mapping && !!chosen && phase !== 'filling';
  const inProgress = chosen && status?.record && chosen.id === status.record.id;
  return (
    <main>
      <header>
        <h1>一录通</h1>
        <span class="sub">{t('一次录入，多平台填充 · 数据只存在本机')}</span>
      </header>
      {!status && !error && <p class="sub" role="status">{t('正在读取当前页面…')}</p>}
      {status && (
        <section class="facts">
          <div><span class="k">{t('当前页面')}</span>{status.mapping ? status.mapping.name : <em>{t('不在已配置的平台中')}</em>}</div>
          <div>
            <span class="k">{t('使用记录')}</span>
            {chosen ? <span data-testid="chosen-record">{recordLabel(chosen)}{inProgress ? '' : t(' （手动选择）')}</span> : <em>{t('还没有录入记录')}</em>}
            {status.recent.length > 0 && (
              <button class="link change" aria-expanded={picking} onClick={() => setPicking(!picking)}>{picking ? t('收起') : t('换一条')}</button>
            )}
          </div>
          {chosen && <Trail trail={chosen.trail} />}
        </section>
      )}
      {picking && status && (
        <RecordPicker current={chosen} recent={status.recent} onPick={(r) => { setChosen(r); setPicking(false); setReports([]); }} />
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" disabled={!canFill} onClick={fill}>
        {phase === 'filling' ? t('正在填充，请稍候…') : inProgress || !chosen ? t('从上次录入填充') : t('用所选记录填充')}
      </button>
      {status && !chosen && <p class="sub">{t('先在任一已配置的平台录入并点击“提交”，一录通会自动保存这次录入。')}</p>}
      {phase === 'filling' && <div class="progress" role="progressbar" aria-label={t('正在填充')}><div /></div>}
      {reports.length > 0 && (
        <section>
          <ReportList reports={reports} />
          <div class="actions">
            {undoable > 0 && <button onClick={undo} disabled={phase === 'undoing'}>{phase === 'undoing' ? t('正在撤销…') : t('撤销本次填充')}</button>}
            <span class="sub">{t('填充不会替您提交，请核对后提交。')}</span>
          </div>
        </section>
      )}
      {status?.mapping && tabId !== undefined && <Doctor tabId={tabId} ask={ask} />}
      {status && !status.mapping && tabId !== undefined && (
        <p class="sub">{t('给维护人员：')}<button onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/recorder.html?tab=${tabId}`) })}>{t('为此页面生成映射')}</button></p>
      )}
      <footer><a href={browser.runtime.getURL('/options.html')} target="_blank">{t('记录与设置')}</a></footer>
    </main>
  );
}

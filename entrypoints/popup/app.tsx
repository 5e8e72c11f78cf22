/**
 * The popup: which platform this tab is, which record would be used, one button to fill, then the
 * field-by-field report. Opened as a page (tests, or pinned as a tab on old browsers) it acts on
 * the tab named by `?tab=`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FieldReport } from '@/lib/engine/apply';
import { ReportList } from '@/lib/ui/report-list';
import { mask } from '@/lib/record/summary';

interface TabStatus {
  mapping: { id: string; name: string; version: number } | null;
  record: { id: string; title: string } | null;
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
    return { ok: false, error: `扩展后台没有响应：${(e as Error).message}` };
  }
}

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<TabStatus>();
  const [phase, setPhase] = useState<'idle' | 'filling' | 'done' | 'undoing'>('idle');
  const [reports, setReports] = useState<FieldReport[]>([]);
  const [undoable, setUndoable] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === undefined) return setError('找不到当前标签页');
      const r = await ask<TabStatus>({ type: 'tab-status', tabId: id });
      if (r.ok) setStatus(r);
      else setError(r.error);
    })();
  }, []);

  const fill = async () => {
    setError('');
    setPhase('filling');
    setReports([]);
    const r = await ask<{ reports: FieldReport[]; undoable: number }>({ type: 'fill', tabId });
    if (r.ok) {
      setReports(r.reports);
      setUndoable(r.undoable);
      setPhase('done');
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

  const canFill = !!status?.mapping && !!status?.record && phase !== 'filling';
  return (
    <main>
      <header>
        <h1>一录通</h1>
        <span class="sub">一次录入，多平台填充 · 数据只存在本机</span>
      </header>
      {!status && !error && <p class="sub">正在读取当前页面…</p>}
      {status && (
        <section class="facts">
          <div><span class="k">当前页面</span>{status.mapping ? status.mapping.name : <em>不在已配置的平台中</em>}</div>
          <div><span class="k">使用记录</span>{status.record ? mask(status.record.title) : <em>还没有录入记录</em>}</div>
        </section>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" disabled={!canFill} onClick={fill}>
        {phase === 'filling' ? '正在填充，请稍候…' : '从上次录入填充'}
      </button>
      {status && !status.record && <p class="sub">先在任一已配置的平台录入并点击“提交”，一录通会自动保存这次录入。</p>}
      {phase === 'filling' && <div class="progress" role="progressbar"><div /></div>}
      {reports.length > 0 && (
        <section>
          <ReportList reports={reports} />
          <div class="actions">
            {undoable > 0 && <button onClick={undo} disabled={phase === 'undoing'}>{phase === 'undoing' ? '正在撤销…' : '撤销本次填充'}</button>}
            <span class="sub">填充不会替您提交，请核对后提交。</span>
          </div>
        </section>
      )}
      <footer><a href={browser.runtime.getURL('/options.html')} target="_blank">记录与设置</a></footer>
    </main>
  );
}

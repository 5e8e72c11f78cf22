/**
 * 数据与隐私: how long records are kept, whether the browser keeps them under storage pressure, and
 * 清除全部 (typed confirmation; a wipe of personal data is deliberately not undoable).
 */
import { useEffect, useState } from 'preact/hooks';
import { CLEAR_ALL_CONFIRM, RETENTION_CHOICES, type Settings } from '@/lib/store/retention';

type Ask = <T>(msg: unknown) => Promise<({ ok: true } & T) | { ok: false; error: string }>;

function retentionText(days: number): string {
  return days === 0 ? '一直保留，直到手动删除' : `保留 ${days} 天（超过 ${days} 天未更新的记录自动删除）`;
}

export function DataSettings({ ask, onChanged }: { ask: Ask; onChanged: () => void }) {
  const [settings, setSettings] = useState<Settings>();
  const [persisted, setPersisted] = useState<boolean>();
  const [usage, setUsage] = useState<string>('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' }>();

  const refreshStorage = async () => {
    setPersisted(await navigator.storage?.persisted?.().catch(() => false));
    const est = await navigator.storage?.estimate?.().catch(() => undefined);
    if (est?.usage !== undefined) setUsage(`已使用 ${(est.usage / 1024 / 1024).toFixed(1)} MB`);
  };
  useEffect(() => {
    void ask<{ settings: Settings }>({ type: 'settings' }).then((r) => { if (r.ok) setSettings(r.settings); });
    void refreshStorage();
  }, []);

  const changeRetention = async (days: number) => {
    const r = await ask<{ settings: Settings; purged: number }>({ type: 'set-settings', settings: { retentionDays: days } });
    if (!r.ok) { setMessage({ text: r.error, kind: 'error' }); return; }
    setSettings(r.settings);
    setMessage({ text: `已保存：${retentionText(days)}。${r.purged ? `已删除 ${r.purged} 条过期记录。` : ''}`, kind: 'ok' });
    if (r.purged) onChanged();
  };

  const persist = async () => {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    setPersisted(granted);
  };

  const wipe = async (e: Event) => {
    e.preventDefault();
    const r = await ask<{ records: number }>({ type: 'clear-all', confirm: confirm.trim() });
    if (!r.ok) { setMessage({ text: r.error, kind: 'error' }); return; }
    setConfirm('');
    setMessage({ text: `已清除全部数据：${r.records} 条记录及全部填充记录。`, kind: 'ok' });
    onChanged();
    void refreshStorage();
  };

  return (
    <section aria-labelledby="data-settings">
      <h2 id="data-settings">数据与隐私</h2>
      {message && <p class={message.kind === 'error' ? 'error' : 'notice'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <p>
        <label>记录保留期限：
          <select value={String(settings?.retentionDays ?? 0)} disabled={!settings} onChange={(e) => changeRetention(Number((e.target as HTMLSelectElement).value))}>
            {RETENTION_CHOICES.map((d) => <option key={d} value={String(d)}>{d === 0 ? '一直保留' : `${d} 天`}</option>)}
          </select>
        </label>
        <span class="sub"> 删除记录时，它的照片和填充记录一并删除。</span>
      </p>
      <p>
        本机存储：{persisted === undefined ? '检查中…' : persisted ? '已设为持久保存（浏览器不会因空间不足自动清理）' : '未设为持久保存'}
        {persisted === false && <button onClick={persist}>申请持久保存</button>}
        {usage && <span class="sub"> {usage}</span>}
      </p>
      <form onSubmit={wipe} class="danger">
        <label>清除全部记录和填充记录（不可撤销），请输入“{CLEAR_ALL_CONFIRM}”：
          <input value={confirm} aria-label={`输入“${CLEAR_ALL_CONFIRM}”确认清除`} onInput={(e) => setConfirm((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={confirm.trim() !== CLEAR_ALL_CONFIRM}>清除全部</button>
      </form>
    </section>
  );
}

/** 映射体检 in the popup: for mapping maintainers; the report can be copied into a ticket. */
import { useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';

type Ask = <T>(msg: unknown) => Promise<({ ok: true } & T) | { ok: false; error: string }>;

export function Doctor({ tabId, ask }: { tabId: number; ask: Ask }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const run = async () => {
    setBusy(true);
    setError('');
    const r = await ask<{ text: string }>({ type: 'doctor', tabId });
    setBusy(false);
    if (r.ok) setText(r.text);
    else setError(r.error);
  };
  const copy = async () => {
    await navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <details class="doctor">
      <summary>{t('映射体检（给维护人员）')}</summary>
      <p class="sub">{t('检查本页面的每个字段能否找到、标签是否变化、控件是否一致、页面上哪些必填项不在映射中。只读取页面，不填写任何内容。')}</p>
      <button onClick={run} disabled={busy}>{busy ? t('正在体检…') : t('开始体检')}</button>
      {error && <p class="error" role="alert">{error}</p>}
      {text && (
        <>
          <pre class="doctor-report" aria-label={t('体检报告')} tabIndex={0}>{text}</pre>
          <button onClick={copy}>{copied ? t('已复制') : t('复制报告')}</button>
        </>
      )}
    </details>
  );
}

/**
 * 备份与恢复: export every record to a JSON file (optionally with a passphrase) and import it again,
 * e.g. into a new computer's browser. Works on the extension's own database directly: a backup with
 * photos can be larger than a message may carry.
 */
import { useState } from 'preact/hooks';
import { openDb } from '@/lib/store/db';
import { exportBackup, importBackup } from '@/lib/store/backup';

const db = openDb();

function fileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `一录通备份-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`;
}

export function Backup({ onImported }: { onImported: () => void }) {
  const [exportPass, setExportPass] = useState('');
  const [importPass, setImportPass] = useState('');
  const [needsPass, setNeedsPass] = useState(false);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' }>();

  const doExport = async () => {
    setBusy('正在导出…');
    try {
      const { text, records } = await exportBackup(db, { passphrase: exportPass || undefined });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName();
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ text: `已导出 ${records} 条记录${exportPass ? '（已设密码，请牢记密码，忘记后无法恢复）' : ''}。请把文件保存在安全的地方。`, kind: 'ok' });
    } catch (e) {
      setMessage({ text: `导出失败：${(e as Error).message}`, kind: 'error' });
    } finally {
      setBusy('');
    }
  };

  const doImport = async (e: Event) => {
    e.preventDefault();
    if (!file) { setMessage({ text: '请先选择备份文件', kind: 'error' }); return; }
    setBusy('正在导入…');
    try {
      const r = await importBackup(db, await file.text(), importPass || undefined);
      if (!r.ok) {
        setNeedsPass(!!r.needsPassphrase);
        setMessage({ text: r.error, kind: 'error' });
        return;
      }
      setNeedsPass(false);
      setMessage({ text: `已导入：新增 ${r.added} 条，更新 ${r.updated} 条，本机较新而保留 ${r.kept} 条；填充记录 ${r.fillLog} 条。`, kind: 'ok' });
      onImported();
    } catch (err) {
      setMessage({ text: `导入失败：${(err as Error).message}`, kind: 'error' });
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby="backup">
      <h2 id="backup">备份与恢复</h2>
      {message && <p class={message.kind === 'error' ? 'error' : 'notice'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {busy && <p role="status" aria-live="polite">{busy}</p>}
      <p>
        <label>备份密码（可不填）：<input type="password" autoComplete="new-password" value={exportPass} onInput={(e) => setExportPass((e.target as HTMLInputElement).value)} /></label>
        <button onClick={doExport} disabled={!!busy}>导出备份</button>
      </p>
      <form onSubmit={doImport}>
        <label>备份文件：<input type="file" accept=".json,application/json" onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0]); setMessage(undefined); }} /></label>
        {needsPass && <label>密码：<input type="password" aria-label="备份文件的密码" value={importPass} onInput={(e) => setImportPass((e.target as HTMLInputElement).value)} /></label>}
        <button type="submit" disabled={!!busy || !file}>导入备份</button>
      </form>
    </section>
  );
}

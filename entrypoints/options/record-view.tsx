/**
 * One record, opened in the options page: every value with where and when it came from and what it
 * was before; each value can be corrected (validated against its type), and each platform's capture
 * can be split off as a separate inspection (「这是一次新的检查」).
 */
import { useState } from 'preact/hooks';
import type { InspectionRecord } from '@/lib/record/record';
import { formatTime, mask } from '@/lib/record/summary';
import { VOCABULARY, vocabularyEntry } from '@/lib/record/vocabulary';
import { Trail, type RecordCardData } from '@/lib/ui/record-card';

/** A value as text; phone and identity numbers masked unless the cadre asked to see them. */
export function show(v: unknown, reveal = false): string {
  const m = reveal ? (s: string) => s : mask;
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) {
    return v.map((x) => {
      if (x && typeof x === 'object') {
        if ('dataUrl' in x) return String((x as { name: string }).name);
        return Object.values(x as Record<string, unknown>).map((y) => m(String(y))).join(' / ');
      }
      return m(String(x));
    }).join('、');
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object' && 'start' in v) { const r = v as { start: string; end: string }; return `${r.start} 至 ${r.end}`; }
  return m(String(v));
}

/** How a value is typed into the editor: plain text for text-like keys, JSON for structured ones. */
function editorText(type: string | undefined, v: unknown): string {
  if (v === undefined) return '';
  if (type === 'text' || type === 'date' || type === 'datetime' || type === 'number') return String(v);
  if (type === 'textList' || type === 'regionPath') return (v as string[]).join('、');
  if (type === 'boolean') return v ? '是' : '否';
  return JSON.stringify(v, null, 1);
}

function parseEditor(type: string | undefined, text: string): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  switch (type) {
    case 'number': return Number.isFinite(Number(t)) ? { value: Number(t) } : { error: '请填写数字' };
    case 'boolean': return t === '是' || t === '否' ? { value: t === '是' } : { error: '请填写“是”或“否”' };
    case 'textList': case 'regionPath': return { value: t.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean) };
    case 'text': case 'date': case 'datetime': return { value: t };
    default:
      try { return { value: JSON.parse(t) as unknown }; } catch { return { error: '格式不对：表格、时间段等请按显示的 JSON 格式填写' }; }
  }
}

export function RecordView({ record, card, ask, onChanged }: {
  record: InspectionRecord;
  card?: RecordCardData;
  ask: <T>(msg: unknown) => Promise<({ ok: true } & T) | { ok: false; error: string }>;
  onChanged: (focusId?: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState<string>();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const [adding, setAdding] = useState('');
  const [reveal, setReveal] = useState(false);

  const startEdit = (key: string) => {
    setEditing(key);
    setDraft(editorText(vocabularyEntry(key)?.type, record.values[key]));
    setProblem('');
  };
  const save = async () => {
    if (!editing) return;
    const parsed = parseEditor(vocabularyEntry(editing)?.type, draft);
    if ('error' in parsed) return setProblem(parsed.error);
    const r = await ask({ type: 'edit-value', id: record.id, key: editing, value: parsed.value });
    if (!r.ok) return setProblem(r.error);
    setEditing(undefined);
    await onChanged(record.id);
  };
  const split = async (contributionId: string) => {
    const r = await ask<{ split: string }>({ type: 'split-record', id: record.id, contributionId });
    if (!r.ok) return setProblem(r.error);
    await onChanged(r.split);
  };

  const keys = [...VOCABULARY.map((v) => v.key).filter((k) => k in record.values), ...Object.keys(record.values).filter((k) => !vocabularyEntry(k))];
  const missing = VOCABULARY.filter((v) => !(v.key in record.values) && v.type !== 'files');
  return (
    <div class="record-view">
      {card && <Trail trail={card.trail} />}
      <p class="sub">电话、身份证号已隐去中间几位。 <button class="link" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? '隐去号码' : '显示完整号码'}</button></p>
      {problem && <p class="error" role="alert">{problem}</p>}
      <table class="values">
        <thead><tr><th>字段</th><th>值</th><th>来源</th><th /></tr></thead>
        <tbody>
          {keys.map((k) => {
            const origin = record.provenance[k];
            const history = record.history[k] ?? [];
            return (
              <tr key={k} data-key={k}>
                <th scope="row">{vocabularyEntry(k)?.label ?? k}</th>
                <td>
                  {editing === k ? (
                    <>
                      <textarea aria-label={`修改${vocabularyEntry(k)?.label ?? k}`} rows={vocabularyEntry(k)?.type === 'table' ? 6 : 1} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
                      <button onClick={save}>保存</button> <button onClick={() => setEditing(undefined)}>取消</button>
                    </>
                  ) : show(record.values[k], reveal)}
                  {history.length > 0 && (
                    <details class="history"><summary>之前的值（{history.length}）</summary>
                      <ul>{history.map((h, i) => <li key={i}>{show(h.value, reveal)} <span class="sub">— {h.platform || h.mappingId}，{formatTime(h.at)}</span></li>)}</ul>
                    </details>
                  )}
                </td>
                <td class="sub">{origin ? `${origin.platform || origin.mappingId} · ${formatTime(origin.at)}` : ''}</td>
                <td>{editing !== k && vocabularyEntry(k)?.type !== 'files' && <button class="link" onClick={() => startEdit(k)} aria-label={`修改${vocabularyEntry(k)?.label ?? k}`}>修改</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p>
          <label>补充字段：<select value={adding} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
            <option value="">选择要补充的字段</option>
            {missing.map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}
          </select></label>{' '}
          <button disabled={!adding} onClick={() => { startEdit(adding); setAdding(''); }}>补充</button>
          {editing && !(editing in record.values) && (
            <span>
              <textarea aria-label={`填写${vocabularyEntry(editing)?.label ?? editing}`} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
              <button onClick={save}>保存</button>
            </span>
          )}
        </p>
      )}
      <h3>各平台的采集</h3>
      <ul class="contributions">
        {record.contributions.map((c) => (
          <li key={c.id}>
            {c.platform || c.mappingId} · {formatTime(c.at)} · {c.kind === 'edit' ? '人工修改' : c.kind === 'draft' ? '草稿' : '提交时采集'} · {Object.keys(c.values).length} 项
            {c.kind !== 'edit' && record.contributions.length > 1 && (
              <> <button class="link" onClick={() => split(c.id)}>这是一次新的检查（拆分出来）</button></>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

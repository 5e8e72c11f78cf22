/** The draft table: one row per form item; the maintainer picks the key (searchable), the widget, or skips. */
import { useState } from 'preact/hooks';
import type { DraftItem } from '@/lib/mapping/draft';
import { searchVocabulary } from '@/lib/mapping/draft';
import { vocabularyEntry } from '@/lib/record/vocabulary';
import { WIDGETS } from '@/lib/engine/widgets';

const KINDS = [...new Set(WIDGETS.map((w) => w.kind))].sort();
const LOCATOR_WORDS: Record<DraftItem['locatorKind'], string> = {
  label: '按标签', name: '按 name 属性', id: '按 id', placeholder: '按占位提示', css: '按 CSS（易失效）', none: '无',
};

function KeyPicker({ item, onPick }: { item: DraftItem; onPick: (key: string | undefined) => void }) {
  const [q, setQ] = useState('');
  const name = item.label ?? item.id;
  const found = searchVocabulary(q);
  const current = item.key ? vocabularyEntry(item.key) : undefined;
  const options = current && !found.includes(current) ? [current, ...found] : found;
  return (
    <>
      <input type="search" placeholder="搜索字段" aria-label={`搜索字段：${name}`} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      <select aria-label={`对应字段：${name}`} value={item.key ?? ''} onChange={(e) => onPick((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">（不对应词表字段）</option>
        {options.map((e) => <option key={e.key} value={e.key}>{e.label}（{e.key}）</option>)}
      </select>
    </>
  );
}

export function DraftTable({ items, onChange }: { items: DraftItem[]; onChange: (id: string, patch: Partial<DraftItem>) => void }) {
  return (
    <table class="draft" aria-label="映射草稿">
      <thead><tr><th>页面标签</th><th>对应字段</th><th>控件</th><th>定位</th><th>跳过</th></tr></thead>
      <tbody>
        {items.map((it) => {
          const name = it.label ?? it.id;
          return (
            <tr key={it.id} data-item={it.id} class={`${it.skip ? 'skipped' : ''} ${it.appears ? 'appears' : ''}`}>
              <td>{it.label ?? <em>（没有标签）</em>}{it.required && <span class="error"> *</span>}<br /><span class="sub">{it.id}</span></td>
              <td><KeyPicker item={it} onPick={(key) => onChange(it.id, { key, keyHow: undefined })} />
                {it.keyHow && <div class="sub">{it.keyHow === 'contains' ? '按相近的叫法推荐，请核对' : '按标签推荐'}</div>}</td>
              <td>
                <select aria-label={`控件：${name}`} value={it.widget} onChange={(e) => onChange(it.id, { widget: (e.target as HTMLSelectElement).value })}>
                  {[...new Set([it.widget, ...KINDS])].map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
                {it.options?.length ? <div class="sub">选项：{it.options.join('、')}</div> : null}
              </td>
              <td>{LOCATOR_WORDS[it.locatorKind]}{it.locate ? <div class="sub"><code>{JSON.stringify(it.locate)}</code></div> : null}
                {it.warnings.map((w) => <p key={w} class="warn">⚠ {w}</p>)}</td>
              <td><input type="checkbox" aria-label={`跳过：${name}`} checked={!!it.skip} onChange={(e) => onChange(it.id, { skip: (e.target as HTMLInputElement).checked })} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

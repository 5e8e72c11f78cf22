/**
 * A record as the cadre sees it in lists: the unit and time (identity and phone numbers masked), and
 * where the inspection stands on every installed platform. Shared by the popup and the options page.
 */
import { mask } from '../record/summary';

export interface TrailItem {
  mappingId: string;
  name: string;
  state: 'captured' | 'submitted' | 'filled' | 'pending';
  text: string;
}

export interface RecordCardData {
  id: string;
  title: string;
  status: 'captured' | 'draft';
  trail: TrailItem[];
}

const STATE_CLASS: Record<TrailItem['state'], string> = { captured: 'ok', submitted: 'ok', filled: 'warn', pending: 'muted' };

export function Trail({ trail }: { trail: TrailItem[] }) {
  return (
    <ul class="ylt-trail" aria-label="各平台进度">
      {trail.map((t, i) => (
        <li key={t.mappingId} class={STATE_CLASS[t.state]} data-state={t.state}>{i > 0 ? ' · ' : ''}{t.text}</li>
      ))}
    </ul>
  );
}

export function recordLabel(card: Pick<RecordCardData, 'title' | 'status'>): string {
  return `${mask(card.title)}${card.status === 'draft' ? '（草稿）' : ''}`;
}

/**
 * A record as the cadre sees it in lists: the unit and time (identity and phone numbers masked), and
 * where the inspection stands on every installed platform. Shared by the popup and the options page.
 */
import { mask } from '../record/summary';
import { t } from './i18n';

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
    <ul class="ylt-trail" aria-label={t('各平台进度')}>
      {trail.map((item, i) => (
        <li key={item.mappingId} class={STATE_CLASS[item.state]} data-state={item.state}>{i > 0 ? ' · ' : ''}{t(item.text)}</li>
      ))}
    </ul>
  );
}

export function recordLabel(card: Pick<RecordCardData, 'title' | 'status'>): string {
  return `${mask(card.title)}${card.status === 'draft' ? t('（草稿）') : ''}`;
}

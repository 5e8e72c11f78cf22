import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t, uiLocale } from '@/lib/ui/i18n';
import { STATUS_TEXT } from '@/lib/engine/apply';
import { SOURCE_TEXT, summarize } from '@/lib/ui/report-list';
import { PLATFORM_STATE_TEXT } from '@/lib/record/merge';

const CJK = /[\u4e00-\u9fff]/;
afterEach(() => setLocale(undefined));

describe('interface language', () => {
  it('is Chinese outside a browser that says otherwise', () => {
    expect(uiLocale()).toBe('zh');
    expect(t('从上次录入填充')).toBe('从上次录入填充');
    expect(t('检查记录（{n}）', { n: 3 })).toBe('检查记录（3）');
  });

  it('in English: whole texts, texts built around names and counts, and the cadre\'s data left as it is', () => {
    setLocale('en');
    expect(t('从上次录入填充')).toBe('Fill from last entry');
    expect(t('检查记录（{n}）', { n: 3 })).toBe('Inspection records (3)');
    expect(summarize([{ status: 'verified' }, { status: 'no-option' }, { status: 'empty' }])).toBe('1 filled, 1 need you, 1 not in the record');
    expect(t(PLATFORM_STATE_TEXT.filled('基层智治综合应用'))).toBe('Filled on 基层智治综合应用 (not submitted)');
    expect(t('页面上没有标签为“联系电话”的字段')).toBe('No field labelled “联系电话” on the page');
    // A text with no English entry is shown as it is rather than lost.
    expect(t('杭州某某小吃店')).toBe('杭州某某小吃店');
  });

  it('every report status, value source and platform state has English words', () => {
    setLocale('en');
    for (const text of [...Object.values(STATUS_TEXT), ...Object.values(SOURCE_TEXT)]) expect(t(text), text).not.toMatch(CJK);
    for (const state of Object.values(PLATFORM_STATE_TEXT)) expect(t(state('A')), state('A')).not.toMatch(CJK);
  });
});

import { describe, expect, it } from 'vitest';
import { markKind, marksTouchedBy, type Mark } from '@/lib/ui/highlights';

describe('page marks', () => {
  it('filled and checked, check this, not filled; nothing where there is no one field', () => {
    expect(markKind({ status: 'verified' })).toBe('filled');
    expect(markKind({ status: 'equal' })).toBe('filled');
    expect(markKind({ status: 'verified', source: 'truncated' })).toBe('check');
    expect(markKind({ status: 'unverified' })).toBe('check');
    for (const status of ['empty', 'no-option', 'no-entry', 'disabled', 'error'] as const) expect(markKind({ status })).toBe('unfilled');
    for (const status of ['not-found', 'hidden', 'ambiguous', 'label-changed'] as const) expect(markKind({ status })).toBeUndefined();
  });

  it('an edit takes away the marks of the fields on its path only', () => {
    const a = {} as Element;
    const b = {} as Element;
    const marks: Mark[] = [{ fieldId: 'a', label: 'A', kind: 'filled', el: a }, { fieldId: 'b', label: 'B', kind: 'unfilled', el: b }];
    expect(marksTouchedBy(marks, [{} as EventTarget, a])).toEqual([marks[0]]);
    expect(marksTouchedBy(marks, [])).toEqual([]);
  });
});

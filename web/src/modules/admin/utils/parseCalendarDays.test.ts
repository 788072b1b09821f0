import { describe, expect, it } from 'vitest';
import { calendarDaysText, parseCalendarDays } from './parseCalendarDays.ts';

describe('the calendar editor text', () => {
  it('reads one moved day a line and names the lines it cannot read', () => {
    const parsed = parseCalendarDays('2026-01-01 holiday 元旦\n\n2026-02-14 workday\nnonsense');
    expect(parsed.days).toEqual([
      { day: '2026-01-01', kind: 'holiday', name: '元旦' },
      { day: '2026-02-14', kind: 'workday', name: null },
    ]);
    expect(parsed.badLines).toEqual([4]);
    expect(calendarDaysText(parsed.days)).toBe('2026-01-01 holiday 元旦\n2026-02-14 workday');
  });
});

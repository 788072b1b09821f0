import { describe, expect, it } from 'vitest';
import { computeProblemFigures, type ProblemFigureRecord } from './problem-figures.ts';
import { buildWorkingCalendar } from './working-calendar.ts';

// Only the weekday rule: the edge cases here do not depend on holidays.
const calendar = buildWorkingCalendar([], []);
const period = { from: '2025-01-01', to: '2025-12-31' };
const today = '2026-03-02';
const at = (text: string) => new Date(`${text}+08:00`);

function record(overrides: Partial<ProblemFigureRecord> = {}): ProblemFigureRecord {
  return {
    receivedAt: at('2025-03-03T09:00:00'),
    clockStartsOn: '2025-03-03',
    returned: false,
    open: false,
    suspended: false,
    dueOn: '2025-03-10',
    firstClosedAt: at('2025-03-07T15:00:00'),
    firstClosedOnTime: true,
    ratings: [],
    reopenedAt: [],
    ...overrides,
  };
}

describe('computeProblemFigures', () => {
  it('gives zeros and null rates for no problems', () => {
    expect(computeProblemFigures([], period, today, calendar)).toEqual({
      received: 0,
      closed: 0,
      receivedAndClosed: 0,
      closeRate: null,
      closedOnTime: 0,
      onTimeRate: null,
      ratings: 0,
      satisfiedRatings: 0,
      satisfactionRate: null,
      openNow: 0,
      overdueNow: 0,
      averageWorkingDaysToClose: null,
      reopened: 0,
    });
  });

  it("keeps a reopened problem's first close counted, on time as it was, and counts it open", () => {
    const reopened = record({
      open: true,
      // The new clock's due date, long past today: overdue again.
      dueOn: '2025-04-01',
      reopenedAt: [at('2025-03-20T10:00:00')],
      ratings: [{ at: at('2025-03-18T10:00:00'), satisfaction: 'dissatisfied' }],
    });
    const figures = computeProblemFigures([reopened], period, today, calendar);
    expect(figures).toMatchObject({
      received: 1,
      closed: 1,
      receivedAndClosed: 1,
      closeRate: 1,
      closedOnTime: 1,
      onTimeRate: 1,
      ratings: 1,
      satisfiedRatings: 0,
      satisfactionRate: 0,
      openNow: 1,
      overdueNow: 1,
      reopened: 1,
    });
    // 3 March (Mon) to 7 March (Fri): four working days after the start day.
    expect(figures.averageWorkingDaysToClose).toBe(4);
  });

  it('does not count a suspended problem past its due date as overdue', () => {
    const suspended = record({
      open: true,
      suspended: true,
      dueOn: '2025-03-10',
      firstClosedAt: null,
      firstClosedOnTime: null,
    });
    const figures = computeProblemFigures([suspended], period, today, calendar);
    expect(figures).toMatchObject({ received: 1, openNow: 1, overdueNow: 0, closeRate: 0 });
    const running = { ...suspended, suspended: false };
    expect(computeProblemFigures([running], period, today, calendar).overdueNow).toBe(1);
    // Due today is not yet overdue.
    expect(computeProblemFigures([running], period, '2025-03-10', calendar).overdueNow).toBe(0);
  });

  it('counts a returned problem nowhere', () => {
    const returned = record({
      returned: true,
      ratings: [{ at: at('2025-03-08T09:00:00'), satisfaction: 'satisfied' }],
    });
    expect(computeProblemFigures([returned], period, today, calendar)).toEqual(
      computeProblemFigures([], period, today, calendar),
    );
  });

  it('judges the period by Shanghai days at both ends', () => {
    const newYear = record({
      // 17:30 UTC on 31 Dec is 01:30 on 1 Jan in Shanghai.
      receivedAt: new Date('2024-12-31T17:30:00Z'),
      firstClosedAt: new Date('2025-12-31T15:59:00Z'),
    });
    const late = record({
      receivedAt: at('2024-12-31T23:00:00'),
      firstClosedAt: new Date('2025-12-31T16:00:00Z'),
    });
    const figures = computeProblemFigures([newYear, late], period, today, calendar);
    expect(figures.received).toBe(1);
    expect(figures.closed).toBe(1);
    expect(figures.receivedAndClosed).toBe(1);
  });

  it('counts every rating in the period, a basic satisfaction as satisfied', () => {
    const rated = record({
      ratings: [
        { at: at('2024-12-30T10:00:00'), satisfaction: 'dissatisfied' },
        { at: at('2025-03-08T10:00:00'), satisfaction: 'basically_satisfied' },
        { at: at('2025-03-09T10:00:00'), satisfaction: 'dissatisfied' },
        { at: at('2025-03-10T10:00:00'), satisfaction: 'satisfied' },
      ],
    });
    const figures = computeProblemFigures([rated], period, today, calendar);
    expect(figures).toMatchObject({ ratings: 3, satisfiedRatings: 2 });
    expect(figures.satisfactionRate).toBeCloseTo(2 / 3, 12);
  });
});

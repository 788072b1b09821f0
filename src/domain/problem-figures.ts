// The problem figures of docs/problems.md, computed by this one function for any group of
// problems (overall, a department, a category, a node). Pure: the caller loads the records.
import type { Satisfaction } from '../shared/problem-stages.ts';
import { shanghaiDate, workingDaysBetween, type WorkingCalendar } from './working-calendar.ts';

/** What the figures need to know of one problem. */
export interface ProblemFigureRecord {
  /** When it reached the office. */
  receivedAt: Date;
  /** The day its first SLA clock counted from. */
  clockStartsOn: string;
  /** Returned by the office (退回): counted nowhere. */
  returned: boolean;
  /** Still being handled now (neither closed nor returned). */
  open: boolean;
  /** Suspended now: its clock is paused, so it is not overdue. */
  suspended: boolean;
  /** The current due date. */
  dueOn: string;
  firstClosedAt: Date | null;
  firstClosedOnTime: boolean | null;
  /** Every rating given, in time order. */
  ratings: readonly { at: Date; satisfaction: Satisfaction }[];
  /** Every reopen. */
  reopenedAt: readonly Date[];
}

/** A period of whole days, both ends included, in Asia/Shanghai. */
export interface FigurePeriod {
  from: string;
  to: string;
}

export interface ProblemFigures {
  /** Received in the period (returned ones excluded). */
  received: number;
  /** First closed in the period. */
  closed: number;
  /** Of those received in the period, first closed by its end. */
  receivedAndClosed: number;
  /** receivedAndClosed / received; null without receipts. */
  closeRate: number | null;
  /** Of those first closed in the period, closed within their (extended) SLA. */
  closedOnTime: number;
  /** closedOnTime / closed; null without closes. */
  onTimeRate: number | null;
  /** Ratings given in the period. */
  ratings: number;
  /** Of those, 满意 or 基本满意. */
  satisfiedRatings: number;
  satisfactionRate: number | null;
  /** Received by the period's end and open now. */
  openNow: number;
  /** Of those, past their due date today and not suspended. */
  overdueNow: number;
  /** Mean working days from the clock's start to the first close, over the problems closed in the period. */
  averageWorkingDaysToClose: number | null;
  /** Reopens in the period. */
  reopened: number;
}

const inPeriod = (at: Date, period: FigurePeriod) => {
  const day = shanghaiDate(at);
  return day >= period.from && day <= period.to;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The figures of a group of problems for a period, as of `today` (Asia/Shanghai date). */
export function computeProblemFigures(
  records: readonly ProblemFigureRecord[],
  period: FigurePeriod,
  today: string,
  calendar: WorkingCalendar,
): ProblemFigures {
  let received = 0;
  let receivedAndClosed = 0;
  let closed = 0;
  let closedOnTime = 0;
  let workingDaysToClose = 0;
  let ratings = 0;
  let satisfiedRatings = 0;
  let openNow = 0;
  let overdueNow = 0;
  let reopened = 0;
  for (const record of records) {
    if (record.returned) continue;
    const receivedDay = shanghaiDate(record.receivedAt);
    if (inPeriod(record.receivedAt, period)) {
      received += 1;
      if (record.firstClosedAt && shanghaiDate(record.firstClosedAt) <= period.to) {
        receivedAndClosed += 1;
      }
    }
    if (record.firstClosedAt && inPeriod(record.firstClosedAt, period)) {
      closed += 1;
      if (record.firstClosedOnTime) closedOnTime += 1;
      workingDaysToClose += workingDaysBetween(
        calendar,
        record.clockStartsOn,
        shanghaiDate(record.firstClosedAt),
      );
    }
    for (const rating of record.ratings) {
      if (!inPeriod(rating.at, period)) continue;
      ratings += 1;
      if (rating.satisfaction !== 'dissatisfied') satisfiedRatings += 1;
    }
    reopened += record.reopenedAt.filter((at) => inPeriod(at, period)).length;
    if (record.open && receivedDay <= period.to) {
      openNow += 1;
      if (!record.suspended && today > record.dueOn) overdueNow += 1;
    }
  }
  return {
    received,
    closed,
    receivedAndClosed,
    closeRate: ratio(receivedAndClosed, received),
    closedOnTime,
    onTimeRate: ratio(closedOnTime, closed),
    ratings,
    satisfiedRatings,
    satisfactionRate: ratio(satisfiedRatings, ratings),
    openNow,
    overdueNow,
    averageWorkingDaysToClose: closed === 0 ? null : workingDaysToClose / closed,
    reopened,
  };
}

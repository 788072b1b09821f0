import type { FigurePeriod } from './problem-figures.ts';

// The 督办 figures, defined once for the scorecard and the briefing (docs/leadership.md): an item
// belongs to the period its deadline falls in, whenever it was done, so an item due this year and
// still open counts against this year, and one done early still counts in the year it was due.

/** What the figures need of a 督办 item; days are Asia/Shanghai calendar days. */
export interface SupervisionRecord {
  deadline: string;
  done: boolean;
  /** The day it was completed; null while open (or when a done item lacks the time). */
  completedOn: string | null;
}

export interface SupervisionFigures {
  /** Items whose deadline falls in the period. */
  due: number;
  /** Of those, done (at any date). */
  done: number;
  /** Of those, done on or before the deadline. */
  doneOnTime: number;
  /** Of those, open and past the deadline on `asOf`. */
  overdue: number;
  /** Completed in the period, whatever the deadline: the period's work, for quarterly splits. */
  completedInPeriod: number;
  /** Open on `asOf`, whatever the deadline. */
  openNow: number;
  /** Of those, past the deadline on `asOf` (earlier periods' items included). */
  pastDeadlineNow: number;
}

/** The 督办 figures of a period as of a day (both Asia/Shanghai YYYY-MM-DD). */
export function computeSupervisionFigures(
  records: readonly SupervisionRecord[],
  period: FigurePeriod,
  asOf: string,
): SupervisionFigures {
  const within = (day: string) => day >= period.from && day <= period.to;
  const due = records.filter((r) => within(r.deadline));
  const open = records.filter((r) => !r.done);
  return {
    due: due.length,
    done: due.filter((r) => r.done).length,
    doneOnTime: due.filter((r) => r.completedOn !== null && r.completedOn <= r.deadline).length,
    overdue: due.filter((r) => !r.done && asOf > r.deadline).length,
    completedInPeriod: records.filter((r) => r.completedOn !== null && within(r.completedOn))
      .length,
    openNow: open.length,
    pastDeadlineNow: open.filter((r) => asOf > r.deadline).length,
  };
}

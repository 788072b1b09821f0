// The SLA clock of a problem: when it is due, from the working-day calendar. Pure: the problem
// service (when a problem is raised, extended, suspended or reopened) and the calendar admin (when a
// year's days change) both count with this one rule.
import {
  addWorkingDays,
  clockStartDay,
  type CountedDate,
  type WorkingCalendar,
} from './working-calendar.ts';

/** The fields of a problem the clock counts from. */
export interface ProblemClockFields {
  /** The day the clock first counted from (receipt, or the next working day). */
  clockStartsOn: string;
  slaWorkingDays: number;
  extensionWorkingDays: number;
  suspendedWorkingDays: number;
}

/**
 * A problem's due date: from the clock's start day — or, after a reopen, the clock start day of
 * the latest reopen — count the SLA plus granted extensions plus working days spent suspended.
 * `beyondCalendar` says some counted day lies in a year the calendar does not cover.
 */
export function dueDateOf(
  calendar: WorkingCalendar,
  problem: ProblemClockFields,
  latestReopenAt: Date | null,
): CountedDate {
  const base = latestReopenAt ? clockStartDay(calendar, latestReopenAt) : problem.clockStartsOn;
  const n = problem.slaWorkingDays + problem.extensionWorkingDays + problem.suspendedWorkingDays;
  return addWorkingDays(calendar, base, n);
}

import {
  addWorkingDays,
  clockStartDay,
  type CountedDate,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { findLatestReopenAt } from '../../db/problem.repository.ts';

// The SLA clock of docs/problems.md: due = the (SLA + extensions + suspended)-th working day after
// the day the clock starts, which is the receipt's clock start, or the latest reopen's.

export interface ClockFields {
  clockStartsOn: string;
  slaWorkingDays: number;
  extensionWorkingDays: number;
  suspendedWorkingDays: number;
  reopenCount: number;
}

/** The day the current clock counts from: the receipt's, or after a reopen the reopen's. */
export async function clockBase(
  db: DbOrTx,
  calendar: WorkingCalendar,
  problemId: number,
  fields: ClockFields,
): Promise<string> {
  if (fields.reopenCount === 0) return fields.clockStartsOn;
  const reopenedAt = await findLatestReopenAt(db, problemId);
  return reopenedAt ? clockStartDay(calendar, reopenedAt) : fields.clockStartsOn;
}

/** The due date counted from `base` with the SLA, extensions and suspended days. */
export function dueFrom(calendar: WorkingCalendar, base: string, fields: ClockFields): CountedDate {
  return addWorkingDays(
    calendar,
    base,
    fields.slaWorkingDays + fields.extensionWorkingDays + fields.suspendedWorkingDays,
  );
}

/** The due date and its flag as problem columns. */
export function dueColumns(counted: CountedDate): { dueOn: string; dueBeyondCalendar: boolean } {
  return { dueOn: counted.date, dueBeyondCalendar: counted.beyondCalendar };
}

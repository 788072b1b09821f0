import type { CountedDate } from '../../domain/working-calendar.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { findLatestReopenAt } from '../../db/problem.repository.ts';

// The SLA clock's rule is one pure function, dueDateOf (src/domain/problem-clock.ts), shared with
// the calendar admin's recount; these helpers feed it from the database and back.

/** When the problem was last reopened (its clock counts from then), or null if never. */
export async function latestReopenOf(
  db: DbOrTx,
  problem: { id: number; reopenCount: number },
): Promise<Date | null> {
  return problem.reopenCount === 0 ? null : findLatestReopenAt(db, problem.id);
}

/** The due date and its flag as problem columns. */
export function dueColumns(counted: CountedDate): { dueOn: string; dueBeyondCalendar: boolean } {
  return { dueOn: counted.date, dueBeyondCalendar: counted.beyondCalendar };
}

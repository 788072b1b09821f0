import { asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { calendarDay, calendarYear, problem, problemEvent } from './schema.ts';

export interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

/** Every covered year with its source, oldest first. */
export async function listCalendarYears(db: DbOrTx) {
  return db.select().from(calendarYear).orderBy(asc(calendarYear.year));
}

/** Every moved day (holidays and days worked in lieu), in date order. */
export async function listCalendarDays(db: DbOrTx): Promise<CalendarDayRow[]> {
  const rows = await db.select().from(calendarDay).orderBy(asc(calendarDay.day));
  return rows.map((row) => ({ ...row, kind: row.kind === 'workday' ? 'workday' : 'holiday' }));
}

/** Replaces the moved days of `years` and marks the years covered, with their source. */
export async function replaceCalendarYears(
  db: DbOrTx,
  years: readonly { year: number; source: string }[],
  days: readonly CalendarDayRow[],
): Promise<void> {
  if (years.length === 0) return;
  const numbers = years.map((entry) => entry.year);
  await db
    .delete(calendarDay)
    .where(inArray(sql<number>`extract(year from ${calendarDay.day})::int`, numbers));
  if (days.length > 0) await db.insert(calendarDay).values([...days]);
  await db
    .insert(calendarYear)
    .values(years.map((entry) => ({ year: entry.year, source: entry.source })))
    .onConflictDoUpdate({
      target: calendarYear.year,
      set: { source: sql`excluded.source`, updatedAt: new Date() },
    });
}

/** The moved days of one year, in date order. */
export async function listCalendarDaysOfYear(db: DbOrTx, year: number): Promise<CalendarDayRow[]> {
  const rows = await db
    .select()
    .from(calendarDay)
    .where(sql`extract(year from ${calendarDay.day})::int = ${year}`)
    .orderBy(asc(calendarDay.day));
  return rows.map((row) => ({ ...row, kind: row.kind === 'workday' ? 'workday' : 'holiday' }));
}

/** An open problem's clock fields, its due date and its latest reopen, for recounting. */
export interface OpenProblemClockRow {
  id: number;
  clockStartsOn: string;
  slaWorkingDays: number;
  extensionWorkingDays: number;
  suspendedWorkingDays: number;
  dueOn: string;
  dueBeyondCalendar: boolean;
  latestReopenAt: Date | null;
}

/** Every problem whose clock still runs (any stage but closed and returned). */
export async function listOpenProblemClocks(db: DbOrTx): Promise<OpenProblemClockRow[]> {
  const latestReopen = db
    .select({
      problemId: problemEvent.problemId,
      at: sql<Date>`max(${problemEvent.at})`.as('latest_reopen_at'),
    })
    .from(problemEvent)
    .where(eq(problemEvent.action, 'reopen'))
    .groupBy(problemEvent.problemId)
    .as('latest_reopen');
  const rows = await db
    .select({
      id: problem.id,
      clockStartsOn: problem.clockStartsOn,
      slaWorkingDays: problem.slaWorkingDays,
      extensionWorkingDays: problem.extensionWorkingDays,
      suspendedWorkingDays: problem.suspendedWorkingDays,
      dueOn: problem.dueOn,
      dueBeyondCalendar: problem.dueBeyondCalendar,
      latestReopenAt: latestReopen.at,
    })
    .from(problem)
    .leftJoin(latestReopen, eq(latestReopen.problemId, problem.id))
    .where(notInArray(problem.stage, ['closed', 'returned']))
    .orderBy(asc(problem.id));
  // The aggregate comes back as text through the subquery; make it an instant again.
  return rows.map((row) => ({
    ...row,
    latestReopenAt: row.latestReopenAt === null ? null : new Date(row.latestReopenAt),
  }));
}

/** Sets a problem's due date and whether it was counted beyond the calendar. */
export async function updateProblemDue(
  db: DbOrTx,
  id: number,
  dueOn: string,
  dueBeyondCalendar: boolean,
): Promise<void> {
  await db
    .update(problem)
    .set({ dueOn, dueBeyondCalendar, updatedAt: new Date() })
    .where(eq(problem.id, id));
}

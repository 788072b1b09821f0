import { asc, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { calendarDay, calendarYear } from './schema.ts';

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

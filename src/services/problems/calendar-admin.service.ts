import { AppError } from '../../domain/app-error.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  listCalendarDaysOfYear,
  listCalendarYears,
  listOpenProblemClocks,
  replaceCalendarYears,
  updateProblemDue,
  type CalendarDayRow,
} from '../../db/calendar.repository.ts';
import { dueDateOf } from '../../domain/problem-clock.ts';
import { loadWorkingCalendar } from './working-calendar.service.ts';

/** The covered years and the moved days of one year. */
export interface CalendarView {
  years: { year: number; source: string; updatedAt: Date }[];
  year: number | null;
  days: CalendarDayRow[];
}

/** The years the calendar covers, and the moved days of `year` when asked. */
export async function getCalendar(db: DbOrTx, year?: number): Promise<CalendarView> {
  const years = await listCalendarYears(db);
  const days = year === undefined ? [] : await listCalendarDaysOfYear(db, year);
  return {
    years: years.map((row) => ({ year: row.year, source: row.source, updatedAt: row.updatedAt })),
    year: year ?? null,
    days,
  };
}

function refuseDay(index: number, day: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field: `days[${index}].day`, day });
}

/** Checks one year's moved days: real dates of that year, each once, each moving something. */
function checkDays(
  year: number,
  days: readonly { day: string; kind: 'holiday' | 'workday'; name?: string | null | undefined }[],
): CalendarDayRow[] {
  const seen = new Set<string>();
  return days.map((entry, index) => {
    const { day, kind } = entry;
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
      throw refuseDay(index, day, `"${day}" is not a date: write YYYY-MM-DD, e.g. ${year}-10-01.`);
    }
    if (parsed.getUTCFullYear() !== year) {
      throw refuseDay(index, day, `${day} is not in ${year}: each year is set on its own.`);
    }
    if (seen.has(day)) throw refuseDay(index, day, `${day} is listed twice.`);
    seen.add(day);
    const weekend = parsed.getUTCDay() === 0 || parsed.getUTCDay() === 6;
    if (kind === 'holiday' && weekend) {
      throw refuseDay(index, day, `${day} is a weekend day: it is a rest day already, drop it.`);
    }
    if (kind === 'workday' && !weekend) {
      throw refuseDay(index, day, `${day} is a weekday: it is a working day already, drop it.`);
    }
    return { day, kind, name: entry.name?.trim() || null };
  });
}

/**
 * Recounts the due date of every open problem with the calendar as it is now; returns how many
 * were recounted and how many moved (date or beyond-calendar flag).
 */
export async function recountOpenProblemDueDates(
  db: DbOrTx,
): Promise<{ recounted: number; moved: number }> {
  const calendar = await loadWorkingCalendar(db);
  const open = await listOpenProblemClocks(db);
  let moved = 0;
  for (const row of open) {
    const due = dueDateOf(calendar, row, row.latestReopenAt);
    if (due.date === row.dueOn && due.beyondCalendar === row.dueBeyondCalendar) continue;
    await updateProblemDue(db, row.id, due.date, due.beyondCalendar);
    moved += 1;
  }
  return { recounted: open.length, moved };
}

/**
 * Replaces one year's moved days (adding the year when new), then recounts the due date of every
 * open problem. Throws VALIDATION_FAILED naming the day (not a date, outside the year, twice, or a
 * holiday on a weekend / workday on a weekday, which would change nothing).
 */
export async function setCalendarYear(
  db: Db,
  actor: Actor,
  year: number,
  input: {
    source: string;
    days: readonly { day: string; kind: 'holiday' | 'workday'; name?: string | null }[];
  },
): Promise<{ year: number; days: number; problemsRecounted: number; problemsMoved: number }> {
  const days = checkDays(year, input.days);
  const source = input.source.trim();
  if (!source) {
    throw new AppError('VALIDATION_FAILED', 'Say where the days come from (source).', {
      field: 'source',
    });
  }
  return db.transaction(async (tx) => {
    const before = await listCalendarDaysOfYear(tx, year);
    await replaceCalendarYears(tx, [{ year, source }], days);
    const { recounted, moved } = await recountOpenProblemDueDates(tx);
    await recordAudit(tx, actor, {
      action: 'calendar.year.set',
      entityType: 'calendar_year',
      entityId: year,
      before: { days: before.length },
      after: { source, days: days.length, problemsMoved: moved },
    });
    return { year, days: days.length, problemsRecounted: recounted, problemsMoved: moved };
  });
}

// Working days in China's official calendar: weekdays work, weekends rest, except the days the
// State Council's yearly notice moves (a holiday on a weekday, a weekend day worked in lieu).
// Dates are ISO strings (YYYY-MM-DD) in Asia/Shanghai; no I/O here.

export interface WorkingCalendar {
  /** The years the calendar covers: outside them a day is judged by the weekday rule, flagged. */
  readonly years: ReadonlySet<number>;
  /** Days off that would be weekdays (官方节假日). */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days worked in lieu (调休上班). */
  readonly workdays: ReadonlySet<string>;
}

/** The hour (Asia/Shanghai) from which a problem counts as received on the next working day. */
export const CLOSE_OF_BUSINESS_HOUR = 17;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A calendar from its covered years and its moved days. */
export function buildWorkingCalendar(
  years: Iterable<number>,
  days: Iterable<{ day: string; kind: 'holiday' | 'workday' }>,
): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { day, kind } of days) (kind === 'holiday' ? holidays : workdays).add(day);
  return { years: new Set(years), holidays, workdays };
}

/** The date `n` days after `iso` (negative goes back). */
export function addCalendarDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai date and hour of an instant. */
export function shanghaiDateTime(at: Date): { date: string; hour: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/** The Asia/Shanghai date of an instant. */
export function shanghaiDate(at: Date): string {
  return shanghaiDateTime(at).date;
}

/** Whether the calendar covers the year of `iso`. */
export function isCovered(calendar: WorkingCalendar, iso: string): boolean {
  return calendar.years.has(Number(iso.slice(0, 4)));
}

/** Whether `iso` is a working day: a moved day first, then Monday to Friday. */
export function isWorkingDay(calendar: WorkingCalendar, iso: string): boolean {
  if (calendar.holidays.has(iso)) return false;
  if (calendar.workdays.has(iso)) return true;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day after `iso`. */
export function nextWorkingDay(calendar: WorkingCalendar, iso: string): string {
  let day = addCalendarDays(iso, 1);
  while (!isWorkingDay(calendar, day)) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The day an SLA clock counts from for something received at `at`: that day when it is a working
 * day and the time is before 17:00 in Shanghai, else the next working day.
 */
export function clockStartDay(calendar: WorkingCalendar, at: Date): string {
  const { date, hour } = shanghaiDateTime(at);
  return isWorkingDay(calendar, date) && hour < CLOSE_OF_BUSINESS_HOUR
    ? date
    : nextWorkingDay(calendar, date);
}

export interface CountedDate {
  date: string;
  /** Some day counted lies in a year the calendar does not cover (weekday rule used there). */
  beyondCalendar: boolean;
}

/**
 * The `n`-th working day after `start` (the start day itself is not counted, as a period in days
 * is counted under the Civil Code, art. 201); `n` = 0 gives `start`.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: string, n: number): CountedDate {
  let day = start;
  let beyondCalendar = !isCovered(calendar, start);
  for (let counted = 0; counted < n;) {
    day = addCalendarDays(day, 1);
    if (!isCovered(calendar, day)) beyondCalendar = true;
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return { date: day, beyondCalendar };
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(calendar, day)) count += 1;
  }
  return count;
}

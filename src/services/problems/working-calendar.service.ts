import { createRequire } from 'node:module';
import type { DbOrTx } from '../../db/connection.ts';
import {
  listCalendarDays,
  listCalendarYears,
  replaceCalendarYears,
  type CalendarDayRow,
} from '../../db/calendar.repository.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../domain/working-calendar.ts';

/**
 * Where the seeded calendar comes from, named on every year it seeds (the office reads it in the
 * calendar's 依据 column): the State Council General Office's notices, through the npm package.
 */
export const OFFICIAL_CALENDAR_SOURCE =
  '国务院办公厅放假通知（npm 包 chinese-days 1.5.7，MIT 许可）';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The official holidays and days worked in lieu shipped by the chinese-days package, by year. */
export function officialCalendar(): { years: number[]; days: CalendarDayRow[] } {
  const data = createRequire(import.meta.url)(
    'chinese-days/dist/chinese-days.json',
  ) as ChineseDaysData;
  const days: CalendarDayRow[] = [];
  // The package lists every day of a holiday, weekends included; a weekend holiday is a rest day
  // either way, so keep only what moves a day against the weekday rule, plus names.
  for (const [day, label] of Object.entries(data.holidays)) {
    days.push({ day, kind: 'holiday', name: holidayName(label) });
  }
  for (const [day, label] of Object.entries(data.workdays)) {
    days.push({ day, kind: 'workday', name: holidayName(label) });
  }
  const years = [...new Set(days.map((entry) => Number(entry.day.slice(0, 4))))].sort(
    (a, b) => a - b,
  );
  return { years, days };
}

/** "Spring Festival,春节,4" → "春节". */
function holidayName(label: string): string {
  return label.split(',')[1] ?? label;
}

/**
 * Seeds the official calendar for the years it covers that the database does not hold yet; years
 * an admin has written stay as they are. Returns the years seeded.
 */
export async function seedOfficialCalendar(db: DbOrTx): Promise<number[]> {
  const held = new Set((await listCalendarYears(db)).map((row) => row.year));
  const official = officialCalendar();
  const missing = official.years.filter((year) => !held.has(year));
  if (missing.length === 0) return [];
  await replaceCalendarYears(
    db,
    missing.map((year) => ({ year, source: OFFICIAL_CALENDAR_SOURCE })),
    official.days.filter((entry) => missing.includes(Number(entry.day.slice(0, 4)))),
  );
  return missing;
}

/** The working calendar as the database holds it now. */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const [years, days] = await Promise.all([listCalendarYears(db), listCalendarDays(db)]);
  return buildWorkingCalendar(
    years.map((row) => row.year),
    days,
  );
}

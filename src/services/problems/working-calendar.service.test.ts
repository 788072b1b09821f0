import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import {
  addWorkingDays,
  clockStartDay,
  isWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { loadWorkingCalendar, seedOfficialCalendar } from './working-calendar.service.ts';

// Real 2025 and 2026 holidays and adjusted working days (State Council notices), as seeded.
describe('the working-day calendar', () => {
  let database: Database;
  let calendar: WorkingCalendar;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedOfficialCalendar(database.db);
    calendar = await loadWorkingCalendar(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('covers 2025 and 2026 and knows their moved days', () => {
    expect(calendar.years.has(2025) && calendar.years.has(2026)).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(false); // National Day
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true); // a Sunday worked in lieu
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true); // a Saturday worked in lieu
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true); // Saturday before Spring Festival
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false); // Spring Festival, a Monday
  });

  it('starts a Friday-evening clock before National Day on the Sunday worked in lieu', () => {
    // Friday 26 Sep 2025, 18:30 in Shanghai: after 17:00, so the clock starts on the next working
    // day, Sunday 28 Sep (worked in lieu); five working days later is Saturday 11 Oct (also worked).
    const start = clockStartDay(calendar, new Date('2025-09-26T18:30:00+08:00'));
    expect(start).toBe('2025-09-28');
    expect(addWorkingDays(calendar, start, 5)).toEqual({
      date: '2025-10-11',
      beyondCalendar: false,
    });
  });

  it('counts a morning receipt from that day and skips Spring Festival 2026', () => {
    const start = clockStartDay(calendar, new Date('2026-02-13T09:00:00+08:00'));
    expect(start).toBe('2026-02-13');
    // Sat 14 Feb worked; 15–23 Feb off; 24 Feb on.
    expect(addWorkingDays(calendar, start, 2).date).toBe('2026-02-24');
    expect(workingDaysBetween(calendar, '2026-02-13', '2026-02-24')).toBe(2);
  });

  it('flags a due date counted into a year the calendar does not cover', () => {
    const due = addWorkingDays(calendar, '2026-12-28', 10);
    expect(due.beyondCalendar).toBe(true);
    expect(addWorkingDays(calendar, '2026-12-01', 10).beyondCalendar).toBe(false);
  });

  it('leaves a year an admin has written alone when seeding again', async () => {
    expect(await seedOfficialCalendar(database.db)).toEqual([]);
  });
});

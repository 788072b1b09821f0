import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { chain, problem, problemCategory, problemEvent } from '../db/schema.ts';
import { dueDateOf } from '../domain/problem-clock.ts';
import { buildWorkingCalendar } from '../domain/working-calendar.ts';
import type { CalendarAnswer, SetCalendarYearResponse } from '../shared/api/calendar.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

describe('dueDateOf', () => {
  const calendar = buildWorkingCalendar([2026], [{ day: '2026-10-01', kind: 'holiday' }]);
  const clock = {
    clockStartsOn: '2026-09-29',
    slaWorkingDays: 2,
    extensionWorkingDays: 1,
    suspendedWorkingDays: 1,
  };

  it('counts SLA, extensions and suspended days from the clock start, skipping moved days', () => {
    // 09-30 (Wed), 10-01 holiday, 10-02 (Fri), 10-05 (Mon), 10-06 (Tue).
    expect(dueDateOf(calendar, clock, null)).toEqual({ date: '2026-10-06', beyondCalendar: false });
  });

  it('counts from the latest reopen, and flags a count into an uncovered year', () => {
    // Reopened on Thursday 2026-12-24 at 18:00 Shanghai: the clock starts on Friday the 25th.
    const reopened = dueDateOf(calendar, clock, new Date('2026-12-24T10:00:00Z'));
    expect(reopened).toEqual({ date: '2026-12-31', beyondCalendar: false });
    expect(
      dueDateOf(calendar, { ...clock, slaWorkingDays: 5 }, new Date('2026-12-24T10:00:00Z')),
    ).toMatchObject({ beyondCalendar: true });
  });
});

describe(`the working-day calendar's admin API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let openId: number;
  let closedId: number;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    const db = database.db;
    const [biomed] = await db.select().from(chain).where(eq(chain.code, 'biomed'));
    const [enterpriseId = 0] = await insertEnterprises(db, [
      makeEnterprise({ regionCode: '320214', name: '日历测试企业' }),
    ]);
    await db
      .insert(problemCategory)
      .values({ code: 'cal-test', nameZh: '测试', nameEn: 'Test', slaWorkingDays: 20 })
      .onConflictDoNothing();
    const base = {
      enterpriseId,
      chainId: biomed?.id ?? 0,
      regionCode: '320214',
      title: 't',
      description: 'd',
      channel: 'online',
      categoryCode: 'cal-test',
      receivedAt: new Date('2026-12-14T02:00:00Z'),
      clockStartsOn: '2026-12-14',
      slaWorkingDays: 20,
      // As the problem service would have counted it with 2027 uncovered (weekday rule).
      dueOn: '2027-01-11',
      dueBeyondCalendar: true,
    };
    const rows = await db
      .insert(problem)
      .values([
        { ...base, reference: 'C-1', stage: 'in_progress' },
        { ...base, reference: 'C-2', stage: 'closed' },
      ])
      .returning({ id: problem.id });
    [openId = 0, closedId = 0] = rows.map((row) => row.id);
    // An old reopen event of the closed one must not matter; the open one was never reopened.
    await db.insert(problemEvent).values({
      problemId: closedId,
      action: 'reopen',
      toStage: 'accepted',
      actorName: 'x',
      actorRole: 'office',
      at: new Date('2026-12-20T02:00:00Z'),
    });
  });
  afterAll(async () => {
    await database.close();
  });

  const dueOf = async (id: number) =>
    (await database.db.select().from(problem).where(eq(problem.id, id)))[0];

  it('lists the covered years and the moved days of a year', async () => {
    const answer = await admin.json<CalendarAnswer>('GET', '/api/calendar?year=2026');
    expect(answer.status).toBe(200);
    expect(answer.body.years.map((y) => y.year)).toContain(2026);
    expect(answer.body.years.map((y) => y.year)).not.toContain(2027);
    expect(answer.body.days.find((d) => d.day === '2026-10-01')).toMatchObject({ kind: 'holiday' });
  });

  it('adds a year, recounts the open problems only, and says how many moved', async () => {
    const set = await admin.json<SetCalendarYearResponse>('PUT', '/api/calendar/2027', {
      source: 'test notice',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-01-04', kind: 'holiday', name: 'test' },
        { day: '2027-01-09', kind: 'workday', name: 'test' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ year: 2027, days: 3, problemsMoved: 1 });
    // 12-14 + 20 working days: 12-15…12-31 is 13, then 01-05, 01-06, 01-07, 01-08, 01-09 (in lieu),
    // 01-11, 01-12 (01-01 and 01-04 are holidays).
    expect(await dueOf(openId)).toMatchObject({ dueOn: '2027-01-12', dueBeyondCalendar: false });
    expect(await dueOf(closedId)).toMatchObject({ dueOn: '2027-01-11', dueBeyondCalendar: true });
    const again = await admin.json<SetCalendarYearResponse>('PUT', '/api/calendar/2027', {
      source: 'test notice',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-01-04', kind: 'holiday', name: 'test' },
        { day: '2027-01-09', kind: 'workday', name: 'test' },
      ],
    });
    expect(again.body.problemsMoved).toBe(0);
    const listed = await admin.json<CalendarAnswer>('GET', '/api/calendar?year=2027');
    expect(listed.body.days.map((d) => d.day)).toEqual(['2027-01-01', '2027-01-04', '2027-01-09']);
    expect(listed.body.years.find((y) => y.year === 2027)?.source).toBe('test notice');
  });

  it('refuses days that are not real dates of that year or would change nothing, naming the day', async () => {
    for (const [day, kind] of [
      ['2027-02-30', 'holiday'],
      ['2028-01-03', 'holiday'],
      ['2027-01-02', 'holiday'],
      ['2027-01-05', 'workday'],
    ] as const) {
      const refused = await admin.json<ErrorResponse>('PUT', '/api/calendar/2027', {
        source: 's',
        days: [{ day, kind }],
      });
      expect([refused.status, refused.body.error.details]).toEqual([
        400,
        { field: 'days[0].day', day },
      ]);
    }
  });

  it('lets any signed-in user read and only calendar managers write', async () => {
    const viewer = await signInNewUser(app, admin, 'cal-viewer', 'viewer');
    expect((await viewer.request('GET', '/api/calendar')).status).toBe(200);
    const refused = await viewer.request('PUT', '/api/calendar/2027', {
      source: 's',
      days: [{ day: '2027-01-01', kind: 'holiday' }],
    });
    expect(refused.status).toBe(403);
  });
});

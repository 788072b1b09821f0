import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.ts';
import {
  appUser,
  leaderActivity,
  problem,
  problemEvent,
  sharedProblem,
  supervisionItem,
} from '../../db/schema.ts';
import { addWorkingDays, shanghaiDate } from '../../domain/working-calendar.ts';
import { isRole } from '../../shared/permissions.ts';
import {
  isTransitionAllowed,
  PROBLEM_ACTIONS,
  type ProblemAction,
} from '../../shared/problem-stages.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { loadWorkingCalendar } from '../problems/working-calendar.service.ts';
import { prepareInstallation } from '../setup.service.ts';

// The demo's chain-office work, loaded as a first start loads it, checked against the rules the
// services enforce: every step is one the transition table allows its actor, and every due date
// is the clock's.
describe('the demo chain-office work', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      demoOnFirstRun: true,
      adminPassword: 'admin-password-1',
    });
  }, 240_000);
  afterAll(async () => {
    await database.close();
  });

  const countOf = async (table: typeof problem | typeof supervisionItem) =>
    Number((await database.db.select({ n: count() }).from(table))[0]?.n ?? 0);

  it('holds about 300 problems, 40 visits, 10 meetings and 25 督办 items', async () => {
    expect(await countOf(problem)).toBe(300);
    const kinds = await database.db
      .select({ kind: leaderActivity.kind, n: count() })
      .from(leaderActivity)
      .groupBy(leaderActivity.kind);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind.visit).toBe(40);
    expect((byKind.chain_meeting ?? 0) + (byKind.coordination_meeting ?? 0)).toBe(10);
    expect(await countOf(supervisionItem)).toBe(25);
  });

  it('has overdue, reopened, extended, suspended and shared problems', async () => {
    const today = shanghaiDate(new Date());
    const rows = await database.db.select().from(problem);
    const open = rows.filter((p) => !['closed', 'returned'].includes(p.stage));
    expect(open.filter((p) => p.stage !== 'suspended' && today > p.dueOn).length).toBeGreaterThan(
      3,
    );
    expect(rows.filter((p) => p.reopenCount > 0).length).toBeGreaterThan(0);
    expect(rows.filter((p) => p.extensionWorkingDays > 0).length).toBeGreaterThan(3);
    expect(
      rows.filter((p) => p.suspendedWorkingDays > 0 || p.stage === 'suspended').length,
    ).toBeGreaterThan(3);
    const [shared] = await database.db.select().from(sharedProblem);
    expect(rows.filter((p) => p.sharedProblemId === shared?.id)).toHaveLength(4);
    const categories = new Set(rows.map((p) => p.categoryCode));
    expect(categories.size).toBe(8);
  });

  it('walks every problem only by steps the transition table allows its actor', async () => {
    const events = await database.db
      .select()
      .from(problemEvent)
      .orderBy(problemEvent.problemId, problemEvent.at, problemEvent.id);
    expect(events.length).toBeGreaterThan(1000);
    for (const event of events) {
      if (event.action === 'raise' || event.action === 'record') continue;
      expect((PROBLEM_ACTIONS as readonly string[]).includes(event.action)).toBe(true);
      const role = event.actorRole;
      if (!isRole(role) || !event.fromStage) throw new Error(`bad event ${event.id}`);
      expect(
        isTransitionAllowed(role, event.action as ProblemAction, event.fromStage as never),
        `${event.action} from ${event.fromStage} by ${role}`,
      ).toBe(true);
    }
  });

  it('gives each problem the due date its clock says', async () => {
    const calendar = await loadWorkingCalendar(database.db);
    const rows = await database.db.select().from(problem).where(eq(problem.reopenCount, 0));
    for (const p of rows) {
      const due = addWorkingDays(
        calendar,
        p.clockStartsOn,
        p.slaWorkingDays + p.extensionWorkingDays + p.suspendedWorkingDays,
      );
      expect(p.dueOn, p.reference).toBe(due.date);
    }
  });

  it('creates one demo user per new role, bound to a department and an enterprise', async () => {
    const users = await database.db
      .select()
      .from(appUser)
      .where(sql`${appUser.username} in ('office', 'leader', 'dept', 'firm')`);
    const byName = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(byName.office?.role).toBe('office');
    expect(byName.leader?.role).toBe('chain_leader');
    expect(byName.dept?.departmentId).not.toBeNull();
    expect(byName.firm?.enterpriseId).not.toBeNull();
    const own = await database.db
      .select({ n: count() })
      .from(problem)
      .where(eq(problem.enterpriseId, byName.firm?.enterpriseId ?? 0));
    expect(Number(own[0]?.n)).toBeGreaterThan(0);
  });
});

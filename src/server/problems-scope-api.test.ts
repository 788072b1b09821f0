import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDuplicateCandidate, listDuplicateCandidates } from '../db/duplicate.repository.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { appUser, auditLog, problem, problemEvent } from '../db/schema.ts';
import { addWorkingDays, shanghaiDate, workingDaysBetween } from '../domain/working-calendar.ts';
import { actOnProblem } from '../services/problems/problem.service.ts';
import { loadWorkingCalendar } from '../services/problems/working-calendar.service.ts';
import { mergeDuplicate } from '../services/registry/duplicates.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemAttachment, ProblemDetail, ProblemList } from '../shared/api/problems.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import {
  act,
  problemAt,
  startProblemWorld,
  type ProblemWorld,
} from '../test-support/problem-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

describe(`problem scopes, attachments, the SLA clock and merges (${testDatabaseKind()})`, () => {
  let world: ProblemWorld;

  beforeAll(async () => {
    world = await startProblemWorld();
  }, 120_000);
  afterAll(async () => {
    await world.database.close();
  });

  async function attach(id: number): Promise<ProblemAttachment> {
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('营业执照')]), '营业执照.txt');
    const response = await world.office.request('POST', `/api/problems/${id}/attachments`, form);
    expect(response.status).toBe(201);
    return (await response.json()) as ProblemAttachment;
  }

  it("refuses a department another department's problem and a firm another enterprise's (403, unchanged)", async () => {
    const problem = await problemAt(world, 'assigned');
    for (const [who, client] of [
      ['department B', world.otherDepartment],
      ['firm 2', world.otherFirm],
    ] as const) {
      const read = await client.json<ErrorResponse>('GET', `/api/problems/${problem.id}`);
      expect(read.status, who).toBe(403);
      expect(read.body.error.code).toBe('FORBIDDEN');
      const acted = await client.json<ErrorResponse>(
        'POST',
        `/api/problems/${problem.id}/actions`,
        {
          action: 'start',
        },
      );
      expect(acted.status, who).toBe(403);
      expect(acted.body.error.message).toMatch(/department|enterprise/);
      const list = await client.json<ProblemList>('GET', '/api/problems?pageSize=500');
      expect(list.body.items.map((item) => item.id)).not.toContain(problem.id);
    }
    const after = await world.admin.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
    expect(after.body.stage).toBe('assigned');
    expect(after.body.timeline).toHaveLength(problem.timeline.length);
    const missing = await world.admin.json<ErrorResponse>('GET', '/api/problems/999999');
    expect(missing.status).toBe(404);
  });

  it('shows the department its problems and the firm its own, and nothing to investment', async () => {
    const problem = await problemAt(world, 'assigned');
    const mine = await world.department.json<ProblemList>('GET', '/api/problems?pageSize=500');
    expect(mine.body.items.map((item) => item.id)).toContain(problem.id);
    expect(mine.body.items.every((item) => item.department?.id === world.departmentA)).toBe(true);
    const firm = await world.firm.json<ProblemList>('GET', '/api/problems?pageSize=500');
    expect(firm.body.total).toBeGreaterThan(0);
    expect(firm.body.items.every((item) => item.enterprise.id === world.enterpriseId)).toBe(true);
    const investment = await world.investment.json<ErrorResponse>('GET', '/api/problems');
    expect(investment.status).toBe(403);
  });

  it('hides contacts and attachments from analyst and viewer', async () => {
    const problem = await problemAt(world, 'assigned');
    const file = await attach(problem.id);
    const full = await world.office.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
    expect(full.body).toMatchObject({ contactName: '李四', attachmentsHidden: false });
    expect(full.body.attachments.map((a) => a.id)).toEqual([file.id]);
    const download = await world.department.request(
      'GET',
      `/api/problems/${problem.id}/attachments/${file.id}`,
    );
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('营业执照');
    for (const client of [world.analyst, world.viewer]) {
      const seen = await client.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        contactName: null,
        contactPhone: null,
        attachments: [],
        attachmentsHidden: true,
        allowedActions: [],
        editable: false,
      });
      const list = await client.request('GET', `/api/problems/${problem.id}/attachments`);
      expect(list.status).toBe(403);
      const one = await client.request('GET', `/api/problems/${problem.id}/attachments/${file.id}`);
      expect(one.status).toBe(403);
    }
    const byFirm = await world.firm.request(
      'DELETE',
      `/api/problems/${problem.id}/attachments/${file.id}`,
    );
    expect(byFirm.status).toBe(403);
    const byOffice = await world.office.request(
      'DELETE',
      `/api/problems/${problem.id}/attachments/${file.id}`,
    );
    expect(byOffice.status).toBe(204);
    const left = await world.office.json<{ total: number }>(
      'GET',
      `/api/problems/${problem.id}/attachments`,
    );
    expect(left.body.total).toBe(0);
  });

  it('filters the list by stage, department, enterprise, overdue and text', async () => {
    const problem = await problemAt(world, 'in_progress');
    const byStage = await world.office.json<ProblemList>(
      'GET',
      `/api/problems?stage=in_progress&department=${world.departmentA}&enterprise=${world.enterpriseId}&pageSize=500`,
    );
    expect(byStage.status).toBe(200);
    expect(byStage.body.items.map((item) => item.id)).toContain(problem.id);
    expect(byStage.body.items.every((item) => item.stage === 'in_progress')).toBe(true);
    const byText = await world.office.json<ProblemList>(
      'GET',
      `/api/problems?q=${encodeURIComponent(problem.reference)}`,
    );
    expect(byText.body.items.map((item) => item.id)).toEqual([problem.id]);
    const notOverdue = await world.office.json<ProblemList>('GET', '/api/problems?overdue=false');
    expect(notOverdue.body.items.every((item) => !item.overdue)).toBe(true);
    const badDate = await world.office.json<ErrorResponse>(
      'GET',
      '/api/problems?receivedFrom=2025-02-30',
    );
    expect(badDate.status).toBe(400);
  });

  it('counts the due date with the real calendar, extensions and suspended days', async () => {
    const category = await world.admin.json('PATCH', '/api/problem-categories/other', {
      slaWorkingDays: 5,
    });
    expect(category.status).toBe(200);
    const recorded = await world.office.json<ProblemDetail>('POST', '/api/problems', {
      title: '国庆前收到的诉求',
      description: '周五晚上的走访',
      categoryCode: 'other',
      enterpriseId: world.enterpriseId,
      receivedAt: '2025-09-26T18:30:00+08:00',
      departmentId: world.departmentA,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      stage: 'assigned',
      clockStartsOn: '2025-09-28',
      dueOn: '2025-10-11',
      dueBeyondCalendar: false,
      reference: expect.stringMatching(/^2025-\d{4}$/) as unknown,
    });
    const id = recorded.body.id;
    await act(world.department, id, { action: 'start' });
    await act(world.department, id, {
      action: 'request_extension',
      workingDays: 3,
      note: '需协调',
    });
    const approved = await act(world.office, id, { action: 'approve_extension' });
    // 5 + 3 working days after Sunday 28 Sep (worked in lieu), over the National Day holidays.
    expect(approved).toMatchObject({ extensionWorkingDays: 3, dueOn: '2025-10-15' });
    expect(approved.pendingExtensionDays).toBeNull();

    // Suspended a week ago (through the API, then dated back), resumed now: the working days
    // between move the due date.
    await act(world.department, id, { action: 'suspend', note: '等待企业补充材料' });
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    await world.database.db.update(problem).set({ suspendedAt: weekAgo }).where(eq(problem.id, id));
    const resumed = await act(world.department, id, { action: 'resume' });
    const calendar = await loadWorkingCalendar(world.database.db);
    const paused = workingDaysBetween(calendar, shanghaiDate(weekAgo), shanghaiDate(new Date()));
    expect(paused).toBeGreaterThan(0);
    expect(resumed.suspendedWorkingDays).toBe(paused);
    expect(resumed.dueOn).toBe(addWorkingDays(calendar, '2025-09-28', 8 + paused).date);
    expect(resumed.overdue).toBe(true);
  });

  it('replays the clock at given moments: suspend, resume, close on time, reopen from the reopen', async () => {
    const at = (iso: string) => new Date(iso);
    const admin = {
      id: null,
      name: 'replay',
      role: 'admin' as const,
      parkId: null,
      departmentId: null,
      enterpriseId: null,
      chainCodes: null,
    };
    await world.admin.json('PATCH', '/api/problem-categories/other', { slaWorkingDays: 5 });
    const recorded = await world.office.json<ProblemDetail>('POST', '/api/problems', {
      title: '回放',
      description: '按给定时间回放',
      categoryCode: 'other',
      enterpriseId: world.enterpriseId,
      receivedAt: '2025-09-26T18:30:00+08:00',
      departmentId: world.departmentA,
    });
    const id = recorded.body.id;
    const db = world.database.db;
    await actOnProblem(db, admin, id, { action: 'start' }, at('2025-09-29T09:00:00+08:00'));
    await actOnProblem(
      db,
      admin,
      id,
      { action: 'suspend', note: '等材料' },
      at('2025-10-09T10:00:00+08:00'),
    );
    const resumed = await actOnProblem(
      db,
      admin,
      id,
      { action: 'resume' },
      at('2025-10-14T10:00:00+08:00'),
    );
    // 10 Oct, Sat 11 Oct (worked in lieu), 13 and 14 Oct: 4 working days; 5 + 4 after 28 Sep
    // (29, 30 Sep, 9, 10, 11, 13, 14, 15, 16 Oct).
    expect(resumed).toMatchObject({ suspendedWorkingDays: 4, dueOn: '2025-10-16' });
    await actOnProblem(
      db,
      admin,
      id,
      { action: 'answer', note: '已协调' },
      at('2025-10-15T10:00:00+08:00'),
    );
    const closed = await actOnProblem(
      db,
      admin,
      id,
      { action: 'close' },
      at('2025-10-16T10:00:00+08:00'),
    );
    expect(closed).toMatchObject({ stage: 'closed', firstClosedOnTime: true });
    await actOnProblem(
      db,
      admin,
      id,
      { action: 'rate', satisfaction: 'dissatisfied' },
      at('2025-10-17T10:00:00+08:00'),
    );
    const reopened = await actOnProblem(
      db,
      admin,
      id,
      { action: 'reopen' },
      at('2025-10-17T18:00:00+08:00'),
    );
    // After 17:00 on Friday the new clock starts Monday 20 Oct; 5 working days → 27 Oct.
    expect(reopened).toMatchObject({
      stage: 'assigned',
      reopenCount: 1,
      suspendedWorkingDays: 0,
      extensionWorkingDays: 0,
      dueOn: '2025-10-27',
      firstClosedOnTime: true,
      closedAt: null,
      satisfaction: null,
      department: { id: world.departmentA },
    });
    expect(reopened.firstClosedAt).toBe(closed.firstClosedAt);
    // In insertion order: the record step ran at the real now, the replayed steps in 2025.
    const events = await db
      .select()
      .from(problemEvent)
      .where(eq(problemEvent.problemId, id))
      .orderBy(asc(problemEvent.id));
    expect(events.map((e) => e.action)).toEqual([
      'record',
      'assign',
      'start',
      'suspend',
      'resume',
      'answer',
      'close',
      'rate',
      'reopen',
    ]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.filter((a) => a.entityType === 'problem')).toHaveLength(8);
  });

  it("moves a merged enterprise's problems and firm accounts to the record it is merged into", async () => {
    const [keptId = 0, goneId = 0] = await insertEnterprises(world.database.db, [
      makeEnterprise({ name: '合并保留企业有限公司' }),
      makeEnterprise({ name: '合并重复企业有限公司', uscc: null }),
    ]);
    const recorded = await world.office.json<ProblemDetail>('POST', '/api/problems', {
      title: '重复记录上的诉求',
      description: '合并后应跟随企业',
      categoryCode: 'finance',
      enterpriseId: goneId,
      chainCode: 'biomed',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    await world.database.db
      .update(appUser)
      .set({ enterpriseId: goneId })
      .where(eq(appUser.username, 'firm2'));
    await insertDuplicateCandidate(world.database.db, {
      enterpriseId: keptId,
      otherId: goneId,
      score: 0.95,
      reasons: ['name'],
      importId: null,
    });
    const pair = (
      await listDuplicateCandidates(world.database.db, 'open', { offset: 0, limit: 100 })
    ).rows.find((row) => row.duplicate.enterpriseId === keptId)?.duplicate;
    if (!pair) throw new Error('no pair');
    await mergeDuplicate(world.database.db, { id: null, name: 'test' }, pair.id);
    const [moved] = await world.database.db
      .select()
      .from(problem)
      .where(eq(problem.id, recorded.body.id));
    expect(moved?.enterpriseId).toBe(keptId);
    const [user] = await world.database.db
      .select()
      .from(appUser)
      .where(eq(appUser.username, 'firm2'));
    expect(user?.enterpriseId).toBe(keptId);
    const seen = await world.otherFirm.json<ProblemDetail>(
      'GET',
      `/api/problems/${recorded.body.id}`,
    );
    expect(seen.status).toBe(200);
  });
});

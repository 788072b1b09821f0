import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { appUser } from '../db/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemDetail } from '../shared/api/problems.ts';
import type { Role } from '../shared/permissions.ts';
import {
  PROBLEM_ACTIONS,
  PROBLEM_STAGES,
  PROBLEM_TRANSITIONS,
  type ProblemAction,
  type ProblemStage,
} from '../shared/problem-stages.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import {
  actionBody,
  problemAt,
  startProblemWorld,
  type ProblemWorld,
} from '../test-support/problem-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

/** The transition table as docs/problems.md prints it. */
function documentedTable() {
  const doc = readFileSync(new URL('../../docs/problems.md', import.meta.url), 'utf8');
  const lines = doc.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| action | from | to | roles |'));
  const end = lines.findIndex((line, index) => index > header && !line.startsWith('|'));
  return lines.slice(header + 2, end).map((line) => {
    const [action = '', from = '', to = '', roles = '', clock = ''] = line
      .split('|')
      .slice(1)
      .map((cell) => cell.trim());
    return {
      action,
      from: from.split(', '),
      to: to === '(same)' ? null : to,
      roles: roles.split(', '),
      clock,
    };
  });
}

/** Everything of a problem an action could change, as the admin sees it. */
function state(detail: ProblemDetail) {
  const { allowedActions: _allowed, editable: _editable, ...rest } = detail;
  return rest;
}

describe(`the problem loop over the API (${testDatabaseKind()})`, () => {
  let world: ProblemWorld;
  /** The roles that may act on problems, each signed in with a problem of enterprise 1 in scope. */
  let actors: Partial<Record<Role, ApiClient>>;
  const ACTING_ROLES: Role[] = ['office', 'chain_leader', 'department', 'firm'];

  beforeAll(async () => {
    world = await startProblemWorld();
    actors = {
      admin: world.admin,
      office: world.office,
      chain_leader: world.leader,
      department: world.department,
      firm: world.firm,
    };
  }, 120_000);
  afterAll(async () => {
    await world.database.close();
  });

  const client = (role: Role): ApiClient => {
    const found = actors[role];
    if (!found) throw new Error(`no client for ${role}`);
    return found;
  };

  /** What must hold before an action besides the stage: an open extension, a bad rating. */
  const preconditions = (action: ProblemAction): ProblemAction[] =>
    action === 'approve_extension' || action === 'reject_extension'
      ? ['request_extension']
      : action === 'reopen'
        ? ['rate']
        : [];

  const adminView = async (id: number) =>
    (await world.admin.json<ProblemDetail>('GET', `/api/problems/${id}`)).body;

  it('holds the transition table equal to the one docs/problems.md prints', () => {
    const documented = documentedTable();
    expect(documented).toEqual(
      PROBLEM_TRANSITIONS.map((t) => ({
        action: t.action,
        from: [...t.from],
        to: t.to,
        roles: [...t.roles],
        clock: t.clock,
      })),
    );
    expect(documented.map((row) => row.action)).toEqual([...PROBLEM_ACTIONS]);
  });

  for (const transition of PROBLEM_TRANSITIONS) {
    for (const from of transition.from) {
      const named = [...transition.roles, 'admin' as const];
      const unnamed = ACTING_ROLES.filter((role) => !transition.roles.includes(role));
      it(`${transition.action} from ${from}: ${named.join(', ')} may; ${unnamed.join(', ')} get 403`, async () => {
        const extra = preconditions(transition.action);
        const body = actionBody(transition.action, world.departmentA);
        const first = await problemAt(world, from, extra);
        for (const role of unnamed) {
          const before = await adminView(first.id);
          const refused = await client(role).json<ErrorResponse>(
            'POST',
            `/api/problems/${first.id}/actions`,
            body,
          );
          expect(refused.status, `${role}: ${JSON.stringify(refused.body)}`).toBe(403);
          expect(refused.body.error.code).toBe('FORBIDDEN');
          expect(state(await adminView(first.id))).toEqual(state(before));
        }
        for (const [index, role] of named.entries()) {
          const target = index === 0 ? first : await problemAt(world, from, extra);
          const seen = await client(role).json<ProblemDetail>('GET', `/api/problems/${target.id}`);
          expect(seen.body.allowedActions, role).toContain(transition.action);
          const done = await client(role).json<ProblemDetail>(
            'POST',
            `/api/problems/${target.id}/actions`,
            body,
          );
          expect(done.status, `${role}: ${JSON.stringify(done.body)}`).toBe(200);
          expect(done.body.stage).toBe(transition.to ?? from);
          const last = done.body.timeline.at(-1);
          expect(last).toMatchObject({
            action: transition.action,
            fromStage: from,
            toStage: transition.to ?? from,
            actorRole: role,
          });
        }
      });
    }
  }

  it('refuses every action from a stage it does not start from with 409, naming the stage', async () => {
    const byStage = new Map<ProblemStage, ProblemDetail>();
    for (const stage of PROBLEM_STAGES) byStage.set(stage, await problemAt(world, stage));
    for (const transition of PROBLEM_TRANSITIONS) {
      for (const stage of PROBLEM_STAGES.filter((s) => !transition.from.includes(s))) {
        const problem = byStage.get(stage);
        if (!problem) throw new Error(stage);
        const refused = await world.admin.json<ErrorResponse>(
          'POST',
          `/api/problems/${problem.id}/actions`,
          actionBody(transition.action, world.departmentA),
        );
        expect(refused.status, `${transition.action} from ${stage}`).toBe(409);
        expect(refused.body.error.code).toBe('PROBLEM_TRANSITION_INVALID');
        expect(refused.body.error.message).toContain(stage);
      }
    }
    for (const [stage, problem] of byStage) {
      expect((await adminView(problem.id)).stage).toBe(stage);
    }
  });

  it('lets the chain leader comment but take no action', async () => {
    const problem = await problemAt(world, 'in_progress');
    const seen = await world.leader.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
    expect(seen.body.allowedActions).toEqual([]);
    const commented = await world.leader.json<ProblemDetail>(
      'POST',
      `/api/problems/${problem.id}/comments`,
      { note: '请加快办理' },
    );
    expect(commented.status).toBe(201);
    expect(commented.body.stage).toBe('in_progress');
    expect(commented.body.timeline.at(-1)).toMatchObject({
      action: 'comment',
      note: '请加快办理',
      actorRole: 'chain_leader',
      actorName: 'leader1',
    });
    // The history names people as they go by (display name), not by their login.
    await world.database.db
      .update(appUser)
      .set({ displayName: '李链长' })
      .where(eq(appUser.username, 'leader1'));
    const named = await world.office.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
    expect(named.body.timeline.at(-1)?.actorName).toBe('李链长');
    await world.database.db
      .update(appUser)
      .set({ displayName: null })
      .where(eq(appUser.username, 'leader1'));
  });

  it('allows one extension request at a time and a reopen only after a dissatisfied rating', async () => {
    const problem = await problemAt(world, 'in_progress', ['request_extension']);
    const again = await world.department.json<ErrorResponse>(
      'POST',
      `/api/problems/${problem.id}/actions`,
      actionBody('request_extension', world.departmentA),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PROBLEM_TRANSITION_INVALID');

    const closed = await problemAt(world, 'closed');
    const rated = await world.firm.json<ProblemDetail>(
      'POST',
      `/api/problems/${closed.id}/actions`,
      { action: 'rate', satisfaction: 'satisfied' },
    );
    expect(rated.body.allowedActions).not.toContain('reopen');
    const reopen = await world.firm.json<ErrorResponse>(
      'POST',
      `/api/problems/${closed.id}/actions`,
      { action: 'reopen' },
    );
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toMatch(/dissatisfied/);
  });

  it('asks for the reason, department, days or rating an action needs (400)', async () => {
    const problem = await problemAt(world, 'accepted');
    for (const [body, field] of [
      [{ action: 'return' }, 'note'],
      [{ action: 'assign' }, 'departmentId'],
      [{ action: 'request_extension', note: 'x', workingDays: 61 }, 'workingDays'],
      [{ action: 'rate' }, 'satisfaction'],
    ] as const) {
      const refused = await world.admin.json<ErrorResponse>(
        'POST',
        `/api/problems/${problem.id}/actions`,
        body,
      );
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain(field);
    }
  });

  it('refuses to edit a closed or returned problem (409) and edits an open one', async () => {
    for (const stage of ['closed', 'returned'] as const) {
      const problem = await problemAt(world, stage);
      const refused = await world.office.json<ErrorResponse>(
        'PATCH',
        `/api/problems/${problem.id}`,
        { title: '改个标题' },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('PROBLEM_CLOSED');
    }
    const open = await problemAt(world, 'assigned');
    const edited = await world.office.json<ProblemDetail>('PATCH', `/api/problems/${open.id}`, {
      title: '新标题',
      categoryCode: 'land',
      nodeCode: 'biomed.mid.chem',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      title: '新标题',
      slaWorkingDays: 15,
      category: { code: 'land' },
      node: { code: 'biomed.mid.chem' },
    });
    expect(edited.body.dueOn > open.dueOn).toBe(true);
    const byDepartment = await world.department.json<ErrorResponse>(
      'PATCH',
      `/api/problems/${open.id}`,
      { title: 'x' },
    );
    expect(byDepartment.status).toBe(403);
  });

  it('names an unknown body field in a 400', async () => {
    const refused = await world.office.json<ErrorResponse>('POST', '/api/problems', {
      title: '标题',
      description: '描述',
      categoryCode: 'finance',
      enterpriseId: world.enterpriseId,
      priority: 'high',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toContain('priority');
    const action = await world.office.json<ErrorResponse>('POST', '/api/problems/1/actions', {
      action: 'accept',
      urgent: true,
    });
    expect(action.status).toBe(400);
    expect(JSON.stringify(action.body.error)).toContain('urgent');
    const phone = await world.office.json<ErrorResponse>('POST', '/api/problems', {
      title: '标题',
      description: '描述',
      categoryCode: 'finance',
      enterpriseId: world.enterpriseId,
      contactPhone: 'abc-not-a-phone',
    });
    expect(phone.status).toBe(400);
    expect(JSON.stringify(phone.body.error)).toContain('contactPhone');
    expect(JSON.stringify(phone.body.error)).toContain('not a phone number');
  });

  it('raises for the firm online with its own enterprise and primary node, and refuses office fields', async () => {
    const raised = await world.firm.json<ProblemDetail>('POST', '/api/problems', {
      title: '用地指标',
      description: '扩产需要用地',
      categoryCode: 'land',
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      stage: 'submitted',
      channel: 'online',
      enterprise: { id: world.enterpriseId },
      chainCode: 'biomed',
      node: { code: world.nodeCode },
      contactName: null,
    });
    expect(raised.body.reference).toMatch(/^\d{4}-\d{4}$/);
    expect(raised.body.timeline).toMatchObject([{ action: 'raise', toStage: 'submitted' }]);
    const foreign = await world.firm.json<ErrorResponse>('POST', '/api/problems', {
      title: 't',
      description: 'd',
      categoryCode: 'land',
      enterpriseId: world.otherEnterpriseId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('enterpriseId');
    for (const receivedAt of ['2099-01-01T09:00:00+08:00', '2025-02-30T09:00:00+08:00']) {
      const refused = await world.office.json<ErrorResponse>('POST', '/api/problems', {
        title: 't',
        description: 'd',
        categoryCode: 'land',
        enterpriseId: world.enterpriseId,
        receivedAt,
      });
      expect(refused.status, receivedAt).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain('receivedAt');
    }
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { appUser, auditLog, problem, problemEvent, supervisionNote } from '../db/schema.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type {
  Activity,
  ChainLeadership,
  SharedProblem,
  SupervisionDetail,
  SupervisionItem,
} from '../shared/api/leadership.ts';
import { startTestApp, signInNewUser } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import {
  bindUser,
  biomedIds,
  seedDepartments,
  seedEnterprise,
  seedProblem,
} from '../test-support/leadership-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

type List<T> = { items: T[]; total: number };

describe(`the chain leader's work over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let office: ApiClient;
  let leader: ApiClient;
  let deptA: ApiClient;
  let deptB: ApiClient;
  let firm: ApiClient;
  let investment: ApiClient;
  let otherChain: ApiClient;
  let depA: number;
  let depB: number;
  let firmA: number;
  let firmB: number;
  let problems: number[];

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    const db = database.db;
    [depA, depB] = await seedDepartments(db);
    firmA = await seedEnterprise(db, '甲医疗器械有限公司');
    firmB = await seedEnterprise(db, '乙生物科技有限公司');
    const { chainId, node } = await biomedIds(db);
    const device = node('biomed.mid.device');
    problems = [
      await seedProblem(db, { enterpriseId: firmA, chainId, nodeId: device, departmentId: depA }),
      await seedProblem(db, { enterpriseId: firmB, chainId, nodeId: device, regionCode: '320206' }),
      await seedProblem(db, { enterpriseId: firmB, chainId, nodeId: device }),
    ];
    office = await signInNewUser(app, admin, 'office1', 'office');
    leader = await signInNewUser(app, admin, 'leader1', 'chain_leader');
    deptA = await signInNewUser(app, admin, 'dept-a', 'department', { departmentId: depA });
    deptB = await signInNewUser(app, admin, 'dept-b', 'department', { departmentId: depB });
    firm = await signInNewUser(app, admin, 'firm1', 'firm', { enterpriseId: firmA });
    investment = await signInNewUser(app, admin, 'invest1', 'investment');
    otherChain = await signInNewUser(app, admin, 'office-ic', 'office');
    await bindUser(db, 'office-ic', { chainCodes: ['ic'] });
  });
  afterAll(async () => {
    await database.close();
  });

  it('sets and shows the chain leader, office and 总链长; only office and admin appoint', async () => {
    const path = '/api/chains/biomed/leadership?region=3202';
    const empty = await office.json<ChainLeadership>('GET', path);
    expect(empty.body).toMatchObject({ leader: null, officeName: null, generalLeader: null });
    const put = await office.json<ChainLeadership>('PUT', path, {
      leader: { name: '张三', title: '副市长' },
      officeName: '生物医药产业链链长办公室',
      generalLeader: { name: '李四', title: '市长' },
    });
    expect(put.status).toBe(200);
    const shown = await deptA.json<ChainLeadership>('GET', path);
    expect(shown.body).toMatchObject({
      chain: { code: 'biomed' },
      leader: { name: '张三', title: '副市长' },
      officeName: '生物医药产业链链长办公室',
      generalLeader: { name: '李四', title: '市长' },
    });
    expect((await leader.json('PUT', path, { leader: { name: 'X' } })).status).toBe(403);
    expect((await firm.json('GET', path)).status).toBe(403);
    expect((await investment.json('GET', path)).status).toBe(403);
    expect((await otherChain.json('GET', path)).status).toBe(403);
    const unknown = await office.json<ErrorResponse>('PUT', path, {
      leader: { name: 'X' },
      boss: 1,
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('boss');
  });

  it("lists every chain's leadership of a region and removes one (office, admin), audited", async () => {
    const path = '/api/chains/biomed/leadership?region=3205';
    expect(
      (
        await admin.json('PUT', path, {
          leader: { name: '赵六', title: '副市长' },
          officeName: '链办',
        })
      ).status,
    ).toBe(200);
    const listed = await office.json<List<ChainLeadership>>('GET', '/api/leadership?region=3205');
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((i) => i.chain.code === 'biomed')).toMatchObject({
      regionCode: '3205',
      leader: { name: '赵六', title: '副市长' },
      officeName: '链办',
    });
    // An office bound to the ic chain sees only its own chain's row (no leader set in 3205).
    const ofOtherChain = (
      await otherChain.json<List<ChainLeadership>>('GET', '/api/leadership?region=3205')
    ).body.items;
    expect(ofOtherChain.map((i) => [i.chain.code, i.leader])).toEqual([['ic', null]]);
    expect((await office.json('GET', '/api/leadership?region=3205&chain=biomed')).status).toBe(400);
    expect((await office.json('GET', '/api/leadership?region=99')).status).toBe(404);

    expect((await leader.request('DELETE', path)).status).toBe(403);
    expect((await investment.request('DELETE', path)).status).toBe(403);
    expect((await office.request('DELETE', path)).status).toBe(204);
    const after = await office.json<ChainLeadership>('GET', path);
    expect(after.body).toMatchObject({ leader: null, officeName: null });
    // The region's 总链长 of the earlier test (3202) is untouched; removing again changes nothing.
    expect((await office.request('DELETE', path)).status).toBe(204);
    const general = await office.json<ChainLeadership>(
      'GET',
      '/api/chains/biomed/leadership?region=3202',
    );
    expect(general.body.generalLeader).toMatchObject({ name: '李四' });
    const audit = await admin.json<{ items: { action: string; entityId: string }[] }>(
      'GET',
      '/api/audit?entity=chain_leadership',
    );
    expect(
      audit.body.items.filter(
        (e) => e.action === 'leadership.remove' && e.entityId === 'biomed:3205',
      ),
    ).toHaveLength(1);
  });

  it('records a visit with names, nodes and follow-up 督办 items; refuses bad input', async () => {
    const body = {
      chainCode: 'biomed',
      regionCode: '3202',
      kind: 'visit',
      heldOn: '2025-03-10',
      title: '走访甲医疗器械',
      people: ['张三 副市长', '王五'],
      summary: '了解用地需求',
      enterpriseIds: [firmA],
      nodeCodes: ['biomed.mid.device'],
      followUps: [
        { title: '协调用地指标', ownerDepartmentId: depA, deadline: '2025-04-30' },
        { title: '融资对接', ownerDepartmentId: depB, deadline: '2099-01-01' },
      ],
    };
    const created = await office.json<Activity>('POST', '/api/leader/activities', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'visit',
      kindName: { zh: '走访' },
      enterprises: [{ id: firmA, name: '甲医疗器械有限公司' }],
      nodes: [{ code: 'biomed.mid.device' }],
      people: ['张三 副市长', '王五'],
    });
    expect(created.body.nodes[0]?.name).toEqual({ zh: '医疗设备', en: 'Medical equipment' });
    expect(created.body.supervisionItems.map((i) => i.title).sort()).toEqual([
      '协调用地指标',
      '融资对接',
    ]);
    const id = created.body.id;
    const bad = async (change: object) =>
      (await office.json<ErrorResponse>('POST', '/api/leader/activities', { ...body, ...change }))
        .body.error.code;
    expect(await bad({ heldOn: '2099-01-01' })).toBe('VALIDATION_FAILED');
    expect(
      await bad({ followUps: [{ title: '补', ownerDepartmentId: depA, deadline: '2025-03-09' }] }),
    ).toBe('VALIDATION_FAILED');
    expect(await bad({ heldOn: '2025-02-30' })).toBe('VALIDATION_FAILED');
    expect(await bad({ enterpriseIds: [999999] })).toBe('ENTERPRISE_NOT_FOUND');
    expect(await bad({ nodeCodes: ['ic.design'] })).toBe('VALIDATION_FAILED');
    expect(await bad({ title: 'a\u0000b' })).toBe('VALIDATION_FAILED');
    expect(await bad({ colour: 'red' })).toBe('VALIDATION_FAILED');
    // A decision may name a future date (it takes effect then).
    const decision = await leader.json<Activity>('POST', '/api/leader/activities', {
      ...body,
      kind: 'decision',
      heldOn: '2099-01-01',
      followUps: [],
      enterpriseIds: [],
      nodeCodes: [],
    });
    expect(decision.status).toBe(201);

    const list = async (query: string) =>
      (await deptA.json<List<Activity>>('GET', `/api/leader/activities?${query}`)).body;
    expect((await list('kind=visit')).items.map((a) => a.id)).toEqual([id]);
    expect((await list(`enterpriseId=${firmA}`)).total).toBe(1);
    expect((await list('chain=biomed&node=biomed.mid.device')).total).toBe(1);
    expect((await list('from=2025-03-11')).items.map((a) => a.id)).toEqual([decision.body.id]);
    expect((await list('region=320214')).total).toBe(0);
    expect((await investment.json('GET', '/api/leader/activities')).status).toBe(403);
    expect((await firm.json('GET', '/api/leader/activities')).status).toBe(403);
    expect((await deptA.json('POST', '/api/leader/activities', body)).status).toBe(403);
    expect(
      (await otherChain.json<List<Activity>>('GET', '/api/leader/activities')).body.total,
    ).toBe(0);

    const patched = await office.json<Activity>('PATCH', `/api/leader/activities/${id}`, {
      title: '走访甲、乙两家企业',
      enterpriseIds: [firmA, firmB],
    });
    expect(patched.body.title).toBe('走访甲、乙两家企业');
    expect(patched.body.enterprises).toHaveLength(2);
    expect((await office.json('GET', `/api/leader/activities/${id}`)).status).toBe(200);
    const removed = await office.request('DELETE', `/api/leader/activities/${decision.body.id}`);
    expect(removed.status).toBe(204);
    const gone = await office.json<ErrorResponse>(
      'GET',
      `/api/leader/activities/${decision.body.id}`,
    );
    expect(gone.body.error.code).toBe('ACTIVITY_NOT_FOUND');
    const audits = await database.db.$count(auditLog, eq(auditLog.entityType, 'leader_activity'));
    expect(audits).toBe(4);
  });

  it('keeps each department to its own 督办 items; progress and completion', async () => {
    // A past meeting's decision may carry a deadline already past; a new item may not.
    const meeting = await office.json<Activity>('POST', '/api/leader/activities', {
      chainCode: 'biomed',
      regionCode: '3202',
      kind: 'chain_meeting',
      heldOn: '2020-01-10',
      title: '2020 年链长会议',
      people: ['张三 副市长'],
      enterpriseIds: [],
      nodeCodes: [],
      followUps: [],
    });
    const make = (ownerDepartmentId: number, deadline: string, activityId?: number) =>
      leader.json<SupervisionDetail & ErrorResponse>('POST', '/api/supervision', {
        chainCode: 'biomed',
        regionCode: '3202',
        title: `督办 ${ownerDepartmentId} ${deadline}`,
        ownerDepartmentId,
        deadline,
        ...(activityId ? { activityId } : {}),
      });
    const mine = (await make(depA, '2099-12-31')).body;
    // Who assigned it reads by the name they go by (display name), the login kept behind it.
    expect(mine.assignedBy).toBe('leader1');
    await database.db
      .update(appUser)
      .set({ displayName: '李链长' })
      .where(eq(appUser.username, 'leader1'));
    expect(
      (await leader.json<SupervisionDetail>('GET', `/api/supervision/${mine.id}`)).body.assignedBy,
    ).toBe('李链长');
    const theirs = (await make(depB, '2020-01-31', meeting.body.id)).body;
    expect(theirs).toMatchObject({ state: 'open', overdue: true, onTime: null });
    const past = await make(depB, '2020-01-31');
    expect(past.status).toBe(400);
    expect(past.body.error.details).toMatchObject({
      field: 'deadline',
      reason: 'DEADLINE_BEFORE_SET',
      date: '2020-01-31',
    });
    expect((await make(depB, '2020-01-09', meeting.body.id)).body.error.details).toMatchObject({
      reason: 'DEADLINE_BEFORE_SET',
      from: '2020-01-10',
    });
    expect((await make(999999, '2099-12-31')).body).toMatchObject({
      error: { code: 'DEPARTMENT_NOT_FOUND' },
    });
    expect((await deptA.json('POST', '/api/supervision', {})).status).toBe(403);

    const seenByA = (await deptA.json<List<SupervisionItem>>('GET', '/api/supervision')).body;
    expect(seenByA.items.every((i) => i.ownerDepartment?.id === depA)).toBe(true);
    expect(seenByA.items.map((i) => i.id)).toContain(mine.id);
    expect((await deptA.json('GET', `/api/supervision/${theirs.id}`)).status).toBe(404);
    const seenByB = (await deptB.json<List<SupervisionItem>>('GET', '/api/supervision')).body;
    expect(seenByB.items.map((i) => i.id)).toContain(theirs.id);
    expect(seenByB.items.map((i) => i.id)).not.toContain(mine.id);

    const notesBefore = await database.db.$count(supervisionNote);
    const refused = await deptA.json<ErrorResponse>('POST', `/api/supervision/${theirs.id}/notes`, {
      note: '已对接',
    });
    expect(refused.status).toBe(403);
    expect((await deptA.json('POST', `/api/supervision/${theirs.id}/complete`, {})).status).toBe(
      403,
    );
    expect(await database.db.$count(supervisionNote)).toBe(notesBefore);

    const noted = await deptA.json<SupervisionDetail>('POST', `/api/supervision/${mine.id}/notes`, {
      note: '已召开对接会',
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toMatchObject([{ note: '已召开对接会', authorName: 'dept-a' }]);
    const done = await deptA.json<SupervisionDetail>(
      'POST',
      `/api/supervision/${mine.id}/complete`,
      {
        note: '已落实',
      },
    );
    expect(done.body).toMatchObject({ state: 'done', onTime: true, overdue: false });
    expect(done.body.completedAt).not.toBeNull();
    // The office reports on any department's item.
    const byOffice = await office.json<SupervisionDetail>(
      'POST',
      `/api/supervision/${theirs.id}/notes`,
      { note: '链办跟进' },
    );
    expect(byOffice.body.notes.map((n) => n.authorName)).toEqual(['office1']);

    const overdue = (
      await office.json<List<SupervisionItem>>('GET', '/api/supervision?state=overdue')
    ).body;
    // The visit's follow-up due 2025-04-30 is overdue too.
    expect(overdue.items.map((i) => i.id).sort()).toEqual(
      [
        theirs.id,
        ...seenByA.items.filter((i) => i.deadline === '2025-04-30').map((i) => i.id),
      ].sort(),
    );
    expect(overdue.items.every((i) => i.overdue && i.state === 'open')).toBe(true);
    const doneList = (
      await office.json<List<SupervisionItem>>(
        `GET`,
        `/api/supervision?state=done&departmentId=${depA}`,
      )
    ).body;
    expect(doneList.items.map((i) => i.id)).toEqual([mine.id]);
    expect(
      (await otherChain.json<List<SupervisionItem>>('GET', '/api/supervision')).body.total,
    ).toBe(0);
    expect((await firm.json('GET', '/api/supervision')).status).toBe(403);
    expect((await investment.json('GET', '/api/supervision')).status).toBe(403);
  });

  it('groups problems as a shared problem, links, unlinks and escalates it', async () => {
    const [p1, p2, p3] = problems as [number, number, number];
    expect(
      (await leader.json('POST', '/api/shared-problems', { problemIds: [p1, p2], title: 'x' }))
        .status,
    ).toBe(403);
    const created = await office.json<SharedProblem>('POST', '/api/shared-problems', {
      problemIds: [p1, p2],
      title: '医疗器械企业普遍缺少洁净厂房',
      summary: '多家企业反映',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      node: { code: 'biomed.mid.device' },
      regionCode: '3202',
      escalatedAt: null,
    });
    expect(created.body.problems.map((p) => p.enterprise.name).sort()).toEqual([
      '乙生物科技有限公司',
      '甲医疗器械有限公司',
    ]);
    const id = created.body.id;
    const one = await office.json<ErrorResponse>('POST', '/api/shared-problems', {
      problemIds: [p3, 999999],
      title: 'y',
    });
    expect(one.body.error.code).toBe('PROBLEM_NOT_FOUND');
    const taken = await office.json<ErrorResponse>('POST', '/api/shared-problems', {
      problemIds: [p1, p3],
      title: 'y',
    });
    expect(taken.body.error.code).toBe('VALIDATION_FAILED');

    const linked = await office.json<SharedProblem>('POST', `/api/shared-problems/${id}/problems`, {
      problemId: p3,
    });
    expect(linked.body.problems).toHaveLength(3);
    const unlinked = await office.json<SharedProblem>(
      'DELETE',
      `/api/shared-problems/${id}/problems/${p3}`,
    );
    expect(unlinked.body.problems).toHaveLength(2);
    const row = await database.db.select().from(problem).where(eq(problem.id, p3));
    expect(row[0]?.sharedProblemId).toBeNull();

    const escalated = await leader.json<SharedProblem>(
      'POST',
      `/api/shared-problems/${id}/escalate`,
      {
        ownerDepartmentId: depA,
        deadline: '2099-06-30',
      },
    );
    expect(escalated.status).toBe(200);
    expect(escalated.body.escalatedBy).toBe('leader1');
    expect(escalated.body.supervisionItems).toMatchObject([
      { sharedProblemId: id, ownerDepartment: { id: depA }, deadline: '2099-06-30', state: 'open' },
    ]);
    const again = await leader.json<ErrorResponse>('POST', `/api/shared-problems/${id}/escalate`, {
      ownerDepartmentId: depA,
      deadline: '2099-06-30',
    });
    expect(again.status).toBe(400);
    const listed = await deptA.json<List<SharedProblem>>(
      'GET',
      '/api/shared-problems?escalated=true',
    );
    expect(listed.body.items.map((s) => s.id)).toEqual([id]);
    expect((await investment.json('GET', '/api/shared-problems')).status).toBe(403);
    expect((await firm.json('GET', `/api/shared-problems/${id}`)).status).toBe(403);
  });

  it('escalates a single problem: a 督办 item and an escalate step on its history', async () => {
    const p3 = problems[2] ?? 0;
    expect(
      (
        await deptA.json('POST', `/api/problems/${p3}/escalate`, {
          ownerDepartmentId: depB,
          deadline: '2099-01-01',
        })
      ).status,
    ).toBe(403);
    const item = await leader.json<SupervisionDetail>('POST', `/api/problems/${p3}/escalate`, {
      ownerDepartmentId: depB,
      deadline: '2099-01-01',
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ problemId: p3, ownerDepartment: { id: depB } });
    const events = await database.db
      .select()
      .from(problemEvent)
      .where(and(eq(problemEvent.problemId, p3), eq(problemEvent.action, 'escalate')));
    expect(events).toHaveLength(1);
    const missing = await leader.json<ErrorResponse>('POST', '/api/problems/999999/escalate', {
      ownerDepartmentId: depB,
      deadline: '2099-01-01',
    });
    expect(missing.body.error.code).toBe('PROBLEM_NOT_FOUND');
  });

  it('serves the scorecard to leader readers only', async () => {
    const ok = await leader.json<{ year: number }>(
      'GET',
      '/api/scorecard?chain=biomed&region=3202&year=2025',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.year).toBe(2025);
    expect((await firm.json('GET', '/api/scorecard?region=3202&year=2025')).status).toBe(403);
    expect((await investment.json('GET', '/api/scorecard?region=3202&year=2025')).status).toBe(403);
    expect((await otherChain.json('GET', '/api/scorecard?region=3202&year=2025')).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { auditLog } from '../db/schema.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { EventDetail, EventList } from '../shared/api/events.ts';
import type { Expert, ExpertList } from '../shared/api/experts.ts';
import type { ProjectDetail } from '../shared/api/projects.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { createApp, type App } from './app.ts';

describe(`experts and events on the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let office: ApiClient;
  let firm: ApiClient;
  let leader: ApiClient;
  let investment: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-a',
      demoOnFirstRun: true,
    });
    app = createApp({ database, version: 'test' });
    office = new ApiClient(app);
    await office.login('office', 'chainlead-office');
    firm = new ApiClient(app);
    await firm.login('firm', 'chainlead-firm');
    leader = new ApiClient(app);
    await leader.login('leader', 'chainlead-leader');
    investment = new ApiClient(app);
    await investment.login('investment', 'chainlead-investment');
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('loads 30 demo experts over the biomedical nodes and four events, one signing a pipeline project', async () => {
    const experts = await office.json<ExpertList>('GET', '/api/chains/biomed/experts?pageSize=500');
    expect(experts.body.total).toBe(30);
    expect(experts.body.items.every((e) => e.demo && e.nodes.length > 0)).toBe(true);
    expect(
      new Set(experts.body.items.flatMap((e) => e.nodes.map((n) => n.code))).size,
    ).toBeGreaterThan(10);
    const events = await office.json<EventList>('GET', '/api/chains/biomed/events');
    expect(events.body.total).toBe(4);
    const signing = events.body.items.find((e) => e.kind === 'signing');
    expect(signing?.signedProjects).toBe(1);
    expect(signing?.participantCount).toBeGreaterThan(2);
    const detail = await office.json<EventDetail>(
      'GET',
      `/api/chains/biomed/events/${signing?.id}`,
    );
    const project = detail.body.outcomes[0]?.project;
    expect(project?.stage).toBe('signed');
    expect(detail.body.enterprises.length).toBeGreaterThan(0);
    expect(detail.body.experts.length).toBe(2);
  });

  it('records an expert on two nodes, lists them under each node, audits the write', async () => {
    const created = await office.json<Expert>('POST', '/api/chains/biomed/experts', {
      name: '测试专家甲',
      fields: ['抗体药物', '细胞治疗'],
      nodeCodes: ['biomed.mid.bio', 'biomed.up.reagent'],
      institution: '测试研究院',
      title: '研究员',
      contact: '13900000000',
    });
    expect(created.status).toBe(201);
    expect(created.body.nodes.map((n) => n.code).sort()).toEqual([
      'biomed.mid.bio',
      'biomed.up.reagent',
    ]);
    expect(created.body.contact).toBe('13900000000');
    const node = await leader.json<ExpertList>(
      'GET',
      '/api/chains/biomed/nodes/biomed.up.reagent/experts?pageSize=100',
    );
    const seen = node.body.items.find((e) => e.id === created.body.id);
    expect(seen?.name).toBe('测试专家甲');
    // The contact is the office's; the leader reads the rest.
    expect(seen?.contact).toBeNull();
    expect(node.body.items.every((e) => e.nodes.some((n) => n.code === 'biomed.up.reagent'))).toBe(
      true,
    );
    const byText = await office.json<ExpertList>('GET', '/api/chains/biomed/experts?q=细胞治疗');
    expect(byText.body.items.map((e) => e.id)).toContain(created.body.id);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'expert.create'), eq(auditLog.entityId, String(created.body.id))),
      );
    expect(audit).toHaveLength(1);
  });

  it('records advice and shows a firm only the public part', async () => {
    const experts = await office.json<ExpertList>('GET', '/api/chains/biomed/experts?pageSize=1');
    const id = experts.body.items[0]?.id ?? 0;
    const me = await firm.json<{ enterpriseId: number }>('GET', '/api/auth/me');
    const advised = await office.json<Expert>('POST', `/api/chains/biomed/experts/${id}/advice`, {
      enterpriseId: me.body.enterpriseId,
      advisedOn: '2026-05-20',
      note: '注册申报辅导',
    });
    expect(advised.status).toBe(200);
    expect(advised.body.advice[0]).toMatchObject({ advisedOn: '2026-05-20' });
    const asFirm = await firm.json<Expert>('GET', `/api/chains/biomed/experts/${id}`);
    expect(asFirm.status).toBe(200);
    expect(asFirm.body).toMatchObject({
      visibility: 'public',
      contact: null,
      note: null,
      advice: [],
    });
    expect((await firm.request('GET', '/api/chains/biomed/events')).status).toBe(403);
    expect((await firm.request('POST', '/api/chains/biomed/experts', { name: 'x' })).status).toBe(
      403,
    );
    expect((await leader.request('POST', '/api/chains/biomed/experts', { name: 'x' })).status).toBe(
      403,
    );
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: '甲', unknownField: 1 }, 'unknownField'],
      [{ name: 'a\u0000b' }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '甲', nodeCodes: ['biomed.mid.nothing'] }, 'nodeCodes.0'],
    ];
    for (const [body, field] of cases) {
      const answer = await office.json<ErrorResponse>('POST', '/api/chains/biomed/experts', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer.body.error.details)).toContain(field);
    }
    const experts = await office.json<ExpertList>('GET', '/api/chains/biomed/experts?pageSize=1');
    const id = experts.body.items[0]?.id ?? 0;
    const badDate = await office.json<ErrorResponse>(
      'POST',
      `/api/chains/biomed/experts/${id}/advice`,
      { enterpriseId: 1, advisedOn: '2026-02-30' },
    );
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.error.details)).toContain('advisedOn');
    const badEvent: [unknown, string][] = [
      [{ kind: 'party', title: 't', heldOn: '2026-01-01' }, 'kind'],
      [{ kind: 'other', title: 't', heldOn: '2026-13-01' }, 'heldOn'],
      [
        { kind: 'other', title: 't', heldOn: '2026-01-01', enterpriseIds: [3_000_000_000] },
        'enterpriseIds',
      ],
      [{ kind: 'other', title: 't', heldOn: '2026-01-01', expertIds: [999_999] }, 'expertIds.0'],
    ];
    for (const [body, field] of badEvent) {
      const answer = await office.json<ErrorResponse>('POST', '/api/chains/biomed/events', body);
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(answer.body.error.details)).toContain(field);
    }
    const missing = await office.json<ErrorResponse>('GET', '/api/chains/biomed/experts/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('EXPERT_NOT_FOUND');
  });

  it('records a signing event whose new signed project appears in the investment pipeline', async () => {
    const experts = await office.json<ExpertList>('GET', '/api/chains/biomed/experts?pageSize=1');
    const event = await office.json<EventDetail>('POST', '/api/chains/biomed/events', {
      kind: 'signing',
      title: '测试签约仪式',
      heldOn: '2026-06-18',
      place: '测试会场',
      regionCode: '320214',
      expertIds: [experts.body.items[0]?.id],
    });
    expect(event.status).toBe(201);
    const outcome = await office.json<EventDetail>(
      'POST',
      `/api/chains/biomed/events/${event.body.id}/outcomes`,
      {
        kind: 'signed_project',
        project: {
          name: '测试抗体药物产业化项目',
          nodeCode: 'biomed.mid.bio',
          investmentYuan: 5e8,
        },
      },
    );
    expect(outcome.status).toBe(200);
    const signed = outcome.body.outcomes[0]?.project;
    expect(signed).toMatchObject({ name: '测试抗体药物产业化项目', stage: 'signed' });
    const pipeline = await investment.json<{ items: { id: number; stage: string }[] }>(
      'GET',
      '/api/projects?chain=biomed&stage=signed&q=测试抗体药物',
    );
    expect(pipeline.body.items.map((p) => p.id)).toContain(signed?.id);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'event.outcome'), eq(auditLog.entityId, String(event.body.id))),
      );
    expect(audit).toHaveLength(1);
  });

  it('moves an existing lead forward to signed, a stage at a time, the event as the reason', async () => {
    const lead = await investment.json<ProjectDetail>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '320214',
      name: '测试线索项目',
    });
    expect(lead.status).toBe(201);
    const event = await office.json<EventDetail>('POST', '/api/chains/biomed/events', {
      kind: 'signing',
      title: '测试签约二',
      heldOn: '2026-07-01',
    });
    const outcome = await office.json<EventDetail>(
      'POST',
      `/api/chains/biomed/events/${event.body.id}/outcomes`,
      { kind: 'signed_project', project: { projectId: lead.body.id } },
    );
    expect(outcome.status).toBe(200);
    const after = await investment.json<ProjectDetail>('GET', `/api/projects/${lead.body.id}`);
    expect(after.body.stage).toBe('signed');
    const missing = await office.json<ErrorResponse>(
      'POST',
      `/api/chains/biomed/events/${event.body.id}/outcomes`,
      { kind: 'signed_project', project: { projectId: 999_999 } },
    );
    expect(missing.status).toBe(404);
    const noRegion = await office.json<ErrorResponse>(
      'POST',
      `/api/chains/biomed/events/${event.body.id}/outcomes`,
      { kind: 'signed_project', project: { name: '无地区项目' } },
    );
    expect(noRegion.status).toBe(400);
    expect(JSON.stringify(noRegion.body.error.details)).toContain('project.regionCode');
  });

  it('writes nothing when the outcome cannot be kept: the lead stays where it was', async () => {
    const lead = await investment.json<ProjectDetail>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '320214',
      name: '测试未成签约项目',
    });
    const event = await office.json<EventDetail>('POST', '/api/chains/biomed/events', {
      kind: 'signing',
      title: '测试签约三',
      heldOn: '2026-07-02',
    });
    // The database refuses the outcome row after the project's moves: a failure late in the work.
    await database.db.execute(sql`create function refuse_outcome() returns trigger
      language plpgsql as $$ begin raise exception 'outcome refused by the test'; end $$`);
    await database.db.execute(sql`create trigger refuse_outcome before insert on event_outcome
      for each row execute function refuse_outcome()`);
    try {
      const outcome = await office.json<ErrorResponse>(
        'POST',
        `/api/chains/biomed/events/${event.body.id}/outcomes`,
        { kind: 'signed_project', project: { projectId: lead.body.id } },
      );
      expect(outcome.status).toBe(500);
    } finally {
      await database.db.execute(sql`drop trigger refuse_outcome on event_outcome`);
      await database.db.execute(sql`drop function refuse_outcome()`);
    }
    const after = await investment.json<ProjectDetail>('GET', `/api/projects/${lead.body.id}`);
    expect(after.body.stage).toBe(lead.body.stage);
    const detail = await office.json<EventDetail>(
      'GET',
      `/api/chains/biomed/events/${event.body.id}`,
    );
    expect(detail.body.outcomes).toEqual([]);
  });
});

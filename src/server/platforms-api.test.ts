import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { auditLog } from '../db/schema.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { Platform, PlatformList } from '../shared/api/platforms.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { createApp, type App } from './app.ts';

const LIST = '/api/chains/biomed/platforms';
const DRUG_CENTRE = '无锡创新药物研发创新中心（示意）';
const FOOD_CENTRE = '无锡健康食品创新中心（示意）';

describe(`innovation platforms (创新平台) on the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let office: ApiClient;
  let leader: ApiClient;
  let firm: ApiClient;
  let park: ApiClient;
  let firmEnterprise: number;
  let drugCentre: Platform;

  const login = async (username: string, password: string) => {
    const client = new ApiClient(app);
    await client.login(username, password);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-a',
      demoOnFirstRun: true,
    });
    app = createApp({ database, version: 'test' });
    office = await login('office', 'chainlead-office');
    leader = await login('leader', 'chainlead-leader');
    firm = await login('firm', 'chainlead-firm');
    park = await login('park', 'chainlead-park');
    firmEnterprise = (await firm.json<{ enterpriseId: number }>('GET', '/api/auth/me')).body
      .enterpriseId;
    const list = await office.json<PlatformList>('GET', LIST);
    const id = list.body.items.find((p) => p.name === DRUG_CENTRE)?.id ?? 0;
    drugCentre = (await office.json<Platform>('GET', `${LIST}/${id}`)).body;
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it("loads Wuxi's two innovation centres and other platforms, marked demo, each used by demo firms", async () => {
    const { body } = await leader.json<PlatformList>('GET', LIST);
    expect(body.total).toBe(5);
    expect(body.items.every((p) => p.demo && p.firmsUsing > 0 && p.nodes.length > 0)).toBe(true);
    const centres = body.items.filter((p) => p.kind === 'innovation_centre').map((p) => p.name);
    expect(centres.sort()).toEqual([DRUG_CENTRE, FOOD_CENTRE].sort());
    expect(new Set(body.items.map((p) => p.kind))).toEqual(
      new Set(['innovation_centre', 'public_service', 'key_lab', 'incubator']),
    );
    const food = body.items.find((p) => p.name === FOOD_CENTRE);
    expect(food?.nodes.map((n) => n.code)).toContain('biomed.mid.healthfood');
    expect(food?.firmsUsing).toBe(12);

    expect(drugCentre.nodes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['biomed.up.cro', 'biomed.mid.bio', 'biomed.mid.cdmo']),
    );
    expect(drugCentre.users).toHaveLength(drugCentre.firmsUsing);
    expect(drugCentre.firmsUsing).toBeGreaterThanOrEqual(12);
    expect(drugCentre.users.map((u) => u.enterprise.id)).toContain(firmEnterprise);
    expect(drugCentre.users.every((u) => u.enterprise.regionCode.startsWith('3202'))).toBe(true);
    // Targets of two years, newest first; the progress is the capped mean of the latest year's.
    const year = drugCentre.targets[0]?.year ?? 0;
    expect(drugCentre.targets.map((t) => t.year)).toContain(year - 1);
    const latest = drugCentre.targets.filter((t) => t.year === year);
    const mean =
      latest.reduce((sum, t) => sum + Math.min((t.actual ?? 0) / t.target, 1), 0) / latest.length;
    expect(drugCentre.progress?.year).toBe(year);
    expect(drugCentre.progress?.ratio).toBeCloseTo(mean, 2);
  });

  it('filters the list by the node served', async () => {
    const { body } = await leader.json<PlatformList>('GET', `${LIST}?node=biomed.mid.healthfood`);
    expect(body.items.map((p) => p.name)).toEqual([FOOD_CENTRE]);
    const none = await leader.json<ErrorResponse>('GET', `${LIST}?node=biomed.up.nothing`);
    expect(none.status).toBe(400);
  });

  it('lets the office record a platform, a firm using it and a target, each in the audit log', async () => {
    const created = await office.json<Platform>('POST', LIST, {
      name: '测试中试平台',
      kind: 'engineering_centre',
      level: 'municipal',
      hostName: '测试研究院',
      regionCode: '320214',
      nodeCodes: ['biomed.mid.cdmo', 'biomed.up.equipment'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firmsUsing: 0, progress: null, demo: false });
    expect(created.body.nodes.map((n) => n.code)).toEqual([
      'biomed.mid.cdmo',
      'biomed.up.equipment',
    ]);
    const id = created.body.id;

    const used = await office.json<Platform>('PUT', `${LIST}/${id}/users/${firmEnterprise}`, {
      since: '2026-03-01',
      service: '中试放大',
    });
    expect(used.status).toBe(200);
    expect(used.body.firmsUsing).toBe(1);
    expect(used.body.users[0]).toMatchObject({
      enterprise: { id: firmEnterprise },
      since: '2026-03-01',
      service: '中试放大',
    });

    const target = await office.json<Platform>('PUT', `${LIST}/${id}/targets`, {
      year: 2026,
      metric: 'firms_served',
      target: 20,
      actual: 5,
    });
    expect(target.body.targets).toEqual([
      { year: 2026, metric: 'firms_served', target: 20, actual: 5, progress: 0.25 },
    ]);
    expect(target.body.progress).toEqual({ year: 2026, ratio: 0.25 });

    const changed = await office.json<Platform>('PATCH', `${LIST}/${id}`, {
      level: 'provincial',
      nodeCodes: ['biomed.mid.cdmo'],
    });
    expect(changed.body.level).toBe('provincial');
    expect(changed.body.nodes.map((n) => n.code)).toEqual(['biomed.mid.cdmo']);

    const removed = await office.json<Platform>('DELETE', `${LIST}/${id}/users/${firmEnterprise}`);
    expect(removed.body.firmsUsing).toBe(0);

    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'platform'), eq(auditLog.entityId, String(id))));
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'platform.create',
        'platform.target',
        'platform.unuse',
        'platform.update',
        'platform.use',
      ].sort(),
    );
  });

  it('refuses bad input at the edge, naming the field', async () => {
    const base = { name: '坏输入平台', kind: 'key_lab', level: 'national', regionCode: '320214' };
    const cases: [string, string, unknown, string][] = [
      ['POST', LIST, { ...base, colour: 'red' }, 'colour'],
      ['POST', LIST, { ...base, name: 'a\u0000b' }, 'name'],
      ['POST', LIST, { ...base, kind: 'castle' }, 'kind'],
      ['POST', LIST, { ...base, regionCode: '32' }, 'regionCode'],
      ['POST', LIST, { ...base, nodeCodes: ['biomed.up.nothing'] }, 'nodeCodes'],
      ['POST', LIST, { ...base, hostEnterpriseId: 2 ** 31 }, 'hostEnterpriseId'],
      ['PUT', `${LIST}/${drugCentre.id}/users/1`, { since: '2026-02-30' }, 'since'],
      ['PUT', `${LIST}/${drugCentre.id}/users/1`, { service: 'x', extra: 1 }, 'extra'],
      [
        'PUT',
        `${LIST}/${drugCentre.id}/targets`,
        { year: 99999, metric: 'firms_served', target: 1 },
        'year',
      ],
      [
        'PUT',
        `${LIST}/${drugCentre.id}/targets`,
        { year: 2026, metric: 'firms_served', target: -1 },
        'target',
      ],
      [
        'PUT',
        `${LIST}/${drugCentre.id}/targets`,
        { year: 2026, metric: 'mood', target: 1 },
        'metric',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await office.json<ErrorResponse>(method, path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.error), JSON.stringify(body)).toContain(field);
    }
    const badId = await office.json<ErrorResponse>('GET', `${LIST}/99999999999`);
    expect(badId.status).toBe(400);
    const missing = await office.json<ErrorResponse>('GET', `${LIST}/999999`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PLATFORM_NOT_FOUND');
    const taken = await office.json<ErrorResponse>('POST', LIST, { ...base, name: DRUG_CENTRE });
    expect(taken.status).toBe(409);
    const noFirm = await office.json<ErrorResponse>(
      'PUT',
      `${LIST}/${drugCentre.id}/users/999999`,
      {},
    );
    expect(noFirm.status).toBe(404);
    expect(noFirm.body.error.code).toBe('ENTERPRISE_NOT_FOUND');
  });

  it('shows a firm the platforms and only its own use of them, and refuses it every write', async () => {
    const list = await firm.json<PlatformList>('GET', LIST);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    const seen = await firm.json<Platform>('GET', `${LIST}/${drugCentre.id}`);
    expect(seen.body.usersHidden).toBe(true);
    expect(seen.body.firmsUsing).toBe(drugCentre.firmsUsing);
    expect(seen.body.users.map((u) => u.enterprise.id)).toEqual([firmEnterprise]);
    const write = await firm.json<ErrorResponse>('PATCH', `${LIST}/${drugCentre.id}`, {
      description: 'x',
    });
    expect(write.status).toBe(403);
    expect(drugCentre.usersHidden).toBe(false);
  });

  it('lets a park user record platforms of its own park only; the leader only reads', async () => {
    const own = await park.json<Platform>('POST', LIST, {
      name: '马山园区公共服务平台（测试）',
      kind: 'public_service',
      level: 'district',
      regionCode: '320211',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.park).not.toBeNull();
    const edit = await park.json<Platform>('PUT', `${LIST}/${own.body.id}/targets`, {
      year: 2026,
      metric: 'services_delivered',
      target: 10,
    });
    expect(edit.status).toBe(200);
    const other = await park.json<ErrorResponse>('PATCH', `${LIST}/${drugCentre.id}`, {
      description: 'x',
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const elsewhere = await park.json<ErrorResponse>('POST', LIST, {
      name: '别的园区的平台',
      kind: 'other',
      level: 'district',
      regionCode: '320214',
      parkId: drugCentre.park?.id,
    });
    expect(elsewhere.status).toBe(403);
    const leaderWrite = await leader.json<ErrorResponse>('POST', LIST, {
      name: '链长不能建的平台',
      kind: 'other',
      level: 'district',
      regionCode: '320214',
    });
    expect(leaderWrite.status).toBe(403);
  });
});

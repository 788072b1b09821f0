import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterprise, park } from '../db/schema.ts';
import { shanghaiDate } from '../domain/working-calendar.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemDetail } from '../shared/api/problems.ts';
import { ApiClient } from '../test-support/api-client.ts';
import {
  problemAt,
  startProblemWorld,
  type ProblemWorld,
} from '../test-support/problem-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

// The fixture's problems carry the contact 李四 / 13800000000 (docs/security.md, "Personal data").
const WHOLE = { contactName: '李四', contactPhone: '13800000000' };
const MASKED = { contactName: '李*', contactPhone: '138****0000' };
const HIDDEN = { contactName: null, contactPhone: null };

describe(`personal data by role, in reads and exports (${testDatabaseKind()})`, () => {
  let world: ProblemWorld;
  let problem: ProblemDetail;
  /** A park user of the park where the fixture's enterprise is a tenant. */
  let parkUser: ApiClient;
  const exportUrl = () =>
    `/api/problems/export?region=3202&year=${shanghaiDate(new Date()).slice(0, 4)}&format=csv`;
  const exportAudits = async () =>
    world.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'problem.export-personal-data'),
          eq(auditLog.entityType, 'problem-list'),
        ),
      );

  beforeAll(async () => {
    world = await startProblemWorld();
    problem = await problemAt(world, 'assigned');
    const [home] = await world.database.db
      .insert(park)
      .values({ code: 'pd-park', name: '个人信息园区', regionCode: '320214' })
      .returning();
    await world.database.db
      .update(enterprise)
      .set({ parkId: home?.id ?? 0 })
      .where(eq(enterprise.id, world.enterpriseId));
    const created = await world.admin.json('POST', '/api/users', {
      username: 'park-pd',
      password: 'park-pd-password',
      role: 'park',
      parkId: home?.id,
    });
    expect(created.status).toBe(201);
    parkUser = new ApiClient(world.app);
    await parkUser.login('park-pd', 'park-pd-password');
  }, 120_000);
  afterAll(async () => {
    await world.database.close();
  });

  it('shows a problem contact whole, masked or not at all, by role', async () => {
    const expected = [
      ['admin', world.admin, WHOLE],
      ['office', world.office, WHOLE],
      ['department', world.department, WHOLE],
      ['firm', world.firm, WHOLE],
      ['chain_leader', world.leader, MASKED],
      ['park', parkUser, MASKED],
      ['analyst', world.analyst, HIDDEN],
      ['viewer', world.viewer, HIDDEN],
    ] as const;
    for (const [role, client, contact] of expected) {
      const seen = await client.json<ProblemDetail>('GET', `/api/problems/${problem.id}`);
      expect(seen.status, role).toBe(200);
      expect(
        { contactName: seen.body.contactName, contactPhone: seen.body.contactPhone },
        role,
      ).toEqual(contact);
    }
    const list = await world.leader.request('GET', '/api/problems?pageSize=500');
    expect(await list.text()).not.toContain('13800000000');
  });

  it('masks contacts in exports unless asked for, and records the export that includes them', async () => {
    const before = (await exportAudits()).length;
    const masked = await world.office.request('GET', exportUrl());
    expect(masked.status).toBe(200);
    const maskedText = await masked.text();
    expect(maskedText).toContain('138****0000');
    expect(maskedText).toContain('李*');
    expect(maskedText).not.toContain('13800000000');
    expect(await exportAudits()).toHaveLength(before);

    const whole = await world.office.request('GET', `${exportUrl()}&includePersonalData=true`);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toContain('13800000000');
    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({
      actorName: 'office1',
      after: { region: '3202', format: 'csv' },
    });
    expect(audits.at(-1)?.at).toBeInstanceOf(Date);

    for (const [role, client] of [
      ['chain_leader', world.leader],
      ['park', parkUser],
    ] as const) {
      const refused = await client.json<ErrorResponse>(
        'GET',
        `${exportUrl()}&includePersonalData=true`,
      );
      expect(refused.status, role).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const masked = await client.request('GET', exportUrl());
      expect(masked.status, role).toBe(200);
      const text = await masked.text();
      expect(text, role).toContain('138****0000');
      expect(text, role).not.toContain('13800000000');
    }
    const viewer = await world.viewer.request('GET', exportUrl());
    const viewerText = await viewer.text();
    expect(viewerText).not.toContain('联系电话');
    expect(viewerText).not.toContain('138');
    expect(await exportAudits()).toHaveLength(before + 1);
  });
});

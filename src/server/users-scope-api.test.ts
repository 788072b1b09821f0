import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { department } from '../db/schema.ts';
import type { CurrentUser, SessionState } from '../shared/api/auth.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { User } from '../shared/api/users.ts';
import { startTestApp } from '../test-support/api-app.ts';
import { bundledChainCodes } from '../test-support/bundled-chains.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

type List<T> = { items: T[]; total: number };

describe(`users with scopes and one-time passwords over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let departmentId: number;
  let enterpriseId: number;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async ({ db }) => {
      const [dept] = await db
        .insert(department)
        .values({ name: '市工信局' })
        .returning({ id: department.id });
      departmentId = dept?.id ?? 0;
      [enterpriseId = 0] = await insertEnterprises(db, [
        makeEnterprise({ regionCode: '320214', name: '无锡测试生物有限公司' }),
      ]);
    }));
  });
  afterAll(async () => {
    await database.close();
  });

  async function signIn(username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(app);
    await client.login(username, password);
    return client;
  }

  it('creates department, firm and chain-scoped office users and presents their bindings by name', async () => {
    const dept = await admin.json<User>('POST', '/api/users', {
      username: 'gxj',
      password: 'department-pw',
      role: 'department',
      departmentId,
    });
    expect(dept.status).toBe(201);
    expect(dept.body).toMatchObject({
      role: 'department',
      departmentId,
      departmentName: '市工信局',
      enterpriseId: null,
      chainCodes: null,
      mustChangePassword: false,
    });
    const firm = await admin.json<User>('POST', '/api/users', {
      username: 'firm1',
      password: 'firm-password',
      role: 'firm',
      enterpriseId,
    });
    expect(firm.body).toMatchObject({ enterpriseId, enterpriseName: '无锡测试生物有限公司' });
    const office = await admin.json<User>('POST', '/api/users', {
      username: 'office-ic',
      password: 'office-password',
      role: 'office',
      chainCodes: ['ic'],
    });
    expect(office.body.chainCodes).toEqual(['ic']);

    const detail = await admin.json<User>('GET', `/api/users/${firm.body.id}`);
    expect(detail.body).toEqual(firm.body);
    expect((await admin.request('GET', '/api/users/999999')).status).toBe(404);
    const list = await admin.json<List<User>>('GET', '/api/users');
    expect(list.body.items.find((u) => u.username === 'gxj')?.departmentName).toBe('市工信局');
    const me = await (
      await signIn('firm1', 'firm-password')
    ).json<CurrentUser>('GET', '/api/auth/me');
    expect(me.body).toMatchObject({ role: 'firm', enterpriseName: '无锡测试生物有限公司' });
  });

  it('refuses missing, foreign and unknown bindings, naming the field', async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ role: 'department' }, 400, 'VALIDATION_FAILED', 'departmentId'],
      [{ role: 'department', departmentId: 99999 }, 404, 'DEPARTMENT_NOT_FOUND', 'departmentId'],
      [{ role: 'firm' }, 400, 'VALIDATION_FAILED', 'enterpriseId'],
      [{ role: 'firm', enterpriseId: 99999 }, 404, 'ENTERPRISE_NOT_FOUND', 'enterpriseId'],
      [{ role: 'viewer', departmentId }, 400, 'VALIDATION_FAILED', 'departmentId'],
      [{ role: 'office', chainCodes: ['nope'] }, 404, 'CHAIN_NOT_FOUND', 'chainCodes'],
      [{ role: 'investment', chainCodes: ['ic'] }, 400, 'VALIDATION_FAILED', 'chainCodes'],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await admin.json<ErrorResponse>('POST', '/api/users', {
        username: 'bad-user',
        password: 'long-enough-pw',
        ...body,
      });
      expect([answer.status, answer.body.error.code, answer.body.error.details]).toEqual([
        status,
        code,
        expect.objectContaining({ field }),
      ]);
    }
    const unknownField = await admin.json<ErrorResponse>('POST', '/api/users', {
      username: 'bad-user',
      password: 'long-enough-pw',
      role: 'viewer',
      colour: 'red',
    });
    expect(unknownField.status).toBe(400);
  });

  it('changes a role and bindings with PATCH, dropping what the new role does not carry', async () => {
    const created = await admin.json<User>('POST', '/api/users', {
      username: 'mover',
      password: 'mover-password',
      role: 'department',
      departmentId,
    });
    const patched = await admin.json<User>('PATCH', `/api/users/${created.body.id}`, {
      role: 'viewer',
      chainCodes: ['biomed'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      role: 'viewer',
      departmentId: null,
      chainCodes: ['biomed'],
    });
  });

  it('holds a one-time password user to changing it first, then lets them in', async () => {
    const created = await admin.json<User>('POST', '/api/users', {
      username: 'otp',
      password: 'one-time-pass',
      role: 'viewer',
      oneTime: true,
    });
    expect(created.body.mustChangePassword).toBe(true);
    const user = await signIn('otp', 'one-time-pass');
    const refused = await user.json<ErrorResponse>('GET', '/api/chains');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const session = await user.json<SessionState>('GET', '/api/auth/session');
    expect(session.body.user?.mustChangePassword).toBe(true);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(200);

    const wrong = await user.json<ErrorResponse>('POST', '/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'my-own-password',
    });
    expect([wrong.status, wrong.body.error.details]).toEqual([400, { field: 'currentPassword' }]);
    const same = await user.json<ErrorResponse>('POST', '/api/auth/password', {
      currentPassword: 'one-time-pass',
      newPassword: 'one-time-pass',
    });
    expect([same.status, same.body.error.details]).toEqual([400, { field: 'newPassword' }]);
    const changed = await user.request('POST', '/api/auth/password', {
      currentPassword: 'one-time-pass',
      newPassword: 'my-own-password',
    });
    expect(changed.status).toBe(204);
    expect((await user.request('GET', '/api/chains')).status).toBe(200);
    await signIn('otp', 'my-own-password');

    // The admin's reset is one-time by default.
    const reset = await admin.request('POST', `/api/users/${created.body.id}/password`, {
      password: 'reset-by-admin',
    });
    expect(reset.status).toBe(204);
    const again = await signIn('otp', 'reset-by-admin');
    expect((await again.request('GET', '/api/chains')).status).toBe(403);
  });

  it('keeps a chain-scoped user to its chains', async () => {
    const office = await signIn('office-ic', 'office-password');
    const chains = await office.json<List<{ code: string }>>('GET', '/api/chains');
    expect(chains.body.items.map((c) => c.code)).toEqual(['ic']);
    expect((await office.request('GET', '/api/chains/ic')).status).toBe(200);
    const other = await office.json<ErrorResponse>('GET', '/api/chains/biomed');
    expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await office.request('GET', '/api/chains/biomed/analysis?region=3202')).status).toBe(
      403,
    );
    expect((await office.request('GET', '/api/projects?chain=biomed')).status).toBe(403);
    // Without a chain in the query the list still holds only its chains' projects.
    const project = await admin.json<{ id: number }>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '3202',
      name: '链外项目',
    });
    expect(project.status).toBe(201);
    const listed = await office.json<List<{ id: number }>>('GET', '/api/projects');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p) => p.id)).not.toContain(project.body.id);
    expect(
      (await admin.json<List<{ id: number }>>('GET', '/api/projects')).body.items.map((p) => p.id),
    ).toContain(project.body.id);
    expect((await office.request('GET', `/api/projects/${project.body.id}`)).status).toBe(403);
    const all = await admin.json<List<{ code: string }>>('GET', '/api/chains');
    // The bundled templates load biomed, ic and the other chains; an admin sees them all.
    expect(all.body.items.map((c) => c.code)).toEqual(bundledChainCodes());
    expect(bundledChainCodes()).toContain('ic');
  });
});

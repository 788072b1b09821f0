import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { TargetView } from '../shared/api/analysis.ts';
import type { AuditPage } from '../shared/api/audit.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { User } from '../shared/api/users.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

describe(`the office's own administration over HTTP (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let analyst: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    analyst = await signInNewUser(app, admin, 'admin-test-analyst', 'analyst');
    viewer = await signInNewUser(app, admin, 'admin-test-viewer', 'viewer');
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses a target with nodeCode instead of node (400 naming it) and keeps the chain target', async () => {
    const chainTarget = { region: '3202', year: 2025, valueYuan: 250e9 };
    expect((await analyst.json('PUT', '/api/chains/biomed/targets', chainTarget)).status).toBe(200);
    const wrong = await analyst.json<ErrorResponse>('PUT', '/api/chains/biomed/targets', {
      region: '3202',
      year: 2025,
      valueYuan: 5e9,
      nodeCode: 'biomed.mid.device',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(wrong.body.error.message).toContain('nodeCode');
    const list = await viewer.json<{ items: TargetView[] }>(
      'GET',
      '/api/chains/biomed/targets?region=3202',
    );
    expect(list.body.items.map((t) => [t.nodeCode, t.year, t.valueYuan])).toEqual([
      [null, 2025, 250e9],
    ]);
  });

  it('lists the audit log newest first, filtered by user, entity and day, with before and after', async () => {
    await analyst.json('PUT', '/api/chains/biomed/targets', {
      region: '3202',
      year: 2025,
      valueYuan: 260e9,
    });
    const targets = await admin.json<AuditPage>(
      'GET',
      '/api/audit?entity=target&user=admin-test-analyst',
    );
    expect(targets.status).toBe(200);
    expect(targets.body.total).toBe(2);
    const [latest, first] = targets.body.items;
    expect(latest).toMatchObject({
      action: 'target.set',
      actorName: 'admin-test-analyst',
      before: { valueYuan: 250e9 },
      after: { valueYuan: 260e9 },
    });
    expect(first).toMatchObject({ before: null, after: { valueYuan: 250e9 } });
    expect(targets.body.entityTypes).toEqual(expect.arrayContaining(['target', 'user']));

    const paged = await admin.json<AuditPage>('GET', '/api/audit?entity=target&pageSize=1&page=2');
    expect(paged.body.total).toBe(2);
    expect(paged.body.items.map((e) => e.id)).toEqual([first?.id]);

    const nobody = await admin.json<AuditPage>('GET', '/api/audit?user=nobody-at-all');
    expect(nobody.body).toMatchObject({ items: [], total: 0 });
    // Days are Shanghai days, both ends included: today's entries are in, yesterday's range is not.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const inToday = await admin.json<AuditPage>(
      'GET',
      `/api/audit?entity=target&from=${today}&to=${today}`,
    );
    expect(inToday.body.total).toBe(2);
    const beforeToday = await admin.json<AuditPage>(
      'GET',
      `/api/audit?entity=target&to=${yesterday}`,
    );
    expect(beforeToday.body.total).toBe(0);

    expect((await admin.json('GET', '/api/audit?from=2026-02-30')).status).toBe(400);
    expect((await analyst.json('GET', '/api/audit')).status).toBe(403);
    expect((await viewer.json('GET', '/api/audit')).status).toBe(403);
  });

  it('adds a user, changes its role and chains, resets its password, and a disabled user is signed out', async () => {
    const created = await admin.json<User>('POST', '/api/users', {
      username: 'admin-test-temp',
      password: 'amber-meadow-violin-81',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const changed = await admin.json<User>('PATCH', `/api/users/${id}`, {
      role: 'analyst',
      chainCodes: ['biomed'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'analyst', chainCodes: ['biomed'] });
    const unknownField = await admin.json<ErrorResponse>('PATCH', `/api/users/${id}`, {
      roles: 'admin',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain('roles');

    const reset = await admin.request('POST', `/api/users/${id}/password`, {
      password: 'cobalt-harbour-lantern-27',
      oneTime: false,
    });
    expect(reset.status).toBe(204);
    const user = new ApiClient(app);
    await user.login('admin-test-temp', 'cobalt-harbour-lantern-27');
    expect((await user.json('GET', '/api/chains/biomed/targets')).status).toBe(200);

    const disabled = await admin.json<User>('PATCH', `/api/users/${id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    // The very next request of the disabled user's open session is refused.
    const after = await user.json<ErrorResponse>('GET', '/api/chains/biomed/targets');
    expect(after.status).toBe(401);
    const again = new ApiClient(app);
    const login = await again.request('POST', '/api/auth/login', {
      username: 'admin-test-temp',
      password: 'cobalt-harbour-lantern-27',
    });
    expect(login.status).toBe(401);
    const audit = await admin.json<AuditPage>('GET', `/api/audit?entity=user&entityId=${id}`);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
  });
});

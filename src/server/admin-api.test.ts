import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { TargetView } from '../shared/api/analysis.ts';
import type { AuditPage } from '../shared/api/audit.ts';
import type { ParkDetail, ParkSpace, ParkSummary } from '../shared/api/parks.ts';
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

  it('refuses a misspelt stage in the pipeline settings (400 naming it) and keeps the settings', async () => {
    const before = await admin.json<{ stageProbabilities: Record<string, number> }>(
      'GET',
      '/api/settings/pipeline',
    );
    const wrong = await admin.json<ErrorResponse>('PUT', '/api/settings/pipeline', {
      stageProbabilities: {
        ...before.body.stageProbabilities,
        leed: 0.5,
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('leed');
    const after = await admin.json('GET', '/api/settings/pipeline');
    expect(after.body).toEqual(before.body);
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
    // A display name of zero-width or direction characters would be listed as a blank.
    const invisible = await admin.json<ErrorResponse>('PATCH', `/api/users/${id}`, {
      displayName: '\u200b\u200e ',
    });
    expect(invisible.status).toBe(400);
    expect(invisible.body.error.message).toContain('displayName');
    const named = await admin.json<User>('PATCH', `/api/users/${id}`, { displayName: '王芳' });
    expect(named.body.displayName).toBe('王芳');

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

  it('refuses to demote or disable the only enabled administrator (409), and allows it while another is left', async () => {
    const users = await admin.json<{ items: User[] }>('GET', '/api/users');
    const self = users.body.items.find((u) => u.username === 'admin');
    expect(self?.role).toBe('admin');
    const id = self?.id ?? 0;
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const refused = await admin.json<ErrorResponse>('PATCH', `/api/users/${id}`, change);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'LAST_ADMIN', field: Object.keys(change)[0], username: 'admin' },
      });
      expect(refused.body.error.message).toContain('only enabled administrator');
    }
    expect((await admin.json<User>('GET', `/api/users/${id}`)).body).toMatchObject({
      role: 'admin',
      disabled: false,
    });
    const second = await admin.json<User>('POST', '/api/users', {
      username: 'admin-test-second-admin',
      password: 'granite-willow-copper-52',
      role: 'admin',
    });
    expect(second.status).toBe(201);
    const demoted = await admin.json<User>('PATCH', `/api/users/${second.body.id}`, {
      role: 'viewer',
    });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('viewer');
    // Still able to manage users: the request after the refusals and the change.
    expect((await admin.json('GET', '/api/users')).status).toBe(200);
  });

  it('refuses a date range that ends before it starts, a region that is no code and a padded number, naming the parameter', async () => {
    const park = (await admin.json<{ items: ParkSummary[] }>('GET', '/api/parks')).body.items[0];
    for (const [path, field] of [
      ['/api/audit?from=2026-12-01&to=2025-01-01', 'to'],
      ['/api/problems?receivedFrom=2026-12-01&receivedTo=2025-01-01', 'receivedTo'],
      ['/api/problems?closedFrom=2026-12-01&closedTo=2025-01-01', 'closedTo'],
      ['/api/leader/activities?from=2026-12-01&to=2025-01-01', 'to'],
      ['/api/chains/biomed/events?from=2026-12-01&to=2025-01-01', 'to'],
      ['/api/projects?region=abc', 'region'],
      [`/api/parks/${park?.id ?? 1}/supply-demand?years=%201`, 'years'],
      [`/api/parks/${park?.id ?? 1}/supply-demand?from=+2026`, 'from'],
    ] as const) {
      const refused = await admin.json<ErrorResponse>('GET', path);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.message, path).toContain(field);
    }
    expect((await admin.json('GET', '/api/audit?from=2025-01-01&to=2025-01-01')).status).toBe(200);
  });

  it('creates and edits a park (admin, analyst), refusing unknown fields, regions and nodes', async () => {
    const body = {
      code: 'admin-test-park',
      name: '测试生命科技园',
      region: '320206',
      focusNodeCodes: ['biomed.mid.device'],
    };
    const created = await admin.json<ParkDetail>('POST', '/api/parks', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'admin-test-park', totalAreaM2: 0, spaces: [] });
    for (const [bad, field] of [
      [{ ...body, code: 'admin-test-park-2', regionCode: '320206' }, 'regionCode'],
      [{ ...body, code: 'admin-test-park-2', region: '329999' }, 'region'],
      [{ ...body, code: 'admin-test-park-2', focusNodeCodes: ['biomed.nope'] }, 'focusNodeCodes'],
      [body, 'code'],
    ] as const) {
      const refused = await admin.json<ErrorResponse>('POST', '/api/parks', bad);
      expect(refused.status, field).toBe(400);
      expect(JSON.stringify(refused.body.error), field).toContain(field);
    }
    expect((await viewer.json('POST', '/api/parks', body)).status).toBe(403);
    const id = created.body.id;
    const edited = await analyst.json<ParkDetail>('PATCH', `/api/parks/${id}`, {
      address: '惠山大道 1 号',
      nameEn: 'Test Life Science Park',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ address: '惠山大道 1 号', name: '测试生命科技园' });
    const wrong = await admin.json<ErrorResponse>('PATCH', `/api/parks/${id}`, { adress: 'x' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('adress');
    // A name of zero-width spaces or direction marks only would list as a blank.
    for (const name of ['\u200b\u200b', '\u202e\u2066', ' \ufeff ']) {
      const invisible = await admin.json<ErrorResponse>('PATCH', `/api/parks/${id}`, { name });
      expect(invisible.status, JSON.stringify(name)).toBe(400);
      expect(invisible.body.error.message).toContain('name');
      expect(invisible.body.error.message).toContain('invisible');
    }
    expect((await admin.json('PATCH', '/api/parks/999999', { address: 'x' })).status).toBe(404);
    const audit = await admin.json<AuditPage>('GET', `/api/audit?entity=park&entityId=${id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['park.update', 'park.create']);
    expect(audit.body.items[0]).toMatchObject({
      before: { address: null },
      after: { address: '惠山大道 1 号' },
    });
  });

  it('lets a park user add, edit and retire units of its own park only (403 elsewhere)', async () => {
    const own = await admin.json<ParkDetail>('POST', '/api/parks', {
      code: 'admin-test-own',
      name: '自家园区',
      region: '320214',
    });
    const other = await admin.json<ParkDetail>('POST', '/api/parks', {
      code: 'admin-test-other',
      name: '别家园区',
      region: '320214',
    });
    const operator = await signInNewUser(app, admin, 'admin-test-park-op', 'park', {
      parkId: own.body.id,
    });
    const unit = { code: 'A1-101', kind: 'wet_lab', areaM2: 800 };
    const added = await operator.json<ParkSpace>('POST', `/api/parks/${own.body.id}/spaces`, unit);
    expect(added.status).toBe(201);
    const second = await operator.json<ParkSpace>('POST', `/api/parks/${own.body.id}/spaces`, {
      ...unit,
      code: 'A1-102',
      areaM2: 400,
    });
    expect(second.status).toBe(201);
    const elsewhere = await operator.json<ErrorResponse>(
      'POST',
      `/api/parks/${other.body.id}/spaces`,
      unit,
    );
    expect(elsewhere.status).toBe(403);
    const adminUnit = await admin.json<ParkSpace>(
      'POST',
      `/api/parks/${other.body.id}/spaces`,
      unit,
    );
    expect(
      (
        await operator.json('PATCH', `/api/parks/${other.body.id}/spaces/${adminUnit.body.id}`, {
          areaM2: 900,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await operator.json(
          'POST',
          `/api/parks/${other.body.id}/spaces/${adminUnit.body.id}/retire`,
        )
      ).status,
    ).toBe(403);
    // Park edits are the office's, not the operator's.
    expect(
      (await operator.json('PATCH', `/api/parks/${own.body.id}`, { address: 'x' })).status,
    ).toBe(403);

    const edited = await operator.json<ParkSpace>(
      'PATCH',
      `/api/parks/${own.body.id}/spaces/${added.body.id}`,
      { areaM2: 900, rentYuanPerM2Month: 60 },
    );
    expect(edited.body).toMatchObject({ areaM2: 900, freeM2: 900, rentYuanPerM2Month: 60 });
    const retired = await operator.json<ParkSpace>(
      'POST',
      `/api/parks/${own.body.id}/spaces/${second.body.id}/retire`,
    );
    expect(retired.status).toBe(200);
    // A retired unit leaves the park's totals and list, and cannot be edited or retired again.
    const park = await operator.json<ParkDetail>('GET', `/api/parks/${own.body.id}`);
    expect(park.body.spaces.map((s) => s.code)).toEqual(['A1-101']);
    expect(park.body.totalAreaM2).toBe(900);
    const list = await admin.json<{ items: ParkSummary[] }>('GET', '/api/parks');
    expect(list.body.items.find((p) => p.id === own.body.id)?.totalAreaM2).toBe(900);
    expect(
      (await operator.json('POST', `/api/parks/${own.body.id}/spaces/${second.body.id}/retire`))
        .status,
    ).toBe(404);
    expect(
      (
        await operator.json('PATCH', `/api/parks/${own.body.id}/spaces/${second.body.id}`, {
          areaM2: 1,
        })
      ).status,
    ).toBe(404);
    const audit = await admin.json<AuditPage>(
      'GET',
      `/api/audit?entity=park_space&entityId=${second.body.id}`,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'space.retire',
      actorName: 'admin-test-park-op',
      before: { code: 'A1-102', areaM2: 400 },
    });
  });

  it('refuses to retire a unit holding a reservation, and a retired unit can be neither matched nor reserved', async () => {
    const park = await admin.json<ParkDetail>('POST', '/api/parks', {
      code: 'admin-test-reserved',
      name: '预留测试园区',
      region: '320214',
    });
    const unit = async (code: string) =>
      (
        await admin.json<ParkSpace>('POST', `/api/parks/${park.body.id}/spaces`, {
          code,
          kind: 'gmp_plant',
          areaM2: 3000,
        })
      ).body;
    const held = await unit('G-1');
    const spare = await unit('G-2');
    const project = await admin.json<{ id: number }>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '3202',
      name: '预留测试项目',
      nodeCode: 'biomed.mid.blood',
      expectedOutputYuan: 1e9,
      outputStartYear: 2027,
      spaceNeed: [{ kind: 'gmp_plant', areaM2: 2000 }],
    });
    expect(project.status).toBe(201);
    const reserved = await admin.json('POST', `/api/projects/${project.body.id}/reservations`, {
      spaceId: held.id,
      areaM2: 1000,
    });
    expect(reserved.status).toBe(201);
    const refused = await admin.json<ErrorResponse>(
      'POST',
      `/api/parks/${park.body.id}/spaces/${held.id}/retire`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'SPACE_UNAVAILABLE',
      details: { reason: 'SPACE_RETIRE_RESERVED', code: 'G-1' },
    });

    expect(
      (await admin.json('POST', `/api/parks/${park.body.id}/spaces/${spare.id}/retire`)).status,
    ).toBe(200);
    const matches = await admin.json<{
      items: { parkId: number; kinds: { freeM2: number; units: { spaceId: number }[] }[] }[];
    }>('GET', `/api/projects/${project.body.id}/space-matches`);
    const here = matches.body.items.find((m) => m.parkId === park.body.id);
    // Only G-1's 2,000 m² still free: the retired G-2 is no longer offered.
    expect(here?.kinds[0]?.freeM2).toBe(2000);
    expect(here?.kinds.flatMap((k) => k.units.map((u) => u.spaceId))).not.toContain(spare.id);
    const onRetired = await admin.json<ErrorResponse>(
      'POST',
      `/api/projects/${project.body.id}/reservations`,
      { spaceId: spare.id, areaM2: 100 },
    );
    expect(onRetired.status).toBe(404);
    const byKind = await admin.json<ErrorResponse>(
      'POST',
      `/api/projects/${project.body.id}/reservations`,
      { parkId: park.body.id, kind: 'gmp_plant', areaM2: 2500 },
    );
    expect(byKind.status).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { department, park } from '../db/schema.ts';
import { addUser } from '../services/auth/users.service.ts';
import { ROLES, roleHasPermission, type Permission, type Role } from '../shared/permissions.ts';
import { startTestApp } from '../test-support/api-app.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

type OpenApiDocument = {
  paths: Record<string, Record<string, { 'x-permission'?: Permission }>>;
};

/** Path parameters by name: values that pass validation and name nothing much. */
const PARAMS: Record<string, string> = { code: 'biomed', year: '2027', id: '999999' };
/** Routes whose success would end the test's session or run long; their refusals are still checked. */
const NOT_RUN_WHEN_ALLOWED = /\/api\/auth\/logout$|report|export|pdf/;

describe(`every role against every route's permission (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  const clients = new Map<Role, ApiClient>();
  let routes: { method: string; path: string; permission: Permission }[] = [];
  let parkPaths: { method: string; template: string }[] = [];
  let ownPark = 0;
  let otherPark = 0;

  beforeAll(async () => {
    let bindings: Record<string, number> = {};
    ({ database, app } = await startTestApp(async ({ db }) => {
      const [dept] = await db.insert(department).values({ name: '权限测试局' }).returning();
      const [parkRow] = await db
        .insert(park)
        .values({ code: 'perm-park', name: '权限园区', regionCode: '320214' })
        .returning();
      const [enterpriseId = 0] = await insertEnterprises(db, [
        makeEnterprise({ regionCode: '320214', name: '权限测试企业' }),
      ]);
      const [otherParkRow] = await db
        .insert(park)
        .values({ code: 'perm-park-2', name: '另一个园区', regionCode: '320214' })
        .returning();
      ownPark = parkRow?.id ?? 0;
      otherPark = otherParkRow?.id ?? 0;
      bindings = { departmentId: dept?.id ?? 0, parkId: parkRow?.id ?? 0, enterpriseId };
    }));
    for (const role of ROLES) {
      const username = `role-${role.replace('_', '-')}`;
      await addUser(
        database.db,
        { id: null, name: 'test' },
        {
          username,
          password: `${username}-password`,
          role,
          ...(role === 'park' && { parkId: bindings.parkId }),
          ...(role === 'department' && { departmentId: bindings.departmentId }),
          ...(role === 'firm' && { enterpriseId: bindings.enterpriseId }),
        },
      );
      const client = new ApiClient(app);
      await client.login(username, `${username}-password`);
      clients.set(role, client);
    }
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? '1'),
        permission: operation['x-permission'] ?? 'public',
      })),
    );
    parkPaths = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/parks/{id}'))
      .flatMap(([template, operations]) =>
        Object.keys(operations).map((method) => ({ method: method.toUpperCase(), template })),
      );
  });
  afterAll(async () => {
    await database.close();
  });

  it('documents the new roles’ routes', () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);
    expect(paths).toContain('POST /api/users/firm-accounts');
    expect(paths).toContain('PUT /api/calendar/2027');
    expect(paths).toContain('GET /api/notifications');
    // The city overview reads as the leader pages do (`code` is filled with PARAMS.code).
    expect(routes).toContainEqual({
      method: 'GET',
      path: '/api/regions/biomed/overview',
      permission: 'leader:read',
    });
    expect(paths).toContain('GET /api/audit');
    expect(paths).toContain('POST /api/parks');
    expect(paths).toContain('PATCH /api/parks/999999');
    expect(paths).toContain('POST /api/parks/999999/spaces/1/retire');
    expect(routes).toContainEqual({
      method: 'POST',
      path: '/api/chains/templates',
      permission: 'template:manage',
    });
    expect(routes).toContainEqual({
      method: 'PUT',
      path: '/api/settings/place',
      permission: 'settings:manage',
    });
    // Links between enterprises and the chain master view (issue 11), each with its permission.
    const permissionOf = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path)?.permission;
    expect({
      list: permissionOf('GET', '/api/links'),
      create: permissionOf('POST', '/api/links'),
      get: permissionOf('GET', '/api/links/999999'),
      remove: permissionOf('DELETE', '/api/links/999999'),
      import: permissionOf('POST', '/api/links/import'),
      masters: permissionOf('GET', '/api/chains/biomed/chain-masters'),
      master: permissionOf('GET', '/api/chains/biomed/chain-masters/999999'),
      node: permissionOf('GET', '/api/chains/biomed/nodes/1/links'),
    }).toEqual({
      list: 'link:read',
      create: 'link:write',
      get: 'link:read',
      remove: 'link:write',
      import: 'link:import',
      masters: 'enterprise:read',
      master: 'enterprise:read',
      node: 'enterprise:read',
    });
    // Who holds them: every reading role reads links, the office and admin write and import,
    // a firm reads and declares its own (the service scopes it) but never imports or opens the
    // chain master view.
    const holders = (permission: Permission) =>
      ROLES.filter((role) => roleHasPermission(role, permission));
    expect(holders('link:write')).toEqual(['admin', 'office', 'firm']);
    expect(holders('link:import')).toEqual(['admin', 'office']);
    expect(holders('link:read')).toEqual([...ROLES]);
    expect(holders('enterprise:read')).not.toContain('firm');
    // 供需对接: who reads, publishes and records outcomes.
    for (const [method, path, permission] of [
      ['GET', '/api/chains/biomed/needs', 'need:read'],
      ['POST', '/api/chains/biomed/needs', 'need:write'],
      ['GET', '/api/chains/biomed/needs/999999', 'need:read'],
      ['PATCH', '/api/chains/biomed/needs/999999', 'need:write'],
      ['GET', '/api/chains/biomed/offers', 'need:read'],
      ['POST', '/api/chains/biomed/offers', 'need:write'],
      ['GET', '/api/chains/biomed/offers/999999', 'need:read'],
      ['PATCH', '/api/chains/biomed/offers/999999', 'need:write'],
      ['GET', '/api/chains/biomed/needs/999999/matches', 'need:read'],
      ['PUT', '/api/chains/biomed/needs/999999/matches/1', 'match:record'],
    ] as const) {
      expect(routes).toContainEqual({ method, path, permission });
    }
    const writers = ROLES.filter((role) => roleHasPermission(role, 'need:write'));
    expect(writers).toEqual(['admin', 'office', 'firm']);
    expect(ROLES.filter((role) => roleHasPermission(role, 'match:record'))).toEqual([
      'admin',
      'office',
    ]);
    // 创新平台: every role reads; the office, admins and park users (their own park) record.
    for (const [method, path, permission] of [
      ['GET', '/api/chains/biomed/platforms', 'platform:read'],
      ['POST', '/api/chains/biomed/platforms', 'platform:write'],
      ['GET', '/api/chains/biomed/platforms/999999', 'platform:read'],
      ['PATCH', '/api/chains/biomed/platforms/999999', 'platform:write'],
      ['PUT', '/api/chains/biomed/platforms/999999/users/1', 'platform:write'],
      ['DELETE', '/api/chains/biomed/platforms/999999/users/1', 'platform:write'],
      ['PUT', '/api/chains/biomed/platforms/999999/targets', 'platform:write'],
    ] as const) {
      expect(routes).toContainEqual({ method, path, permission });
    }
    expect(holders('platform:read')).toEqual([...ROLES]);
    expect(holders('platform:write')).toEqual(['admin', 'park', 'office']);
  });

  it('declares the experts and events routes with their permissions and holders', () => {
    for (const [method, path, permission] of [
      ['GET', '/api/chains/biomed/experts', 'expert:read'],
      ['POST', '/api/chains/biomed/experts', 'expert:write'],
      ['GET', '/api/chains/biomed/experts/999999', 'expert:read'],
      ['PATCH', '/api/chains/biomed/experts/999999', 'expert:write'],
      ['POST', '/api/chains/biomed/experts/999999/advice', 'expert:write'],
      ['GET', '/api/chains/biomed/nodes/1/experts', 'expert:read'],
      ['GET', '/api/chains/biomed/events', 'event:read'],
      ['POST', '/api/chains/biomed/events', 'event:write'],
      ['GET', '/api/chains/biomed/events/999999', 'event:read'],
      ['POST', '/api/chains/biomed/events/999999/participants', 'event:write'],
      ['POST', '/api/chains/biomed/events/999999/outcomes', 'event:write'],
    ] as const) {
      expect(routes).toContainEqual({ method, path, permission });
    }
    const holders = (permission: Permission) =>
      ROLES.filter((role) => roleHasPermission(role, permission));
    // Every role reads experts (a firm their public part: the service hides contact and advice).
    expect(holders('expert:read')).toEqual([...ROLES]);
    expect(holders('event:read')).toEqual(ROLES.filter((role) => role !== 'firm'));
    expect(holders('expert:write')).toEqual(['admin', 'office']);
    expect(holders('event:write')).toEqual(['admin', 'office']);
  });

  it.each(ROLES)('answers 403 for role %s exactly where it lacks the permission', async (role) => {
    const client = clients.get(role);
    if (!client) throw new Error(`no client for ${role}`);
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.permission === 'public') continue;
      const allowed = roleHasPermission(role, route.permission);
      if (allowed && NOT_RUN_WHEN_ALLOWED.test(route.path)) continue;
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const response = await client.request(route.method, route.path, body);
      const refused =
        response.status === 403 &&
        ((await response.json()) as { error: { details?: { permission?: string } } }).error.details
          ?.permission === route.permission;
      if (refused === allowed) {
        wrong.push(`${route.method} ${route.path} (${route.permission}): ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a park user every read of another park (403) and serves its own', async () => {
    const client = clients.get('park');
    if (!client) throw new Error('no client for park');
    const reads = parkPaths.filter((p) => p.method === 'GET');
    expect(reads.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const { template } of reads) {
      const at = (id: number) => template.replace('{id}', String(id));
      const other = await client.request('GET', at(otherPark));
      const body = (await other.json()) as { error?: { code?: string } };
      if (other.status !== 403 || body.error?.code !== 'FORBIDDEN') {
        wrong.push(`GET ${at(otherPark)} (another park): ${other.status}`);
      }
      const own = await client.request('GET', at(ownPark));
      if (own.status !== 200) wrong.push(`GET ${at(ownPark)} (its park): ${own.status}`);
    }
    expect(wrong).toEqual([]);
    const listed = await client.json<{ items: { id: number }[] }>('GET', '/api/parks');
    expect(listed.body.items.map((p) => p.id)).toEqual([ownPark]);
  });
});

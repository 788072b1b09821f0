import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { createTestDatabase } from '../test-support/test-database.ts';
import { PERMISSIONS } from '../shared/permissions.ts';
import { createApp, type App } from './app.ts';

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { 'x-permission'?: string; responses: object }>>;
  components: { schemas: Record<string, unknown> };
};

describe('route permissions and the OpenAPI document', () => {
  let database: Database;
  let app: App;
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = createApp({ database, version: 'test' });
    document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await database.close();
  });

  function routesWithoutPermission(target: App): string[] {
    const documented = new Map<string, string | undefined>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
        documented.set(`${method.toUpperCase()} ${honoPath}`, operation['x-permission']);
      }
    }
    const handlers = target.routes.filter((route) => route.method !== 'ALL');
    expect(handlers.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const route of handlers) {
      const key = `${route.method} ${route.path}`;
      const permission = documented.get(key) ?? target.plainRoutePermissions.get(key);
      if (!permission || !(PERMISSIONS as readonly string[]).includes(permission))
        missing.push(key);
    }
    return missing;
  }

  it('finds a declared permission for every route the app serves', () => {
    expect(routesWithoutPermission(app)).toEqual([]);
  });

  it('catches a route added without a permission', () => {
    const careless = createApp({ database, version: 'test' });
    careless.get('/api/sneaky', (c) => c.text('no permission declared'));
    expect(routesWithoutPermission(careless)).toEqual(['GET /api/sneaky']);
  });

  it('documents the API as OpenAPI 3 with named schemas and the error shape', () => {
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/chains/{code}',
      '/api/enterprises',
      '/api/parks/{id}',
      '/api/regions',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    for (const schema of [
      'Error',
      'ChainDetail',
      'EnterpriseSummary',
      'ParkSummary',
      'LoginRequest',
    ]) {
      expect(Object.keys(document.components.schemas)).toContain(schema);
    }
    expect(document.paths['/api/enterprises']?.get?.responses).toHaveProperty('401');
  });

  it('serves a browsable docs page with its assets', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger-ui-bundle\.js/);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});

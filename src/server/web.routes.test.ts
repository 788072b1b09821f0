import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { createTestDatabase } from '../test-support/test-database.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { createApp, type App } from './app.ts';

describe('the web app served at /', () => {
  let database: Database;
  let dist: string;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    dist = mkdtempSync(join(tmpdir(), 'chainlead-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(join(tmpdir(), 'chainlead-secret.txt'), 'secret');
    app = createApp({ database, version: 'test', webDist: dist });
  });
  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await database.close();
  });

  it('serves index.html at / and for the app routes (SPA fallback), never cached stale', async () => {
    for (const path of ['/', '/enterprises', '/enterprises/12', '/parks/3?tab=tenants']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toMatch(/id="root"/);
    }
  });

  it('serves hashed assets with a long cache, other files with revalidation', async () => {
    const asset = await app.request('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
  });

  it('keeps /api paths JSON (a 404 is not the app) and refuses paths out of the folder', async () => {
    const api = await app.request('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as ErrorResponse).error.code).toBe('ROUTE_NOT_FOUND');
    for (const path of ['/../chainlead-secret.txt', '/%2e%2e/chainlead-secret.txt']) {
      const response = await app.request(path);
      expect(await response.text()).not.toBe('secret');
    }
  });

  it('says how to build the app when there is no build', async () => {
    const bare = createApp({ database, version: 'test', webDist: join(dist, 'nothing-here') });
    const response = await bare.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/npm run build:web/);
    expect((await bare.request('/api/health')).status).toBe(200);
  });
});

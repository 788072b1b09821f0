import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { SessionState } from '../shared/api/auth.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { PlaceSettings } from '../shared/api/settings.ts';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../services/reference/chain-templates.service.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { createApp, type App } from './app.ts';
import { fileURLToPath } from 'node:url';

const SENSOR_TEMPLATE = fileURLToPath(
  new URL('../test-support/templates/sensor.yaml', import.meta.url),
);

describe('stored home region and default chain (settings)', () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async (db) => {
      await saveChainTemplates(db.db, [readChainTemplate(SENSOR_TEMPLATE)], {
        id: null,
        name: 'test',
      });
    }));
  });
  afterAll(async () => {
    await database.close();
  });

  const session = async (target: App) =>
    (await (await target.request('/api/auth/session')).json()) as SessionState;

  it('uses the stored setting when serve has no flag, and the flag over it when it has', async () => {
    expect(await session(app)).toMatchObject({ homeRegion: '3202', defaultChain: 'biomed' });
    const first = await admin.json<PlaceSettings>('GET', '/api/settings/place');
    expect(first.body).toMatchObject({
      homeRegion: null,
      defaultChain: null,
      effective: { homeRegionFrom: 'default', defaultChainFrom: 'default' },
    });

    const saved = await admin.json<PlaceSettings>('PUT', '/api/settings/place', {
      homeRegion: '3205',
      defaultChain: 'sensor',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      homeRegion: '3205',
      defaultChain: 'sensor',
      effective: {
        homeRegion: '3205',
        defaultChain: 'sensor',
        homeRegionFrom: 'setting',
        defaultChainFrom: 'setting',
      },
    });
    expect(await session(app)).toMatchObject({ homeRegion: '3205', defaultChain: 'sensor' });

    // serve --home-region 3202 --default-chain biomed (or the env variables) still win.
    const flagged = createApp({
      database,
      version: 'test',
      homeRegion: '3202',
      defaultChain: 'biomed',
    });
    expect(await session(flagged)).toMatchObject({ homeRegion: '3202', defaultChain: 'biomed' });

    const cleared = await admin.json<PlaceSettings>('PUT', '/api/settings/place', {
      homeRegion: null,
    });
    expect(cleared.body).toMatchObject({ homeRegion: null, defaultChain: 'sensor' });
    expect(await session(app)).toMatchObject({ homeRegion: '3202', defaultChain: 'sensor' });
    const audit = await admin.json<{ items: { action: string }[] }>(
      'GET',
      '/api/audit?entity=setting',
    );
    expect(audit.body.items.filter((e) => e.action === 'settings.place.update')).toHaveLength(2);
  });

  it('refuses unknown fields, unknown codes, and other roles', async () => {
    const unknown = await admin.json<ErrorResponse>('PUT', '/api/settings/place', {
      homeRegion: '3202',
      home_region: '3202',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('home_region');
    const noRegion = await admin.json<ErrorResponse>('PUT', '/api/settings/place', {
      homeRegion: '999999',
    });
    expect(noRegion.body.error.code).toBe('REGION_NOT_FOUND');
    const noChain = await admin.json<ErrorResponse>('PUT', '/api/settings/place', {
      defaultChain: 'nochain',
    });
    expect(noChain.body.error.code).toBe('CHAIN_NOT_FOUND');
    const office = await signInNewUser(app, admin, 'settings-office', 'office');
    expect(
      (await office.request('PUT', '/api/settings/place', { homeRegion: '3202' })).status,
    ).toBe(403);
    expect((await office.request('GET', '/api/settings/place')).status).toBe(403);
  });
});

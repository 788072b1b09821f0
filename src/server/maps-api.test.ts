import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { park } from '../db/schema.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { BoundaryProblemView, BoundaryStatus, DistrictFigures } from '../shared/api/maps.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

/** A square feature with its corner at (lng, lat). */
function square(properties: Record<string, unknown>, lng: number, lat: number, size = 0.1) {
  return {
    type: 'Feature',
    properties,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + size, lat],
          [lng + size, lat + size],
          [lng, lat + size],
          [lng, lat],
        ],
      ],
    },
  };
}

const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

function form(content: string, name = 'districts.geojson'): FormData {
  const data = new FormData();
  data.set('file', new File([content], name, { type: 'application/geo+json' }));
  return data;
}

type Refusal = ErrorResponse & {
  error: { details?: { field?: string; problem?: string; features?: BoundaryProblemView[] } };
};

describe(`district maps over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let viewer: ApiClient;
  let analyst: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async ({ db }) => {
      await seedChainFixture(db);
      await db.insert(park).values([
        { code: 'map-park-1', name: '新吴测试园', regionCode: '320214' },
        { code: 'map-park-2', name: '苏州测试园', regionCode: '320505' },
      ]);
    }));
    viewer = await signInNewUser(app, admin, 'map-viewer', 'viewer');
    analyst = await signInNewUser(app, admin, 'map-analyst', 'analyst');
  });
  afterAll(async () => {
    await database.close();
  });

  it('without boundaries, gives the figures with no points and says none are uploaded', async () => {
    const { status, body } = await viewer.json<DistrictFigures>(
      'GET',
      '/api/chains/biomed/districts?region=3202',
    );
    expect(status).toBe(200);
    expect(body.boundaries).toBeNull();
    expect(body.parks).toEqual([
      expect.objectContaining({ name: '新吴测试园', districtCode: '320214', point: null }),
    ]);
    const summary = await viewer.json<BoundaryStatus>('GET', '/api/regions/3202/boundaries');
    expect(summary.body).toEqual({ region: { code: '3202', name: '无锡市' }, upload: null });
    const geojson = await viewer.json<ErrorResponse>('GET', '/api/regions/3202/boundaries/geojson');
    expect(geojson.status).toBe(404);
    expect(geojson.body.error.message).toMatch(/No district boundaries are uploaded for 无锡市/);
  });

  it("counts each district's enterprises as the registry and the chain analysis do", async () => {
    const { body } = await viewer.json<DistrictFigures>(
      'GET',
      '/api/chains/biomed/districts?region=3202',
    );
    expect(body.region).toEqual({ code: '3202', name: '无锡市', nameEn: 'Wuxi' });
    expect(body.districts.find((d) => d.code === '320205')).toMatchObject({
      name: '锡山区',
      nameEn: 'Xishan District',
    });
    for (const district of body.districts) {
      // The registry's filter: confirmed on some node (the fixture has one chain).
      const registry = await viewer.json<{ total: number }>(
        'GET',
        `/api/enterprises?region=${district.code}&decision=confirmed&pageSize=1`,
      );
      expect([district.code, district.enterprises]).toEqual([district.code, registry.body.total]);
    }
    expect(body.districts.find((d) => d.code === '320214')?.enterprises).toBeGreaterThan(2);
    const analysis = await viewer.json<ChainAnalysis>(
      'GET',
      `/api/chains/biomed/analysis?region=3202&year=${body.year}`,
    );
    const sum = (pick: (d: DistrictFigures['districts'][number]) => number) =>
      body.districts.reduce((total, d) => total + pick(d), 0);
    expect(sum((d) => d.enterprises)).toBe(analysis.body.totals.enterprises);
    expect(sum((d) => d.outputYuan ?? 0)).toBeCloseTo(analysis.body.totals.outputYuan, 6);
  });

  it('stores boundaries matched by code and by name, and serves them as GeoJSON', async () => {
    const file = collection([
      square({ adcode: 320205, name: '锡山区' }, 120.4, 31.6),
      square({ name: '惠山' }, 120.2, 31.6),
      square({ code: '320214000000' }, 120.4, 31.45),
    ]);
    const { status, body } = await admin.json<BoundaryStatus>(
      'PUT',
      '/api/regions/3202/boundaries',
      form(JSON.stringify(file), '无锡区县.geojson'),
    );
    expect(status).toBe(200);
    expect(body.upload).toMatchObject({ fileName: '无锡区县.geojson', uploadedBy: 'admin' });
    expect(body.upload?.districts).toEqual([
      { code: '320205', name: '锡山区', sourceName: '锡山区' },
      { code: '320206', name: '惠山区', sourceName: '惠山' },
      { code: '320214', name: '新吴区', sourceName: '320214000000' },
    ]);
    expect(body.upload?.missing.map((d) => d.code)).toContain('320213');
    const geojson = await viewer.json<{ features: { properties: { code: string } }[] }>(
      'GET',
      '/api/regions/3202/boundaries/geojson',
    );
    expect(geojson.body.features.map((f) => f.properties.code)).toEqual([
      '320205',
      '320206',
      '320214',
    ]);
    // Parks stand at their district's centroid: the middle of 新吴's square.
    const figures = await viewer.json<DistrictFigures>(
      'GET',
      '/api/chains/biomed/districts?region=3202',
    );
    expect(figures.body.boundaries).toMatchObject({ districts: 3 });
    const [lng = 0, lat = 0] = figures.body.parks[0]?.point ?? [];
    expect(lng).toBeCloseTo(120.45, 6);
    expect(lat).toBeCloseTo(31.5, 6);
    const audit = await admin.json<{ items: { action: string; entityId: string }[] }>(
      'GET',
      '/api/audit?entity=region',
    );
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'region.boundaries.upload', entityId: '3202' }),
      ]),
    );
  });

  it('refuses a file with unmatched features, listing each with its index, name and reason; nothing changes', async () => {
    const file = collection([
      square({ code: '320205' }, 120.4, 31.6),
      square({ code: '320505', name: '吴中区' }, 120.6, 31.2),
      square({ name: '玄武区' }, 118.8, 32),
      {
        type: 'Feature',
        properties: { code: '320206' },
        geometry: { type: 'Point', coordinates: [120, 31] },
      },
      square({ name: '锡山' }, 120.4, 31.6),
      square({}, 120, 31),
      {
        type: 'Feature',
        properties: { code: '320211' },
        geometry: { type: 'Polygon', coordinates: [[[500, 31]]] },
      },
    ]);
    const { status, body } = await admin.json<Refusal>(
      'PUT',
      '/api/regions/3202/boundaries',
      form(JSON.stringify(file)),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/^6 of 7 features are not districts of 无锡市 \(3202\)/);
    expect(body.error.details?.problem).toBe('features-unmatched');
    expect(body.error.details?.features?.map((p) => [p.index, p.name, p.reason])).toEqual([
      [1, '吴中区', 'code-outside-region'],
      [2, '玄武区', 'name-not-found'],
      [3, '320206', 'geometry-type'],
      [4, '锡山', 'duplicate'],
      [5, '', 'no-code-or-name'],
      [6, '320211', 'coordinates'],
    ]);
    expect(body.error.details?.features?.[3]?.message).toMatch(/already drawn by feature 0/);
    const still = await viewer.json<BoundaryStatus>('GET', '/api/regions/3202/boundaries');
    expect(still.body.upload?.districts).toHaveLength(3);
  });

  it('refuses what is not a FeatureCollection, not JSON, or too large', async () => {
    const cases: [string, RegExp, string][] = [
      [JSON.stringify({ type: 'Feature' }), /not a GeoJSON FeatureCollection/, 'not-a-collection'],
      [JSON.stringify(collection([])), /has no features/, 'no-features'],
      ['{"type": "FeatureCollection", ', /is not UTF-8 JSON/, 'not-json'],
      // Valid JSON whose text PostgreSQL cannot store: refused naming the property, not by SQLSTATE.
      [
        JSON.stringify(collection([square({ code: '320205', name: '锡山\u0000区' }, 120, 31)])),
        /the property "name" holds a NUL character/,
        'not-json',
      ],
    ];
    for (const [content, message, problem] of cases) {
      const { status, body } = await admin.json<Refusal>(
        'PUT',
        '/api/regions/3202/boundaries',
        form(content),
      );
      expect([status, body.error.message, body.error.details?.problem]).toEqual([
        400,
        expect.stringMatching(message),
        problem,
      ]);
    }
    const huge = ' '.repeat(8 * 1024 * 1024 + 128 * 1024);
    const tooLarge = await admin.json<Refusal>('PUT', '/api/regions/3202/boundaries', form(huge));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.message).toMatch(/larger than 8 MB; simplify/);
    expect(tooLarge.body.error.details?.problem).toBe('too-large');
    const county = await admin.json<Refusal>(
      'PUT',
      '/api/regions/320205/boundaries',
      form(JSON.stringify(collection([square({ name: 'x' }, 120, 31)]))),
    );
    expect(county.status).toBe(400);
    expect(county.body.error.message).toMatch(/Region 320205 is a county/);
  });

  it('lets only admins upload or remove boundaries; every reader may read them', async () => {
    const file = form(JSON.stringify(collection([square({ code: '320205' }, 120.4, 31.6)])));
    for (const client of [viewer, analyst]) {
      expect((await client.json('PUT', '/api/regions/3202/boundaries', file)).status).toBe(403);
      expect((await client.request('DELETE', '/api/regions/3202/boundaries')).status).toBe(403);
    }
    expect((await analyst.json('GET', '/api/regions/3202/boundaries/geojson')).status).toBe(200);
    expect((await admin.request('DELETE', '/api/regions/3202/boundaries')).status).toBe(204);
    const figures = await viewer.json<DistrictFigures>(
      'GET',
      '/api/chains/biomed/districts?region=3202',
    );
    expect(figures.body.boundaries).toBeNull();
  });
});

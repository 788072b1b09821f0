import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { RegionOverview } from '../shared/api/overview.ts';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../services/reference/chain-templates.service.ts';
import { startTestApp, signInNewUser } from '../test-support/api-app.ts';
import { bundledChainCodes } from '../test-support/bundled-chains.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { bindUser } from '../test-support/leadership-fixture.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

const SENSOR_TEMPLATE = fileURLToPath(
  new URL('../test-support/templates/sensor.yaml', import.meta.url),
);

describe(`the city overview over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let leader: ApiClient;
  let firm: ApiClient;
  let sensorOnly: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async ({ db }) => {
      await seedChainFixture(db);
      await saveChainTemplates(db, [readChainTemplate(SENSOR_TEMPLATE)], {
        id: null,
        name: 'test',
      });
    }));
    leader = await signInNewUser(app, admin, 'leader-ov', 'chain_leader');
    firm = await signInNewUser(app, admin, 'firm-ov', 'firm', { enterpriseId: 1 });
    sensorOnly = await signInNewUser(app, admin, 'office-sensor', 'office');
    await bindUser(database.db, 'office-sensor', { chainCodes: ['sensor'] });
    const target = { region: '3202', year: 2027, valueYuan: 5000 };
    expect((await admin.json('PUT', '/api/chains/biomed/targets', target)).status).toBe(200);
    const leadership = await admin.json('PUT', '/api/chains/biomed/leadership?region=3202', {
      leader: { name: '张三', title: '副市长' },
      officeName: '生物医药产业链链长办公室',
    });
    expect(leadership.status).toBe(200);
    const project = await admin.json('POST', '/api/projects', {
      chainCode: 'sensor',
      regionCode: '320214',
      name: '传感器模组项目',
      investmentYuan: 300,
      expectedOutputYuan: 900,
    });
    expect(project.status).toBe(201);
  });
  afterAll(async () => {
    await database.close();
  });

  it("lists every loaded chain with the figures of that chain's own analysis", async () => {
    const overview = await leader.json<RegionOverview>('GET', '/api/regions/3202/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.region).toEqual({ code: '3202', name: '无锡市' });
    expect(overview.body.items.map((i) => i.chain.code)).toEqual(
      [...bundledChainCodes(), 'sensor'].sort(),
    );
    for (const item of overview.body.items) {
      const analysis = await leader.json<ChainAnalysis>(
        'GET',
        `/api/chains/${item.chain.code}/analysis?region=3202`,
      );
      expect(analysis.status).toBe(200);
      const a = analysis.body;
      expect(item).toMatchObject({
        year: a.year,
        enterprises: a.totals.enterprises,
        outputYuan: a.totals.outputYuan,
        statusCounts: a.statusCounts,
        completeness: a.completeness.weighted,
        chainMasters: a.totals.chainMasters,
        problems: {
          open: a.nodes.reduce((s, n) => s + n.openProblems, 0),
          overdue: a.nodes.reduce((s, n) => s + n.overdueProblems, 0),
        },
      });
    }
    const biomed = overview.body.items.find((i) => i.chain.code === 'biomed');
    const sensor = overview.body.items.find((i) => i.chain.code === 'sensor');
    expect(biomed?.leader).toEqual({ name: '张三', title: '副市长' });
    expect(biomed?.officeName).toBe('生物医药产业链链长办公室');
    expect(biomed?.outputYuan).toBeGreaterThan(0);
    expect(biomed?.chainMasters).toBe(1);
    expect(biomed?.target).toMatchObject({ year: 2027, valueYuan: 5000 });
    expect(biomed?.target?.requiredGrowth).toBeGreaterThan(0);
    expect(biomed?.projects.active).toBe(0);
    expect(sensor?.leader).toBeNull();
    expect(sensor?.target).toBeNull();
    expect(sensor?.statusCounts.missing).toBe(3);
    expect(sensor?.projects).toEqual({ active: 1, investmentYuan: 300, weightedOutputYuan: 90 });
  });

  it('shows a user held to some chains only those chains', async () => {
    const overview = await sensorOnly.json<RegionOverview>('GET', '/api/regions/3202/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.items.map((i) => i.chain.code)).toEqual(['sensor']);
  });

  it('refuses roles without the leader pages, a bad code and an unknown region', async () => {
    const refused = await firm.json<ErrorResponse>('GET', '/api/regions/3202/overview');
    expect(refused.status).toBe(403);
    const bad = await leader.json<ErrorResponse>('GET', '/api/regions/wuxi/overview');
    expect(bad.status).toBe(400);
    const unknown = await leader.json<ErrorResponse>('GET', '/api/regions/9999/overview');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('REGION_NOT_FOUND');
  });
});

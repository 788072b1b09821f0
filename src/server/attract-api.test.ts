import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { project, spaceReservation } from '../db/schema.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { CandidateList, RoadToTarget } from '../shared/api/attract.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ParkSummary, SpaceMatch } from '../shared/api/parks.ts';
import type { ProjectBoard, ProjectDetail, ProjectSummary } from '../shared/api/projects.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { createApp, type App } from './app.ts';

type List<T> = { items: T[]; total: number };
const BLOOD = 'biomed.mid.blood';

describe(`investment attraction on the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let investment: ApiClient;
  let parkUser: ApiClient;
  let parks: ParkSummary[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-a',
      demoOnFirstRun: true,
    });
    app = createApp({ database, version: 'test' });
    investment = new ApiClient(app);
    await investment.login('investment', 'chainlead-investment');
    parkUser = new ApiClient(app);
    await parkUser.login('park', 'chainlead-park');
    parks = (await investment.json<List<ParkSummary>>('GET', '/api/parks')).body.items;
  });
  afterAll(async () => {
    await database.close();
  });

  const road = async (query = '') =>
    (
      await investment.json<RoadToTarget>(
        'GET',
        `/api/chains/biomed/road-to-target?region=3202${query}`,
      )
    ).body;

  it('loads a demo pipeline across every stage, marked demo, with one project stalled', async () => {
    const board = await investment.json<ProjectBoard>('GET', '/api/projects?region=3202');
    expect(board.body.columns.map((c) => c.count)).toEqual([2, 1, 1, 1, 1]);
    expect(board.body.items.every((p) => p.demo && p.owner?.username === 'investment')).toBe(true);
    expect(board.body.items.filter((p) => p.stalled)).toHaveLength(1);
    expect(
      board.body.items.every((p) => p.enterprise && !p.enterprise.regionCode.startsWith('3202')),
    ).toBe(true);
    expect(await database.db.$count(spaceReservation)).toBe(1);
  });

  it('finds candidates for the empty blood-products node only outside Wuxi, on that node, with reasons', async () => {
    const { status, body } = await investment.json<CandidateList>(
      'GET',
      `/api/chains/biomed/candidates?region=3202&node=${BLOOD}&top=20`,
    );
    expect(status).toBe(200);
    expect(body.nodes).toMatchObject([{ code: BLOOD, status: 'missing', localEnterprises: 0 }]);
    expect(body.items.length).toBe(20);
    for (const c of body.items) {
      expect(c.regionCode.startsWith('3202'), c.name).toBe(false);
      expect(c.nodeCode).toBe(BLOOD);
      expect(c.components.map((x) => x.key)).toEqual([
        'fit',
        'size',
        'growth',
        'innovation',
        'links',
      ]);
      expect(c.score).toBeCloseTo(
        c.components.reduce((s, x) => s + x.points, 0),
        1,
      );
      expect(c.reasons).toHaveLength(5);
      expect(c.reasons[0]?.zh).toMatch(/血液制品/);
    }
    const scores = body.items.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.items.map((c) => c.rank)).toEqual(body.items.map((_, i) => i + 1));
    // The two blood-products firms the demo pipeline courts are left out.
    const courted = (
      await investment.json<ProjectBoard>('GET', '/api/projects?chain=biomed&node=biomed.mid.blood')
    ).body.items.map((p) => p.enterprise?.id);
    expect(courted).toHaveLength(2);
    for (const id of courted) expect(body.items.map((c) => c.enterpriseId)).not.toContain(id);
    expect(body.excludedInPipeline).toBe(2);
  });

  it('defaults to every missing and weak node of the region', async () => {
    const { body } = await investment.json<CandidateList>(
      'GET',
      '/api/chains/biomed/candidates?region=3202&top=3',
    );
    const statuses = Object.fromEntries(body.nodes.map((n) => [n.code, n.status]));
    expect(statuses).toMatchObject({
      [BLOOD]: 'missing',
      'biomed.mid.vaccine': 'weak',
      'biomed.mid.vet': 'weak',
      'biomed.down.precision': 'weak',
    });
    expect(statuses['biomed.mid.device']).toBeUndefined();
    // Exactly the nodes the chain analysis finds missing or weak, with its statuses.
    const analysis = await investment.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    expect(statuses).toEqual(
      Object.fromEntries(
        analysis.body.nodes.filter((n) => n.status !== 'strong').map((n) => [n.code, n.status]),
      ),
    );
    expect(new Set(body.items.map((c) => c.nodeCode))).toEqual(
      new Set(body.nodes.map((n) => n.code)),
    );
    expect(body.items.every((c) => !c.regionCode.startsWith('3202'))).toBe(true);
  });

  it('refuses an unknown node, region or chain clearly', async () => {
    const node = await investment.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/candidates?region=3202&node=biomed.mid.nope',
    );
    expect(node.status).toBe(400);
    expect(node.body.error.message).toMatch(/not a node of chain biomed/);
    const region = await investment.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/candidates?region=9999',
    );
    expect(region.body.error.code).toBe('REGION_NOT_FOUND');
    const chain = await investment.json<ErrorResponse>(
      'GET',
      '/api/chains/nope/road-to-target?region=3202',
    );
    expect(chain.body.error.code).toBe('CHAIN_NOT_FOUND');
  });

  it('puts actual output, the weighted pipeline and the 250 billion target on one road', async () => {
    const r = await road();
    expect(r).toMatchObject({ latestActualYear: 2024, targetYear: 2025, baseline: 'trend' });
    const y2024 = r.years.find((y) => y.year === 2024);
    expect(y2024?.actualYuan).toBeGreaterThan(150e9);
    const y2025 = r.years.find((y) => y.year === 2025);
    expect(y2025?.targetYuan).toBe(250e9);
    // In 2025 the started (0.85 × 6亿) and producing (1 × 2亿) precision projects count.
    expect(y2025?.pipelineByStage).toMatchObject({ started: 0.85 * 6e8, producing: 2e8 });
    expect(y2025?.projectedYuan).toBeCloseTo((y2025?.baselineYuan ?? 0) + 0.85 * 6e8 + 2e8, 0);
    expect(y2025?.shortfallYuan).toBeCloseTo(250e9 - (y2025?.projectedYuan ?? 0), 0);
    expect(y2025?.gapYuan).toBeCloseTo(250e9 - (y2024?.actualYuan ?? 0), 0);
    expect(r.years.at(-1)?.year).toBe(2028);
    // The precision-medicine node target is the demo's: its latest output grown 30% to 2025.
    const precision = r.nodes.find((n) => n.code === 'biomed.down.precision');
    const target = precision?.targetYuan ?? 0;
    expect(precision).toMatchObject({ status: 'weak' });
    expect(target).toBeGreaterThan(precision?.actualYuan ?? 0);
    expect(target).toBeLessThan(1.4 * (precision?.actualYuan ?? 0));
    expect(precision?.shortfallYuan).toBeCloseTo(target - (precision?.projectedYuan ?? 0), 0);
    expect(precision?.gapYuan).toBeCloseTo(target - (precision?.actualYuan ?? 0), 0);
  });

  it('answers what-if: a project toggled off, a dropped one toggled on', async () => {
    const base = await road();
    const started = base.projects.find((p) => p.stage === 'started');
    const off = await road(`&exclude=${started?.id}`);
    const at = (x: RoadToTarget) => x.years.find((y) => y.year === 2026)?.pipelineYuan ?? 0;
    expect(at(base) - at(off)).toBeCloseTo(0.85 * 6e8, 0);
    expect(off.excluded).toEqual([started?.id]);
    const bad = await investment.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/road-to-target?region=3202&exclude=a,b',
    );
    expect(bad.status).toBe(400);
  });

  it('walks a new project through every stage, reserves park space, and moves the projection', async () => {
    const candidates = await investment.json<CandidateList>(
      'GET',
      `/api/chains/biomed/candidates?region=3202&node=${BLOOD}&top=1`,
    );
    const best = candidates.body.items[0];
    const created = await investment.json<ProjectDetail>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '3202',
      enterpriseId: best?.enterpriseId,
      nodeCode: BLOOD,
      investmentYuan: 10e8,
      expectedOutputYuan: 10e8,
      outputStartYear: 2026,
      spaceNeed: [{ kind: 'gmp_plant', areaM2: 3000 }],
      spaceNeededFrom: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const before = await road();
    const in2026 = (x: RoadToTarget) => x.years.find((y) => y.year === 2026)?.pipelineYuan ?? 0;
    expect(before.projects.find((p) => p.id === id)).toMatchObject({
      counted: true,
      probability: 0.1,
    });

    const matches = await investment.json<List<SpaceMatch>>(
      'GET',
      `/api/projects/${id}/space-matches`,
    );
    const top = matches.body.items.find((m) => m.coversNeed);
    expect(top).toBeDefined();
    const reserved = await investment.json('POST', `/api/projects/${id}/reservations`, {
      parkId: top?.parkId,
      kind: 'gmp_plant',
      areaM2: 3000,
    });
    expect(reserved.status).toBe(201);

    for (const to of ['negotiating', 'signed', 'started', 'producing']) {
      expect((await investment.json('POST', `/api/projects/${id}/move`, { to })).status).toBe(200);
    }
    const after = await road();
    expect(in2026(after) - in2026(before)).toBeCloseTo(10e8 * (1 - 0.1), 0);
    const afterCandidates = await investment.json<CandidateList>(
      'GET',
      `/api/chains/biomed/candidates?region=3202&node=${BLOOD}&top=50`,
    );
    expect(afterCandidates.body.items.map((c) => c.enterpriseId)).not.toContain(best?.enterpriseId);
  });

  it("shows the park user its own park's projects and keeps it out of the others", async () => {
    const mashan = parks.find((p) => p.code === 'wx-mashan-lifesci');
    const other = parks.find((p) => p.code === 'wx-hitech-lifesci');
    const mine = await parkUser.json<List<ProjectSummary>>(
      'GET',
      `/api/parks/${mashan?.id}/projects`,
    );
    expect(mine.status).toBe(200);
    const precision = mine.body.items.filter((p) => p.node?.code === 'biomed.down.precision');
    expect(precision.map((p) => p.park?.id)).toEqual([mashan?.id, mashan?.id]);
    const before = await database.db.$count(project);
    const refused = await parkUser.json<ErrorResponse>('GET', `/api/parks/${other?.id}/projects`);
    expect(refused.status).toBe(403);
    expect(
      (
        await parkUser.json('POST', '/api/projects', {
          chainCode: 'biomed',
          regionCode: '3202',
          name: 'x',
        })
      ).status,
    ).toBe(403);
    expect(await database.db.$count(project)).toBe(before);
  });
});

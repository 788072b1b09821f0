import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChainByCode, listChainNodes } from '../db/chain.repository.ts';
import type { Database } from '../db/connection.ts';
import { insertEnterpriseYears, insertEnterprises } from '../db/enterprise.repository.ts';
import { classification } from '../db/schema.ts';
import { SeededRandom } from '../domain/random.ts';
import { exportClassifications } from '../services/export/export.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { RoadToTarget } from '../shared/api/attract.ts';
import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

// Placement consistency: whatever order analysts confirm, reject and move a firm's placements in,
// the registry, the chain analysis, the road to target and the classification export say the same
// thing about whether it is on the chain and on which node.

const NODES = ['biomed.mid.device', 'biomed.mid.ivd', 'biomed.up.api', 'biomed.mid.blood'] as const;
type Node = (typeof NODES)[number];
type Placement = [node: Node, decision: 'confirmed' | 'uncertain', primary: boolean, score: number];

/** The firms of an otherwise empty Wuxi: distinct 2024 outputs so each firm's share is visible. */
const FIRMS: { name: string; output: number; placements: Placement[] }[] = [
  {
    name: '位测单点医疗器械有限公司',
    output: 1,
    placements: [['biomed.mid.device', 'confirmed', true, 0.9]],
  },
  {
    name: '位测双点诊断有限公司',
    output: 2,
    placements: [
      ['biomed.mid.ivd', 'confirmed', true, 0.9],
      ['biomed.mid.device', 'confirmed', false, 0.6],
    ],
  },
  {
    name: '位测待定原料药有限公司',
    output: 4,
    placements: [
      ['biomed.up.api', 'uncertain', true, 0.5],
      ['biomed.mid.blood', 'uncertain', false, 0.4],
    ],
  },
  {
    name: '位测血液制品有限公司',
    output: 8,
    placements: [['biomed.mid.blood', 'confirmed', true, 0.8]],
  },
];

const YI = 1e8;

async function seed(database: Database): Promise<number[]> {
  const db = database.db;
  const chain = await findChainByCode(db, 'biomed');
  if (!chain) throw new Error('biomed template missing');
  const nodeId = new Map((await listChainNodes(db, chain.id)).map((n) => [n.code, n.id]));
  const ids = await insertEnterprises(
    db,
    FIRMS.map((f) => makeEnterprise({ name: f.name, regionCode: '320214' })),
  );
  await insertEnterpriseYears(
    db,
    FIRMS.map((f, i) => ({
      enterpriseId: ids[i] ?? 0,
      regionCode: '320214',
      year: 2024,
      outputYuan: f.output * YI,
      revenueYuan: f.output * YI,
    })),
  );
  await db.insert(classification).values(
    FIRMS.flatMap((f, i) =>
      f.placements.map(([code, decision, isPrimary, score]) => ({
        enterpriseId: ids[i] ?? 0,
        nodeId: nodeId.get(code) ?? 0,
        regionCode: '320214',
        score,
        decision,
        isPrimary,
        method: 'rule',
      })),
    ),
  );
  return ids;
}

/** What one view says: firm id → its node on the chain, or null when off the chain. */
type Placements = Map<number, string | null>;

describe(`placement consistency across registry, analysis, road and export (${testDatabaseKind()})`, () => {
  let database: Database;
  let analyst: ApiClient;
  let ids: number[];
  let dir: string;

  beforeAll(async () => {
    let seeded: number[] = [];
    const started = await startTestApp(async (d) => (seeded = await seed(d)));
    database = started.database;
    ids = seeded;
    analyst = await signInNewUser(started.app, started.admin, 'pla', 'analyst');
    dir = await mkdtemp(join(tmpdir(), 'placement-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const decide = async (id: number, node: string, body: { decision: string; moveTo?: string }) => {
    const r = await analyst.json('PUT', `/api/enterprises/${id}/classifications/${node}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  async function registryDetail(): Promise<Placements> {
    const out: Placements = new Map();
    for (const id of ids) {
      const r = await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`);
      out.set(id, r.body.primaryNode?.code ?? null);
    }
    return out;
  }

  async function registryList(): Promise<Placements> {
    const r = await analyst.json<{ items: EnterpriseSummary[] }>(
      'GET',
      '/api/enterprises?region=320214&pageSize=100',
    );
    return new Map(r.body.items.map((e) => [e.id, e.primaryNode?.code ?? null]));
  }

  /** Per node, the output the expected placements put there (in 亿). */
  function outputByNode(placements: Placements): Map<string, number> {
    const sums = new Map<string, number>();
    ids.forEach((id, i) => {
      const node = placements.get(id);
      if (node) sums.set(node, (sums.get(node) ?? 0) + (FIRMS[i]?.output ?? 0));
    });
    return sums;
  }

  async function analysisByNode(): Promise<{
    counts: Map<string, number>;
    output: Map<string, number>;
  }> {
    const r = await analyst.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202&year=2024',
    );
    expect(r.status).toBe(200);
    const counts = new Map<string, number>();
    const output = new Map<string, number>();
    for (const n of r.body.nodes) {
      if (n.enterprises > 0) counts.set(n.code, n.enterprises);
      if (n.outputYuan) output.set(n.code, n.outputYuan / YI);
    }
    return { counts, output };
  }

  async function roadByNode(): Promise<Map<string, number>> {
    const r = await analyst.json<RoadToTarget>(
      'GET',
      '/api/chains/biomed/road-to-target?region=3202',
    );
    expect(r.status).toBe(200);
    return new Map(
      r.body.nodes.filter((n) => n.actualYuan > 0).map((n) => [n.code, n.actualYuan / YI]),
    );
  }

  async function exported(): Promise<Placements> {
    const file = join(dir, 'classifications.csv');
    await exportClassifications(database.db, { chainCode: 'biomed', format: 'csv', out: file });
    const lines = (await readFile(file, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    const out: Placements = new Map(ids.map((id) => [id, null]));
    const primaries = new Map<number, number>();
    for (const line of lines) {
      const [id, , , node, , primary, , decision] = line.split(',');
      if (primary !== 'true') continue;
      primaries.set(Number(id), (primaries.get(Number(id)) ?? 0) + 1);
      if (decision === 'confirmed') out.set(Number(id), node ?? null);
    }
    // At most one primary placement per enterprise and chain.
    for (const [id, n] of primaries) expect(n, `primaries of firm ${id}`).toBe(1);
    return out;
  }

  /** Rows breaking the rule: two primaries, a rejected primary, an uncertain one over a confirmed. */
  async function ruleBreakers(): Promise<unknown[]> {
    const result = await database.db.execute(sql`
      select c.enterprise_id, n.chain_id
      from classification c join chain_node n on n.id = c.node_id
      group by c.enterprise_id, n.chain_id
      having count(*) filter (where c.is_primary) > 1
        or count(*) filter (where c.is_primary and c.decision = 'rejected') > 0
        or count(*) filter (where c.decision <> 'rejected') > 0
           and count(*) filter (where c.is_primary) = 0
        or count(*) filter (where c.decision = 'confirmed') > 0
           and count(*) filter (where c.is_primary and c.decision = 'confirmed') = 0`);
    return (result as { rows: unknown[] }).rows;
  }

  /** Every view agrees with the registry's detail page; returns that common answer. */
  async function expectViewsAgree(step: string): Promise<Placements> {
    expect(await ruleBreakers(), `${step}: one primary placement or none`).toEqual([]);
    const truth = await registryDetail();
    expect(await registryList(), `${step}: registry list`).toEqual(truth);
    expect(await exported(), `${step}: export`).toEqual(truth);
    const expectedOutput = outputByNode(truth);
    const expectedCounts = new Map<string, number>();
    for (const node of truth.values())
      if (node) expectedCounts.set(node, (expectedCounts.get(node) ?? 0) + 1);
    const analysis = await analysisByNode();
    expect(analysis.counts, `${step}: analysis counts`).toEqual(expectedCounts);
    expect(analysis.output, `${step}: analysis output`).toEqual(expectedOutput);
    expect(await roadByNode(), `${step}: road to target`).toEqual(expectedOutput);
    // A firm with a confirmed placement is on the chain.
    for (const id of ids) {
      const detail = await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`);
      const confirmed = detail.body.classifications.filter((c) => c.decision === 'confirmed');
      expect(truth.get(id) !== null, `${step}: firm ${id} on chain`).toBe(confirmed.length > 0);
      if (truth.get(id)) expect(confirmed.map((c) => c.nodeCode)).toContain(truth.get(id));
    }
    return truth;
  }

  it('keeps a firm on its node after its primary placement is rejected and confirmed again', async () => {
    const [single] = ids as [number];
    await expectViewsAgree('seeded');
    await decide(single, 'biomed.mid.device', { decision: 'rejected' });
    expect((await expectViewsAgree('rejected')).get(single)).toBeNull();
    await decide(single, 'biomed.mid.device', { decision: 'confirmed' });
    expect((await expectViewsAgree('confirmed again')).get(single)).toBe('biomed.mid.device');
  });

  it('agrees in every view after random sequences of confirm, reject and move', async () => {
    const random = new SeededRandom(13);
    for (let step = 0; step < 40; step++) {
      const id = random.pick(ids);
      const node = random.pick(NODES);
      const action = random.pick(['confirmed', 'rejected', 'move'] as const);
      const body =
        action === 'move'
          ? { decision: 'confirmed', moveTo: random.pick(NODES.filter((n) => n !== node)) }
          : { decision: action };
      await decide(id, node, body);
      await expectViewsAgree(`step ${step}: ${action} firm ${id} on ${node} ${body.moveTo ?? ''}`);
    }
  });
});

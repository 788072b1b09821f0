import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { chain, chainNode, classification } from '../db/schema.ts';
import { DEMO_EXTRA_CHAINS } from '../services/demo/demo-plan.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { ChainSummary } from '../shared/api/chains.ts';
import type { RegionOverview } from '../shared/api/overview.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { bundledChainCodes } from '../test-support/bundled-chains.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { createApp, type App } from './app.ts';

// The Wuxi demo on every bundled chain, as a user meets it after the first start: the chains
// listed, each extra chain with firms, a target and a chain leader, firms on two chains, and
// targets a city would set (no node needing thirtyfold growth).

const ADMIN_PASSWORD = 'admin-demo-chains';
type List<T> = { items: T[]; total: number };
/** The growth a year a believable demo target may need at most. */
const BELIEVABLE_GROWTH = 0.4;

describe(`the demo's chains over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  const extraChains = Object.keys(DEMO_EXTRA_CHAINS).filter((code) =>
    bundledChainCodes().includes(code),
  );

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD, demoOnFirstRun: true });
    app = createApp({ database, version: 'test' });
    admin = new ApiClient(app);
    await admin.login('admin', ADMIN_PASSWORD);
  }, 600_000);
  afterAll(async () => {
    await database.close();
  });

  const analysis = async (code: string) => {
    const answer = await admin.json<ChainAnalysis>(
      'GET',
      `/api/chains/${code}/analysis?region=3202`,
    );
    expect(answer.status, code).toBe(200);
    return answer.body;
  };

  it('lists every bundled chain, five once all the demo chains are bundled', async () => {
    const chains = await admin.json<List<ChainSummary>>('GET', '/api/chains');
    expect(chains.body.items.map((c) => c.code)).toEqual(bundledChainCodes());
    expect(extraChains).toEqual(expect.arrayContaining(['ic', 'iot']));
    if (Object.keys(DEMO_EXTRA_CHAINS).every((code) => extraChains.includes(code))) {
      expect(chains.body.total).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives each extra chain Wuxi firms, a chain target, node targets and a chain leader', async () => {
    const overview = await admin.json<RegionOverview>('GET', '/api/regions/3202/overview');
    expect(overview.status).toBe(200);
    for (const code of extraChains) {
      const a = await analysis(code);
      expect(a.totals.enterprises, code).toBeGreaterThan(100);
      expect(a.totals.outputYuan, code).toBeGreaterThan(0);
      expect(a.totals.chainMasters, code).toBeGreaterThan(0);
      expect(a.targets.find((t) => t.nodeCode === null)?.valueYuan, code).toBe(
        DEMO_EXTRA_CHAINS[code]?.targetYuan,
      );
      expect(a.targets.filter((t) => t.nodeCode !== null).length, code).toBeGreaterThan(0);
      for (const t of a.targets) expect(t.demo, code).toBe(true);
      const item = overview.body.items.find((i) => i.chain.code === code);
      expect(item?.leader, code).toEqual(DEMO_EXTRA_CHAINS[code]?.leader);
      expect(item?.officeName, code).toBe(DEMO_EXTRA_CHAINS[code]?.officeName);
      expect(item?.target?.valueYuan, code).toBe(DEMO_EXTRA_CHAINS[code]?.targetYuan);
    }
  });

  it('sets every demo target, chain and node, at a growth a city could ask (under 40% a year)', async () => {
    const needed: string[] = [];
    for (const code of ['biomed', ...extraChains]) {
      const a = await analysis(code);
      expect(a.targets.length, code).toBeGreaterThan(1);
      for (const t of a.targets) {
        expect(t.requiredGrowth, `${code} ${t.nodeCode ?? 'chain'}`).not.toBeNull();
        if ((t.requiredGrowth ?? 0) >= BELIEVABLE_GROWTH || (t.requiredGrowth ?? 0) <= 0) {
          needed.push(`${code} ${t.nodeCode ?? 'chain'}: ${t.requiredGrowth}`);
        }
      }
    }
    expect(needed).toEqual([]);
  });

  it('puts some firms on two chains: IoT sensor makers that design their chips are on ic too', async () => {
    const placed = await database.db
      .selectDistinct({ enterpriseId: classification.enterpriseId, chain: chain.code })
      .from(classification)
      .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
      .innerJoin(chain, eq(chain.id, chainNode.chainId))
      .where(eq(classification.decision, 'confirmed'));
    const chainsOf = new Map<number, string[]>();
    for (const row of placed) {
      chainsOf.set(row.enterpriseId, [...(chainsOf.get(row.enterpriseId) ?? []), row.chain]);
    }
    const byPair = new Map<string, number>();
    for (const codes of chainsOf.values()) {
      if (codes.length < 2) continue;
      const pair = [...codes].sort().join('+');
      byPair.set(pair, (byPair.get(pair) ?? 0) + 1);
    }
    expect(byPair.get('ic+iot') ?? 0).toBeGreaterThanOrEqual(5);
  });
});

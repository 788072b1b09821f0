import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../domain/uscc.ts';
import type { Database } from '../../db/connection.ts';
import { enterprise, enterpriseYear, target } from '../../db/schema.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from '../reference/chain-templates.service.ts';
import { chinaDivisionRegions } from '../reference/regions.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { generateDemoDataset } from './demo-generator.ts';
import { loadDemo } from './demo.service.ts';
import { DEMO_EXTRA_CHAINS } from './demo-plan.ts';
import { bundledChainCodes } from '../../test-support/bundled-chains.ts';

const regions = chinaDivisionRegions();
const dataset = generateDemoDataset(regions);
const wuxi = dataset.enterprises.filter((e) => e.regionCode.startsWith('3202'));
const wuxiOnChain = wuxi.filter((e) => e.nodeCode !== null);

function outputIn(year: number, firms = wuxiOnChain): number {
  return firms.reduce((sum, e) => sum + (e.years.find((y) => y.year === year)?.outputYuan ?? 0), 0);
}

describe('the generated Wuxi demo', () => {
  it('is the same on every run (seeded)', () => {
    const digest = (value: unknown) =>
      createHash('sha256').update(JSON.stringify(value)).digest('hex');
    expect(digest(generateDemoDataset(regions))).toBe(digest(dataset));
  });

  it('holds at least 1,200 Wuxi enterprises spread over its districts', () => {
    expect(wuxi.length).toBeGreaterThanOrEqual(1200);
    const districts = new Set(regions.filter((r) => r.parentCode === '3202').map((r) => r.code));
    const used = new Set(wuxi.map((e) => e.regionCode));
    for (const code of used) expect(districts.has(code), code).toBe(true);
    expect(used.size).toBe(districts.size);
  });

  it('gives every generated enterprise a unique, valid USCC registered in its own region', () => {
    const codes = dataset.enterprises.flatMap((e) => (e.uscc ? [e.uscc] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of dataset.enterprises) {
      if (!e.uscc) continue;
      expect(isValidUscc(e.uscc), e.uscc).toBe(true);
      expect(e.uscc.slice(2, 8)).toBe(e.regionCode);
    }
    expect(new Set(dataset.enterprises.map((e) => e.name)).size).toBe(dataset.enterprises.length);
  });

  it('is calibrated to about 100 billion yuan in 2020 and 162.2 billion in 2022', () => {
    expect(outputIn(2020) / 1e9).toBeCloseTo(100, 0);
    expect(outputIn(2022) / 1e9).toBeCloseTo(162.2, 0);
    const series = [2019, 2020, 2021, 2022, 2023, 2024].map((y) => outputIn(y));
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThan(series[i - 1] ?? 0);
  });

  it('leaves blood products empty and vaccines thin and dominated in Wuxi, not nationally', () => {
    const inNode = (code: string, firms = wuxiOnChain) => firms.filter((e) => e.nodeCode === code);
    expect(inNode('biomed.mid.blood')).toHaveLength(0);
    const vaccines = inNode('biomed.mid.vaccine');
    expect(vaccines.length).toBeLessThanOrEqual(3);
    const shares = vaccines.map((e) => outputIn(2024, [e]) / outputIn(2024, vaccines));
    // One firm makes three quarters of a node that is a small part of the chain.
    expect(Math.max(...shares)).toBeCloseTo(0.75, 6);
    expect(outputIn(2024, vaccines) / outputIn(2024)).toBeLessThan(0.02);
    const national = dataset.enterprises.filter((e) => !e.regionCode.startsWith('3202'));
    expect(inNode('biomed.mid.blood', national).length).toBeGreaterThan(20);
    expect(new Set(national.map((e) => e.regionCode.slice(0, 4))).size).toBeGreaterThan(30);
  });

  it("describes each enterprise with words of its own node's classification rules", () => {
    const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
    const rules = new Map(template.stages.flatMap((s) => s.nodes).map((n) => [n.code, n.rules]));
    const unmatched = wuxiOnChain.filter((e) => {
      const rule = rules.get(e.nodeCode ?? '');
      if (!rule) return true;
      const text = `${e.name} ${e.businessScope} ${e.products.join(' ')}`.toLowerCase();
      const words = [rule.scope, rule.products, rule.names].flatMap((k) => [...k.zh, ...k.en]);
      return !words.some((w) => text.includes(w.toLowerCase()));
    });
    expect(unmatched.map((e) => `${e.nodeCode}: ${e.name}`)).toEqual([]);
  });

  it('splits 860,000 m² of park space into units with occupancy', () => {
    expect(dataset.spaces.reduce((sum, s) => sum + s.areaM2, 0)).toBe(860_000);
    for (const space of dataset.spaces) {
      expect(space.occupiedM2).toBeGreaterThanOrEqual(0);
      expect(space.occupiedM2).toBeLessThanOrEqual(space.areaM2);
    }
    expect(new Set(dataset.spaces.map((s) => s.kind))).toEqual(
      new Set(['wet_lab', 'gmp_plant', 'office', 'warehouse']),
    );
  });
});

describe('loading the demo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'admin-password-1' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('writes everything once; a second load changes nothing', async () => {
    const first = await loadDemo(database.db, { id: null, name: 'test' });
    expect(first.alreadyLoaded).toBe(false);
    // The biomedical demo and the firms of the other chains whose templates are bundled (all Wuxi).
    const extraFirms = first.enterprises - dataset.enterprises.length;
    expect(first.chains).toEqual([
      'biomed',
      ...Object.keys(DEMO_EXTRA_CHAINS).filter((c) => bundledChainCodes().includes(c)),
    ]);
    expect(extraFirms).toBeGreaterThan(100 * (first.chains.length - 1));
    expect(first.wuxiEnterprises).toBe(wuxi.length + extraFirms);
    const counts = async () => [
      await database.db.$count(enterprise),
      await database.db.$count(enterpriseYear),
      await database.db.$count(target),
    ];
    const before = await counts();
    expect(before[0]).toBe(first.enterprises);
    // biomed: the chain and three focus nodes; every other chain: the chain and its focus nodes.
    expect(before[2]).toBeGreaterThanOrEqual(4 + 2 * (first.chains.length - 1));
    const second = await loadDemo(database.db, { id: null, name: 'test' });
    expect(second.alreadyLoaded).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

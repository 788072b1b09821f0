import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connection.ts';
import { enterprise, enterpriseYear } from '../../db/schema.ts';
import { listRegionStats } from '../../db/region-stat.repository.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { generateDemoDataset } from '../demo/demo-generator.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { chinaDivisionRegions } from '../reference/regions.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { DEMO_STATS_SCHEME, TRADED_DIVISIONS, loadDemoStatistics } from './demo-statistics.ts';
import { DEMO_STATS_INDUSTRIES } from '../demo/demo-vocabulary.ts';
import {
  clusterStrengths,
  listLoadedStats,
  locationQuotients,
  shiftShareAnalysis,
} from './regional-analysis.service.ts';

const dataset = generateDemoDataset(chinaDivisionRegions());

describe(`demo statistics derived from the demo registry (${testDatabaseKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'admin-password-1' });
    await loadDemo(database.db, { id: null, name: 'test' });
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('agrees with the registry: city × industry × year sums of employees, firms and output', async () => {
    const expected = new Map<
      string,
      { employment: number; establishments: number; output: number }
    >();
    // The generated biomedical demo, and those of the other chains' firms in its industries.
    const generated = new Set(dataset.enterprises.map((e) => e.name));
    const others = await database.db
      .select({
        name: enterprise.name,
        regionCode: enterprise.regionCode,
        industryCode: enterprise.industryCode,
        year: enterpriseYear.year,
        employees: enterpriseYear.employees,
        outputYuan: enterpriseYear.outputYuan,
      })
      .from(enterprise)
      .innerJoin(enterpriseYear, eq(enterpriseYear.enterpriseId, enterprise.id))
      .where(eq(enterprise.isDemo, true));
    const firms = [
      ...dataset.enterprises,
      ...others
        .filter((row) => !generated.has(row.name))
        .filter((row) => DEMO_STATS_INDUSTRIES.includes(row.industryCode ?? ''))
        .map((row) => ({
          regionCode: row.regionCode,
          industryCode: row.industryCode ?? '',
          years: [
            { year: row.year, employees: row.employees ?? 0, outputYuan: row.outputYuan ?? 0 },
          ],
        })),
    ];
    for (const e of firms) {
      for (const y of e.years) {
        const key = `${e.regionCode.slice(0, 4)}/${e.industryCode}/${y.year}`;
        const entry = expected.get(key) ?? { employment: 0, establishments: 0, output: 0 };
        entry.employment += y.employees;
        entry.establishments++;
        entry.output += y.outputYuan;
        expected.set(key, entry);
      }
    }
    const years = [...new Set(dataset.enterprises.flatMap((e) => e.years.map((y) => y.year)))];
    const rows = await listRegionStats(database.db, DEMO_STATS_SCHEME, years);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const want = expected.get(`${row.regionCode}/${row.industryCode}/${row.year}`);
      expect(row.employment).toBe(want?.employment);
      expect(row.establishments).toBe(want?.establishments);
      expect(row.output).toBeCloseTo(want?.output ?? NaN, 0);
      const traded = TRADED_DIVISIONS.includes(row.industryCode.slice(0, 2));
      expect(row.industryType).toBe(traded ? 'traded' : 'local');
    }
    const wuxi = rows.find((r) => r.regionCode === '3202');
    expect(wuxi?.regionName).toBe('无锡市');
  });

  it('is enough for the analyses: Wuxi LQs, strength and shift-share', async () => {
    const loaded = await listLoadedStats(database.db);
    expect(loaded.datasets.map((d) => `${d.scheme} ${d.year}`)).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024].map((y) => `gbt4754 ${y}`),
    );
    expect(loaded.datasets.at(-1)?.regions).toBeGreaterThan(30);
    const lq = await locationQuotients(database.db, {
      scheme: 'gbt4754',
      year: 2024,
      region: '3202',
      denominator: 'same-type',
    });
    expect(lq.items.length).toBeGreaterThan(20);
    // The seeded demo gives Wuxi a large medical-device sector and a large CRO sector (focus
    // industries); its vaccine node is thin (two firms), so vaccines (2762) are no strong cluster.
    const strong = lq.items.filter((r) => r.strong && r.industryType === 'traded');
    const strongCodes = strong.map((r) => r.industryCode);
    expect(strongCodes).toEqual(expect.arrayContaining(['3581', '7340']));
    expect(strongCodes).not.toContain('2762');
    const strength = await clusterStrengths(database.db, { scheme: 'gbt4754', year: 2024 });
    expect(strength.items.find((r) => r.regionCode === '3202')?.strength).toBeGreaterThan(0);
    const shift = await shiftShareAnalysis(database.db, {
      scheme: 'gbt4754',
      from: 2019,
      to: 2024,
      region: '3202',
    });
    const [total] = shift.totals;
    expect(total?.change).toBeGreaterThan(0);
  });

  it('re-deriving changes nothing and is quick', async () => {
    const before = await listRegionStats(database.db, DEMO_STATS_SCHEME, [2024]);
    const started = performance.now();
    await loadDemoStatistics(database.db, DEMO_STATS_INDUSTRIES);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await listRegionStats(database.db, DEMO_STATS_SCHEME, [2024])).toEqual(before);
  });
});

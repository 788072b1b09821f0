import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { run } from '../../test-support/cli-runner.ts';
import { sharedDataFile } from '../../test-support/shared-data.ts';
import { csvLine } from '../../shared/csv.ts';
import { importStats } from './import-stats.service.ts';
import { clusterStrengths, locationQuotients } from './regional-analysis.service.ts';
import { STAT_COLUMNS } from '../../shared/stat-columns.ts';

/**
 * The proof: the US Cluster Mapping Project's published state table (2016, 50 states × 67 clusters)
 * is reproduced from its own employment and establishment counts through `import stats` and the
 * LQ table with the same-type denominator: every LQ to six significant digits, every strong and
 * strong10 flag, and each state's cluster strength.
 */

const SOURCE = sharedDataFile('us-cluster-mapping/cmp_state_clusters_2016.csv');
const SCHEME = 'us-cmp';
// The nation is not a row of the state table; it is imported as a benchmark region of its own.
const US = 'US';

interface Published {
  region_code_t: string;
  region_name_t: string;
  cluster_code_t: string;
  cluster_name_t: string;
  cluster_type: string;
  year_t: string;
  emp_tl: string;
  est_tl: string;
  ap_tl: string;
  lq_tf: string;
  region_emp_per_tf: string;
  cluster_emp_per_tf: string;
  strong_b: string;
  strong10_b: string;
}

/** True when `ours` agrees with `published` to six significant digits. */
function sixDigits(ours: number | null | undefined, published: number): boolean {
  if (ours === null || ours === undefined) return false;
  if (published === 0) return ours === 0;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(published))) - 5);
  return Math.abs(ours - published) <= unit / 2;
}

/**
 * The table in `import stats` columns, plus the nation: its cluster employment is what the CMP
 * divided by, emp / cluster_emp_per_tf (the same for every state to 1e-7), a whole head count.
 */
function importFile(rows: Published[]): string {
  const national = new Map<string, { sum: number; n: number; row: Published }>();
  for (const row of rows) {
    const share = Number(row.cluster_emp_per_tf);
    if (Number(row.emp_tl) <= 0 || share <= 0) continue;
    const entry = national.get(row.cluster_code_t) ?? { sum: 0, n: 0, row };
    entry.sum += Number(row.emp_tl) / share;
    entry.n++;
    national.set(row.cluster_code_t, entry);
  }
  const line = (
    r: Published,
    region: string,
    name: string,
    employment: number | string,
    est: string,
    payroll: string,
  ) =>
    csvLine([
      region,
      name,
      SCHEME,
      r.cluster_code_t,
      r.cluster_name_t,
      r.cluster_type,
      r.year_t,
      employment,
      est,
      payroll,
      '',
    ]);
  return (
    csvLine([...STAT_COLUMNS]) +
    rows
      .map((r) => line(r, r.region_code_t, r.region_name_t, r.emp_tl, r.est_tl, r.ap_tl))
      .join('') +
    [...national.values()]
      .map(({ sum, n, row }) => line(row, US, 'United States', Math.round(sum / n), '', ''))
      .join('')
  );
}

describe.skipIf(SOURCE === null)(
  `US Cluster Mapping state table 2016, reproduced (${testDatabaseKind()})`,
  () => {
    const work = mkdtempSync(join(tmpdir(), 'chainlead-cmp-'));
    const file = join(work, 'cmp-states-2016.csv');
    let published: Published[] = [];
    let database: Database;

    beforeAll(async () => {
      published = parse<Published>(readFileSync(SOURCE ?? ''), { columns: true });
      writeFileSync(file, importFile(published));
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.close();
    });

    it('imports the table and matches every LQ, strong flag and strength', async () => {
      expect(published).toHaveLength(3350);
      const imported = await importStats(database.db, { id: null, name: 'test' }, { file });
      expect(imported).toMatchObject({
        status: 'done',
        rowsRead: 3350 + 67,
        counts: { inserted: 3417, rejected: 0 },
        schemes: [{ scheme: SCHEME, years: [2016], regions: 51, industries: 67 }],
      });

      const table = await locationQuotients(database.db, {
        scheme: SCHEME,
        year: 2016,
        denominator: 'same-type',
        benchmark: US,
      });
      expect(table.items).toHaveLength(3350);
      const ours = new Map(table.items.map((r) => [`${r.regionCode}/${r.industryCode}`, r]));
      let lqMatched = 0;
      let shareMatched = 0;
      let flagsCompared = 0;
      let flagsMatched = 0;
      const publishedStrength = new Map<string, number>();
      for (const p of published) {
        const row = ours.get(`${p.region_code_t}/${p.cluster_code_t}`);
        if (sixDigits(row?.lq, Number(p.lq_tf))) lqMatched++;
        if (sixDigits(row?.regionShare, Number(p.region_emp_per_tf))) shareMatched++;
        if (p.strong_b !== 'NA') {
          flagsCompared++;
          if (row?.strong === (p.strong_b === 'TRUE') && row.strong10 === (p.strong10_b === 'TRUE'))
            flagsMatched++;
          const share = p.strong_b === 'TRUE' ? Number(p.region_emp_per_tf) : 0;
          publishedStrength.set(
            p.region_code_t,
            (publishedStrength.get(p.region_code_t) ?? 0) + share,
          );
        }
      }

      const strength = await clusterStrengths(database.db, {
        scheme: SCHEME,
        year: 2016,
        benchmark: US,
      });
      const strengthMatched = strength.items.filter((r) =>
        sixDigits(r.strength, publishedStrength.get(r.regionCode) ?? NaN),
      ).length;
      console.log(
        `US Cluster Mapping 2016: LQ ${lqMatched}/3350 and traded/local share ${shareMatched}/3350 to six significant digits; ` +
          `strong and strong10 flags ${flagsMatched}/${flagsCompared}; cluster strength ${strengthMatched}/${strength.items.length} states.`,
      );
      expect(lqMatched).toBe(3350);
      expect(shareMatched).toBe(3350);
      expect(flagsCompared).toBe(2550);
      expect(flagsMatched).toBe(2550);
      expect(strength.items).toHaveLength(50);
      expect(strengthMatched).toBe(50);
      // Spot checks from SOURCE.md.
      expect(ours.get('37/' + clusterCode(published, 'Biopharmaceuticals'))?.lq).toBeCloseTo(
        2.764,
        3,
      );
      expect(ours.get('27/' + clusterCode(published, 'Medical Devices'))?.lq).toBeCloseTo(2.455, 3);
    });

    it(
      'gives the same LQs through the command line: import stats, then analyze lq --out',
      { timeout: 120_000 },
      async () => {
        const db = join(work, 'db');
        const imported = await run(['--db', db, 'import', 'stats', file]);
        // A first command on a new folder says it made the database there; nothing else.
        expect(imported.stderr).toMatch(/^(Note: there was no database at [^\n]+\n)?$/);
        expect(imported.code).toBe(0);
        expect(imported.stdout).toMatch(
          /3417 rows read \(utf8\): 3417 inserted, 0 updated, 0 unchanged\./,
        );
        const out = join(work, 'lq.csv');
        const args = `analyze lq --scheme ${SCHEME} --year 2016 --denominator same-type --benchmark ${US}`;
        const lq = await run(['--db', db, ...args.split(' '), '--out', out]);
        expect(lq.code).toBe(0);
        const rows = parse<Record<string, string>>(readFileSync(out), { columns: true, bom: true });
        expect(Object.keys(rows[0] ?? {}).join(',')).toBe(
          'region_code,industry_code,value,lq,region_share,national_share,strong,strong10',
        );
        const byKey = new Map(rows.map((r) => [`${r.region_code}/${r.industry_code}`, r]));
        const matched = published.filter((p) => {
          const row = byKey.get(`${p.region_code_t}/${p.cluster_code_t}`);
          const flags =
            p.strong_b === 'NA' || row?.strong === (p.strong_b === 'TRUE' ? 'true' : 'false');
          return row !== undefined && flags && sixDigits(Number(row.lq), Number(p.lq_tf));
        }).length;
        console.log(`US Cluster Mapping 2016 through the CLI: ${matched}/3350 rows match.`);
        expect(matched).toBe(3350);
      },
    );
  },
);

function clusterCode(rows: Published[], name: string): string {
  return rows.find((r) => r.cluster_name_t === name)?.cluster_code_t ?? '';
}

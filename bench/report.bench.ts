import { flagText, wholeNumberFlag } from './bench-args.ts';
import { createReadStream, createWriteStream, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { SeededRandom } from '../src/domain/random.ts';
import { openDatabase, type Database, type Db } from '../src/db/connection.ts';
import { findSetting, saveSetting } from '../src/db/setting.repository.ts';
import { rebuildUsccLookup } from '../src/db/uscc-lookup.repository.ts';
import {
  countAnalysisAggregates,
  diffAnalysisAggregates,
} from '../src/db/analysis-aggregates.repository.ts';
import { listNationalNodeFiguresFromPlacements } from '../src/db/chain-analysis.repository.ts';
import {
  analyzeChain,
  analyzeChainCached,
} from '../src/services/analysis/chain-analysis.service.ts';
import { decideClassification } from '../src/services/classification/classification.service.ts';
import { importEnterprises } from '../src/services/import/import-enterprises.service.ts';
import { loadChainContext } from '../src/services/lookup/lookup.service.ts';
import { loadChainClassifier } from '../src/services/classification/classification.service.ts';
import type { RegionRow } from '../src/db/region.repository.ts';
import { chinaDivisionRegions } from '../src/services/reference/regions.service.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import type { NodeAnalysis } from '../src/shared/api/analysis.ts';
import { writeRegistryCsv } from './registry-generator.ts';

// `npm run bench -- report [--rows N] [--region CODE] [--runs N] [--fresh] [--import-rows N]
// [--skip-import] [--in-place]`: a national registry of N enterprises (default 1,000,000) from the import
// benchmark's generator, loaded with COPY and classified by the real classifier in the same pass,
// on the PostgreSQL server in DATABASE_URL. Then the chain analysis of one city is timed against
// one hand-written SQL query that computes the same node figures, in the same run, each time
// after the write of issue 15's goal (1,000 firms imported in another province plus one
// decision), which the aggregates of migration 0014 absorb. The loaded database is kept
// (chainlead_bench_report_N) so later runs go straight to the timing; --fresh reloads it. Last,
// what keeping the aggregates costs an import (--import-rows, default 20,000, into a database of
// its own; --skip-import skips it). --in-place uses the database DATABASE_URL names instead of one of
// its own (scripts/citus/run.sh: the same benchmark on a Citus cluster).

const YEARS = [2020, 2021, 2022, 2023, 2024] as const;
const YEAR = 2024;

/** A field of a PostgreSQL text-format COPY line (tabs, newlines and backslashes escaped). */
function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** A text[] literal: every element quoted. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

class CopyFile {
  private readonly out;
  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }
  write(fields: (string | number | boolean | null)[]): Promise<void> | void {
    if (!this.out.write(`${fields.map(copyField).join('\t')}\n`)) {
      return new Promise((resolve) => this.out.once('drain', resolve));
    }
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.end(() => resolve());
      this.out.on('error', reject);
    });
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(52)} ${(performance.now() - started).toFixed(0).padStart(8)} ms`);
  return result;
}

/**
 * Generates the registry CSV, classifies each row with the chain's real classifier and writes
 * enterprise, enterprise_year (2020–2024, from the generated 2024 revenue) and classification
 * rows as COPY files, then loads them with server-side COPY.
 */
async function loadRegistry(database: Database, rows: number): Promise<void> {
  const db = database.db;
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-bench-report-'));
  chmodSync(folder, 0o755);
  try {
    const csv = join(folder, 'registry.csv');
    await timed(`generate a ${rows.toLocaleString('en')}-enterprise registry CSV`, () =>
      writeRegistryCsv(csv, rows, chinaDivisionRegions()),
    );
    const { classifier, nodeIdByCode } = await loadChainClassifier(db, 'biomed');
    const files = {
      enterprise: new CopyFile(join(folder, 'enterprise.copy')),
      enterpriseYear: new CopyFile(join(folder, 'enterprise_year.copy')),
      classification: new CopyFile(join(folder, 'classification.copy')),
    };
    const random = new SeededRandom(11);
    let id = 0;
    let placements = 0;
    await timed('classify with the real classifier, write COPY files', async () => {
      const parser = createReadStream(csv).pipe(parse({ columns: true, bom: true }));
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        id++;
        const products = record.products ? record.products.split('；') : [];
        const revenue = Number(record.revenue) || null;
        // A few large firms lead their node: the chain masters (链主) the analysis lists.
        const tags = revenue !== null && revenue > 495_000_000 ? ['chain_master'] : [];
        const enterprise = {
          id,
          regionCode: record.region_code ?? '',
          name: record.name ?? '',
          nameEn: null,
          businessScope: record.business_scope || null,
          products,
          industryCode: record.industry_code || null,
        };
        await files.enterprise.write([
          id,
          enterprise.regionCode,
          record.uscc || null,
          enterprise.name,
          record.address || null,
          record.founded_on || null,
          record.registered_capital || null,
          enterprise.industryCode,
          enterprise.businessScope,
          arrayLiteral(products),
          arrayLiteral(tags),
          'bench',
        ]);
        const growth = random.between(-0.05, 0.25);
        const outputRatio = random.between(0.85, 1.05);
        for (const year of YEARS) {
          if (revenue === null) continue;
          const yearRevenue = Math.round(revenue * (1 + growth) ** (year - YEAR));
          await files.enterpriseYear.write([
            id,
            enterprise.regionCode,
            year,
            yearRevenue,
            Math.round(yearRevenue * outputRatio),
            Number(record.employees) || null,
          ]);
        }
        for (const result of classifier.classify(enterprise)) {
          placements++;
          await files.classification.write([
            id,
            nodeIdByCode.get(result.nodeCode) ?? 0,
            enterprise.regionCode,
            result.score,
            result.decision,
            result.primary,
            JSON.stringify(result.evidence),
            'rule',
          ]);
        }
      }
      await Promise.all(Object.values(files).map((f) => f.close()));
    });
    console.log(
      `  ${id.toLocaleString('en')} enterprises, ${placements.toLocaleString('en')} placements`,
    );
    for (const file of Object.values(files)) chmodSync(file.path, 0o644);
    const copy = (table: string, columns: string, file: CopyFile) =>
      timed(`COPY ${table}`, () =>
        db.execute(sql.raw(`copy ${table} (${columns}) from '${file.path}'`)),
      );
    await copy(
      'enterprise',
      'id, region_code, uscc, name, address, founded_on, registered_capital_yuan, industry_code, business_scope, products, tags, source',
      files.enterprise,
    );
    await copy(
      'enterprise_year',
      'enterprise_id, region_code, year, revenue_yuan, output_yuan, employees',
      files.enterpriseYear,
    );
    await copy(
      'classification',
      'enterprise_id, node_id, region_code, score, decision, is_primary, evidence, method',
      files.classification,
    );
    await db.execute(sql`select setval('enterprise_id_seq', ${id})`);
    await rebuildUsccLookup(db);
    await saveSetting(db, 'bench_report_rows', rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

interface NodeFigures {
  nodeId: number;
  enterprises: number;
  outputYuan: number | null;
  share: number | null;
  growth: number | null;
  cagr: number | null;
  hhi: number | null;
  topShare: number | null;
  lq: number | null;
}

/**
 * The baseline: one hand-written query for the node figures of one region (enterprises, output,
 * share, growth, CAGR, HHI, top share, location quotient against the whole registry).
 */
export async function singleQueryNodeFigures(
  db: Db,
  nodeIds: readonly number[],
  region: string,
): Promise<NodeFigures[]> {
  const nodes = sql`${sql.param(nodeIds)}::int[]`;
  const local = `${region}%`;
  // The enterprises without a confirmed primary placement, on their best confirmed node.
  const fallback = (where: SQL) => sql`
    select distinct on (c.enterprise_id) c.enterprise_id, c.region_code, c.node_id
    from classification c
    where c.decision = 'confirmed' and not c.is_primary and c.node_id = any(${nodes})
      and not exists (
        select 1 from classification p
        where p.enterprise_id = c.enterprise_id and p.region_code = c.region_code
          and p.decision = 'confirmed' and p.is_primary and p.node_id = any(${nodes}))
      and ${where}
    order by c.enterprise_id, c.score desc, c.node_id`;
  // One statement; each part referenced once, so PostgreSQL may run it in parallel. Joins of the
  // registry's tables carry region_code, so that Citus runs them on each shard.
  const result = await db.execute(sql`
    with national as (
      select node_id, sum(output) as output, sum(sum(output)) over () as total from (
        select c.node_id, coalesce(y.output_yuan, y.revenue_yuan)::float8 as output
        from classification c
        left join enterprise_year y on y.enterprise_id = c.enterprise_id
          and y.region_code = c.region_code and y.year = ${YEAR}
        where c.decision = 'confirmed' and c.is_primary and c.node_id = any(${nodes})
        union all
        select f.node_id, coalesce(y.output_yuan, y.revenue_yuan)::float8
        from (${fallback(sql`true`)}) f
        left join enterprise_year y on y.enterprise_id = f.enterprise_id
          and y.region_code = f.region_code and y.year = ${YEAR}
      ) placements
      group by node_id
    ),
    counted as (
      select c.enterprise_id, c.region_code, c.node_id
      from classification c
      where c.decision = 'confirmed' and c.is_primary and c.node_id = any(${nodes})
        and c.region_code like ${local}
      union all
      select enterprise_id, region_code, node_id from (${fallback(sql`c.region_code like ${local}`)}) f
    ),
    figures as (
      select k.node_id, k.enterprise_id, y.year,
             coalesce(y.output_yuan, y.revenue_yuan)::float8 as output
      from counted k
      join enterprise_year y on y.enterprise_id = k.enterprise_id and y.region_code = k.region_code
      where y.year <= ${YEAR}
    ),
    node_years as (
      select node_id, year, sum(output) as output, count(output) as reporting,
             max(output) as top_output,
             sum(case when count(output) > 0 then sum(output) end) over (partition by year)
               as chain_output
      from figures group by node_id, year
    ),
    node_hhi as (
      select f.node_id, sum(power(f.output / n.output, 2)) * 10000 as hhi
      from figures f join node_years n on n.node_id = f.node_id and n.year = f.year
      where f.year = ${YEAR} and n.output > 0 and f.output is not null group by f.node_id
    ),
    node_first as (
      select distinct on (node_id) node_id, year, output from node_years
      where output > 0 and year < ${YEAR} order by node_id, year
    ),
    local_count as (select node_id, count(*) as enterprises from counted group by node_id)
    select n.id as "nodeId",
           coalesce(lc.enterprises, 0)::int as "enterprises",
           case when nn.reporting > 0 then nn.output end as "outputYuan",
           case when nn.reporting > 0 and nn.chain_output > 0 then nn.output / nn.chain_output end as "share",
           case when p.reporting > 0 and p.output > 0 and nn.reporting > 0
                then nn.output / p.output - 1 end as "growth",
           case when f.output > 0 and nn.reporting > 0
                then power(nn.output / f.output, 1.0 / (${YEAR} - f.year)) - 1 end as "cagr",
           h.hhi::float8 as "hhi",
           case when nn.output > 0 then nn.top_output / nn.output end as "topShare",
           case when coalesce(lc.enterprises, 0) = 0 and chain.output > 0 then 0
                when nn.reporting > 0 and nn.chain_output > 0 and na.output > 0
                then (nn.output / nn.chain_output) / (na.output / na.total) end as "lq"
    from unnest(${nodes}) as n(id)
    cross join (select sum(output) as output from node_years where year = ${YEAR} and reporting > 0) chain
    left join local_count lc on lc.node_id = n.id
    left join node_years nn on nn.node_id = n.id and nn.year = ${YEAR}
    left join node_hhi h on h.node_id = n.id
    left join node_years p on p.node_id = n.id and p.year = ${YEAR - 1}
    left join node_first f on f.node_id = n.id
    left join national na on na.node_id = n.id
    order by n.id`);
  return (result as { rows: NodeFigures[] }).rows;
}

/** The analysis and the single query agree on every node figure (to 1e-9 relative). */
function compareFigures(
  nodes: readonly NodeAnalysis[],
  ids: readonly number[],
  rows: readonly NodeFigures[],
) {
  const problems: string[] = [];
  nodes.forEach((node, index) => {
    const row = rows.find((r) => r.nodeId === ids[index]);
    for (const key of [
      'enterprises',
      'outputYuan',
      'share',
      'growth',
      'cagr',
      'hhi',
      'topShare',
      'lq',
    ] as const) {
      const a = node[key];
      const b = row?.[key] ?? null;
      const same =
        a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
      if (!same) problems.push(`${node.code} ${key}: analysis ${a}, query ${b}`);
    }
  });
  return problems;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A placement in the analysed region the benchmark's decision rejects and confirms in turn. */
async function pickDecision(
  db: Db,
  region: string,
): Promise<{ enterpriseId: number; nodeCode: string }> {
  const result = await db.execute(sql`
    select c.enterprise_id::float8 as "enterpriseId", n.code as "nodeCode"
    from classification c join chain_node n on n.id = c.node_id
    where c.region_code like ${`${region}%`} and c.decision = 'confirmed' and c.is_primary
    order by c.enterprise_id limit 1`);
  const row = (result as { rows: { enterpriseId: number; nodeCode: string }[] }).rows[0];
  if (!row) throw new Error(`no confirmed placement in ${region} to decide on`);
  return row;
}

/**
 * The write of the issue's goal: 1,000 new firms of one province imported (and classified) by
 * chainlead's own import, then one analyst's decision.
 */
async function writeLikeTheIssue(
  db: Db,
  actor: { id: null; name: string },
  province: readonly RegionRow[],
  file: string,
  decided: { enterpriseId: number; nodeCode: string },
  round: number,
): Promise<void> {
  // A seed per run and round: new firms each time, also when the database is reused.
  await writeRegistryCsv(file, 1000, province, Date.now() % 1_000_000_000);
  await importEnterprises(db, actor, { file, source: 'bench-write' });
  await decideClassification(db, actor, {
    enterpriseId: decided.enterpriseId,
    chainCode: 'biomed',
    nodeCode: decided.nodeCode,
    decision: round % 2 === 0 ? 'rejected' : 'confirmed',
  });
}

/** The triggers that keep the analysis aggregates (migration 0014), per table. */
const AGGREGATE_TRIGGERS: Record<string, string[]> = {
  classification: ['insert', 'update', 'delete', 'truncate'],
  enterprise_year: ['insert', 'update', 'delete', 'truncate'],
  enterprise: ['delete'],
};

/**
 * What keeping the aggregates costs an import: `rows`-row imports of new firms into one database
 * on the server, with the aggregates' triggers disabled and enabled in turn (two of each).
 */
async function importCostOfAggregates(serverUrl: string, rows: number): Promise<void> {
  const name = 'chainlead_bench_aggregate_import';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-bench-aggregate-import-'));
  try {
    await prepareInstallation(database, { adminPassword: 'bench-password' });
    const db = database.db;
    const setTriggers = async (on: boolean) => {
      for (const [table, events] of Object.entries(AGGREGATE_TRIGGERS)) {
        for (const event of events) {
          await db.execute(
            sql.raw(
              `alter table ${table} ${on ? 'enable' : 'disable'} trigger analysis_aggregates_${event}`,
            ),
          );
        }
      }
    };
    const times = { without: [] as number[], with: [] as number[] };
    const regions = chinaDivisionRegions();
    for (let round = 0; round < 4; round++) {
      const on = round % 2 === 1;
      const file = join(folder, `import-${round}.csv`);
      await writeRegistryCsv(file, rows, regions, 100 + round);
      await setTriggers(on);
      const started = performance.now();
      await importEnterprises(db, { id: null, name: 'bench' }, { file, source: 'bench' });
      (on ? times.with : times.without).push(performance.now() - started);
    }
    await setTriggers(true);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const [without, withAggregates] = [mean(times.without), mean(times.with)];
    const line = (label: string, ms: number, note = '') =>
      console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(8)} ms${note}`);
    const each = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    line(
      `import ${rows.toLocaleString('en')} firms, aggregates not kept`,
      without,
      `  (${each(times.without)})`,
    );
    line(
      `import ${rows.toLocaleString('en')} firms, aggregates kept`,
      withAggregates,
      `  (${each(times.with)}; ${((withAggregates / without - 1) * 100).toFixed(1)}%)`,
    );
    console.log(`  means of 2, interleaved (load average ${loadavg()[0]?.toFixed(1)})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await database.close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

/** The `report` benchmark: see the comment at the top of this file. */
export async function benchReport(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    console.error(
      'The report benchmark needs a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
    process.exitCode = 2;
    return;
  }
  const rows = wholeNumberFlag('rows', 1_000_000);
  const runs = wholeNumberFlag('runs', 7);
  const region = flagText('region') ?? '3202';
  // --in-place: the database DATABASE_URL names, as it is (scripts/citus/run.sh has made it a
  // distributed one); otherwise a database of the benchmark's own on that server.
  const inPlace = process.argv.includes('--in-place');
  const name = inPlace
    ? decodeURIComponent(new URL(serverUrl).pathname.slice(1))
    : `chainlead_bench_report_${rows}`;
  if (!inPlace) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const exists =
      (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && process.argv.includes('--fresh'))
      await admin.query(`drop database ${name} with (force)`);
    if (!exists || process.argv.includes('--fresh')) await admin.query(`create database ${name}`);
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await prepareInstallation(database, { adminPassword: 'bench-password' });
    if ((await findSetting(database.db, 'bench_report_rows')) !== rows) {
      await loadRegistry(database, rows);
    } else {
      console.log(`Reusing ${name} (run with --fresh to reload it).`);
    }
    const db = database.db;
    // What autovacuum does soon after a load (statistics, the visibility map for index-only
    // scans); the timings below should not depend on when it last ran.
    await timed('VACUUM ANALYZE', () => db.execute(sql`vacuum analyze`));
    const scope = await loadChainContext(db, 'biomed');
    const ids = scope.nodes.map((n) => n.id);
    const input = { chainCode: 'biomed', regionCode: region, year: YEAR };
    const analyse = () => analyzeChain(db, input);
    // What the API, the reports and the CLI call: kept per data version.
    const analyseAsServed = () => analyzeChainCached(db, input);
    const single = () => singleQueryNodeFigures(db, ids, region);
    // Warm both (plans, caches), and check they agree before timing them.
    const analysis = await analyse();
    const problems = compareFigures(analysis.nodes, ids, await single());
    console.log(
      problems.length === 0
        ? `Figures agree on all ${analysis.nodes.length} nodes (${analysis.totals.enterprises.toLocaleString('en')} enterprises in ${region}).`
        : `Figures DIFFER:\n  ${problems.join('\n  ')}`,
    );
    // The issue's write: an import of 1,000 new firms in another province (Guangdong) plus one
    // classification decision (a Wuxi firm's placement rejected, then confirmed again). Then
    // four timings, interleaved: the analysis right after the write (nothing cached is reusable),
    // the analysis again (cached), the single query, and the national benchmark computed from the
    // placements as it was before the aggregates (the cost the aggregates save).
    const folder = mkdtempSync(join(tmpdir(), 'chainlead-bench-write-'));
    const province = chinaDivisionRegions().filter((r) => r.code.startsWith('44'));
    const decided = await pickDecision(db, region);
    // The write goes through a connection of its own, with sequential scans off: the loaded
    // registry has no match keys (COPY does not compute them), so the planner has no statistics
    // for the import's match-key lookup and would scan the million firms for each new name. The
    // analysis is timed on the ordinary connection.
    const writeUrl = new URL(url);
    writeUrl.searchParams.set('options', '-c enable_seqscan=off');
    const writer = await openDatabase({ url: writeUrl.toString() });
    const actor = { id: null, name: 'bench' };
    const times = {
      write: [] as number[],
      cold: [] as number[],
      warm: [] as number[],
      city: [] as number[],
      single: [] as number[],
      national: [] as number[],
    };
    const time = async (key: keyof typeof times, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      times[key].push(performance.now() - started);
    };
    try {
      for (let i = 0; i < runs; i++) {
        await time('write', () =>
          writeLikeTheIssue(writer.db, actor, province, join(folder, `write-${i}.csv`), decided, i),
        );
        await time('cold', analyseAsServed);
        await time('warm', analyseAsServed);
        await time('city', analyse);
        await time('single', single);
        await time('national', () =>
          listNationalNodeFiguresFromPlacements(db, { nodeIds: ids, year: YEAR }),
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await writer.close();
    }
    const after = compareFigures((await analyse()).nodes, ids, await single());
    console.log(
      after.length === 0
        ? 'After the writes the figures still agree with the single query.'
        : `After the writes the figures DIFFER:\n  ${after.join('\n  ')}`,
    );
    const differences = await timed('compare the aggregates with a full recompute', () =>
      diffAnalysisAggregates(db),
    );
    const kept = await countAnalysisAggregates(db);
    console.log(
      differences.length === 0
        ? `Aggregates equal a full recompute, row by row (${kept.nodeRegions.toLocaleString('en')} node-region and ${kept.nodeRegionYears.toLocaleString('en')} node-region-year rows).`
        : `Aggregates DIFFER from a full recompute in ${differences.length} rows, e.g. ${JSON.stringify(differences.slice(0, 3))}`,
    );
    const [cold, warm, one] = [median(times.cold), median(times.warm), median(times.single)];
    const line = (label: string, ms: number, note = '') =>
      console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(8)} ms${note}`);
    line('the write: import 1,000 firms (44) + one decision', median(times.write));
    line(`chain analysis of ${region}, after the write`, cold, `  ${(cold / one).toFixed(2)}×`);
    line(`chain analysis of ${region}, reused`, warm, `  ${(warm / one).toFixed(2)}×`);
    line(
      `  the city's own queries again, benchmark kept`,
      median(times.city),
      `  ${(median(times.city) / one).toFixed(2)}×`,
    );
    line('one hand-written SQL query, same node figures', one);
    line('national benchmark from the placements (no aggregates)', median(times.national));
    console.log(
      `medians of ${runs} (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores); ` +
        `goal after a write < 300 ms: ${cold < 300 ? 'met' : 'NOT met'}, reused < 50 ms: ${warm < 50 ? 'met' : 'NOT met'}`,
    );
    const counts = await db.execute(sql`
      select (select count(*) from enterprise)::int as enterprises,
             (select count(*) from enterprise_year)::int as years,
             (select count(*) from classification)::int as placements`);
    console.log(`  on ${JSON.stringify((counts as { rows: unknown[] }).rows[0])}`);
  } finally {
    await database.close();
  }
  const importRows = wholeNumberFlag('import-rows', 20_000);
  if (!process.argv.includes('--skip-import')) await importCostOfAggregates(serverUrl, importRows);
}

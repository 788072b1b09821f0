import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { rowsOf } from './connection.ts';
import { isDistributed } from './distribution.repository.ts';

// The chain analysis in SQL: each query is named after what it returns and reads as SQL.
//
// Counting rule: an enterprise counts once on a chain, on its node in the view chain_placement
// (its confirmed primary placement; the rule is settled on every write, see
// settlePrimaryPlacements), so that node figures add up to the chain's and output is never counted
// twice. Secondary confirmed placements are reported apart, as "also on the node".
//
// Output is `output_yuan`, or `revenue_yuan` where an enterprise reports no output (registries
// often carry revenue only). Sums stay numeric until the end: exact, so a node's output is the
// same whichever query or grouping computes it. A region is a code prefix: 32 (Jiangsu) ⊃ 3202
// (Wuxi) ⊃ 320214.

/**
 * The CTE `counted`: the enterprises counted on a chain in a region, one row each
 * (enterprise_id, node_id, region_code), from chain_placement.
 */
function countedEnterprises(nodeIds: readonly number[], regionFilter: (column: SQL) => SQL): SQL {
  const nodes = sql`${sql.param(nodeIds)}::int[]`;
  const region = regionFilter(sql`c.region_code`);
  return sql`
    counted as (
      select c.enterprise_id, c.node_id, c.region_code
      from chain_placement c
      where c.node_id = any(${nodes}) and ${region}
    )`;
}

const OUTPUT = sql.raw('coalesce(y.output_yuan, y.revenue_yuan)');

// One LIKE per region (not LIKE ANY) so that an index on the region code can serve each prefix.
const within = (codes: readonly string[]) => (column: SQL) =>
  sql`(${sql.join(
    codes.map((code) => sql`${column} like ${`${code}%`}`),
    sql` or `,
  )})`;

export interface NationalNodeFigures {
  nodeId: number;
  enterprises: number;
  /** Enterprises reporting output (or revenue) in the year. */
  reporting: number;
  outputYuan: number;
}

/**
 * The benchmark for location quotients: per node, the enterprises and output of the whole
 * registry (every region, the analysed one included) in `year`. Read from the aggregates kept by
 * every write (migration 0014_analysis_aggregates): a few thousand rows, not a pass over the
 * registry; equal to `listNationalNodeFiguresFromPlacements`.
 */
export async function listNationalNodeFigures(
  db: DbOrTx,
  input: { nodeIds: readonly number[]; year: number },
): Promise<NationalNodeFigures[]> {
  // On Citus the aggregates are views of their full recompute (scripts/citus/distribute.sql):
  // one co-located pass over the placements on each shard is quicker there.
  if (await isDistributed(db)) return listNationalNodeFiguresFromPlacements(db, input);
  const nodes = sql`${sql.param(input.nodeIds)}::int[]`;
  const result = await db.execute(sql`
    select p.node_id as "nodeId", p.enterprises::int as "enterprises",
           coalesce(y.reporting, 0)::int as "reporting",
           coalesce(y.output, 0)::float8 as "outputYuan"
    from (
      select node_id, sum(enterprises) as enterprises from analysis_node_region
      where node_id = any(${nodes}) group by node_id
    ) p
    left join (
      select node_id, sum(reporting) as reporting, sum(output_yuan) as output
      from analysis_node_region_year
      where node_id = any(${nodes}) and year = ${input.year} group by node_id
    ) y using (node_id)`);
  return rowsOf<NationalNodeFigures>(result);
}

/**
 * The same benchmark computed from the placements and yearly figures themselves: the reference
 * the aggregates are tested and benchmarked against.
 */
export async function listNationalNodeFiguresFromPlacements(
  db: DbOrTx,
  input: { nodeIds: readonly number[]; year: number },
): Promise<NationalNodeFigures[]> {
  // The placements join the year's figures in one (parallel) pass over a covering partial index
  // (classification_counted_primary_idx matches the view's predicate).
  const nodes = sql`${sql.param(input.nodeIds)}::int[]`;
  // On Citus the join carries the distribution column, so that each shard joins its own rows
  // (the registry's writers keep a firm's region equal in its three tables); on one server the
  // placements join the figures by firm alone, as the aggregates' triggers do.
  const sameRegion = (await isDistributed(db)) ? sql`and y.region_code = c.region_code` : sql``;
  const result = await db.execute(sql`
    select c.node_id as "nodeId", count(*)::int as "enterprises",
           count(${OUTPUT})::int as "reporting", coalesce(sum(${OUTPUT}), 0)::float8 as "outputYuan"
    from chain_placement c
    left join enterprise_year y on y.enterprise_id = c.enterprise_id ${sameRegion}
      and y.year = ${input.year}
    where c.node_id = any(${nodes})
    group by c.node_id`);
  return rowsOf<NationalNodeFigures>(result);
}

export interface RegionalNodeFigures {
  regionCode: string;
  nodeId: number;
  enterprises: number;
  /** Confirmed on the node as a secondary placement (counted on another node). */
  alsoOnNode: number;
  reporting: number;
  outputYuan: number;
  /** HHI over the node's enterprises' output shares (0–10,000); null without output. */
  hhi: number | null;
  topOutputYuan: number | null;
  chainMasters: number;
}

/**
 * Per region and node (only nodes with confirmed enterprises): enterprises, secondary placements,
 * output in `year`, its HHI and largest enterprise's output, and chain masters (链主).
 */
export async function listRegionalNodeFigures(
  db: DbOrTx,
  input: { nodeIds: readonly number[]; regionCodes: readonly string[]; year: number },
): Promise<RegionalNodeFigures[]> {
  const codes = sql.param(input.regionCodes);
  const result = await db.execute(sql`
    with ${countedEnterprises(input.nodeIds, within(input.regionCodes))},
    regions as (select unnest(${codes}::text[]) as code),
    local as (
      select r.code as region_code, k.node_id, k.enterprise_id,
             ${OUTPUT} as output,
             'chain_master' = any(e.tags) as chain_master
      from counted k
      join regions r on k.region_code like r.code || '%'
      join enterprise e on e.id = k.enterprise_id and e.region_code = k.region_code
      left join enterprise_year y on y.enterprise_id = k.enterprise_id
        and y.region_code = k.region_code and y.year = ${input.year}
    ),
    node_totals as (
      select region_code, node_id, count(*)::int as enterprises, count(output)::int as reporting,
             coalesce(sum(output), 0) as output, max(output) as top_output,
             count(*) filter (where chain_master)::int as chain_masters
      from local group by region_code, node_id
    ),
    concentration as (
      select l.region_code, l.node_id,
             -- numeric, whose sums are exact: the same figure whatever order the rows (or a
             -- distributed database's shards) are added in
             sum((l.output::numeric / t.output) * (l.output::numeric / t.output)) * 10000 as hhi
      from local l join node_totals t using (region_code, node_id)
      where t.output > 0 and l.output is not null
      group by l.region_code, l.node_id
    ),
    placements as (
      select r.code as region_code, c.node_id, count(*)::int as confirmed
      from classification c join regions r on c.region_code like r.code || '%'
      where c.node_id = any(${sql.param(input.nodeIds)}::int[]) and c.decision = 'confirmed'
        and ${within(input.regionCodes)(sql`c.region_code`)}
      group by r.code, c.node_id
    )
    select p.region_code as "regionCode", p.node_id as "nodeId",
           coalesce(t.enterprises, 0) as "enterprises",
           p.confirmed - coalesce(t.enterprises, 0) as "alsoOnNode",
           coalesce(t.reporting, 0) as "reporting",
           coalesce(t.output, 0)::float8 as "outputYuan",
           h.hhi::float8 as "hhi",
           t.top_output::float8 as "topOutputYuan",
           coalesce(t.chain_masters, 0) as "chainMasters"
    from placements p
    left join node_totals t using (region_code, node_id)
    left join concentration h using (region_code, node_id)
    order by p.region_code, p.node_id`);
  return rowsOf<RegionalNodeFigures>(result);
}

export interface NodeYearFigures {
  nodeId: number;
  year: number;
  /** Counted enterprises reporting figures that year. */
  reporting: number;
  outputYuan: number;
}

/** A region's output per node and year, up to `toYear` (for growth, CAGR and trends). */
export async function listRegionalNodeSeries(
  db: DbOrTx,
  input: { nodeIds: readonly number[]; regionCode: string; toYear: number },
): Promise<NodeYearFigures[]> {
  const result = await db.execute(sql`
    with ${countedEnterprises(input.nodeIds, within([input.regionCode]))}
    select k.node_id as "nodeId", y.year::int as "year",
           count(${OUTPUT})::int as "reporting",
           coalesce(sum(${OUTPUT}), 0)::float8 as "outputYuan"
    from counted k
    join enterprise_year y on y.enterprise_id = k.enterprise_id and y.region_code = k.region_code
    where y.year <= ${input.toYear}
    group by k.node_id, y.year
    order by k.node_id, y.year`);
  return rowsOf<NodeYearFigures>(result);
}

export interface LeadingEnterprise {
  id: number;
  name: string;
  nameEn: string | null;
  regionCode: string;
  nodeId: number;
  tags: string[];
  outputYuan: number | null;
  previousOutputYuan: number | null;
  /** 1 for the node's largest enterprise by output in the year. */
  nodeRank: number;
  chainRank: number;
}

/**
 * A region's leading enterprises on a chain: the `perNode` largest of each node, the `top`
 * largest of the chain, and every chain master (链主), by output in `year` (with the year before).
 */
export async function listLeadingEnterprises(
  db: DbOrTx,
  input: {
    nodeIds: readonly number[];
    regionCode: string;
    year: number;
    perNode: number;
    top: number;
  },
): Promise<LeadingEnterprise[]> {
  const result = await db.execute(sql`
    with ${countedEnterprises(input.nodeIds, within([input.regionCode]))},
    local as (
      select k.node_id, e.id, e.name, e.name_en, e.region_code, e.tags,
             coalesce(cur.output_yuan, cur.revenue_yuan)::float8 as output,
             coalesce(prev.output_yuan, prev.revenue_yuan)::float8 as previous_output
      from counted k
      join enterprise e on e.id = k.enterprise_id and e.region_code = k.region_code
      left join enterprise_year cur on cur.enterprise_id = e.id
        and cur.region_code = e.region_code and cur.year = ${input.year}
      left join enterprise_year prev on prev.enterprise_id = e.id
        and prev.region_code = e.region_code and prev.year = ${input.year - 1}
    ),
    ranked as (
      select *,
             row_number() over (partition by node_id order by output desc nulls last, id)::int
               as node_rank,
             row_number() over (order by output desc nulls last, id)::int as chain_rank
      from local
    )
    select id::float8 as "id", name, name_en as "nameEn", region_code as "regionCode",
           node_id as "nodeId", tags, output as "outputYuan",
           previous_output as "previousOutputYuan", node_rank as "nodeRank",
           chain_rank as "chainRank"
    from ranked
    where node_rank <= ${input.perNode} or chain_rank <= ${input.top}
       or 'chain_master' = any(tags)
    order by chain_rank`);
  return rowsOf<LeadingEnterprise>(result);
}

/** The years with yearly figures anywhere in the registry, newest first. */
export async function listFigureYears(db: DbOrTx): Promise<number[]> {
  if (await isDistributed(db)) {
    // Citus plans no recursive CTE over a distributed table; each shard lists its own years.
    const result = await db.execute(
      sql`select distinct year::int as "year" from enterprise_year order by 1 desc`,
    );
    return rowsOf<{ year: number }>(result).map((row) => row.year);
  }
  // A loose index scan: one probe of the year index per distinct year, not a pass over the table.
  const result = await db.execute(sql`
    with recursive years as (
      (select year from enterprise_year order by year desc limit 1)
      union all
      select (select y.year from enterprise_year y where y.year < years.year
              order by y.year desc limit 1)
      from years where years.year is not null
    )
    select year::int as "year" from years where year is not null`);
  return rowsOf<{ year: number }>(result).map((row) => row.year);
}

/**
 * The tables whose writes move the data version (migration 0010_data_version: a trigger on each).
 * Everything an analysis reads: the template, regions, the registry, its yearly figures and
 * placements, targets, statistics, and problems (open and overdue per node).
 */
export const DATA_VERSION_TABLES = [
  'chain',
  'chain_flow',
  'chain_node',
  'classification',
  'enterprise',
  'enterprise_link',
  'enterprise_year',
  'need_match',
  'need_offer',
  'problem',
  'region',
  'region_stat',
  'target',
] as const;

export type DataVersionTable = (typeof DATA_VERSION_TABLES)[number];

/** Every committed write, whatever the table: the broad version, for what reads other tables. */
export const ANY_WRITE = 'any-write';

const WAL_POSITION = 'select pg_current_wal_lsn()::text as v';
// All counters (one row per input table written since migration 0009), summed here: one query
// text for every set of tables, no list to parse and plan on each request. The table's oid tells
// a database rebuilt by a restore from the one before, whose counters may coincide.
const COUNTERS =
  'select table_name as n, version::text as v, tableoid::int8::text as o from data_version';

/**
 * A fingerprint of what some tables hold: it moves with every committed write to one of them
 * (a rolled-back one moves nothing), so results computed from those tables and cached under it
 * are never stale; writes to other tables (sessions, notifications, the audit log) leave it.
 * `ANY_WRITE`: the WAL position, moved by any committed write (on a server, in any database).
 * On a Citus coordinator: the snapshots of every node (see clusterSnapshots). Read it before
 * the work it keys.
 */
export async function readDataVersion(
  db: DbOrTx,
  tables: readonly DataVersionTable[] | typeof ANY_WRITE = DATA_VERSION_TABLES,
): Promise<string> {
  if (await isDistributed(db)) return clusterSnapshots(db);
  const result = await queryDirect(db, tables === ANY_WRITE ? WAL_POSITION : COUNTERS);
  if (tables === ANY_WRITE) return rowsOf<{ v: string }>(result)[0]?.v ?? '';
  const rows = rowsOf<{ n: string; v: string; o: string }>(result);
  const wanted = new Set<string>(tables);
  let sum = 0n;
  for (const row of rows) if (wanted.has(row.n)) sum += BigInt(row.v);
  return `${sum}@${rows[0]?.o ?? ''}`;
}

/**
 * On Citus the registry's writes run on the workers, where neither the counters' triggers
 * (scripts/citus/distribute.sql drops them) nor the coordinator's WAL see them. The snapshots of
 * every node stand in: a node's snapshot moves when a transaction that wrote there ends, and a
 * transaction it shows as finished is visible to every snapshot taken there after it, so a result
 * computed after reading them is never stale. Any write moves them (a login, the audit log), so on
 * Citus a result is reused only until the next write of any kind. A node that does not answer
 * gives a version no other read gives, so nothing is reused.
 */
async function clusterSnapshots(db: DbOrTx): Promise<string> {
  const row = rowsOf<{ v: string | null; failed: boolean }>(
    await queryDirect(db, CLUSTER_SNAPSHOTS),
  )[0];
  if (!row || row.failed) return `unanswered ${Date.now()} ${Math.random()}`;
  return row.v ?? '';
}

const CLUSTER_SNAPSHOTS = `
  select pg_current_snapshot()::text || '|' ||
         coalesce(string_agg(nodename || ':' || nodeport || '=' || result, ','
                             order by nodename, nodeport), '') as v,
         coalesce(bool_or(not success), false) as failed
  from run_command_on_workers('select pg_current_snapshot()')`;

/**
 * Asked on every cached API request: straight to the driver (PGlite or the pg pool, both answer
 * `query(text)` with rows), which costs half of a query through the builder.
 */
async function queryDirect(db: DbOrTx, text: string): Promise<unknown> {
  const client = (db as { $client?: { query?: unknown } }).$client;
  return client && typeof client.query === 'function'
    ? await (client as { query(text: string): Promise<unknown> }).query(text)
    : await db.execute(sql.raw(text));
}

/**
 * Writes in this transaction leave the data version where it is: for a restore that copies a
 * backup's rows, counters included, into a database opened afresh (so no cache can hold a result).
 */
export async function keepDataVersionInTransaction(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select set_config('chainlead.data_version', 'off', true)`);
}

import { sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { rowsOf } from './connection.ts';

// The chain analysis's sums per node, region code and year (migration 0014_analysis_aggregates):
// kept by triggers on classification and enterprise_year in every writer's transaction; the
// views analysis_*_full are their full recompute.

/** Reloads the aggregates from a full recompute (a backfill, or a repair). */
export async function rebuildAnalysisAggregates(db: DbOrTx): Promise<void> {
  await db.execute(sql`select analysis_aggregates_rebuild()`);
}

/** One row where the maintained aggregates and a full recompute disagree (or one lacks it). */
export interface AggregateDifference {
  table: 'analysis_node_region' | 'analysis_node_region_year';
  key: string;
  kept: string | null;
  recomputed: string | null;
}

/**
 * Compares the maintained aggregates with a full recompute, row by row (keys and every figure;
 * output as an exact numeric): none when they are equal.
 */
export async function diffAnalysisAggregates(db: DbOrTx): Promise<AggregateDifference[]> {
  const result = await db.execute(sql`
    select 'analysis_node_region' as "table",
           concat_ws('/', coalesce(k.node_id, f.node_id), coalesce(k.region_code, f.region_code)) as key,
           k.enterprises::text as kept, f.enterprises::text as recomputed
    from analysis_node_region k
    full join analysis_node_region_full f using (node_id, region_code)
    where k.enterprises is distinct from f.enterprises
    union all
    select 'analysis_node_region_year',
           concat_ws('/', coalesce(k.node_id, f.node_id), coalesce(k.year, f.year),
                     coalesce(k.region_code, f.region_code)),
           case when k.node_id is not null
             then concat_ws(' ', k.enterprises, k.reporting, k.output_yuan) end,
           case when f.node_id is not null
             then concat_ws(' ', f.enterprises, f.reporting, f.output_yuan) end
    from analysis_node_region_year k
    full join analysis_node_region_year_full f using (node_id, year, region_code)
    where k.node_id is null or f.node_id is null
       or (k.enterprises, k.reporting, k.output_yuan) <> (f.enterprises, f.reporting, f.output_yuan)
    order by 1, 2`);
  return rowsOf<AggregateDifference>(result);
}

/** How many rows the aggregates hold (for a benchmark's report). */
export async function countAnalysisAggregates(
  db: DbOrTx,
): Promise<{ nodeRegions: number; nodeRegionYears: number }> {
  const result = await db.execute(sql`
    select (select count(*) from analysis_node_region)::int as "nodeRegions",
           (select count(*) from analysis_node_region_year)::int as "nodeRegionYears"`);
  return (
    rowsOf<{ nodeRegions: number; nodeRegionYears: number }>(result)[0] ?? {
      nodeRegions: 0,
      nodeRegionYears: 0,
    }
  );
}

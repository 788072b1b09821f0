import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import {
  chainNode,
  chainPlacement,
  classification,
  enterprise,
  enterpriseYear,
  project,
  region,
  target,
} from './schema.ts';

/** Region codes are digits (validated at the edge); a prefix matches the region and its parts. */
const inRegion = (column: unknown, regionCode: string) => sql`${column} like ${`${regionCode}%`}`;

/** Confirmed classifications on a chain's nodes in a region (classification joined to chain_node). */
function confirmedOnChainIn(chainId: number, regionCode: string): SQL[] {
  return [
    eq(chainNode.chainId, chainId),
    eq(classification.decision, 'confirmed'),
    inRegion(classification.regionCode, regionCode),
  ];
}

/** Confirmed enterprises of a region per node of a chain (distinct enterprises). */
export async function countConfirmedByNode(
  db: DbOrTx,
  chainId: number,
  regionCode: string,
): Promise<Map<number, number>> {
  const rows = await db
    .select({
      nodeId: classification.nodeId,
      n: sql<number>`count(distinct ${classification.enterpriseId})::int`,
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .where(and(...confirmedOnChainIn(chainId, regionCode)))
    .groupBy(classification.nodeId);
  return new Map(rows.map((row) => [row.nodeId, Number(row.n)]));
}

/**
 * Enterprises outside a region placed (confirmed or uncertain) on the given nodes, active, and not
 * courted by an active project of the chain in that region.
 */
export async function listCandidateEnterprises(
  db: DbOrTx,
  options: { chainId: number; regionCode: string; nodeIds: number[] },
) {
  if (options.nodeIds.length === 0) return [];
  return db
    .select({
      enterpriseId: enterprise.id,
      name: enterprise.name,
      regionCode: enterprise.regionCode,
      regionName: region.name,
      tags: enterprise.tags,
      nodeId: classification.nodeId,
      decision: classification.decision,
      score: classification.score,
      isPrimary: classification.isPrimary,
    })
    .from(classification)
    .innerJoin(
      enterprise,
      and(
        eq(enterprise.id, classification.enterpriseId),
        eq(enterprise.regionCode, classification.regionCode),
      ),
    )
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(
      and(
        sql`${classification.nodeId} = any(${sql.param(options.nodeIds)}::integer[])`,
        sql`${classification.decision} in ('confirmed', 'uncertain')`,
        sql`${enterprise.regionCode} not like ${`${options.regionCode}%`}`,
        eq(enterprise.status, 'active'),
        // Not correlated: a distributed registry (Citus) plans the projects' set once.
        sql`${enterprise.id} not in (select p.enterprise_id from ${project} p
          where p.enterprise_id is not null and p.status = 'active'
            and p.chain_id = ${options.chainId} and p.region_code like ${`${options.regionCode}%`})`,
      ),
    )
    .orderBy(asc(classification.nodeId), asc(enterprise.id));
}

/** How many enterprises elsewhere on the nodes are left out because an active project courts them. */
export async function countCandidatesInPipeline(
  db: DbOrTx,
  options: { chainId: number; regionCode: string; nodeIds: number[] },
): Promise<number> {
  if (options.nodeIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${project.enterpriseId})::int` })
    .from(project)
    .innerJoin(classification, eq(classification.enterpriseId, project.enterpriseId))
    .innerJoin(
      enterprise,
      and(
        eq(enterprise.id, classification.enterpriseId),
        eq(enterprise.regionCode, classification.regionCode),
      ),
    )
    .where(
      and(
        sql`${enterprise.regionCode} not like ${`${options.regionCode}%`}`,
        eq(project.chainId, options.chainId),
        eq(project.status, 'active'),
        inRegion(project.regionCode, options.regionCode),
        sql`${classification.nodeId} = any(${sql.param(options.nodeIds)}::integer[])`,
        sql`${classification.decision} in ('confirmed', 'uncertain')`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Yearly output and revenue of some enterprises over the last years, oldest first. */
export async function listRecentYears(db: DbOrTx, enterpriseIds: number[], sinceYear: number) {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .select({
      enterpriseId: enterpriseYear.enterpriseId,
      year: enterpriseYear.year,
      outputYuan: enterpriseYear.outputYuan,
      revenueYuan: enterpriseYear.revenueYuan,
    })
    .from(enterpriseYear)
    .where(
      and(
        sql`${enterpriseYear.enterpriseId} = any(${sql.param(enterpriseIds)}::bigint[])`,
        sql`${enterpriseYear.year} >= ${sinceYear}`,
      ),
    )
    .orderBy(asc(enterpriseYear.enterpriseId), asc(enterpriseYear.year));
  return rows.map((r) => ({
    ...r,
    outputYuan: r.outputYuan === null ? null : Number(r.outputYuan),
    revenueYuan: r.revenueYuan === null ? null : Number(r.revenueYuan),
  }));
}

/** The latest year any enterprise has figures for, or null on an empty registry. */
export async function latestFigureYear(db: DbOrTx): Promise<number | null> {
  const [row] = await db
    .select({ y: sql<number | null>`max(${enterpriseYear.year})` })
    .from(enterpriseYear);
  return row?.y === null || row?.y === undefined ? null : Number(row.y);
}

/**
 * Output per year and node of a region's on-chain enterprises, each counted once on its node
 * (chain_placement).
 */
export async function sumOutputByYearAndNode(db: DbOrTx, chainId: number, regionCode: string) {
  const rows = await db
    .select({
      year: enterpriseYear.year,
      nodeCode: chainNode.code,
      outputYuan: sql<string>`sum(${enterpriseYear.outputYuan})`,
    })
    .from(chainPlacement)
    .innerJoin(chainNode, eq(chainNode.id, chainPlacement.nodeId))
    .innerJoin(enterpriseYear, eq(enterpriseYear.enterpriseId, chainPlacement.enterpriseId))
    .where(
      and(
        eq(chainNode.chainId, chainId),
        inRegion(chainPlacement.regionCode, regionCode),
        sql`${enterpriseYear.outputYuan} is not null`,
      ),
    )
    .groupBy(enterpriseYear.year, chainNode.code);
  return rows.map((r) => ({
    year: Number(r.year),
    nodeCode: r.nodeCode,
    outputYuan: Number(r.outputYuan),
  }));
}

/** Output targets of a chain for exactly this region, chain-wide (node null) and per node. */
export async function listOutputTargets(db: DbOrTx, chainId: number, regionCode: string) {
  const rows = await db
    .select({ year: target.year, value: target.value, nodeCode: chainNode.code })
    .from(target)
    .leftJoin(chainNode, eq(chainNode.id, target.nodeId))
    .where(
      and(
        eq(target.chainId, chainId),
        eq(target.regionCode, regionCode),
        eq(target.metric, 'output'),
      ),
    )
    .orderBy(asc(target.year));
  return rows.map((r) => ({ year: Number(r.year), valueYuan: r.value, nodeCode: r.nodeCode }));
}

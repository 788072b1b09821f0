import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { copyRows } from './import.repository.ts';
import {
  CLASSIFICATION_KEY,
  chain,
  chainNode,
  chainPlacement,
  classification,
  enterprise,
} from './schema.ts';

export type ClassificationRow = typeof classification.$inferSelect;

/** A batch of enterprises to classify, by id after `afterId` (keyset paging over the registry). */
export async function listEnterprisesToClassify(
  db: DbOrTx,
  options: { afterId: number; limit: number; ids?: number[] | undefined },
) {
  return db
    .select({
      id: enterprise.id,
      regionCode: enterprise.regionCode,
      name: enterprise.name,
      nameEn: enterprise.nameEn,
      businessScope: enterprise.businessScope,
      products: enterprise.products,
      industryCode: enterprise.industryCode,
    })
    .from(enterprise)
    .where(
      and(
        gt(enterprise.id, options.afterId),
        options.ids ? inArray(enterprise.id, options.ids) : undefined,
      ),
    )
    .orderBy(asc(enterprise.id))
    .limit(options.limit);
}

/** The manual decisions on some chains for some enterprises: they survive re-classification. */
export async function listManualDecisions(
  db: DbOrTx,
  chainIds: readonly number[],
  enterpriseIds: readonly number[],
) {
  if (enterpriseIds.length === 0 || chainIds.length === 0) return [];
  return db
    .select({
      enterpriseId: classification.enterpriseId,
      nodeId: classification.nodeId,
      chainId: chainNode.chainId,
      decision: classification.decision,
      isPrimary: classification.isPrimary,
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .where(
      and(
        sql`${chainNode.chainId} = any(${sql.param([...chainIds])}::int[])`,
        eq(classification.method, 'manual'),
        sql`${classification.enterpriseId} = any(${sql.param([...enterpriseIds])}::bigint[])`,
      ),
    );
}

export interface RuleClassificationRow {
  enterpriseId: number;
  nodeId: number;
  regionCode: string;
  score: number;
  decision: string;
  isPrimary: boolean;
  /** The evidence as the JSON the table stores. */
  evidenceJson: string;
}

/** The staging table of rule-made placements, in COPY order. */
const PLACEMENT_STAGE_COLUMNS = [
  ['enterprise_id', 'bigint'],
  ['node_id', 'integer'],
  ['region_code', 'text'],
  ['score', 'real'],
  ['decision', 'text'],
  ['is_primary', 'boolean'],
  ['evidence', 'jsonb'],
] as const;

/**
 * Replaces the rule-made classifications of the given enterprises on the given chains with
 * `rows`, then settles their primary placements; manual rows are never touched. Set-based,
 * whatever the number of chains: the rows go by COPY into a temporary staging table (emptied at
 * commit), then one delete, one `INSERT … SELECT` and one settling statement.
 */
export async function replaceRuleClassifications(
  db: DbOrTx,
  chainIds: readonly number[],
  enterpriseIds: readonly number[],
  rows: readonly RuleClassificationRow[],
): Promise<void> {
  if (enterpriseIds.length === 0 || chainIds.length === 0) return;
  const ids = sql.param([...enterpriseIds]);
  await db.execute(sql`
    delete from classification c using chain_node n
    where n.id = c.node_id and n.chain_id = any(${sql.param([...chainIds])}::int[])
      and c.method = 'rule' and c.enterprise_id = any(${ids}::bigint[])`);
  if (rows.length > 0) {
    await db.execute(
      sql.raw(
        `create temp table if not exists placement_stage (${PLACEMENT_STAGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) on commit delete rows`,
      ),
    );
    await db.execute(sql.raw('delete from placement_stage'));
    await copyRows(
      db,
      'placement_stage',
      PLACEMENT_STAGE_COLUMNS.map(([column]) => column),
      rows.map((r) => [
        r.enterpriseId,
        r.nodeId,
        r.regionCode,
        r.score,
        r.decision,
        r.isPrimary,
        r.evidenceJson,
      ]),
    );
    await db.execute(sql`
      insert into classification
        (enterprise_id, node_id, region_code, score, decision, is_primary, evidence, method)
      select enterprise_id, node_id, region_code, score, decision, is_primary, evidence, 'rule'
      from placement_stage
      on conflict on constraint ${sql.raw(CLASSIFICATION_KEY)} do nothing`);
  }
  await settlePrimaryPlacements(
    db,
    enterpriseIds,
    chainIds.length === 1 ? (chainIds[0] ?? null) : null,
  );
}

/**
 * Writes the rule-made placements of enterprises that have none yet (inserted in this
 * transaction) straight into the table by COPY: nothing to delete, no conflict possible, and
 * their primaries already settled by the caller (settlePrimary in src/domain/primary-placement.ts).
 */
export async function insertFreshRuleClassifications(
  db: DbOrTx,
  rows: readonly RuleClassificationRow[],
): Promise<void> {
  await copyRows(
    db,
    'classification',
    [...PLACEMENT_STAGE_COLUMNS.map(([column]) => column), 'method'],
    rows.map((r) => [
      r.enterpriseId,
      r.nodeId,
      r.regionCode,
      r.score,
      r.decision,
      r.isPrimary,
      r.evidenceJson,
      'rule',
    ]),
  );
}

/** An enterprise's classifications on every chain, with node codes and names. */
export async function listEnterpriseClassifications(db: DbOrTx, enterpriseId: number) {
  return db
    .select({
      classification,
      nodeCode: chainNode.code,
      nodeNameZh: chainNode.nameZh,
      nodeNameEn: chainNode.nameEn,
      chainId: chainNode.chainId,
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .where(eq(classification.enterpriseId, enterpriseId))
    .orderBy(sql`${classification.isPrimary} desc`, sql`${classification.score} desc`);
}

/** One classification row, or null. */
export async function findClassification(db: DbOrTx, enterpriseId: number, nodeId: number) {
  const rows = await db
    .select()
    .from(classification)
    .where(and(eq(classification.enterpriseId, enterpriseId), eq(classification.nodeId, nodeId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Records a manual decision on an enterprise's node, over any earlier one. */
export async function upsertManualClassification(
  tx: DbOrTx,
  row: {
    enterpriseId: number;
    nodeId: number;
    regionCode: string;
    decision: string;
    isPrimary: boolean;
    score: number;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into classification
      (enterprise_id, node_id, region_code, decision, is_primary, score, method, evidence, decided_at)
    values (${row.enterpriseId}, ${row.nodeId}, ${row.regionCode}, ${row.decision},
      ${row.isPrimary}, ${row.score}, 'manual', '[]'::jsonb, now())
    on conflict on constraint ${sql.raw(CLASSIFICATION_KEY)} do update set
      region_code = excluded.region_code, decision = excluded.decision,
      is_primary = excluded.is_primary, score = excluded.score, method = 'manual',
      decided_at = excluded.decided_at`);
}

/** Clears an enterprise's primary placement on a chain, except on `exceptNodeId`. */
export async function clearPrimaryClassifications(
  tx: DbOrTx,
  enterpriseId: number,
  chainId: number,
  exceptNodeId: number | null,
): Promise<void> {
  const nodeIds = sql`(select id from chain_node where chain_id = ${chainId})`;
  await tx
    .update(classification)
    .set({ isPrimary: false })
    .where(
      and(
        eq(classification.enterpriseId, enterpriseId),
        inArray(classification.nodeId, nodeIds),
        exceptNodeId === null ? undefined : ne(classification.nodeId, exceptNodeId),
      ),
    );
}

/** Ids of enterprises classified on a chain after `afterId`, ascending (keyset paging). */
export async function listClassifiedEnterpriseIds(
  db: DbOrTx,
  options: { chainId: number; afterId: number; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: classification.enterpriseId })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .where(
      and(eq(chainNode.chainId, options.chainId), gt(classification.enterpriseId, options.afterId)),
    )
    .orderBy(asc(classification.enterpriseId))
    .limit(options.limit);
  return rows.map((row) => row.id);
}

/**
 * The node each of `ids` counts on (its primary placement) on each chain it is on, with the
 * chain's and the node's names, by enterprise and chain code.
 */
export async function listPlacementNamesOfEnterprises(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      enterpriseId: chainPlacement.enterpriseId,
      chainNameZh: chain.nameZh,
      nodeCode: chainNode.code,
      nodeNameZh: chainNode.nameZh,
    })
    .from(chainPlacement)
    .innerJoin(
      enterprise,
      and(
        eq(enterprise.id, chainPlacement.enterpriseId),
        eq(enterprise.regionCode, chainPlacement.regionCode),
      ),
    )
    .innerJoin(chainNode, eq(chainNode.id, chainPlacement.nodeId))
    .innerJoin(chain, eq(chain.id, chainNode.chainId))
    .where(inArray(chainPlacement.enterpriseId, [...ids]))
    .orderBy(asc(chainPlacement.enterpriseId), asc(chain.code));
}

/**
 * The classifications on a chain of the enterprises with ids in (afterId, lastId], with their
 * nodes: by enterprise, its primary placement first, then in template order.
 */
export async function listClassificationsOfEnterprises(
  db: DbOrTx,
  options: { chainId: number; afterId: number; lastId: number },
) {
  return db
    .select({
      c: classification,
      node: chainNode,
      e: { id: enterprise.id, uscc: enterprise.uscc, name: enterprise.name },
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .innerJoin(enterprise, eq(enterprise.id, classification.enterpriseId))
    .where(
      and(
        eq(chainNode.chainId, options.chainId),
        gt(classification.enterpriseId, options.afterId),
        sql`${classification.enterpriseId} <= ${options.lastId}`,
      ),
    )
    .orderBy(
      asc(classification.enterpriseId),
      sql`${classification.isPrimary} desc`,
      asc(chainNode.sortOrder),
    );
}

/**
 * THE placement rule, written once: on each chain an enterprise has one primary placement, its best
 * non-rejected one (confirmed before uncertain; the standing primary, then a manual decision, then
 * the higher score win ties), or none when every placement is rejected. It counts on the chain
 * (view `chain_placement`) when that placement is confirmed. Every write to classification rows
 * calls this for the enterprises it touched (`chainId` null: on every chain).
 */
export async function settlePrimaryPlacements(
  tx: DbOrTx,
  enterpriseIds: readonly number[],
  chainId: number | null,
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await tx.execute(sql`
    with ranked as (
      select c.enterprise_id, c.node_id,
        c.decision <> 'rejected' and row_number() over (
          partition by c.enterprise_id, n.chain_id
          order by c.decision = 'rejected', c.decision = 'confirmed' desc, c.is_primary desc,
            c.method = 'manual' desc, c.score desc, n.sort_order, c.node_id) = 1 as should
      from classification c join chain_node n on n.id = c.node_id
      where c.enterprise_id = any(${sql.param([...enterpriseIds])}::bigint[])
        and (${chainId}::int is null or n.chain_id = ${chainId}::int)
    )
    update classification c set is_primary = r.should
    from ranked r
    where c.enterprise_id = r.enterprise_id and c.node_id = r.node_id
      and c.is_primary is distinct from r.should`);
}

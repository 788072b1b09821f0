import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { chainNode, classification, enterprise } from './schema.ts';

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

/** The manual decisions on a chain for some enterprises: they survive re-classification. */
export async function listManualDecisions(db: DbOrTx, chainId: number, enterpriseIds: number[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      enterpriseId: classification.enterpriseId,
      nodeId: classification.nodeId,
      decision: classification.decision,
      isPrimary: classification.isPrimary,
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .where(
      and(
        eq(chainNode.chainId, chainId),
        eq(classification.method, 'manual'),
        inArray(classification.enterpriseId, enterpriseIds),
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
  evidence: unknown;
}

/**
 * Replaces the rule-made classifications of the given enterprises on a chain with `rows`; manual
 * rows are never touched. Rows travel as column arrays through unnest(): one statement per batch.
 */
export async function replaceRuleClassifications(
  db: DbOrTx,
  chainId: number,
  enterpriseIds: number[],
  rows: RuleClassificationRow[],
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await db.execute(sql`
    delete from classification c using chain_node n
    where n.id = c.node_id and n.chain_id = ${chainId} and c.method = 'rule'
      and c.enterprise_id = any(${sql.param(enterpriseIds)}::bigint[])`);
  if (rows.length === 0) return;
  const column = <K extends keyof RuleClassificationRow>(key: K) =>
    sql.param(rows.map((r) => r[key]));
  await db.execute(sql`
    insert into classification
      (enterprise_id, node_id, region_code, score, decision, is_primary, evidence, method)
    select e, n, r, s, d, p, ev::jsonb, 'rule'
    from unnest(${column('enterpriseId')}::bigint[], ${column('nodeId')}::integer[],
      ${column('regionCode')}::text[], ${column('score')}::real[], ${column('decision')}::text[],
      ${column('isPrimary')}::boolean[],
      ${sql.param(rows.map((r) => JSON.stringify(r.evidence)))}::text[]) as t(e, n, r, s, d, p, ev)
    on conflict (enterprise_id, node_id) do nothing`);
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
  const values = { ...row, method: 'manual', decidedAt: new Date() };
  await tx
    .insert(classification)
    .values({ ...values, evidence: [] })
    .onConflictDoUpdate({
      target: [classification.enterpriseId, classification.nodeId],
      set: values,
    });
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

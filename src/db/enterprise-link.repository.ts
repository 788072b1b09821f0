import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { findEnterpriseNames } from './enterprise.repository.ts';
import { chainPlacement, enterprise, enterpriseLink, enterpriseMerge } from './schema.ts';

// Links between enterprises: their rows, and the reads of the chain master and node views.

export type LinkRow = typeof enterpriseLink.$inferSelect;
export type NewLinkRow = typeof enterpriseLink.$inferInsert;

/** A link with the names and regions of both parties. */
export interface LinkWithNames {
  link: LinkRow;
  fromName: string;
  fromRegion: string;
  toName: string;
  toRegion: string;
}

/** Inserts links; returns their ids in order. */
export async function insertLinks(db: DbOrTx, rows: readonly NewLinkRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let at = 0; at < rows.length; at += 500) {
    const inserted = await db
      .insert(enterpriseLink)
      .values(rows.slice(at, at + 500))
      .returning({ id: enterpriseLink.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** What a link says, as one comparable text (kind, parties, product, share, amount, dates). */
export function linkFingerprint(link: {
  kind: string;
  fromId: number;
  toId: number;
  product?: string | null;
  sharePercent?: number | null;
  amountYuan?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
}): string {
  return JSON.stringify([
    link.kind,
    link.fromId,
    link.toId,
    link.product ?? null,
    link.sharePercent ?? null,
    link.amountYuan ?? null,
    link.validFrom ?? null,
    link.validTo ?? null,
  ]);
}

/** The fingerprints of the links already stored between any of the `fromIds` and `toIds`. */
export async function storedLinkFingerprints(
  db: DbOrTx,
  fromIds: readonly number[],
  toIds: readonly number[],
): Promise<Set<string>> {
  if (fromIds.length === 0 || toIds.length === 0) return new Set();
  const rows = await db
    .select()
    .from(enterpriseLink)
    .where(
      and(
        inArray(enterpriseLink.fromId, [...new Set(fromIds)]),
        inArray(enterpriseLink.toId, [...new Set(toIds)]),
      ),
    );
  return new Set(rows.map(linkFingerprint));
}

/**
 * Links with both parties' names and regions; a link whose party is gone is left out. The parties
 * are looked up by id after the links (findEnterpriseNames): a join of the registry with itself on the
 * link is what a distributed registry (Citus) cannot plan.
 */
async function withNames(db: DbOrTx, links: readonly LinkRow[]): Promise<LinkWithNames[]> {
  const parties = await findEnterpriseNames(
    db,
    links.flatMap((link) => [link.fromId, link.toId]),
  );
  return links.flatMap((link) => {
    const from = parties.get(link.fromId);
    const to = parties.get(link.toId);
    if (!from || !to) return [];
    return [
      {
        link,
        fromName: from.name,
        fromRegion: from.regionCode,
        toName: to.name,
        toRegion: to.regionCode,
      },
    ];
  });
}

/** One link with both parties' names, or undefined. */
export async function findLinkById(db: DbOrTx, id: number): Promise<LinkWithNames | undefined> {
  const links = await db.select().from(enterpriseLink).where(eq(enterpriseLink.id, id));
  return (await withNames(db, links))[0];
}

/** Links, newest first, where `enterpriseId` (if given) is a party, of `kind` (if given). */
export async function listLinkRows(
  db: DbOrTx,
  filter: { enterpriseId?: number | undefined; kind?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: LinkWithNames[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.enterpriseId !== undefined) {
    const party = or(
      eq(enterpriseLink.fromId, filter.enterpriseId),
      eq(enterpriseLink.toId, filter.enterpriseId),
    );
    if (party) conditions.push(party);
  }
  if (filter.kind !== undefined) conditions.push(eq(enterpriseLink.kind, filter.kind));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [links, totals] = await Promise.all([
    db
      .select()
      .from(enterpriseLink)
      .where(where)
      .orderBy(desc(enterpriseLink.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(enterpriseLink).where(where),
  ]);
  return { rows: await withNames(db, links), total: totals[0]?.n ?? 0 };
}

/** Deletes a link. */
export async function deleteLinkRow(db: DbOrTx, id: number): Promise<void> {
  await db.delete(enterpriseLink).where(eq(enterpriseLink.id, id));
}

/** For records merged away (deleted by a merge still in force): the record each was merged into. */
export async function findMergedInto(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ dropped: enterpriseMerge.droppedId, kept: enterpriseMerge.keptId })
    .from(enterpriseMerge)
    .where(
      and(
        inArray(enterpriseMerge.droppedId, [...new Set(ids)]),
        eq(enterpriseMerge.status, 'merged'),
      ),
    );
  return new Map(rows.map((r) => [r.dropped, r.kept]));
}

/**
 * Enterprises of a region (code prefix) with the chain_master tag that sit on the chain: placed
 * on one of its nodes, or not placed on any chain yet (node null), so that a master is never lost
 * while its classification is pending.
 */
export async function listChainMasterRows(
  db: DbOrTx,
  options: { nodeIds: readonly number[]; regionCode: string; enterpriseId?: number },
): Promise<
  { id: number; name: string; nameEn: string | null; regionCode: string; nodeId: number | null }[]
> {
  const nodes = sql.param([...options.nodeIds]);
  const one = options.enterpriseId === undefined ? sql`` : sql`and e.id = ${options.enterpriseId}`;
  const result = await db.execute(sql`
    select e.id, e.name, e.name_en as "nameEn", e.region_code as "regionCode", p.node_id as "nodeId"
      from ${enterprise} e
      left join ${chainPlacement} p on p.enterprise_id = e.id and p.region_code = e.region_code
                                    and p.node_id = any(${nodes}::integer[])
     where e.tags @> array['chain_master']::text[]
       and e.region_code like ${`${options.regionCode}%`}
       and (p.node_id is not null
            or not exists (select 1 from ${chainPlacement} q
                            where q.enterprise_id = e.id and q.region_code = e.region_code))
       ${one}
     order by e.name, e.id`);
  const rows = (
    result as {
      rows: {
        id: string | number;
        name: string;
        nameEn: string | null;
        regionCode: string;
        nodeId: number | null;
      }[];
    }
  ).rows;
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The enterprises of a region placed on one node (their ids). */
export async function listNodeFirmIds(
  db: DbOrTx,
  options: { nodeId: number; regionCode: string },
): Promise<number[]> {
  const rows = await db
    .select({ id: chainPlacement.enterpriseId })
    .from(chainPlacement)
    .where(
      and(
        eq(chainPlacement.nodeId, options.nodeId),
        sql`${chainPlacement.regionCode} like ${`${options.regionCode}%`}`,
      ),
    );
  return rows.map((r) => r.id);
}

/** A link valid on a day, with both parties' regions and their placements on one chain. */
export interface ActiveLinkRow {
  id: number;
  kind: string;
  fromId: number;
  fromName: string;
  fromRegion: string;
  fromNodeId: number | null;
  toId: number;
  toName: string;
  toRegion: string;
  toNodeId: number | null;
  product: string | null;
  sharePercent: number | null;
  amountYuan: number | null;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

/**
 * The links valid on `asOf` (no dates, or from ≤ asOf ≤ to) where one of `enterpriseIds` is a
 * party, with each party's placement among `nodeIds` (the chain's nodes; null when unplaced).
 */
export async function listActiveLinks(
  db: DbOrTx,
  options: { enterpriseIds: readonly number[]; nodeIds: readonly number[]; asOf: string },
): Promise<ActiveLinkRow[]> {
  if (options.enterpriseIds.length === 0) return [];
  const ids = sql.param([...options.enterpriseIds]);
  const nodes = sql.param([...options.nodeIds]);
  // The parties are read once as a set (each with its placement) and then joined to the links
  // twice: a join of the registry with itself on anything but the firm's region (from → to) is
  // what a distributed registry (Citus) cannot plan.
  const result = await db.execute(sql`
    with links as materialized (
      select * from ${enterpriseLink} l
       where (l.from_id = any(${ids}::bigint[]) or l.to_id = any(${ids}::bigint[]))
         and (l.valid_from is null or l.valid_from <= ${options.asOf}::date)
         and (l.valid_to is null or l.valid_to >= ${options.asOf}::date)
    ),
    parties as materialized (
      select e.id, e.name, e.region_code, p.node_id
        from ${enterprise} e
        left join ${chainPlacement} p on p.enterprise_id = e.id and p.region_code = e.region_code
                                      and p.node_id = any(${nodes}::integer[])
       where e.id in (select from_id from links union select to_id from links)
    )
    select l.id, l.kind,
           l.from_id as "fromId", f.name as "fromName", f.region_code as "fromRegion",
           f.node_id as "fromNodeId",
           l.to_id as "toId", t.name as "toName", t.region_code as "toRegion",
           t.node_id as "toNodeId",
           l.product, l.share_percent::float8 as "sharePercent",
           l.amount_yuan::float8 as "amountYuan",
           l.valid_from::text as "validFrom", l.valid_to::text as "validTo", l.source
      from links l
      join parties f on f.id = l.from_id
      join parties t on t.id = l.to_id
     order by l.id`);
  const rows = (result as { rows: unknown[] }).rows as (Omit<ActiveLinkRow, 'fromId' | 'toId'> & {
    fromId: string | number;
    toId: string | number;
  })[];
  return rows.map((r) => ({ ...r, fromId: Number(r.fromId), toId: Number(r.toId) }));
}

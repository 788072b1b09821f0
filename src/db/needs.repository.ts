import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { rowsOf } from './connection.ts';
import {
  chainNode,
  chainPlacement,
  enterprise,
  enterpriseYear,
  needMatch,
  needOffer,
  region,
} from './schema.ts';

// Needs and offers (供需对接) and the outcomes of their matches. All SQL of matchmaking lives here.

/** Today in Asia/Shanghai, as the database reckons it. */
const TODAY_TEXT = `(now() at time zone 'Asia/Shanghai')::date`;

/**
 * Whether the need or offer under `alias` (need_offer where the table is not aliased) is live:
 * open, and its period (if it has an end) not over. Only live ones count, match and serve.
 */
function live(alias: string): SQL {
  return sql.raw(
    `(${alias}.status = 'open' and (${alias}.ends_on is null or ${alias}.ends_on >= ${TODAY_TEXT}))`,
  );
}

/** Whether the need or offer under `alias` is expired: open, its period over (see live). */
function expired(alias: string): SQL {
  return sql.raw(`(${alias}.status = 'open' and ${alias}.ends_on < ${TODAY_TEXT})`);
}

export type NeedOfferInsert = typeof needOffer.$inferInsert;
export type NeedMatchRow = typeof needMatch.$inferSelect;

const needColumns = {
  id: needOffer.id,
  kind: needOffer.kind,
  chainId: needOffer.chainId,
  enterpriseId: needOffer.enterpriseId,
  enterpriseName: enterprise.name,
  regionCode: enterprise.regionCode,
  regionName: region.name,
  nodeId: needOffer.nodeId,
  nodeProposed: needOffer.nodeProposed,
  product: needOffer.product,
  quantity: needOffer.quantity,
  unit: needOffer.unit,
  priceYuan: needOffer.priceYuan,
  contact: needOffer.contact,
  startsOn: needOffer.startsOn,
  endsOn: needOffer.endsOn,
  status: needOffer.status,
  note: needOffer.note,
  isDemo: needOffer.isDemo,
  createdAt: needOffer.createdAt,
};

/** Inserts a need or offer and returns its id. */
export async function insertNeedOffer(db: DbOrTx, values: NeedOfferInsert): Promise<number> {
  const [row] = await db.insert(needOffer).values(values).returning({ id: needOffer.id });
  return row?.id ?? 0;
}

/** Inserts many needs and offers (the demo), returning their ids in order. */
export async function insertNeedOffers(db: DbOrTx, values: NeedOfferInsert[]): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db.insert(needOffer).values(values).returning({ id: needOffer.id });
  return rows.map((r) => r.id);
}

/** Changes a need or offer. */
export async function updateNeedOfferRow(
  db: DbOrTx,
  id: number,
  patch: Partial<NeedOfferInsert>,
): Promise<void> {
  await db
    .update(needOffer)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(needOffer.id, id));
}

function needSelect(db: DbOrTx) {
  return db
    .select(needColumns)
    .from(needOffer)
    .innerJoin(enterprise, eq(enterprise.id, needOffer.enterpriseId))
    .leftJoin(region, eq(region.code, enterprise.regionCode));
}

/** A need or offer with its enterprise's name and district. */
export type NeedOfferRow = Awaited<ReturnType<ReturnType<typeof needSelect>['where']>>[number];

/** One need or offer of a chain, or undefined. */
export async function findNeedOffer(
  db: DbOrTx,
  chainId: number,
  id: number,
): Promise<NeedOfferRow | undefined> {
  const [row] = await needSelect(db).where(
    and(eq(needOffer.id, id), eq(needOffer.chainId, chainId)),
  );
  return row;
}

export interface NeedOfferFilter {
  chainId: number;
  kind?: 'need' | 'offer';
  status?: string | undefined;
  enterpriseId?: number | undefined;
  nodeId?: number | undefined;
  text?: string | undefined;
  /** Region code prefix of the enterprise. */
  regionCode?: string | undefined;
}

function needWhere(filter: NeedOfferFilter): SQL | undefined {
  return and(
    eq(needOffer.chainId, filter.chainId),
    filter.kind ? eq(needOffer.kind, filter.kind) : undefined,
    filter.status === 'open'
      ? live('need_offer')
      : filter.status === 'expired'
        ? expired('need_offer')
        : filter.status
          ? eq(needOffer.status, filter.status)
          : undefined,
    filter.enterpriseId ? eq(needOffer.enterpriseId, filter.enterpriseId) : undefined,
    filter.nodeId ? eq(needOffer.nodeId, filter.nodeId) : undefined,
    filter.text ? sql`strpos(lower(${needOffer.product}), lower(${filter.text})) > 0` : undefined,
    filter.regionCode ? sql`${enterprise.regionCode} like ${`${filter.regionCode}%`}` : undefined,
  );
}

/** A page of needs or offers, newest first, with the count of all that match. */
export async function listNeedOffers(
  db: DbOrTx,
  filter: NeedOfferFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: NeedOfferRow[]; total: number }> {
  const where = needWhere(filter);
  const rows = await needSelect(db)
    .where(where)
    .orderBy(desc(needOffer.createdAt), desc(needOffer.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(needOffer)
    .innerJoin(enterprise, eq(enterprise.id, needOffer.enterpriseId))
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The enterprise's confirmed node on a chain (its primary placement), or null. */
export async function findPlacementNode(
  db: DbOrTx,
  enterpriseId: number,
  chainId: number,
): Promise<number | null> {
  const [row] = await db
    .select({ nodeId: chainPlacement.nodeId })
    .from(chainPlacement)
    .innerJoin(chainNode, eq(chainNode.id, chainPlacement.nodeId))
    .where(and(eq(chainPlacement.enterpriseId, enterpriseId), eq(chainNode.chainId, chainId)));
  return row?.nodeId ?? null;
}

/** What matching reads of a supplier: where it is, its size and its text. */
export interface SupplierRow {
  id: number;
  name: string;
  regionCode: string;
  regionName: string | null;
  tags: string[];
  products: string[];
  businessScope: string | null;
  nodeId: number | null;
  revenueYuan: number | null;
  outputYuan: number | null;
  employees: number | null;
  figureYear: number | null;
}

const latestYear = sql`(select y.year from ${enterpriseYear} y where y.enterprise_id = ${enterprise}.id and y.region_code = ${enterprise}.region_code order by y.year desc limit 1)`;

// Outer columns qualified by hand (${enterprise}.id): drizzle leaves them bare in a single-table
// select list, where inside a subquery they would name the inner table's columns.
function supplierColumns(chainId: number) {
  return {
    id: enterprise.id,
    name: enterprise.name,
    regionCode: enterprise.regionCode,
    regionName: region.name,
    tags: enterprise.tags,
    products: enterprise.products,
    businessScope: enterprise.businessScope,
    nodeId: sql<
      number | null
    >`(select p.node_id from ${chainPlacement} p join ${chainNode} n on n.id = p.node_id
      where p.enterprise_id = ${enterprise}.id and p.region_code = ${enterprise}.region_code
        and n.chain_id = ${chainId} limit 1)`,
    figureYear: sql<number | null>`${latestYear}`,
    revenueYuan: sql<
      number | null
    >`(select y.revenue_yuan::float8 from ${enterpriseYear} y where y.enterprise_id = ${enterprise}.id and y.region_code = ${enterprise}.region_code order by y.year desc limit 1)`,
    outputYuan: sql<
      number | null
    >`(select y.output_yuan::float8 from ${enterpriseYear} y where y.enterprise_id = ${enterprise}.id and y.region_code = ${enterprise}.region_code order by y.year desc limit 1)`,
    employees: sql<
      number | null
    >`(select y.employees from ${enterpriseYear} y where y.enterprise_id = ${enterprise}.id and y.region_code = ${enterprise}.region_code order by y.year desc limit 1)`,
  };
}

/** Nearest first: same district, city, province, then elsewhere. */
function nearFirst(regionCode: string): SQL {
  return sql`case when ${enterprise.regionCode} = ${regionCode} then 0
    when ${enterprise.regionCode} like ${`${regionCode.slice(0, 4)}%`} then 1
    when ${enterprise.regionCode} like ${`${regionCode.slice(0, 2)}%`} then 2 else 3 end`;
}

/**
 * Active enterprises with a confirmed placement on some nodes of a chain, nearest to `regionCode`
 * first, at most `limit`; `excludeId` (the enterprise with the need) left out.
 */
export async function listSuppliersOnNodes(
  db: DbOrTx,
  input: {
    chainId: number;
    nodeIds: number[];
    regionCode: string;
    excludeId: number;
    limit: number;
  },
): Promise<SupplierRow[]> {
  if (input.nodeIds.length === 0) return [];
  const rows = await db
    .select({ ...supplierColumns(input.chainId), placedNode: chainPlacement.nodeId })
    .from(chainPlacement)
    .innerJoin(enterprise, eq(enterprise.id, chainPlacement.enterpriseId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(
      and(
        sql`${chainPlacement.nodeId} = any(${sql.param(input.nodeIds)}::integer[])`,
        eq(enterprise.status, 'active'),
        sql`${enterprise.id} <> ${input.excludeId}`,
      ),
    )
    .orderBy(nearFirst(input.regionCode), asc(enterprise.id))
    .limit(input.limit);
  return rows.map(({ placedNode, ...r }) => ({ ...r, nodeId: placedNode }));
}

/**
 * Active enterprises of the province whose products or scope hold one of `keywords` (the
 * classifier's vocabulary the need's text hit), nearest first, at most `limit`.
 */
export async function listSuppliersByText(
  db: DbOrTx,
  input: {
    chainId: number;
    keywords: string[];
    regionCode: string;
    excludeId: number;
    limit: number;
  },
): Promise<SupplierRow[]> {
  if (input.keywords.length === 0) return [];
  const text = sql`lower(array_to_string(${enterprise.products}, ' ') || ' ' || coalesce(${enterprise.businessScope}, ''))`;
  return db
    .select(supplierColumns(input.chainId))
    .from(enterprise)
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(
      and(
        sql`${enterprise.regionCode} like ${`${input.regionCode.slice(0, 2)}%`}`,
        eq(enterprise.status, 'active'),
        sql`${enterprise.id} <> ${input.excludeId}`,
        sql`exists (select 1 from unnest(${sql.param(input.keywords)}::text[]) k where strpos(${text}, lower(k)) > 0)`,
      ),
    )
    .orderBy(nearFirst(input.regionCode), asc(enterprise.id))
    .limit(input.limit);
}

/**
 * Id, region, products and scope of the active enterprises in `regionCode`'s province whose
 * product names or scope hold one of `words` (a strpos scan, no index: PGlite has no pg_trgm),
 * nearest first, at most `limit`; `excludeId` left out. Light rows, so a city's firms stay cheap.
 */
export async function listSupplierTexts(
  db: DbOrTx,
  input: { words: string[]; regionCode: string; excludeId: number; limit: number },
): Promise<{ id: number; regionCode: string; products: string[]; businessScope: string | null }[]> {
  if (input.words.length === 0) return [];
  const text = sql`lower(array_to_string(${enterprise.products}, ' ') || ' ' || coalesce(${enterprise.businessScope}, ''))`;
  return db
    .select({
      id: enterprise.id,
      regionCode: enterprise.regionCode,
      products: enterprise.products,
      businessScope: enterprise.businessScope,
    })
    .from(enterprise)
    .where(
      and(
        sql`${enterprise.regionCode} like ${`${input.regionCode.slice(0, 2)}%`}`,
        eq(enterprise.status, 'active'),
        sql`${enterprise.id} <> ${input.excludeId}`,
        sql`exists (select 1 from unnest(${sql.param(input.words)}::text[]) k where strpos(${text}, lower(k)) > 0)`,
      ),
    )
    .orderBy(nearFirst(input.regionCode), asc(enterprise.id))
    .limit(input.limit);
}

/** These enterprises as suppliers (those of open offers not found otherwise). */
export async function listSuppliersByIds(
  db: DbOrTx,
  chainId: number,
  ids: number[],
): Promise<SupplierRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(supplierColumns(chainId))
    .from(enterprise)
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(sql`${enterprise.id} = any(${sql.param(ids)}::bigint[])`);
}

/** The open offers of a chain, but for one enterprise's own. */
export async function listOpenOffers(
  db: DbOrTx,
  chainId: number,
  excludeEnterpriseId: number,
): Promise<{ id: number; enterpriseId: number; nodeId: number | null; product: string }[]> {
  return db
    .select({
      id: needOffer.id,
      enterpriseId: needOffer.enterpriseId,
      nodeId: needOffer.nodeId,
      product: needOffer.product,
    })
    .from(needOffer)
    .where(
      and(
        eq(needOffer.chainId, chainId),
        eq(needOffer.kind, 'offer'),
        live('need_offer'),
        sql`${needOffer.enterpriseId} <> ${excludeEnterpriseId}`,
      ),
    )
    .orderBy(asc(needOffer.id));
}

/** The recorded outcomes of a need's matches. */
export async function listMatchRecords(db: DbOrTx, needId: number): Promise<NeedMatchRow[]> {
  return db.select().from(needMatch).where(eq(needMatch.needId, needId)).orderBy(asc(needMatch.id));
}

/** The recorded outcome of one need and supplier, or undefined. */
export async function findMatchRecord(
  db: DbOrTx,
  needId: number,
  supplierId: number,
): Promise<NeedMatchRow | undefined> {
  const [row] = await db
    .select()
    .from(needMatch)
    .where(and(eq(needMatch.needId, needId), eq(needMatch.supplierId, supplierId)));
  return row;
}

/** Records (or moves on) the outcome of a need's match with a supplier. */
export async function upsertMatchRecord(
  db: DbOrTx,
  values: typeof needMatch.$inferInsert,
): Promise<NeedMatchRow> {
  const [row] = await db
    .insert(needMatch)
    .values(values)
    .onConflictDoUpdate({
      target: [needMatch.needId, needMatch.supplierId],
      set: {
        outcome: values.outcome,
        outcomeOn: values.outcomeOn,
        offerId: values.offerId ?? null,
        note: values.note ?? null,
        recordedBy: values.recordedBy,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error('need_match upsert returned no row');
  return row;
}

/**
 * The CTE `unserved`: the needs (rows `n` of need_offer meeting `needs`, a condition on `n` and its
 * enterprise `e`) that no local supplier serves: no other active firm of the need's city holds a confirmed
 * placement on the need's node, and none of them has an open offer on that node. Suppliers are
 * looked for in the cities under `cityPrefix`. Two sets and an anti-join rather than correlated
 * subqueries, so that a distributed registry (Citus) plans it too: each set is one pass.
 */
function unservedNeeds(needs: SQL, cityPrefix: string): SQL {
  const local = `${cityPrefix}%`;
  return sql`
    needs as materialized (
      select n.id, n.node_id, n.product, n.created_at, e.id as enterprise_id,
             left(e.region_code, 4) as city
      from need_offer n join enterprise e on e.id = n.enterprise_id
      where n.node_id is not null and ${needs}
    ),
    suppliers as materialized (
      select p.node_id, s.id, left(s.region_code, 4) as city
      from chain_placement p
      join enterprise s on s.id = p.enterprise_id and s.region_code = p.region_code
      where p.node_id in (select node_id from needs) and p.region_code like ${local}
        and s.status = 'active'
      union
      select o.node_id, s.id, left(s.region_code, 4)
      from need_offer o join enterprise s on s.id = o.enterprise_id
      where o.kind = 'offer' and ${live('o')} and o.node_id in (select node_id from needs)
        and s.region_code like ${local}
    ),
    unserved as (
      select n.* from needs n
      where not exists (select 1 from suppliers x
        where x.node_id = n.node_id and x.city = n.city and x.id <> n.enterprise_id)
    )`;
}

/** Whether a need has no local supplier (see unservedNeeds). */
export async function hasNoLocalSupplier(db: DbOrTx, needId: number): Promise<boolean> {
  const owner = rowsOf<{ region_code: string }>(
    await db.execute(sql`select e.region_code from need_offer n
      join enterprise e on e.id = n.enterprise_id where n.id = ${needId}`),
  )[0];
  if (!owner) return false;
  const result = await db.execute(sql`
    with ${unservedNeeds(sql`n.id = ${needId}`, owner.region_code.slice(0, 4))}
    select 1 as x from unserved`);
  return rowsOf(result).length > 0;
}

/**
 * Per node of a chain: the open needs of a region's enterprises that no local firm serves, with
 * a few of their products (newest first), for the node's reasons and the investment candidates.
 */
export async function listNoLocalSupplierNeeds(
  db: DbOrTx,
  input: { chainId: number; regionCode: string },
): Promise<{ nodeId: number; needs: number; products: string[] }[]> {
  const result = await db.execute(sql`
    with ${unservedNeeds(
      sql`n.chain_id = ${input.chainId} and n.kind = 'need' and ${live('n')}
        and e.region_code like ${`${input.regionCode}%`}`,
      input.regionCode.slice(0, 4),
    )}
    select node_id, count(*)::int as needs,
      (array_agg(product order by created_at desc, id desc))[1:10] as products
    from unserved group by node_id order by node_id`);
  return rowsOf<{ node_id: number; needs: number; products: string[] }>(result).map((r) => ({
    nodeId: Number(r.node_id),
    needs: Number(r.needs),
    products: r.products,
  }));
}

/** The matchmaking figures of a chain in a region: open needs and offers, matches made in a year. */
export async function matchmakingFigures(
  db: DbOrTx,
  input: { chainId: number; regionCode: string; year: number },
): Promise<{ openNeeds: number; openOffers: number; noLocalSupplier: number; matches: number }> {
  const result = await db.execute<{
    open_needs: number;
    open_offers: number;
    no_local: number;
    matches: number;
  }>(sql`
    select
      (select count(*)::int from need_offer n join enterprise e on e.id = n.enterprise_id
        where n.chain_id = ${input.chainId} and n.kind = 'need' and ${live('n')}
          and e.region_code like ${`${input.regionCode}%`}) as open_needs,
      (select count(*)::int from need_offer n join enterprise e on e.id = n.enterprise_id
        where n.chain_id = ${input.chainId} and n.kind = 'offer' and ${live('n')}
          and e.region_code like ${`${input.regionCode}%`}) as open_offers,
      (with ${unservedNeeds(
        sql`n.chain_id = ${input.chainId} and n.kind = 'need' and ${live('n')}
        and e.region_code like ${`${input.regionCode}%`}`,
        input.regionCode.slice(0, 4),
      )} select count(*)::int from unserved) as no_local,
      (select count(*)::int from need_match m join need_offer n on n.id = m.need_id
        join enterprise e on e.id = n.enterprise_id
        where n.chain_id = ${input.chainId} and m.outcome <> 'dropped'
          and m.outcome_on >= make_date(${input.year}, 1, 1)
          and m.outcome_on < make_date(${input.year + 1}, 1, 1)
          and e.region_code like ${`${input.regionCode}%`}) as matches`);
  const row = rowsOf<{
    open_needs: number;
    open_offers: number;
    no_local: number;
    matches: number;
  }>(result)[0];
  return {
    openNeeds: Number(row?.open_needs ?? 0),
    openOffers: Number(row?.open_offers ?? 0),
    noLocalSupplier: Number(row?.no_local ?? 0),
    matches: Number(row?.matches ?? 0),
  };
}

/** The rows of a raw query, from PGlite's or node-postgres's answer. */

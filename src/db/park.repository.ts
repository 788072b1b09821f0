import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { chainNode, chainPlacement, enterprise, park, parkSpace, region } from './schema.ts';

export type ParkRow = typeof park.$inferSelect;
export type ParkSpaceRow = typeof parkSpace.$inferSelect;

/** Parks with their region names, by code. */
export async function listParks(db: DbOrTx) {
  return db
    .select({ park, regionName: region.name })
    .from(park)
    .leftJoin(region, eq(region.code, park.regionCode))
    .orderBy(asc(park.code));
}

/** One park with its region name, or null. */
export async function findParkById(db: DbOrTx, id: number) {
  const rows = await db
    .select({ park, regionName: region.name })
    .from(park)
    .leftJoin(region, eq(region.code, park.regionCode))
    .where(eq(park.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** One park by its code, or null. */
export async function findParkByCode(db: DbOrTx, code: string): Promise<ParkRow | null> {
  const rows = await db.select().from(park).where(eq(park.code, code)).limit(1);
  return rows[0] ?? null;
}

/** Space units in use (not retired) of the given parks (all parks when `parkId` is omitted). */
export async function listParkSpaces(db: DbOrTx, parkId?: number): Promise<ParkSpaceRow[]> {
  return db
    .select()
    .from(parkSpace)
    .where(
      and(
        isNull(parkSpace.retiredAt),
        parkId === undefined ? undefined : eq(parkSpace.parkId, parkId),
      ),
    )
    .orderBy(asc(parkSpace.parkId), asc(parkSpace.code));
}

/** Tenant counts per park. */
export async function countTenantsByPark(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db
    .select({ parkId: enterprise.parkId, n: count() })
    .from(enterprise)
    .where(sql`${enterprise.parkId} is not null`)
    .groupBy(enterprise.parkId);
  return new Map(rows.map((row) => [row.parkId ?? 0, row.n]));
}

/**
 * A park's tenants by name, each once, with the node it counts on on each chain it is on (its
 * primary placement per chain, in code order; none when unclassified).
 */
export async function listParkTenants(db: DbOrTx, parkId: number) {
  return db
    .select({
      id: enterprise.id,
      name: enterprise.name,
      // Qualified by hand: a query without joins renders ${enterprise.id} as a bare "id", which
      // inside the subquery would be chain_node's.
      nodes: sql<{ code: string; nameZh: string; nameEn: string }[]>`(
        select coalesce(json_agg(json_build_object('code', n.code, 'nameZh', n.name_zh, 'nameEn', n.name_en) order by n.code), '[]'::json)
        from ${chainPlacement} c join ${chainNode} n on n.id = c.node_id
        where c.enterprise_id = ${enterprise}.id and c.region_code = ${enterprise}.region_code)`,
    })
    .from(enterprise)
    .where(eq(enterprise.parkId, parkId))
    .orderBy(asc(enterprise.name), asc(enterprise.id));
}

/** Inserts parks; their ids in the order given. */
export async function insertParks(
  db: DbOrTx,
  rows: (typeof park.$inferInsert)[],
): Promise<number[]> {
  const inserted = await db.insert(park).values(rows).returning({ id: park.id });
  return inserted.map((row) => row.id);
}

/** Inserts park space units. */
export async function insertParkSpaces(
  db: DbOrTx,
  rows: (typeof parkSpace.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(parkSpace).values(rows);
}

/** Adds one park and returns it. */
export async function insertPark(db: DbOrTx, values: typeof park.$inferInsert): Promise<ParkRow> {
  const [row] = await db.insert(park).values(values).returning();
  if (!row) throw new Error('park was not inserted');
  return row;
}

/** Changes a park and returns it. */
export async function updatePark(
  db: DbOrTx,
  id: number,
  values: Partial<typeof park.$inferInsert>,
): Promise<ParkRow> {
  const [row] = await db.update(park).set(values).where(eq(park.id, id)).returning();
  if (!row) throw new Error(`park ${id} was not updated`);
  return row;
}

/** Which of `codes` name a chain node of some chain. */
export async function findExistingNodeCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ code: chainNode.code })
    .from(chainNode)
    .where(inArray(chainNode.code, codes));
  return new Set(rows.map((row) => row.code));
}

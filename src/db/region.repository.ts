import { asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { region } from './schema.ts';

export type RegionRow = typeof region.$inferSelect;

/** Inserts regions in batches, leaving existing codes untouched. */
export async function insertRegions(db: DbOrTx, rows: RegionRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insert(region)
      .values(rows.slice(start, start + 1_000))
      .onConflictDoNothing();
  }
}

/** Counts the regions loaded. */
export async function countRegions(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(region);
  return row?.n ?? 0;
}

/** The children of `parentCode` (the provinces when null), by code. */
export async function listRegionChildren(
  db: DbOrTx,
  parentCode: string | null,
): Promise<RegionRow[]> {
  return db
    .select()
    .from(region)
    .where(parentCode === null ? isNull(region.parentCode) : eq(region.parentCode, parentCode))
    .orderBy(asc(region.code));
}

/** One region by code, or null. */
export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | null> {
  const rows = await db.select().from(region).where(eq(region.code, code)).limit(1);
  return rows[0] ?? null;
}

/** Every region code loaded. */
export async function listRegionCodes(db: DbOrTx): Promise<string[]> {
  return (await db.select({ code: region.code }).from(region)).map((row) => row.code);
}

/** The regions of these codes that exist, by code (codes not found are left out). */
export async function findRegionsByCodes(
  db: DbOrTx,
  codes: readonly string[],
): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(region)
    .where(inArray(region.code, [...codes]))
    .orderBy(asc(region.code));
}

/** Every region (a few thousand rows: provinces, cities, counties), by code. */
export async function listAllRegions(db: DbOrTx): Promise<RegionRow[]> {
  return db.select().from(region).orderBy(asc(region.code));
}

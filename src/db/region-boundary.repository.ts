import { eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { appUser, regionBoundary } from './schema.ts';

export type RegionBoundaryRow = typeof regionBoundary.$inferSelect;

/** Stores a region's district boundaries, replacing any uploaded before. */
export async function saveRegionBoundary(
  db: DbOrTx,
  values: Omit<typeof regionBoundary.$inferInsert, 'uploadedAt'>,
): Promise<RegionBoundaryRow> {
  const [row] = await db
    .insert(regionBoundary)
    .values(values)
    .onConflictDoUpdate({
      target: regionBoundary.regionCode,
      set: { ...values, uploadedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('region_boundary: the upsert returned no row');
  return row;
}

/** A region's boundaries with the name of who uploaded them, or null when none were uploaded. */
export async function findRegionBoundary(db: DbOrTx, regionCode: string) {
  const rows = await db
    .select({ boundary: regionBoundary, uploadedBy: appUser.username })
    .from(regionBoundary)
    .leftJoin(appUser, eq(appUser.id, regionBoundary.uploadedBy))
    .where(eq(regionBoundary.regionCode, regionCode))
    .limit(1);
  return rows[0] ?? null;
}

/** Removes a region's boundaries; true when there were some. */
export async function deleteRegionBoundary(db: DbOrTx, regionCode: string): Promise<boolean> {
  const rows = await db
    .delete(regionBoundary)
    .where(eq(regionBoundary.regionCode, regionCode))
    .returning({ code: regionBoundary.regionCode });
  return rows.length > 0;
}

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { chainNode, target } from './schema.ts';

export type TargetRow = typeof target.$inferSelect;

export interface TargetWithNode extends TargetRow {
  nodeCode: string | null;
}

/**
 * A chain's targets for a region, or every region's when none is given (by region; the chain's own
 * first, then by node order and year).
 */
export async function listTargets(
  db: DbOrTx,
  input: { chainId: number; regionCode?: string | undefined },
): Promise<TargetWithNode[]> {
  const rows = await db
    .select({ target, nodeCode: chainNode.code })
    .from(target)
    .leftJoin(chainNode, eq(chainNode.id, target.nodeId))
    .where(
      and(
        eq(target.chainId, input.chainId),
        input.regionCode === undefined ? undefined : eq(target.regionCode, input.regionCode),
      ),
    )
    .orderBy(
      asc(target.regionCode),
      sql`${target.nodeId} is not null`,
      asc(chainNode.sortOrder),
      asc(target.metric),
      asc(target.year),
    );
  return rows.map((row) => ({ ...row.target, nodeCode: row.nodeCode }));
}

/** The target with this key, or null. */
export async function findTarget(
  db: DbOrTx,
  key: { chainId: number; regionCode: string; metric: string; year: number; nodeId: number | null },
): Promise<TargetRow | null> {
  const rows = await db
    .select()
    .from(target)
    .where(
      and(
        eq(target.chainId, key.chainId),
        eq(target.regionCode, key.regionCode),
        eq(target.metric, key.metric),
        eq(target.year, key.year),
        key.nodeId === null ? isNull(target.nodeId) : eq(target.nodeId, key.nodeId),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Adds a target or replaces the value of the one with the same key; returns the row. */
export async function upsertTarget(
  db: DbOrTx,
  row: {
    chainId: number;
    regionCode: string;
    metric: string;
    year: number;
    nodeId: number | null;
    value: number;
  },
): Promise<TargetRow> {
  // The key treats a null node (the whole chain) as one value: NULLS NOT DISTINCT.
  const [saved] = await db
    .insert(target)
    .values({ ...row, isDemo: false })
    .onConflictDoUpdate({
      target: [target.chainId, target.regionCode, target.metric, target.year, target.nodeId],
      set: { value: row.value, isDemo: false },
    })
    .returning();
  if (!saved) throw new Error('the target was not saved');
  return saved;
}

/** Inserts targets as they are (the demo's; setTarget upserts one at a time). */
export async function insertTargets(
  db: DbOrTx,
  rows: (typeof target.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(target).values(rows);
}

import { sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { distributionOf } from './distribution.repository.ts';

/**
 * The USCC lookup of a distributed database (docs/scaling.md). On Citus the registry is sharded by
 * region_code and a unique index on the USCC alone is not allowed, so `enterprise_uscc` (a
 * reference table made by scripts/citus/distribute.sql) holds one row per USCC, written in the
 * same transaction as the enterprise: a USCC another enterprise holds stops the transaction, as
 * the unique index does on one server. On one server the table does not exist and these do
 * nothing (distributionOf: one catalogue query per database handle).
 */
async function hasUsccLookup(db: DbOrTx): Promise<boolean> {
  return (await distributionOf(db)).usccLookup;
}

/** Brings the lookup in line with the USCCs `ids` now hold (after inserts and updates). */
export async function noteEnterpriseUsccs(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0 || !(await hasUsccLookup(db))) return;
  const list = sql.param([...ids]);
  await db.execute(sql`delete from enterprise_uscc where enterprise_id = any(${list}::bigint[])`);
  await db.execute(sql`
    insert into enterprise_uscc (uscc, region_code, enterprise_id)
    select uscc, region_code, id from enterprise
    where id = any(${list}::bigint[]) and uscc is not null`);
}

/** Drops the lookup's rows of enterprises about to be deleted. */
export async function forgetEnterpriseUsccs(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0 || !(await hasUsccLookup(db))) return;
  await db.execute(
    sql`delete from enterprise_uscc where enterprise_id = any(${sql.param([...ids])}::bigint[])`,
  );
}

/** Refills the lookup from the registry (after a bulk load that went around the writers). */
export async function rebuildUsccLookup(db: DbOrTx): Promise<void> {
  if (!(await hasUsccLookup(db))) return;
  await db.execute(sql`delete from enterprise_uscc`);
  await db.execute(sql`
    insert into enterprise_uscc (uscc, region_code, enterprise_id)
    select uscc, region_code, id from enterprise where uscc is not null`);
}

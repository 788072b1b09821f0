import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from './connection.ts';

/** How the registry is laid out: on one server, or distributed by Citus (docs/scaling.md). */
export interface Distribution {
  /** The database is a Citus coordinator (the citus extension is installed in it). */
  distributed: boolean;
  /** The USCC lookup table exists (scripts/citus/distribute.sql makes it). */
  usccLookup: boolean;
}

const answers = new WeakMap<DbOrTx, Promise<Distribution>>();

/**
 * The registry's layout, read from the catalogue in one query and kept per database handle: a
 * handle asks once, so an import batch (one transaction) asks once however many writers consult it.
 * Distribute the database (scripts/citus/distribute.sql) before chainlead serves it: a running
 * server keeps the answer it read at its start.
 */
export function distributionOf(db: DbOrTx): Promise<Distribution> {
  let answer = answers.get(db);
  if (!answer) {
    answer = db
      .execute(
        sql`select exists (select 1 from pg_extension where extname = 'citus') as "distributed",
                   to_regclass('enterprise_uscc') is not null as "usccLookup"`,
      )
      .then((result) => {
        const row = rowsOf<Distribution>(result)[0];
        return { distributed: row?.distributed === true, usccLookup: row?.usccLookup === true };
      });
    answers.set(db, answer);
    answer.catch(() => answers.delete(db));
  }
  return answer;
}

/** Whether the database is a Citus coordinator. */
export async function isDistributed(db: DbOrTx): Promise<boolean> {
  return (await distributionOf(db)).distributed;
}

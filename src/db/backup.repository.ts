import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from './connection.ts';
import { rowsOf } from './connection.ts';

export interface BackupTable {
  /** `schema.table`, as written in the manifest. */
  name: string;
  schema: string;
  table: string;
  /** Primary-key columns in key order; empty when the table has none. */
  key: { column: string; collatable: boolean }[];
}

export interface TableFingerprint {
  name: string;
  rows: number;
  /** md5 over the md5 of each row's text, rows ordered by primary key (hex). */
  checksum: string;
}

/** The tables a backup covers, in name order, with their primary keys. */
export async function listBackupTables(db: DbOrTx): Promise<BackupTable[]> {
  const result = await db.execute(sql`
    select n.nspname::text as schema, c.relname::text as table,
      coalesce((
        select json_agg(json_build_object('column', a.attname::text,
                                          'collatable', a.attcollation <> 0) order by k.ord)
        from pg_index i
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary
      ), '[]'::json) as key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')
    order by n.nspname, c.relname
  `);
  return rowsOf<{ schema: string; table: string; key: BackupTable['key'] | string }>(result).map(
    (row) => ({
      name: `${row.schema}.${row.table}`,
      schema: row.schema,
      table: row.table,
      key: typeof row.key === 'string' ? (JSON.parse(row.key) as BackupTable['key']) : row.key,
    }),
  );
}

/**
 * Settings that make a row's text the same on every PostgreSQL: dates, times, floats and bytes
 * print one way whatever the server's configuration.
 */
async function fixTextOutput(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

function orderOf(table: BackupTable): SQL {
  if (table.key.length === 0) return sql`t::text collate "C"`;
  return sql.join(
    table.key.map((part) =>
      part.collatable
        ? sql`t.${sql.identifier(part.column)} collate "C"`
        : sql`t.${sql.identifier(part.column)}`,
    ),
    sql`, `,
  );
}

/**
 * Row count and checksum of each table, computed in SQL in one read-only snapshot, so a backup's
 * manifest and a restored database can be compared table by table.
 */
export async function fingerprintTables(
  db: Db,
  options: {
    onTable?: (name: string, index: number, total: number) => void;
    /** Runs while the snapshot is open, given its exported id (pg_dump --snapshot reads it). */
    alongside?: (snapshot: string) => Promise<void>;
  } = {},
): Promise<TableFingerprint[]> {
  const onTable = options.onTable ?? (() => undefined);
  return db.transaction(
    async (tx) => {
      await fixTextOutput(tx);
      let alongside: Promise<unknown> | undefined;
      if (options.alongside) {
        const exported = await tx.execute(sql`select pg_export_snapshot() as id`);
        const id = rowsOf<{ id: string }>(exported)[0]?.id ?? '';
        // Settled either way here, so a failure surfaces after the loop, not as an unhandled one.
        alongside = options.alongside(id).then(
          () => undefined,
          (error: unknown) => ({ error }),
        );
      }
      const tables = await listBackupTables(tx);
      const fingerprints: TableFingerprint[] = [];
      for (const [index, table] of tables.entries()) {
        onTable(table.name, index, tables.length);
        const result = await tx.execute(sql`
          select count(*)::int as rows,
                 md5(coalesce(string_agg(md5(t::text), '' order by ${orderOf(table)}), '')) as checksum
          from ${sql.identifier(table.schema)}.${sql.identifier(table.table)} t
        `);
        const row = rowsOf<{ rows: number; checksum: string }>(result)[0];
        fingerprints.push({
          name: table.name,
          rows: Number(row?.rows ?? 0),
          checksum: row?.checksum ?? '',
        });
      }
      const outcome = (await alongside) as { error: unknown } | undefined;
      if (outcome) throw outcome.error;
      return fingerprints;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Whether any application table holds a row (drizzle's own migration record does not count). */
export async function hasApplicationRows(db: DbOrTx): Promise<boolean> {
  const tables = (await listBackupTables(db)).filter((table) => table.schema === 'public');
  for (const table of tables) {
    const result = await db.execute(
      sql`select exists (select 1 from ${sql.identifier(table.schema)}.${sql.identifier(table.table)}) as any`,
    );
    if (rowsOf<{ any: boolean }>(result)[0]?.any) return true;
  }
  return false;
}

/** The migrations recorded as applied (drizzle's table), oldest first; empty on a new database. */
export async function appliedMigrations(
  db: DbOrTx,
): Promise<{ hash: string; createdAt: number }[]> {
  const exists = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rowsOf<{ present: boolean }>(exists)[0]?.present) return [];
  const result = await db.execute(
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rowsOf<{ hash: string; created_at: string }>(result).map((row) => ({
    hash: row.hash,
    createdAt: Number(row.created_at),
  }));
}

/**
 * Empties a PostgreSQL database of chainlead's objects before a restore: the application schema
 * (recreated empty) and drizzle's migration record.
 */
export async function dropApplicationSchemas(db: Db): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`create schema public`);
}

const JOURNAL = fileURLToPath(new URL('./migrations/meta/_journal.json', import.meta.url));

/** The migrations this program ships (drizzle's journal): how many, and the newest one's time. */
export function bundledMigrationLevel(): { migrations: number; lastMigrationAt: number } {
  const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: { when: number }[] };
  return {
    migrations: journal.entries.length,
    lastMigrationAt: Math.max(0, ...journal.entries.map((entry) => entry.when)),
  };
}

/** The server's version, e.g. `{ version: '16.4', major: 16 }`. */
export async function serverVersion(db: DbOrTx): Promise<{ version: string; major: number }> {
  const result = await db.execute(
    sql`select current_setting('server_version') as version,
               current_setting('server_version_num')::int as num`,
  );
  const row = rowsOf<{ version: string; num: number }>(result)[0];
  return { version: row?.version ?? 'unknown', major: Math.floor(Number(row?.num ?? 0) / 10000) };
}

/** The application's tables in an order that inserts parents before children (foreign keys). */
export async function tablesInInsertOrder(db: DbOrTx): Promise<BackupTable[]> {
  const tables = (await listBackupTables(db)).filter((table) => table.schema === 'public');
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select cn.nspname || '.' || c.relname as child, pn.nspname || '.' || p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
      join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
      where k.contype = 'f' and k.conrelid <> k.confrelid
    `),
  );
  const ordered: BackupTable[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !done.has(t.name) && edges.every((e) => e.child !== t.name || done.has(e.parent)),
    );
    if (!next) throw new Error('the foreign keys between tables form a cycle');
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/** One batch of a table's rows as JSON text (an array of objects), in key order. */
export async function readRowsAsJson(
  db: DbOrTx,
  table: BackupTable,
  offset: number,
  limit: number,
): Promise<{ json: string; count: number }> {
  const result = await db.execute(sql`
    select coalesce(json_agg(row_to_json(t)), '[]')::text as json, count(*)::int as count
    from (
      select * from ${sql.identifier(table.schema)}.${sql.identifier(table.table)} t
      order by ${orderOf(table)} limit ${limit} offset ${offset}
    ) t
  `);
  const row = rowsOf<{ json: string; count: number }>(result)[0];
  return { json: row?.json ?? '[]', count: Number(row?.count ?? 0) };
}

/** Inserts rows given as JSON text (from `readRowsAsJson`), columns matched by name. */
export async function insertRowsFromJson(db: DbOrTx, table: BackupTable, json: string) {
  const target = sql`${sql.identifier(table.schema)}.${sql.identifier(table.table)}`;
  await db.execute(
    sql`insert into ${target} select * from json_populate_recordset(null::${target}, ${json}::json)`,
  );
}

/** Every sequence's state: its last value, or null when none was ever taken. */
export async function sequenceStates(
  db: DbOrTx,
): Promise<{ name: string; value: string | null }[]> {
  const result = await db.execute(sql`
    select n.nspname || '.' || c.relname as name, pg_sequence_last_value(c.oid)::text as value
    from pg_sequence s join pg_class c on c.oid = s.seqrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'
  `);
  return rowsOf<{ name: string; value: string | null }>(result);
}

/** Sets sequences to the states `sequenceStates` read elsewhere. */
export async function setSequenceStates(
  db: DbOrTx,
  states: { name: string; value: string | null }[],
): Promise<void> {
  for (const state of states) {
    await db.execute(
      state.value === null
        ? sql`select setval(${state.name}::regclass, 1, false)`
        : sql`select setval(${state.name}::regclass, ${state.value}::bigint, true)`,
    );
  }
}

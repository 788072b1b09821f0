import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, openPgliteClient, type Database } from '../db/connection.ts';

const MIGRATIONS = fileURLToPath(new URL('../db/migrations', import.meta.url));

/**
 * PGlite's initdb takes seconds; a migrated data folder, dumped once per set of migrations and
 * loaded by each test file, takes under one.
 */
async function migratedPgliteSnapshot(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) {
    if (name.endsWith('.sql')) hash.update(readFileSync(join(MIGRATIONS, name)));
  }
  // The journal too: drizzle applies a migration by its timestamp there, so a renumbered or
  // regenerated migration with the same SQL must not reuse a snapshot taken before it.
  hash.update(readFileSync(join(MIGRATIONS, 'meta', '_journal.json')));
  const file = join(tmpdir(), `chainlead-test-db-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const database = await openDatabase({ path: 'memory://' });
    await database.migrate();
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (dropped again on close). Never a mock.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const database = await openPgliteClient(
      new PGlite({ loadDataDir: await migratedPgliteSnapshot() }),
    );
    await database.migrate();
    return database;
  }
  const citusWorkers = process.env.CHAINLEAD_TEST_CITUS_WORKERS?.trim();
  if (citusWorkers) return createCitusTestDatabase(serverUrl, citusWorkers.split(','));
  const server = await createServerDatabase(serverUrl, 'chainlead_test');
  const database = await openDatabase({ url: server.url });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

/**
 * A fresh database on a Citus cluster (scripts/citus/run.sh starts one and sets
 * CHAINLEAD_TEST_CITUS_WORKERS to its workers' host:port): created on the coordinator named by
 * `serverUrl` and on each worker with the citus extension, migrated with chainlead's migrations,
 * then distributed by scripts/citus/distribute.sql (run through psql, as a deployment would).
 */
async function createCitusTestDatabase(serverUrl: string, workers: string[]): Promise<Database> {
  const name = `chainlead_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const coordinator = new URL(serverUrl);
  const nodes = [
    coordinator,
    ...workers.map((hostPort) => {
      const url = new URL(serverUrl);
      url.host = hostPort.trim();
      return url;
    }),
  ];
  const run = (url: URL, database: string, statements: string[]) => {
    const target = new URL(url);
    target.pathname = `/${database}`;
    return runStatements(target.toString(), statements);
  };
  for (const node of nodes) {
    await run(node, 'postgres', [`create database ${name}`]);
    await run(node, name, ['create extension citus']);
  }
  await run(coordinator, name, [
    `select citus_set_coordinator_host('${coordinator.hostname}', ${coordinator.port || 5432})`,
    ...nodes
      .slice(1)
      .map((node) => `select citus_add_node('${node.hostname}', ${node.port || 5432})`),
  ]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrating = await openDatabase({ url: url.toString() });
  await migrating.migrate();
  await migrating.close();
  const script = fileURLToPath(new URL('../../scripts/citus/distribute.sql', import.meta.url));
  // Four shards a table, not Citus's 32: a test's tables hold tens of rows, and every shard is
  // created for every test file's database.
  const psql = spawnSync(
    'psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url.toString(), '-f', script],
    {
      encoding: 'utf8',
      env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning -c citus.shard_count=4' },
    },
  );
  if (psql.status !== 0) throw new Error(`distribute.sql failed: ${psql.stderr}`);
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      for (const node of nodes) {
        await run(node, 'postgres', [`drop database if exists ${name} with (force)`]);
      }
    },
  };
}

/** A new, empty database on the server of `serverUrl`, its URL, and how to drop it again. */
export async function createServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runStatements(serverUrl, [`create database ${name}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runStatements(serverUrl, [`drop database if exists ${name} with (force)`]),
  };
}

/** Runs statements (or scripts of many) in order on one connection of its own to `url`. */
async function runStatements(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Which engine the database tests run on, for test names and skip messages. */
export function testDatabaseKind(): 'citus' | 'postgres' | 'pglite' {
  if (!process.env.DATABASE_URL?.trim()) return 'pglite';
  return process.env.CHAINLEAD_TEST_CITUS_WORKERS?.trim() ? 'citus' : 'postgres';
}

/**
 * A fresh database with no schema at all (not migrated): in-memory PGlite, or a new database on
 * the server named by DATABASE_URL (dropped on close). `exec` runs a script of many statements.
 */
export async function createEmptyTestDatabase(): Promise<
  Database & { exec(script: string): Promise<void> }
> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const client = new PGlite();
    const database = await openPgliteClient(client);
    return {
      ...database,
      async exec(script) {
        await client.exec(script);
      },
    };
  }
  const server = await createServerDatabase(serverUrl, 'chainlead_empty');
  const database = await openDatabase({ url: server.url });
  return {
    ...database,
    exec: (script) => runStatements(server.url, [script]),
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

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

/** A new, empty database on the server of `serverUrl`, its URL, and how to drop it again. */
async function createServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Which engine the database tests run on, for test names and skip messages. */
export function testDatabaseKind(): 'postgres' | 'pglite' {
  return process.env.DATABASE_URL?.trim() ? 'postgres' : 'pglite';
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
    async exec(script) {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        await client.query(script);
      } finally {
        await client.end();
      }
    },
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

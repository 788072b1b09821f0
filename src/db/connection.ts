import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { AppError } from '../domain/app-error.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The database handle every repository takes first: PGlite and a PostgreSQL server look alike. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept it wherever they accept `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder, `memory`, or the server URL without password. */
  location: string;
  /** Applies pending migrations; with `upTo` (a journal `when`), only those made until then. */
  migrate(options?: { upTo?: number }): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a gzipped tarball (what `loadDataDir` reads back). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** PostgreSQL server URL; when set, it wins over `path`. */
  url?: string | undefined;
  /** PGlite data folder, or `memory://` for a throw-away database. */
  path?: string | undefined;
  /** PGlite only: fill a new, empty data folder from a tarball made by `dumpDataDir`. */
  loadDataDir?: Blob | undefined;
}

export const DEFAULT_DB_PATH = '.chainlead/db';
const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Where the database is, from flags then environment: DATABASE_URL, --db / CHAINLEAD_DB, default. */
export function resolveDatabaseOptions(flags: { db?: string | undefined }): DatabaseOptions {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url };
  return { path: flags.db ?? process.env.CHAINLEAD_DB ?? DEFAULT_DB_PATH };
}

/**
 * The embedded database's folder when opening it would make a new, empty database (it does not
 * exist yet); null for a server, memory, or a folder that exists.
 */
export function newEmbeddedFolder(options: DatabaseOptions): string | null {
  if (options.url) return null;
  const path = options.path ?? DEFAULT_DB_PATH;
  if (path === 'memory://' || path === ':memory:') return null;
  const dataDir = resolve(path);
  return existsSync(dataDir) ? null : dataDir;
}

/**
 * Opens the embedded database or connects to a PostgreSQL server.
 * Throws DB_UNREACHABLE when the server cannot be reached or the data folder is in use.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.path ?? DEFAULT_DB_PATH, options.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const location = redactUrl(url);
  // The server's driver is loaded only for a server: most commands run on PGlite, and loading it
  // would cost every one of them ~50 ms.
  const [{ default: pgDriver }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
    await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
  let pool: pg.Pool;
  try {
    pool = new pgDriver.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  } catch (error) {
    throw new AppError(
      'DB_UNREACHABLE',
      `DATABASE_URL is not a valid PostgreSQL URL: ${location}`,
      {
        cause: messageOf(error),
      },
    );
  }
  // The pool reports idle-client errors (server restarts) here instead of crashing the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError(
      'DB_UNREACHABLE',
      `Cannot connect to PostgreSQL at ${location}: ${messageOf(error)}. ` +
        'Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use ' +
        'the embedded database.',
      { location },
    );
  }
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location,
    async migrate(options) {
      // One migrator at a time across processes: an advisory lock held for the migration.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727001)');
        await runMigration(() =>
          withMigrationsFolder(options?.upTo, (migrationsFolder) =>
            migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder }),
          ),
        );
      } finally {
        await client.query('select pg_advisory_unlock(727001)').catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(path: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = path === 'memory://' || path === ':memory:';
  const dataDir = inMemory ? undefined : resolve(path);
  if (dataDir) checkDataFolder(dataDir);
  const releaseLock = dataDir ? lockDataFolder(dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = new PGlite(dataDir, loadDataDir ? { loadDataDir } : {});
    await client.waitReady;
  } catch (error) {
    releaseLock();
    throw new AppError(
      'DB_UNREACHABLE',
      `Cannot open the embedded database at ${dataDir ?? 'memory'}: ${messageOf(error)}`,
      { location: dataDir ?? 'memory' },
    );
  }
  return wrapPglite(client, dataDir ?? 'memory', releaseLock);
}

/** Wraps an already created PGlite client (for example one loaded from a dump) as a Database. */
export async function openPgliteClient(client: PGlite): Promise<Database> {
  await client.waitReady;
  return wrapPglite(client, 'memory', () => undefined);
}

function wrapPglite(client: PGlite, location: string, releaseLock: () => void): Database {
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    db: pgliteDb,
    kind: 'pglite',
    location,
    async migrate(options) {
      await runMigration(() =>
        withMigrationsFolder(options?.upTo, (migrationsFolder) =>
          migratePglite(pgliteDb, { migrationsFolder }),
        ),
      );
    },
    async close() {
      await client.close();
      releaseLock();
    },
    dumpDataDir: async () => client.dumpDataDir('gzip'),
  };
}

/**
 * Runs `work` with the migrations folder, or with a copy holding only the migrations made until
 * `upTo` (a restore rebuilds an older backup's schema before copying its rows).
 */
async function withMigrationsFolder(
  upTo: number | undefined,
  work: (folder: string) => Promise<void>,
): Promise<void> {
  if (upTo === undefined) return work(MIGRATIONS_FOLDER);
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-migrations-'));
  try {
    mkdirSync(join(folder, 'meta'));
    const journal = JSON.parse(
      readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
    ) as { entries: { when: number; tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.when <= upTo);
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) {
      copyFileSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
    }
    await work(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runMigration(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw new AppError('DB_MIGRATION_FAILED', `Database migration failed: ${messageOf(error)}`);
  }
}

/**
 * PGlite is single-process: two processes on one folder corrupt it. A lock file beside the folder
 * names the holder; a lock left by a dead process is taken over.
 */
function lockDataFolder(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw cannotOpen(
        dataDir,
        `its lock file ${lockPath} cannot be written (${pathReason(error)})`,
      );
    const holder = Number(readFileSync(lockPath, 'utf8').trim());
    if (holder !== process.pid && isProcessAlive(holder)) {
      throw new AppError(
        'DB_UNREACHABLE',
        `The embedded database at ${dataDir} is in use by process ${holder} (is "chainlead serve" ` +
          'running?). Stop it first, use the API, or run on a PostgreSQL server (DATABASE_URL).',
        { location: dataDir, pid: holder },
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

/**
 * Checks the place an embedded database's folder is named before PGlite opens it, so that a
 * mistyped --db is refused in words rather than by a stack trace: an existing folder must be a
 * chainlead database or empty, and a new one must be creatable (its parents are made).
 */
function checkDataFolder(dataDir: string): void {
  let stats: ReturnType<typeof statSync> | undefined;
  try {
    stats = statSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw cannotOpen(dataDir, pathReason(error));
  }
  if (stats && !stats.isDirectory())
    throw cannotOpen(
      dataDir,
      'it is a file, not a database folder; name a folder (a new one is created)',
    );
  if (stats) {
    const entries = readdirSync(dataDir);
    if (entries.length > 0 && !entries.includes('PG_VERSION'))
      throw cannotOpen(
        dataDir,
        'the folder holds other files, not a chainlead database; name a new or empty folder',
      );
    return;
  }
  try {
    mkdirSync(dirname(dataDir), { recursive: true });
  } catch (error) {
    throw cannotOpen(dataDir, pathReason(error));
  }
}

function cannotOpen(dataDir: string, reason: string): AppError {
  return new AppError(
    'DB_UNREACHABLE',
    `Cannot open the embedded database at ${dataDir}: ${reason}`,
    {
      location: dataDir,
    },
  );
}

/** Why a path cannot be used, in words: the file system's codes are not for people. */
function pathReason(error: unknown): string {
  const { code, path } = error as NodeJS.ErrnoException;
  const where = path ? ` (${path})` : '';
  switch (code ?? '') {
    case 'ENOTDIR':
    case 'EEXIST':
      return `a part of the path is a file, not a folder${where}`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write there${where}`;
    case 'EROFS':
      return `the file system there is read-only${where}`;
    case 'ENOENT':
      return `that place does not exist or cannot hold files${where}`;
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return messageOf(error);
  }
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  // PGlite's file system throws plain objects such as { errno: 54 }.
  if (typeof error === 'object' && error !== null) {
    const { message, code, errno } = error as {
      message?: unknown;
      code?: unknown;
      errno?: unknown;
    };
    if (typeof message === 'string' && message !== '') return message;
    const said = [code, errno]
      .filter((part) => typeof part === 'string' || typeof part === 'number')
      .join(' ');
    return said === '' ? 'the embedded database could not start' : `file system error ${said}`;
  }
  return String(error);
}

/** The rows of a raw `db.execute(sql…)` result, on either driver (both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  appliedMigrations,
  bundledMigrationLevel,
  dropApplicationSchemas,
  fingerprintTables,
  hasApplicationRows,
  insertRowsFromJson,
  readRowsAsJson,
  sequenceStates,
  serverVersion,
  setSequenceStates,
  tablesInInsertOrder,
  type TableFingerprint,
} from '../../db/backup.repository.ts';
import { keepDataVersionInTransaction } from '../../db/chain-analysis.repository.ts';
import { PGlite } from '@electric-sql/pglite';
import {
  openDatabase,
  openPgliteClient,
  resolveDatabaseOptions,
  type Database,
  type DatabaseOptions,
} from '../../db/connection.ts';
import { AppError } from '../../domain/app-error.ts';
import { backupHeader, readBackup, sha256Of, type BackupManifest } from './backup-file.ts';
import { findPgTool, pgDump, pgRestore } from './pg-tools.ts';

type Progress = (message: string) => void;

export interface BackupOptions {
  out: string;
  chainleadVersion: string;
  progress?: Progress;
}

/** The database named by --db, CHAINLEAD_DB or DATABASE_URL: the one to back up or restore into. */
export function databaseTarget(flags: { db?: string | undefined }): DatabaseOptions {
  return resolveDatabaseOptions(flags);
}

export interface BackupResult {
  manifest: BackupManifest;
  kind: Database['kind'];
  location: string;
}

/**
 * Opens the target as it is (not migrated: a backup holds the database before any upgrade) and
 * writes its backup; see `writeBackup`.
 */
export async function createBackup(
  target: DatabaseOptions,
  options: BackupOptions,
): Promise<BackupResult> {
  const database = await openDatabase(target);
  try {
    const manifest = await writeBackup(database, target.url, options);
    return { manifest, kind: database.kind, location: database.location };
  } finally {
    await database.close();
  }
}

async function schemaLevel(database: Database): Promise<BackupManifest['schema']> {
  const applied = await appliedMigrations(database.db);
  return {
    migrations: applied.length,
    lastMigrationAt: applied.length > 0 ? Math.max(...applied.map((m) => m.createdAt)) : null,
  };
}

/**
 * Writes a backup of `database` to `options.out`: the manifest (versions, schema level, each
 * table's rows and checksum) and PGlite's data-folder tarball or pg_dump's custom format, taken
 * from the same snapshot as the checksums. The file appears only when complete.
 * Throws DB_UNREACHABLE when pg_dump is missing or older than the server.
 */
async function writeBackup(
  database: Database,
  url: string | undefined,
  options: BackupOptions,
): Promise<BackupManifest> {
  const progress = options.progress ?? (() => undefined);
  const out = resolve(options.out);
  const partial = `${out}.partial`;
  const onTable = (name: string, index: number, total: number) =>
    progress(`checksum ${index + 1}/${total}: ${name}`);
  const version = await serverVersion(database.db);
  const schema = await schemaLevel(database);
  const base = {
    format: 1,
    chainleadVersion: options.chainleadVersion,
    database: database.kind,
    serverVersion: version.version,
    schema,
  } as const;
  try {
    if (database.kind === 'pglite') {
      if (!database.dumpDataDir) throw new AppError('INTERNAL', 'PGlite cannot dump its data');
      const tables = await fingerprintTables(database.db, { onTable });
      progress('dumping the embedded database');
      const payload = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
      const manifest: BackupManifest = {
        ...base,
        createdAt: new Date().toISOString(),
        payload: {
          format: 'pglite-datadir-tar-gzip',
          bytes: payload.length,
          sha256: createHash('sha256').update(payload).digest('hex'),
        },
        tables,
      };
      await writeBackupFile(partial, manifest, { buffer: payload });
      renameSync(partial, out);
      return manifest;
    }
    if (!url) throw new AppError('INTERNAL', 'The server URL is needed for pg_dump');
    const tool = findPgTool('pg_dump', version.major);
    const dumpFile = `${out}.dump.partial`;
    try {
      const tables = await fingerprintTables(database.db, {
        onTable,
        alongside: async (snapshot) => {
          progress(`dumping the server with ${tool.path} ${tool.version}`);
          await pgDump(tool, url, dumpFile, snapshot);
        },
      });
      const manifest: BackupManifest = {
        ...base,
        createdAt: new Date().toISOString(),
        payload: {
          format: 'pg_dump-custom',
          bytes: statSync(dumpFile).size,
          sha256: await sha256Of(dumpFile),
          tool: `pg_dump ${tool.version}`,
        },
        tables,
      };
      await writeBackupFile(partial, manifest, { file: dumpFile });
      renameSync(partial, out);
      return manifest;
    } finally {
      rmSync(dumpFile, { force: true });
    }
  } finally {
    rmSync(partial, { force: true });
  }
}

async function writeBackupFile(
  path: string,
  manifest: BackupManifest,
  payload: { buffer: Buffer } | { file: string },
): Promise<void> {
  const output = createWriteStream(path);
  output.write(backupHeader(manifest));
  if ('buffer' in payload) {
    output.end(payload.buffer);
    await once(output, 'finish');
  } else {
    await pipeline(createReadStream(payload.file), output);
  }
}

export interface TableComparison {
  name: string;
  expected: { rows: number; checksum: string } | null;
  actual: { rows: number; checksum: string } | null;
  equal: boolean;
}

export interface RestoreReport {
  manifest: BackupManifest;
  location: string;
  tables: TableComparison[];
  equal: boolean;
  /** Set when the restored schema was older and the migrations brought it up to date. */
  upgraded: { from: number; to: number } | null;
}

export interface RestoreOptions {
  /** The target: a PostgreSQL server URL, or else a PGlite data folder. */
  url?: string | undefined;
  path?: string | undefined;
  force?: boolean | undefined;
  progress?: Progress;
}

/**
 * Restores a backup into an empty database (or any, with `force`), then checks each table's
 * rows and checksum against the manifest and, when they match, migrates an older schema up.
 * Throws BACKUP_INVALID (not a backup, damaged, newer schema, other database kind), CONFLICT
 * (target not empty), DB_UNREACHABLE (target unreachable, pg_restore missing or too old).
 */
export async function restoreBackup(file: string, options: RestoreOptions): Promise<RestoreReport> {
  const progress = options.progress ?? (() => undefined);
  progress(`reading ${file}`);
  const { manifest, payloadOffset } = await readBackup(file);
  const bundled = bundledMigrationLevel();
  if (
    (manifest.schema.lastMigrationAt ?? 0) > bundled.lastMigrationAt ||
    manifest.schema.migrations > bundled.migrations
  ) {
    throw new AppError(
      'BACKUP_INVALID',
      `${file} was made by chainlead ${manifest.chainleadVersion} with a newer database schema ` +
        `(${manifest.schema.migrations} migrations; this program knows ${bundled.migrations}). ` +
        'Restore it with that version or a later one.',
      { file, reason: 'newer schema', backup: manifest.schema, program: bundled },
    );
  }
  const targetKind = options.url ? 'postgres' : 'pglite';
  if (manifest.database === 'postgres' && targetKind === 'pglite') {
    throw new AppError(
      'BACKUP_INVALID',
      `${file} is a backup of a PostgreSQL server and cannot be restored into the embedded ` +
        'database (PGlite): only an embedded backup moves to a server, not back. Set ' +
        'DATABASE_URL to a PostgreSQL server to restore it there.',
      { file, reason: 'other database kind', backup: manifest.database, target: targetKind },
    );
  }
  const database =
    targetKind === 'pglite'
      ? await restorePglite(file, payloadOffset, options, progress)
      : manifest.database === 'pglite'
        ? await copyPgliteIntoServer(file, payloadOffset, manifest, options, progress)
        : await restorePostgres(file, payloadOffset, manifest, options, progress);
  try {
    const actual = await fingerprintTables(database.db, {
      onTable: (name, index, total) => progress(`checking ${index + 1}/${total}: ${name}`),
    });
    const tables = compareTables(manifest.tables, actual);
    const equal = tables.every((table) => table.equal);
    let upgraded: RestoreReport['upgraded'] = null;
    if (equal && (manifest.schema.lastMigrationAt ?? 0) < bundled.lastMigrationAt) {
      progress('migrating the restored database to this version');
      await database.migrate();
      upgraded = { from: manifest.schema.migrations, to: bundled.migrations };
    }
    return { manifest, location: database.location, tables, equal, upgraded };
  } finally {
    await database.close();
  }
}

function compareTables(
  expected: TableFingerprint[],
  actual: TableFingerprint[],
): TableComparison[] {
  const names = [...new Set([...expected, ...actual].map((t) => t.name))].sort();
  return names.map((name) => {
    const want = expected.find((t) => t.name === name);
    const got = actual.find((t) => t.name === name);
    return {
      name,
      expected: want ? { rows: want.rows, checksum: want.checksum } : null,
      actual: got ? { rows: got.rows, checksum: got.checksum } : null,
      equal: !!want && !!got && want.rows === got.rows && want.checksum === got.checksum,
    };
  });
}

function notEmpty(location: string): AppError {
  return new AppError(
    'CONFLICT',
    `The target database (${location}) already holds data; restore refuses to overwrite it. ` +
      'Restore into an empty database, or add --force to replace everything in it.',
    { location },
  );
}

async function restorePglite(
  file: string,
  payloadOffset: number,
  options: RestoreOptions,
  progress: Progress,
): Promise<Database> {
  const path = options.path ?? '';
  if (!path || path === 'memory://' || path === ':memory:') {
    throw new AppError('VALIDATION_FAILED', 'Restore needs a data folder (--db FOLDER).');
  }
  const folder = resolve(path);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    if (!existsSync(join(folder, 'PG_VERSION'))) {
      throw new AppError(
        'CONFLICT',
        `${folder} is not empty and is not a chainlead database folder; choose an empty or new ` +
          'folder for the restore.',
        { location: folder },
      );
    }
    const existing = await openDatabase({ path: folder });
    try {
      if ((await hasApplicationRows(existing.db)) && !options.force) throw notEmpty(folder);
    } finally {
      await existing.close();
    }
    progress(`removing the database in ${folder}`);
    rmSync(folder, { recursive: true, force: true });
  }
  progress(`loading the backup into ${folder}`);
  const payload = readFileSync(file).subarray(payloadOffset);
  return openDatabase({ path: folder, loadDataDir: new Blob([payload]) });
}

/** The server database a restore goes into, refused (and closed) when it holds data without --force. */
async function openServerTarget(options: RestoreOptions): Promise<Database> {
  const database = await openDatabase({ url: options.url ?? '' });
  try {
    if ((await hasApplicationRows(database.db)) && !options.force) {
      throw notEmpty(database.location);
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function restorePostgres(
  file: string,
  payloadOffset: number,
  manifest: BackupManifest,
  options: RestoreOptions,
  progress: Progress,
): Promise<Database> {
  const url = options.url ?? '';
  const database = await openServerTarget(options);
  try {
    const server = await serverVersion(database.db);
    const dumpMajor = Number(/(\d+)/.exec(manifest.payload.tool ?? '')?.[1] ?? 0);
    const tool = findPgTool('pg_restore', Math.max(server.major, dumpMajor));
    progress(`emptying ${database.location}`);
    await dropApplicationSchemas(database.db);
    progress(`restoring with ${tool.path} ${tool.version}`);
    await pgRestore(tool, url, { file, start: payloadOffset });
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

const COPY_BATCH = 2_000;

/**
 * An embedded database's backup into a server: the backup's schema is rebuilt on the server by
 * the same migrations (up to the backup's level), then every table's rows are copied over in key
 * order and the sequences set, so the checksums can be compared as for any restore.
 */
async function copyPgliteIntoServer(
  file: string,
  payloadOffset: number,
  manifest: BackupManifest,
  options: RestoreOptions,
  progress: Progress,
): Promise<Database> {
  const database = await openServerTarget(options);
  let source: Database | undefined;
  try {
    progress('loading the embedded database from the backup');
    const payload = readFileSync(file).subarray(payloadOffset);
    source = await openPgliteClient(new PGlite({ loadDataDir: new Blob([payload]) }));
    progress(`emptying ${database.location}`);
    await dropApplicationSchemas(database.db);
    progress('creating the backup’s schema on the server');
    await database.migrate({ upTo: manifest.schema.lastMigrationAt ?? 0 });
    const from = source.db;
    await database.db.transaction(async (tx) => {
      // The backup's data version counters are copied as they are, not moved by the copy.
      await keepDataVersionInTransaction(tx);
      const tables = await tablesInInsertOrder(from);
      for (const [index, table] of tables.entries()) {
        progress(`copying ${index + 1}/${tables.length}: ${table.name}`);
        for (let offset = 0; ; offset += COPY_BATCH) {
          const batch = await readRowsAsJson(from, table, offset, COPY_BATCH);
          if (batch.count > 0) await insertRowsFromJson(tx, table, batch.json);
          if (batch.count < COPY_BATCH) break;
        }
      }
      await setSequenceStates(tx, await sequenceStates(from));
    });
    return database;
  } catch (error) {
    await database.close();
    throw error;
  } finally {
    await source?.close();
  }
}

import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import { AppError } from '../../domain/app-error.ts';
import { mapHeaders, type MoneyUnit } from '../../domain/import-values.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { insertImportBatch, updateImportBatch } from '../../db/import.repository.ts';
import { listRegionCodes } from '../../db/region.repository.ts';
import { listChains } from '../../db/chain.repository.ts';
import {
  loadChainClassifier,
  type PreparedChainClassifier,
} from '../classification/classification.service.ts';
import type { RowError } from './enterprise-record.ts';
import { readTableFile, type ReadTableOptions, type Table } from '../tables/table-reader.ts';
import { inProcessRows, workerRows, type RowSource } from './record-source.ts';
import type { PreparedRecord } from './record-work.ts';
import { ROW_REASONS, type ReasonParams } from '../../shared/row-reasons.ts';
import type { ImportFailure } from '../../shared/api/imports.ts';
import { RecordWriter, type ImportCounts } from './enterprise-writer.ts';
import { safeErrorMessage } from '../../domain/sql-state.ts';

export type { ImportCounts };

export interface ImportOptions {
  file: string;
  /** Shown in messages and reports instead of the file path (an uploaded file's own name). */
  displayName?: string;
  source?: string;
  defaultRegion?: string | null;
  revenueUnit?: MoneyUnit;
  dryRun?: boolean;
  strict?: boolean;
  /** Classify what the import touched on every chain afterwards (default true). */
  classify?: boolean;
  table?: ReadTableOptions;
  progress?: (progress: ImportProgress) => void;
  /** Possible-duplicate pairs to queue at most (MAX_DUPLICATES_PER_IMPORT by default). */
  duplicateCap?: number;
  /** Called with the import's id as soon as it is recorded (before any row is read). */
  onStart?: (importId: number) => void;
  /**
   * Read, validate, key and classify the rows on a worker thread while this one writes: by
   * default when the file is larger than WORKER_MIN_BYTES.
   */
  worker?: boolean;
  /**
   * How long one batch's transaction may hold the database. 'interactive' (the default) keeps it
   * near 150 ms: the embedded database has one connection, and every request waits for the batch
   * in progress. 'bulk' lets batches grow to 10,000 rows or about 2 s, for an import that has the
   * database to itself (the command line) or runs on a server, where other requests take their
   * own connections: fewer, larger batches spend less on each batch's statements.
   */
  batching?: 'interactive' | 'bulk';
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportResult {
  importId: number;
  file: string;
  status: 'done' | 'rolled_back';
  dryRun: boolean;
  rowsRead: number;
  counts: ImportCounts;
  errors: RowError[];
  unknownColumns: string[];
  encoding: string;
}

/** Rows per progress report, and the first batch's size (batches then adapt). */
const BATCH = 2_000;
/** The smallest batch an import shrinks to when batches hold the database too long. */
const BATCH_MIN = 25;
/**
 * How long one batch's transaction should hold the database, and the largest batch, by the
 * import's `batching` (see ImportOptions).
 */
const BATCHING = {
  interactive: { ms: 150, maxRows: 2_000 },
  bulk: { ms: 2_000, maxRows: 10_000 },
} as const;
/** Errors kept in the import record for the API; the CSV report from the CLI has them all. */
const STORED_ERRORS = 5_000;

/**
 * Files larger than this (about 5,000 rows of a registry CSV) are read on a worker thread, so that
 * the reading and the writing use both cores; smaller ones are read in-process.
 */
export const WORKER_MIN_BYTES = 1_500_000;
/** Rows per message from the worker thread, and messages it may send ahead of the writing. */
const WORKER_CHUNK_ROWS = 250;
const WORKER_CREDITS = 8;

/** Rolls the dry run's transaction back on purpose. */
class Rollback extends Error {}

/**
 * Imports an enterprise registry file: validates every row, matches each record against the
 * registry (USCC, then normalised name in the same city, then a fuzzy score), inserts, updates or
 * merges, queues possible duplicates, and classifies what changed. Batches commit one by one and
 * a re-run is idempotent; a dry run, or --strict with any bad row, leaves the database as it was.
 * Throws VALIDATION_FAILED for an unreadable file or missing required columns.
 */
export async function importEnterprises(
  db: Db,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportResult> {
  const shown = options.displayName ?? basename(options.file);
  const table = await readTableFile(options.file, { ...options.table, name: shown });
  const mapping = mapHeaders(table.headers);
  if (mapping.missingRequired.length > 0) {
    table.close();
    throw new AppError(
      'VALIDATION_FAILED',
      `${shown}: no column for ${mapping.missingRequired.map((c) => (c === 'name' ? 'name (企业名称)' : c)).join(', ')}. ` +
        `Headers found: ${table.headers.join(', ') || '(none)'}.`,
      {
        file: shown,
        missing: mapping.missingRequired,
        reason: 'COLUMNS_MISSING',
        // Said by the web app: the columns it needs, and what the file's first row holds.
        columns: mapping.missingRequired.join(', '),
        headers: table.headers.join(', ') || '—',
      },
    );
  }
  const regionCodes = new Set(await listRegionCodes(db));
  const batchOptions = {
    dryRun: options.dryRun ?? false,
    strict: options.strict ?? false,
    region: options.defaultRegion ?? null,
  };
  const batchRow = await insertImportBatch(db, {
    kind: 'enterprises',
    fileName: shown,
    source: options.source ?? shown,
    options: batchOptions,
    actorName: actor.name,
  });
  options.onStart?.(batchRow.id);
  const counts: ImportCounts = {
    inserted: 0,
    updated: 0,
    merged: 0,
    unchanged: 0,
    rejected: 0,
    possibleDuplicates: 0,
  };
  // The header row (row 1) names the column; the unit is the value refused, the reason says why.
  const errors: RowError[] = mapping.badUnits.map((bad) => ({
    row: 1,
    column: bad.header,
    value: bad.unit,
    reason: `${bad.message}; the column was ignored`,
    code: 'HEADER_UNIT_UNSUPPORTED' as const,
    params: { unit: bad.unit },
  }));
  let rowsRead = 0;
  // Classification runs inside each batch's transaction, on the records as written: no second
  // pass over the registry, and a batch is never committed unclassified.
  const chains: PreparedChainClassifier[] =
    options.classify === false
      ? []
      : await Promise.all((await listChains(db)).map((c) => loadChainClassifier(db, c.code)));
  const context = {
    mapping,
    headers: table.headers,
    defaultRegion: options.defaultRegion ?? null,
    defaultMoneyUnit: options.revenueUnit ?? 'yuan',
    regionExists: (code: string) => regionCodes.has(code),
  };
  const source = options.source ?? shown;
  const writer = new RecordWriter(batchRow.id, source, counts, chains, options.duplicateCap);
  let status: ImportResult['status'] = 'done';
  let batchRows = BATCH / 4;
  const batching = BATCHING[options.batching ?? 'interactive'];
  const useWorker = options.worker ?? table.progress().totalBytes > WORKER_MIN_BYTES;
  // The rows of one pass: read here, or on a worker thread (which reopens the file).
  const openRows = async (opened: Table | null, classify: boolean): Promise<RowSource> => {
    if (!useWorker)
      return inProcessRows(
        opened ??
          (await readTableFile(options.file, {
            ...options.table,
            name: shown,
            headers: table.headers,
          })),
        context,
      );
    opened?.close();
    return workerRows({
      file: options.file,
      table: { ...options.table, name: shown, headers: table.headers },
      defaultRegion: context.defaultRegion,
      defaultMoneyUnit: context.defaultMoneyUnit,
      regionCodes: [...regionCodes],
      chains: classify ? chains.map((c) => c.spec) : [],
      chunkRows: WORKER_CHUNK_ROWS,
      credits: WORKER_CREDITS,
    });
  };

  // One pass over the file; `writeBatch` (when given) writes each batch of valid records.
  const runPass = async (
    source: RowSource,
    writeBatch: ((records: PreparedRecord[]) => Promise<void>) | null,
  ): Promise<void> => {
    rowsRead = 0;
    let pending: PreparedRecord[] = [];
    // One batch is written while the next is read and validated: on a server the two overlap.
    // Batches still write in file order, one at a time.
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: PreparedRecord[]): Promise<void> => {
      if (!writeBatch) return;
      await writing;
      writing = writeBatch(batch);
      // Handled here so that a failure never goes unobserved; it is rethrown by the next await.
      writing.catch(() => undefined);
    };
    try {
      let progress = { bytesRead: 0, totalBytes: table.progress().totalBytes };
      for await (const chunk of source.chunks) {
        progress = chunk.progress;
        for (const built of chunk.rows) {
          rowsRead++;
          if ('errors' in built) {
            counts.rejected++;
            errors.push(...built.errors);
          } else if (writeBatch) {
            pending.push(built.record);
          }
          if (pending.length >= batchRows) {
            await write(pending);
            pending = [];
          }
          if (rowsRead % BATCH === 0) options.progress?.({ rowsRead, ...progress });
        }
      }
      await write(pending);
      await writing;
      options.progress?.({ rowsRead, ...progress });
    } finally {
      source.close();
      // Nothing may still be writing when the import reports how it ended.
      await writing.catch(() => undefined);
    }
  };
  // Each batch commits on its own, so a long import does not hold the embedded database (one
  // connection) away from everyone else; a failure leaves whole batches, and a re-run completes.
  // The progress commits with the batch, so a killed import's record says how far it got.
  // Each batch's size adapts to how long its transaction held the database: on a busy machine
  // batches shrink (down to BATCH_MIN) so that other requests wait for at most about the
  // batching's `ms`.
  const writeInOwnTransaction = async (records: PreparedRecord[]) => {
    const started = performance.now();
    await db.transaction(async (tx) => {
      await writer.write(tx, records);
      const last = records.at(-1);
      await updateImportBatch(tx, batchRow.id, {
        rowsRead: last ? last.row - 1 : rowsRead,
        counts,
      });
    });
    const ms = performance.now() - started;
    if (ms > batching.ms && batchRows > BATCH_MIN)
      batchRows = Math.max(BATCH_MIN, Math.floor((batchRows * batching.ms) / ms));
    else if (ms < batching.ms / 3 && batchRows < batching.maxRows)
      batchRows = Math.min(batching.maxRows, batchRows * 2);
    // Let the requests that queued during this batch run before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
  };

  try {
    if (options.dryRun) {
      // With --strict, as the real run would: any invalid row refuses the file before a write.
      let opened: Table | null = table;
      if (options.strict) {
        await runPass(await openRows(table, false), null);
        opened = null;
      }
      if (counts.rejected === 0 || !options.strict)
        await db
          .transaction(async (tx) => {
            await runPass(await openRows(opened, true), (records) => writer.write(tx, records));
            throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
      status = 'rolled_back';
    } else if (options.strict) {
      // Validate the whole file first: with any invalid row, nothing is written at all.
      await runPass(await openRows(table, false), null);
      if (counts.rejected > 0) status = 'rolled_back';
      else await runPass(await openRows(null, true), writeInOwnTransaction);
    } else {
      await runPass(await openRows(table, true), writeInOwnTransaction);
    }
  } catch (caught) {
    const error = withRowsWritten(caught, counts);
    await updateImportBatch(db, batchRow.id, {
      status: 'failed',
      rowsRead,
      counts,
      message: safeErrorMessage(error),
      // The failure's code and values, so the web app says it in the reader's language.
      options: { ...batchOptions, failure: failureOf(error) },
      finishedAt: new Date(),
    });
    throw error;
  } finally {
    table.close();
  }

  await updateImportBatch(db, batchRow.id, {
    status,
    rowsRead,
    counts,
    errors: errors.slice(0, STORED_ERRORS),
    message:
      status === 'rolled_back'
        ? options.dryRun
          ? options.strict && counts.rejected > 0
            ? `dry run with --strict: ${counts.rejected} invalid rows, so a real run would write nothing`
            : 'dry run: nothing was written'
          : `--strict: ${counts.rejected} invalid rows, nothing was written`
        : writer.duplicatesOverCap > 0
          ? `the possible-duplicates cap was reached: ${counts.possibleDuplicates.toLocaleString('en')} ` +
            `pairs were queued for review and ${writer.duplicatesOverCap.toLocaleString('en')} more ` +
            'were not (each new enterprise queues at most its best look-alike)'
          : null,
    finishedAt: new Date(),
  });
  if (status === 'done') {
    await recordAudit(db, actor, {
      action: 'import.enterprises',
      entityType: 'import',
      entityId: batchRow.id,
      after: { file: shown, source, rowsRead, ...counts },
    });
  }
  return {
    importId: batchRow.id,
    file: shown,
    status,
    dryRun: options.dryRun ?? false,
    rowsRead,
    counts,
    errors,
    unknownColumns: mapping.unknown,
    encoding: table.encoding,
  };
}

/**
 * A failure after some batches were committed says so: each batch is its own transaction, so the
 * rows before the failure stay written, and importing the fixed file again matches them.
 */
function withRowsWritten(error: unknown, counts: ImportCounts): unknown {
  const written = counts.inserted + counts.updated + counts.merged;
  if (written === 0 || !(error instanceof AppError)) return error;
  const details = error.details && typeof error.details === 'object' ? error.details : {};
  return new AppError(
    error.code,
    `${error.message.replace(/\.?$/, '.')} ${written.toLocaleString('en')} rows before it were written (each batch is ` +
      'committed on its own); fix the file and import it again: rows already written are matched, not duplicated.',
    { ...details, written },
  );
}

/** A failed import's reason as a code with its values (FILE_UNREADABLE when it names none). */
function failureOf(error: unknown): ImportFailure {
  const details = error instanceof AppError ? error.details : undefined;
  const { reason, ...rest } = (details && typeof details === 'object' ? details : {}) as Record<
    string,
    unknown
  >;
  const params: ReasonParams = {};
  for (const [key, value] of Object.entries(rest))
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  const code = ROW_REASONS.find((known) => known === reason) ?? 'FILE_UNREADABLE';
  return { code, params };
}

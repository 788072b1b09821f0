import { AppError } from '../../domain/app-error.ts';
import type { MoneyUnit } from '../../domain/import-values.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../db/audit.repository.ts';
import {
  findImportBatch,
  listImportBatches,
  listRunningImportBatches,
  updateImportBatch,
  type ImportBatchRow,
} from '../../db/import.repository.ts';
import { importEnterprises, type ImportProgress } from './import-enterprises.service.ts';
import type { RowError } from './enterprise-record.ts';
import { spoolToTempFile } from '../tables/spool.ts';
import type { TableInput } from '../tables/table-reader.ts';
import type { ImportFailure } from '../../shared/api/imports.ts';
import { safeErrorMessage } from '../../domain/sql-state.ts';

/** Live progress of imports running in this process, by import id. */
const running = new Map<number, ImportProgress>();

export interface ImportView {
  id: number;
  fileName: string;
  source: string;
  status: string;
  rowsRead: number;
  progress: { bytesRead: number; totalBytes: number } | null;
  counts: Record<string, number>;
  /** Rows refused: counts.rejected, or the distinct data rows named by errors. */
  rowsRejected: number;
  /** Errors found; a row may carry several. */
  errorCount: number;
  errors: RowError[];
  message: string | null;
  failure: ImportFailure | null;
  actorName: string;
  startedAt: string;
  finishedAt: string | null;
}

function present(row: ImportBatchRow, errorLimit: number): ImportView {
  const live = running.get(row.id);
  const errors = row.errors as RowError[];
  return {
    id: row.id,
    fileName: row.fileName,
    source: row.source,
    status: row.status,
    rowsRead: live?.rowsRead ?? row.rowsRead,
    progress: live ? { bytesRead: live.bytesRead, totalBytes: live.totalBytes } : null,
    counts: row.counts as Record<string, number>,
    rowsRejected:
      (row.counts as Record<string, number>).rejected ??
      new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size,
    errorCount: errors.length,
    errors: errors.slice(0, errorLimit),
    message: row.message,
    failure: (row.options as { failure?: ImportFailure }).failure ?? null,
    actorName: row.actorName,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Starts importing an uploaded file in the background and answers at once with its id; progress
 * and the outcome are read with `getImport`. The upload is spooled to a temporary file (see
 * spoolToTempFile for why) and removed when the job ends.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  upload: TableInput,
  options: {
    source?: string | undefined;
    region?: string | undefined;
    revenueUnit?: MoneyUnit | undefined;
    strict?: boolean | undefined;
    dryRun?: boolean | undefined;
    /** See ImportOptions.batching: 'bulk' on a server, where requests have their own connections. */
    batching?: 'interactive' | 'bulk' | undefined;
  },
): Promise<{ id: number }> {
  const { file, size, remove } = await spoolToTempFile(upload, 'upload.csv');
  const remover = () => remove().catch(() => undefined);
  let jobId = -1;
  let resolveId: (id: number) => void = () => undefined;
  const started = new Promise<number>((resolve) => (resolveId = resolve));
  const job = importEnterprises(db, actor, {
    file,
    displayName: upload.name,
    source: options.source,
    defaultRegion: options.region ?? null,
    revenueUnit: options.revenueUnit,
    strict: options.strict,
    dryRun: options.dryRun,
    batching: options.batching,
    onStart: (id) => {
      jobId = id;
      running.set(id, { rowsRead: 0, bytesRead: 0, totalBytes: size });
      resolveId(id);
    },
    progress: (progress) => running.set(jobId, progress),
  });
  // A file rejected before it started (unreadable, no name column) fails the request itself.
  const id = await Promise.race([started, job.then(() => -1)]).catch(async (error: unknown) => {
    await remover();
    throw error;
  });
  void job
    // The batch records the failure; the log says which import, without the database's text.
    .catch((error: unknown) => console.error(`import ${id} failed: ${safeErrorMessage(error)}`))
    .finally(() => {
      running.delete(id);
      void remover();
    });
  if (id < 0) throw new AppError('INTERNAL', 'The import ended before it started.');
  return { id };
}

/** One import with its progress, counts and the first errors. Throws IMPORT_NOT_FOUND. */
export async function getImport(db: Db, id: number, errorLimit = 200): Promise<ImportView> {
  const row = await findImportBatch(db, id);
  if (!row) throw new AppError('IMPORT_NOT_FOUND', `No import has id ${id}.`);
  return present(row, errorLimit);
}

/**
 * The latest enterprise imports, newest first. Project imports are recorded in the same table
 * (kind 'projects') but answer their request when done; this list is the registry's imports.
 */
export async function listImports(db: Db): Promise<{ items: ImportView[]; total: number }> {
  const rows = await listImportBatches(db, 'enterprises', 50);
  return { items: rows.map((row) => present(row, 0)), total: rows.length };
}

/** Every error of an import, for its CSV report. Throws IMPORT_NOT_FOUND. */
export async function getImportErrors(
  db: Db,
  id: number,
): Promise<{ fileName: string; errors: RowError[] }> {
  const row = await findImportBatch(db, id);
  if (!row) throw new AppError('IMPORT_NOT_FOUND', `No import has id ${id}.`);
  return { fileName: row.fileName, errors: row.errors as RowError[] };
}

const count = (n: number) => n.toLocaleString('en');

/** What a stopped import got through, and how to finish it. */
export function interruptedMessage(row: ImportBatchRow): string {
  const total = (row.counts as { total?: unknown }).total;
  const dryRun = (row.options as { dryRun?: unknown }).dryRun === true;
  const reached =
    typeof total === 'number'
      ? `stopped after ${count(row.rowsRead)} of ${count(total)} rows`
      : `stopped after ${count(row.rowsRead)} rows`;
  return dryRun
    ? `${reached} (the server stopped); a dry run writes nothing: run it again`
    : `${reached} (the server stopped); run the same file again: rows already written are ` +
        'matched, not duplicated';
}

/**
 * Marks the imports a stopped process left running as failed, saying how far each got. Run at
 * start-up, before anything can start a new import. Returns the ids marked.
 */
export async function failInterruptedImports(db: Db): Promise<number[]> {
  const stale = await listRunningImportBatches(db);
  for (const row of stale) {
    await updateImportBatch(db, row.id, {
      status: 'failed',
      message: interruptedMessage(row),
      finishedAt: new Date(),
    });
  }
  return stale.map((row) => row.id);
}

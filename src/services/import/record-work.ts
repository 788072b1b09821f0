import type { MoneyUnit } from '../../domain/import-values.ts';
import type { SerializedClassification } from '../../domain/classification.ts';
import type { ReadTableOptions } from '../tables/table-reader.ts';
import type { ClassifierSpec } from '../classification/classifier-spec.ts';
import type { EnterpriseRecord, RowError } from './enterprise-record.ts';

// What the read half of an import hands the write half, in-process or from a worker thread.

/** The per-row work done ahead of the write: the record's keys and its classifier results. */
export interface PreparedWork {
  keys: { nameKey: string; matchKeys: string[] };
  /** The classifier's results on each chain of the import, in the order of its chains. */
  classified: SerializedClassification[][];
}

/** A validated record, with the work a worker thread did ahead of the write (if any). */
export type PreparedRecord = EnterpriseRecord & { prepared?: PreparedWork };

/** One row of the file: a record, or every problem of the row. */
export type BuiltRow = { record: PreparedRecord } | { errors: RowError[] };

/** Rows in file order, with how far reading had got after the last of them. */
export interface RowChunk {
  rows: BuiltRow[];
  progress: { bytesRead: number; totalBytes: number };
}

/** What the worker thread is given: the file, how to read and check it, the chains' classifiers. */
export interface RecordWorkerInit {
  file: string;
  table: ReadTableOptions;
  defaultRegion: string | null;
  defaultMoneyUnit: MoneyUnit;
  regionCodes: string[];
  chains: ClassifierSpec[];
  /** Rows per message. */
  chunkRows: number;
  /** Messages the worker may send ahead of the main thread (each one read returns one). */
  credits: number;
}

/** An error thrown in the worker, as plain data: the main thread throws it again as it was. */
export interface WorkerErrorData {
  name: string;
  message: string;
  code?: string;
  details?: unknown;
  stack?: string;
}

export type WorkerMessage =
  { type: 'chunk'; chunk: RowChunk } | { type: 'done' } | { type: 'error'; error: WorkerErrorData };

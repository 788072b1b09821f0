import { writeFile } from 'node:fs/promises';
import { csvDocument } from '../../shared/csv.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';

/**
 * A row that failed validation: where, which column, the value, and why: `reason` in English (the
 * CLI, errors.csv), `code` and `params` for the web app to say it in the reader's language.
 */
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
  code: RowReason;
  params?: ReasonParams;
}

/** An import's error report as CSV text (UTF-8 with BOM, so Excel shows the Chinese right). */
export function errorReportCsv(file: string, errors: readonly RowError[]): string {
  return csvDocument(
    ['file', 'row', 'column', 'value', 'reason'],
    errors.map((error) => [file, error.row, error.column, error.value, error.reason]),
  );
}

/** Writes an import's error report as CSV to `path`. */
export async function writeErrorReport(
  path: string,
  file: string,
  errors: RowError[],
): Promise<void> {
  await writeFile(path, errorReportCsv(file, errors));
}

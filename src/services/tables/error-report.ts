import { writeFile } from 'node:fs/promises';
import { csvDocument } from '../../shared/csv.ts';
import { rowReasonIn } from '../../shared/row-reason-messages.ts';
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

const REPORT_HEADERS = {
  zh: ['文件', '行', '列', '值', '原因'],
  en: ['file', 'row', 'column', 'value', 'reason'],
} as const;

/**
 * An import's error report as CSV text (UTF-8 with BOM, so Excel shows the Chinese right), its
 * headers and reasons in `language` (the CLI's English by default). In English a row's reason is
 * the sentence the CLI printed for it, which names the field; in Chinese it is the code's text.
 */
export function errorReportCsv(
  file: string,
  errors: readonly RowError[],
  language: 'zh' | 'en' = 'en',
): string {
  return csvDocument(
    [...REPORT_HEADERS[language]],
    errors.map((error) => [
      file,
      error.row,
      error.column,
      error.value,
      language === 'en' && error.reason ? error.reason : rowReasonIn(error, language),
    ]),
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

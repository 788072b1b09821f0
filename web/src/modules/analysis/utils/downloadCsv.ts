import { csvDocument, type CsvCell } from '@shared/csv.ts';

/**
 * Saves rows as a UTF-8 CSV with a byte-order mark, so Excel reads the Chinese names; cells a
 * spreadsheet would run as formulas are neutralised by the shared writer.
 */
export function downloadCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  const text = csvDocument(header, rows, { eol: '\r\n' });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

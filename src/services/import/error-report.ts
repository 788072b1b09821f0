import { createWriteStream } from 'node:fs';
import { neutralizeFormula } from '../../domain/import-values.ts';
import type { RowError } from './enterprise-record.ts';

/** One CSV field, quoted where needed and safe to open in a spreadsheet. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line from fields. */
export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** Writes an import's error report as CSV (UTF-8 with BOM, so Excel shows the Chinese right). */
export async function writeErrorReport(
  path: string,
  file: string,
  errors: RowError[],
): Promise<void> {
  const out = createWriteStream(path);
  out.write('\uFEFF');
  out.write(csvLine(['file', 'row', 'column', 'value', 'reason']));
  for (const error of errors)
    out.write(csvLine([file, error.row, error.column, error.value, error.reason]));
  await new Promise<void>((resolve, reject) => {
    out.end(() => resolve());
    out.on('error', reject);
  });
}

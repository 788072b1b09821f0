/*
 * The one CSV writer, for every export of the server and the CLI and for the web app's
 * downloads: pure string functions (no node:*), so the browser imports them too. Every cell is
 * formula-safe: text a spreadsheet would run as a formula gets a leading apostrophe.
 */

/** What a CSV cell may hold; null and undefined write an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark that makes Excel read UTF-8 (and so Chinese names) right. */
export const CSV_BOM = '\uFEFF';

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * True when a spreadsheet would run `text` as a formula: it starts with = + - @, a tab or a
 * carriage return (OWASP CSV injection). Plain numbers such as -5 or +1.5 are data, not formulas.
 * The one rule for every CSV: the server's, the CLI's and the web app's downloads (an XLSX
 * text cell is never run as a formula, so XLSX exports keep text as written).
 */
export function isFormulaText(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text);
}

/** Prefixes text with ' when a spreadsheet would run it as a formula (see isFormulaText). */
export function neutralizeCsvFormula(text: string): string {
  return isFormulaText(text) ? `'${text}` : text;
}

/** One CSV field: formula-safe, and quoted when it holds a comma, a quote or a line break. */
export function csvField(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : neutralizeCsvFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line from fields, ending with `eol`. */
export function csvLine(fields: readonly CsvCell[], eol = '\n'): string {
  return `${fields.map(csvField).join(',')}${eol}`;
}

/** A whole CSV text: the byte-order mark (unless `bom` is false), the header, then the rows. */
export function csvDocument(
  header: readonly CsvCell[],
  rows: Iterable<readonly CsvCell[]>,
  options: { bom?: boolean; eol?: string } = {},
): string {
  const eol = options.eol ?? '\n';
  let text = (options.bom ?? true) ? CSV_BOM : '';
  text += csvLine(header, eol);
  for (const row of rows) text += csvLine(row, eol);
  return text;
}

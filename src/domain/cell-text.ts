// Helpers every cell parser shares: full-width folding, empty marks, and refusals with a code.
import type { ReasonParams, RowReason } from '../shared/row-reasons.ts';

/** NFKC folds full-width letters, digits, brackets and punctuation to their ASCII forms. */
export function fold(text: string): string {
  return text.normalize('NFKC');
}

// Statistics tables print a dash or slash for "no figure"; they mean empty, not zero.
const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '/', '\\']);

/** True for a cell that means "no value": empty, a dash or a slash. */
export function isEmptyCell(text: string): boolean {
  return EMPTY_MARKS.has(text);
}

/** A refused cell: its English sentence for the CLI and errors.csv, its code and parameters. */
export function refuse(
  code: RowReason,
  reason: string,
  params?: ReasonParams,
): { ok: false; reason: string; code: RowReason; params?: ReasonParams } {
  return params ? { ok: false, reason, code, params } : { ok: false, reason, code };
}

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * True when a spreadsheet would run `text` as a formula: it starts with = + - @, a tab or a carriage
 * return (OWASP CSV injection); plain numbers such as -5 are data, not formulas.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text);
}

/** Prefixes formula-like text with ' for CSV/XLSX export so spreadsheets show it as text. */
export function neutralizeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * True for the error values spreadsheets show in a cell (#N/A, #DIV/0!, #REF! and so on), and for
 * #ERROR!, which the table reader writes for a formula whose saved result is an error.
 */
export function isSpreadsheetError(text: string): boolean {
  return /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i.test(
    text.trim(),
  );
}

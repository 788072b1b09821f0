// Helpers every cell parser shares: full-width folding, empty marks, and refusals with a code.
import { hasVisibleText } from '../shared/api/fields.ts';
import { isFormulaText, neutralizeCsvFormula } from '../shared/csv.ts';
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

// The formula rule lives with the CSV writer in src/shared/csv.ts, which the web app imports too:
// one rule for the server's exports and the browser's downloads.
/** True when a spreadsheet would run `text` as a formula (= + - @, tab or CR; not plain numbers). */
export const isFormulaLike = isFormulaText;

/** Prefixes formula-like text with ' for CSV/XLSX export so spreadsheets show it as text. */
export const neutralizeFormula = neutralizeCsvFormula;

/**
 * True for the error values spreadsheets show in a cell (#N/A, #DIV/0!, #REF! and so on), and for
 * #ERROR!, which the table reader writes for a formula whose saved result is an error.
 */
export function isSpreadsheetError(text: string): boolean {
  return /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i.test(
    text.trim(),
  );
}

/** Why a text cell cannot be stored as it is, with what a report shows of it. */
export interface TextCellProblem {
  /** The cell as an error report shows it: NUL made visible, a long text cut to 50 characters. */
  value: string;
  reason: string;
  code: RowReason;
  params?: ReasonParams;
}

/**
 * A cell holding the NUL character, which no column can store (whatever the cell is parsed as
 * next: a number, a code, a name to look up); null for any other.
 */
export function nulCellProblem(text: string): TextCellProblem | null {
  if (!text.includes('\u0000')) return null;
  return {
    value: text.replaceAll('\u0000', '␀').slice(0, 50),
    reason: 'contains the NUL character; remove it',
    code: 'TEXT_HAS_NUL',
  };
}

/**
 * What is wrong with a text cell of a column that holds at most `max` characters (the limit the
 * API holds the same field to): a NUL character (no column can store one), too many characters,
 * or — where a name is wanted (`visible`) — nothing but spaces and invisible characters. Null
 * when it is fine. The one check every file import makes of its text cells.
 */
export function textCellProblem(
  text: string,
  max: number,
  options: { visible?: boolean } = {},
): TextCellProblem | null {
  const nul = nulCellProblem(text);
  if (nul) return nul;
  const value = text.trim();
  if (value.length > max)
    return {
      value: `${value.slice(0, 50)}…`,
      reason: `longer than ${max} characters`,
      code: 'TEXT_TOO_LONG',
      params: { max },
    };
  if (options.visible && value !== '' && !hasVisibleText(value))
    return {
      value,
      reason: 'only spaces or invisible characters (zero-width, direction marks)',
      code: 'TEXT_INVISIBLE',
    };
  return null;
}

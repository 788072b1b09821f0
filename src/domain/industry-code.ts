import { fold, isEmptyCell, refuse } from './cell-text.ts';
import type { ParseFailure } from './import-values.ts';

export type IndustryCodeParse = { ok: true; code: string | null } | ParseFailure;

// GB/T 4754-2017 sections and the divisions (first two digits) each one holds.
const SECTION_DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/**
 * The 4-digit GB/T 4754-2017 class code in a cell such as '2710', 'C2710' or Excel's '2710.0';
 * a section letter must agree with the division.
 */
export function normalizeIndustryCode(text: string): IndustryCodeParse {
  const value = fold(text).trim().replace(/^'/, '').toUpperCase();
  if (isEmptyCell(value)) return { ok: true, code: null };
  const match = /^([A-Z])?\s*(\d+)(?:\.0+)?$/.exec(value);
  if (!match)
    return refuse('INDUSTRY_CODE_FORMAT', 'not an industry code; expected 4 digits such as 2710');
  const [, section, digits = ''] = match;
  if (digits.length !== 4) {
    // Excel turns 0111 into 111 when the column is numeric; we cannot tell that from group 111.
    const hint =
      digits.length === 3 ? '; if Excel dropped a leading 0, format the column as text' : '';
    return refuse(
      'INDUSTRY_CODE_DIGITS',
      `industry code ${digits} has ${digits.length} digits; GB/T 4754 classes have 4${hint}`,
      { code: digits, digits: digits.length },
    );
  }
  const division = Number(digits.slice(0, 2));
  if (division < 1 || division > 97)
    return refuse(
      'INDUSTRY_CODE_DIVISION',
      `industry code ${digits}: there is no division ${digits.slice(0, 2)}`,
      { code: digits, division: digits.slice(0, 2) },
    );
  if (section !== undefined) {
    const range = SECTION_DIVISIONS[section];
    if (!range || division < range[0] || division > range[1])
      return refuse(
        'INDUSTRY_CODE_SECTION',
        `industry code ${section}${digits}: section ${section} has no division ${digits.slice(0, 2)}`,
        { code: `${section}${digits}`, section, division: digits.slice(0, 2) },
      );
  }
  return { ok: true, code: digits };
}

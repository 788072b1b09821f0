/**
 * Unified Social Credit Codes (统一社会信用代码) per GB 32100-2015: 18 characters, the last a check
 * character over the first 17, drawn from 31 symbols (no I, O, Z, S, V).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100-2015 check character for the first 17 characters, or null when one is not allowed. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

export type UsccProblem = 'length' | 'character' | 'check';

/** Why `code` is not a valid USCC, or null when it is (upper-case expected; callers normalise). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'character';
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

/** True when `code` is an 18-character USCC whose check character is right. */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** The GB 11714 organisation code check character for its 8-character body. */
export function orgCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i);
    const value = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * Builds a well-formed USCC for an enterprise registered by market regulation (9), as a company (1),
 * in `regionCode` (6 digits), from an 8-digit organisation serial.
 */
export function buildUscc(regionCode: string, serial8: string): string {
  const body = `91${regionCode}${serial8}${orgCodeCheckCharacter(serial8)}`;
  const check = usccCheckCharacter(body);
  if (check === null)
    throw new Error(`cannot build a USCC from "${body}": bad length or character`);
  return body + check;
}

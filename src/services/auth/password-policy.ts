import { AppError } from '../../domain/app-error.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** The shortest password accepted unless CHAINLEAD_PASSWORD_MIN_LENGTH says otherwise. */
export const DEFAULT_MIN_PASSWORD_LENGTH = 10;

/**
 * The configured minimum length (CHAINLEAD_PASSWORD_MIN_LENGTH, read on each check so the CLI and
 * the server agree); a value that is not a whole number from 8 to 128 falls back to the default.
 */
export function minPasswordLength(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.CHAINLEAD_PASSWORD_MIN_LENGTH);
  return Number.isInteger(configured) && configured >= 8 && configured <= 128
    ? configured
    : DEFAULT_MIN_PASSWORD_LENGTH;
}

const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** True for a password that only walks a digit or key row, either way, wrapping (1234567890123). */
function isSequence(lower: string): boolean {
  return KEY_ROWS.some((row) =>
    [row, [...row].reverse().join('')].some((line) => {
      const start = line.indexOf(lower.charAt(0));
      if (start < 0) return false;
      return [...lower].every((char, i) => line.charAt((start + i) % line.length) === char);
    }),
  );
}

/** The text without leading and trailing digits and punctuation ("password123!" → "password"). */
const stripPadding = (text: string) => text.replace(/^[\d\W_]+|[\d\W_]+$/g, '');

/** Why a password is too weak, or null when it passes the policy. */
export function passwordWeakness(
  password: string,
  options: { username?: string | null; minLength?: number } = {},
): string | null {
  const minLength = options.minLength ?? minPasswordLength();
  const lower = password.toLowerCase();
  if ([...password].length < minLength) return `use at least ${minLength} characters`;
  if (new Set(password).size === 1) return 'use more than one distinct character';
  if (COMMON_PASSWORDS.has(lower)) return 'it is one of the most common passwords';
  // A common password padded with digits or punctuation ("password123!") guesses as fast.
  const core = stripPadding(lower);
  if (core !== lower && COMMON_PASSWORDS.has(core)) return 'it is a common password with a suffix';
  if (isSequence(lower)) return 'it is a run of keys or digits, such as 1234567890';
  const username = options.username?.toLowerCase();
  if (username) {
    const bare = stripPadding(username) || username;
    if (
      [lower, [...lower].reverse().join('')].some((text) => (stripPadding(text) || text) === bare)
    ) {
      return 'it must not be the username (even reversed or with digits added)';
    }
  }
  return null;
}

/**
 * Refuses a weak password: shorter than the configured minimum, all one character, one of the
 * most common passwords (also with a digit or symbol suffix), or the username. Throws
 * PASSWORD_TOO_WEAK naming `field`.
 */
export function checkPasswordStrength(
  password: string,
  options: { username?: string | null; field?: string } = {},
): void {
  const minLength = minPasswordLength();
  const reason = passwordWeakness(password, { username: options.username ?? null, minLength });
  if (reason === null) return;
  const field = options.field ?? 'password';
  throw new AppError('PASSWORD_TOO_WEAK', `The password is too weak: ${reason}.`, {
    field,
    reason,
    minLength,
  });
}

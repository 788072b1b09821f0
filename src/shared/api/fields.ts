import { z } from 'zod';
import { isPhoneText } from '../phone-text.ts';

// The building blocks every request schema is made of, so that each rule about input is written
// once: ids within the column's range, real calendar dates, text without NUL or lone surrogates
// and within a length. Request objects are strict (`z.strictObject`): an unknown field is a 400
// naming it (src/server/request-schemas.test.ts holds every route to that).

/** The largest value of a PostgreSQL `integer` (serial ids, counts, years). */
export const MAX_INT32 = 2_147_483_647;

/** Whether text holds a character PostgreSQL or the audit log's JSONB cannot store. */
export function hasUnsafeCharacters(value: string): boolean {
  // NUL, and a UTF-16 surrogate half without its partner (lone surrogates are not Unicode text).
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
  return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
    value,
  );
}

const SAFE_TEXT_MESSAGE = 'must not contain NUL characters or broken Unicode (lone surrogates)';

/** Optional-length text: trimmed, at most `max` characters, no NUL or lone surrogates. */
export const safeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasUnsafeCharacters(value), SAFE_TEXT_MESSAGE);

/**
 * Optional text: trimmed, at most `max` characters, no NUL; blank (spaces only) is null, i.e. no
 * value, never an empty or all-space string stored and shown as if it said something.
 */
export const optionalText = (max: number) =>
  safeText(max).transform((value): string | null => (value === '' ? null : value));

export const PHONE_TEXT_MESSAGE =
  'not a phone number: digits, with + - ( ) and an extension (转 8001)';

/** A phone number field: safe text of at most `max` characters that reads as a phone number. */
export const phoneText = (max: number) =>
  safeText(max).refine((value) => value === '' || isPhoneText(value), PHONE_TEXT_MESSAGE);

/** Text kept exactly as sent (passwords): at most `max` characters, no NUL or lone surrogates. */
export const rawText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasUnsafeCharacters(value), SAFE_TEXT_MESSAGE);

/**
 * Whether text shows anything: a character other than white space and invisible formatting
 * (zero-width spaces and joiners, the byte-order mark, direction marks and overrides), which
 * `trim` keeps. A name of only those would be stored, listed and picked from as a blank.
 */
export function hasVisibleText(value: string): boolean {
  return /[^\s\p{Cf}\p{Z}]/u.test(value);
}

const VISIBLE_TEXT_MESSAGE =
  'must show something: only spaces or invisible characters (zero-width, direction marks) were sent';

/** Text that must say something: trimmed, 1 to `max` characters, no NUL or lone surrogates. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !hasUnsafeCharacters(value), SAFE_TEXT_MESSAGE)
    .refine(hasVisibleText, VISIBLE_TEXT_MESSAGE);

/**
 * Text a person is shown by, optional (a display name): empty clears it; anything else must
 * show something, or it would be listed and picked from as a blank.
 */
export const displayText = (max: number) =>
  rawText(max).refine((value) => value === '' || hasVisibleText(value), VISIBLE_TEXT_MESSAGE);

/** A chain's code in a request (biomed, ic): what chain templates allow, at most 64 characters. */
export const chainCodeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a chain code such as biomed')
  .meta({ example: 'biomed' });

/** A chain node's code in a request (biomed.mid.device; a stage such as biomed.mid, too). */
export const nodeCodeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'must be a node code such as biomed.mid.device')
  .meta({ example: 'biomed.mid.device' });

/** A region code or a prefix of one in a query (32, 3202, 320214): a province or city includes its parts. */
export const regionCodeParam = z.string().regex(/^\d{2,6}$/, 'a region code of 2 to 6 digits');

/**
 * A query's date ranges in order: for each [from, to] pair given, a `to` before its `from` is a
 * 400 naming it (an empty page would say nothing about why).
 */
export function datesInOrder(...pairs: readonly (readonly [from: string, to: string])[]) {
  return (query: Readonly<Record<string, unknown>>, ctx: z.RefinementCtx): void => {
    for (const [from, to] of pairs) {
      const start = query[from];
      const end = query[to];
      if (typeof start === 'string' && typeof end === 'string' && end < start)
        ctx.addIssue({ code: 'custom', path: [to], message: `${to} is before ${from}` });
    }
  };
}

/** A record id in a JSON body: a whole number from 1 to 2^31−1 (the column's range). */
export const bodyIdSchema = z.number().int().min(1).max(MAX_INT32);

/**
 * A whole number written in a path or query string: plain digits only (12; not 1e1, 0x0c, 012,
 * ' 12' or 12.0, which a coercion would take), then checked by `schema` (its range). Anything
 * else reaches `schema` as it is and is refused there, naming the parameter.
 */
export function wholeNumberParam<T extends z.ZodNumber>(schema: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string' && /^(0|[1-9]\d{0,15})$/.test(value) ? Number(value) : value,
    schema,
  );
}

/** A record id in a path or query string (text turned into a number), 1 to 2^31−1. */
export const paramIdSchema = wholeNumberParam(
  z.number().int().min(1).max(MAX_INT32).meta({ description: 'Numeric id.', example: 1 }),
);

/** A whole number within a PostgreSQL `integer` column's range, or a tighter one. */
export const int32Schema = (min = -MAX_INT32 - 1, max = MAX_INT32) =>
  z.number().int().min(min).max(max);

/** Whether YYYY-MM-DD (or the date part of a timestamp) names a day of the calendar. */
export function isRealDate(value: string): boolean {
  // Date rolls 2025-02-30 over to March, so compare the round trip.
  const day = value.slice(0, 10);
  // Year 0 has no place in PostgreSQL's calendar (1 BC comes before AD 1).
  if (day.startsWith('0000')) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * The days a date in a request may name: nothing the chain office records or plans happened
 * before 1900 or falls after 2100, so 0001-01-01 or 9999-12-31 is a typing error (or a stand-in
 * for "none", which is null), not a date to store and show.
 */
export const PLAUSIBLE_DATES = { from: '1900-01-01', to: '2100-12-31' } as const;

/** Whether a real date (or the date part of a timestamp) lies within PLAUSIBLE_DATES. */
export function isPlausibleDate(value: string): boolean {
  const day = value.slice(0, 10);
  return day >= PLAUSIBLE_DATES.from && day <= PLAUSIBLE_DATES.to;
}

const PLAUSIBLE_DATE_MESSAGE = `must lie between ${PLAUSIBLE_DATES.from} and ${PLAUSIBLE_DATES.to}`;

/** A real calendar date, YYYY-MM-DD, from 1900 to 2100 (2025-02-30 and 9999-12-31 are refused). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date')
  .refine(isPlausibleDate, PLAUSIBLE_DATE_MESSAGE)
  .meta({ description: 'A date, YYYY-MM-DD, from 1900-01-01 to 2100-12-31.' });

/** A moment with its offset (ISO 8601, e.g. 2026-03-01T09:30:00+08:00) on a real day, 1900–2100. */
export const isoDateTimeSchema = z
  .string()
  .datetime({ offset: true })
  .refine(isRealDate, 'is not a real calendar date')
  .refine(isPlausibleDate, PLAUSIBLE_DATE_MESSAGE)
  .meta({ description: 'A date and time with its offset, ISO 8601, from 1900 to 2100.' });

/** The largest sum of money a request may carry, in yuan (a thousand trillion). */
export const MAX_YUAN = 1e15;

/** Whether a number has at most two decimal places: sums in yuan are kept to the fen (0.01). */
export function isWholeFen(value: number): boolean {
  const fen = value * 100;
  return Math.abs(fen - Math.round(fen)) <= 1e-9 * Math.max(1, Math.abs(fen));
}

/**
 * A sum of money in yuan: at most MAX_YUAN and two decimal places (0.001 would be stored as 0).
 * Callers add their lower bound (`.min(0)` or `.positive()`).
 */
export const yuanSchema = z
  .number()
  .max(MAX_YUAN)
  .refine(isWholeFen, 'has more than two decimal places: yuan are kept to the fen (0.01)');

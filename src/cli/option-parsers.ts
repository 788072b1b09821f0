import type { z } from 'zod';
import { AppError } from '../domain/app-error.ts';
import type { Lang } from '../shared/api/analysis.ts';

// Option values checked once, with errors that name the flag and show a good value.

/** A year option, or undefined when it was not given. Throws VALIDATION_FAILED. */
export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1949 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', `--year must be a year such as 2024, not "${text}".`);
  }
  return year;
}

/** zh or en. Throws VALIDATION_FAILED. */
export function parseLang(text: string): Lang {
  if (text !== 'zh' && text !== 'en') {
    throw new AppError('VALIDATION_FAILED', `--lang must be zh or en, not "${text}".`);
  }
  return text;
}

/** A region code of 2 to 6 digits. Throws VALIDATION_FAILED. */
export function parseRegion(text: string, flag = '--region'): string {
  if (!/^\d{2,6}$/.test(text)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${flag} must be a region code of 2 to 6 digits (e.g. 3202), not "${text}".`,
    );
  }
  return text;
}

/** Options validated by the API's own schema, with errors naming the flags. */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  value: Record<string, unknown>,
): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    `Invalid options: ${details.map((d) => `--${d.field || '?'}: ${d.message}`).join('; ')}.`,
    details,
  );
}

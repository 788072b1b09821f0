import type { z } from 'zod';
import { extname } from 'node:path';
import { AppError } from '../domain/app-error.ts';
import type { Lang } from '../shared/api/analysis.ts';
import { issueWording } from '../shared/api/issue-wording.ts';

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

/**
 * The format a file's extension names (`x.xlsx` → xlsx), among those the command writes; any
 * other extension is refused naming the option, so that a .xlsx never holds CSV text. Throws
 * VALIDATION_FAILED.
 */
export function formatOfFile<F extends string>(
  file: string,
  formats: readonly F[],
  flag = '--out',
): F {
  const extension = extname(file).slice(1).toLowerCase();
  const format = formats.find((f) => f === extension);
  if (format === undefined)
    throw new AppError(
      'VALIDATION_FAILED',
      `${flag} ${file}: this command writes ${formats.map((f) => `.${f}`).join(' or ')} files; ` +
        'name the file with one of those extensions.',
      { field: flag.replace(/^--/, '') },
    );
  return format;
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

/**
 * Options validated by the API's own schema, with errors naming the flags a person typed
 * (`flags` maps a schema field, or a nested field's path, to its option where they differ, e.g.
 * pageSize → --limit; else the field in kebab case) and saying what is wanted, in words rather than the validator's.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  value: Record<string, unknown>,
  flags: Readonly<Record<string, string>> = {},
): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    const flag = flags[field] ?? flags[top] ?? (top === '' ? 'options' : `--${kebab(top)}`);
    const given = defined[top];
    const shown =
      typeof given === 'string' || typeof given === 'number' ? ` (given "${given}")` : '';
    // A schema's own message (a refinement, a pattern's explanation) says it best.
    const wording = issueWording(issue, 'option');
    const said = wording === issue.message ? `${flag}: ${wording}` : `${flag} ${wording}`;
    return { field, flag, message: `${said}${shown}` };
  });
  throw new AppError(
    'VALIDATION_FAILED',
    `${details.map((d) => d.message).join('; ')}.`,
    details.map(({ field, message }) => ({ field, message })),
  );
}

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

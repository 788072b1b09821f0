import type { z } from 'zod';
import { extname } from 'node:path';
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
    const own = !/^(Too big|Too small|Invalid|Unrecognized)/.test(issue.message);
    const said = own ? `${flag}: ${issue.message}` : `${flag} ${wanted(issue)}`;
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

/** What an option must be, said from a validator's issue. */
function wanted(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'must be a number'
        : `must be ${issue.expected === 'string' ? 'text' : issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? patternWanted((issue as { pattern?: string }).pattern)
        : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `does not take ${issue.keys.join(', ')}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** What a pattern asks for, for the patterns options use; else a general word. */
function patternWanted(pattern: string | undefined): string {
  const text = pattern ?? '';
  const digits = /^\/?\^\\d\{(\d+)(?:,(\d+))?\}\$\/?$/.exec(text);
  if (digits) {
    const [, least, most] = digits;
    return most === undefined ? `must be ${least} digits` : `must be ${least} to ${most} digits`;
  }
  if (text.includes(String.raw`\d{4}-\d{2}-\d{2}`)) return 'must be a date such as 2025-01-31';
  return 'is not in the expected form';
}

import { basename } from 'node:path';
import { AppError, isAppError } from '../domain/app-error.ts';
import { writeErrorReport, type RowError } from '../services/tables/error-report.ts';
import { renderTable } from './text-table.ts';

// How the all-or-none file imports (problems, projects, links) say which rows refused a file:
// each row once, where a script and a person look for it.

type Refused = Pick<RowError, 'row' | 'column' | 'reason'> & Partial<RowError>;

/** The rows a file import's VALIDATION_FAILED refused, with the file's name, or null. */
function refusedRows(error: unknown, file: string): { file: string; errors: Refused[] } | null {
  if (!isAppError(error, 'VALIDATION_FAILED')) return null;
  const details = error.details as { file?: string; errors?: Refused[] } | Refused[] | null;
  if (Array.isArray(details)) return { file: basename(file), errors: details };
  if (details?.errors) return { file: details.file ?? basename(file), errors: details.errors };
  return null;
}

/**
 * When `error` refused a file's rows: prints them on stdout (a table of row, column, value and
 * reason, or with --json `{ file, errors }`), writes them to `--errors FILE.csv` when asked, and
 * rethrows with the one-line summary, so that stderr does not list them again. Any other error is
 * rethrown as it is.
 */
export async function reportRefusedRows(
  error: unknown,
  file: string,
  options: { json?: boolean | undefined; errors?: string | undefined },
): Promise<never> {
  const refused = refusedRows(error, file);
  if (!refused || refused.errors.length === 0) throw error;
  const { errors } = refused;
  if (options.errors)
    await writeErrorReport(
      options.errors,
      refused.file,
      errors.map((e) => ({ value: '', code: 'ROW_UNREADABLE', ...e })),
    );
  console.log(
    options.json
      ? JSON.stringify({ file: refused.file, errors }, null, 2)
      : renderTable(
          ['row', 'column', 'value', 'reason'],
          errors.map((e) => [
            String(e.row),
            e.column || '-',
            (e.value ?? '').length > 40 ? `${(e.value ?? '').slice(0, 39)}…` : (e.value ?? ''),
            e.reason,
          ]),
          ['right'],
        ),
  );
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  throw new AppError(
    'VALIDATION_FAILED',
    `${count} in ${refused.file}, so nothing was imported` +
      (options.errors ? ` (listed above and in ${options.errors})` : ' (listed above)'),
    (error as AppError).details,
  );
}

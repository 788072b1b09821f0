import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { getCalendar, setCalendarYear } from '../../services/problems/calendar-admin.service.ts';
import { openTable, type Table } from '../../services/tables/table-reader.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';
import { parseYear } from '../option-parsers.ts';
import { parseProjectDate } from '../../domain/project-columns.ts';
import type { RowError } from '../../services/tables/error-report.ts';
import { rowErrorsRefusal } from '../../services/tables/table-common.ts';
import { reportRefusedRows } from '../refused-rows.ts';
import { basename } from 'node:path';

/** The headers a days file may use, in English or Chinese. */
const DAY_HEADERS = {
  day: ['day', '日期'],
  kind: ['kind', '类型', '安排'],
  name: ['name', '名称', '节日'],
} as const;

/** The kinds of day, in English or Chinese. */
const DAY_KINDS: Readonly<Record<string, 'holiday' | 'workday'>> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};

/**
 * Reads a days file (columns day/日期, kind/类型, name/名称) for `calendar set`. A file without
 * days is refused: it would clear the year's official holidays.
 */
async function readDays(
  file: string,
): Promise<{ day: string; kind: 'holiday' | 'workday'; name: string | null }[]> {
  const table = await openTable(file);
  try {
    return await daysOf(table, file);
  } finally {
    table.close();
  }
}

async function daysOf(
  table: Table,
  file: string,
): Promise<{ day: string; kind: 'holiday' | 'workday'; name: string | null }[]> {
  const headers = table.headers.map((header) => header.trim().toLowerCase());
  const at = (column: keyof typeof DAY_HEADERS) =>
    headers.findIndex((header) => (DAY_HEADERS[column] as readonly string[]).includes(header));
  if (at('day') < 0 || at('kind') < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} needs the columns day (日期), kind (类型) and, optionally, name (名称); ` +
        `its headers are: ${table.headers.join(', ')}.`,
      { field: 'file' },
    );
  }
  const days: { day: string; kind: 'holiday' | 'workday'; name: string | null }[] = [];
  // Every bad row is said in one run, not the first one only.
  const errors: RowError[] = [];
  for await (const { rowNumber, cells } of table.rows) {
    const dayText = (cells[at('day')] ?? '').trim();
    const kindText = (cells[at('kind')] ?? '').trim();
    if (!dayText && !kindText) continue;
    const kind = DAY_KINDS[kindText.toLowerCase()];
    if (!kind)
      errors.push({
        row: rowNumber,
        column: table.headers[at('kind')] ?? 'kind',
        value: kindText,
        reason: 'the kind is holiday (放假) or workday (上班)',
        code: 'VALUE_INVALID',
      });
    const day = parseProjectDate(dayText);
    if (!day.ok || day.value === null)
      errors.push({
        row: rowNumber,
        column: table.headers[at('day')] ?? 'day',
        value: dayText,
        reason: 'not a date; use YYYY-MM-DD',
        code: 'NOT_A_DATE',
      });
    else if (kind) {
      const name = at('name') < 0 ? '' : (cells[at('name')] ?? '').trim();
      days.push({ day: day.value, kind, name: name || null });
    }
  }
  if (errors.length > 0)
    throw rowErrorsRefusal(errors, basename(file), 'so nothing was changed', errors);
  if (days.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} has no days: setting a year from it would clear its official holidays. Nothing was changed.`,
      { field: 'file' },
    );
  }
  return days;
}

export function registerCalendarCommand(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('The working-day calendar: official holidays and days worked in lieu, by year')
    .addHelpText('after', '\nExample:\n  $ chainlead calendar show --year 2026');

  calendar
    .command('show')
    .description('List the covered years, and the moved days of --year')
    .option('--year <year>', 'the year whose moved days to list')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead calendar show --year 2026')
    .action(async (options: { year?: string; json?: boolean }, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const view = await getCalendar(database.db, parseYear(options.year));
        if (options.json) {
          console.log(JSON.stringify(view, null, 2));
          return;
        }
        const lines = view.years.map((y) => `${y.year}  ${y.source}`);
        for (const day of view.days)
          lines.push(`${day.day}  ${day.kind.padEnd(8)} ${day.name ?? ''}`);
        console.log(lines.join('\n'));
      });
    });

  calendar
    .command('set')
    .description("Replace a year's moved days from a file, then recount open problems' due dates")
    .requiredOption('--year <year>', 'the year the file sets')
    .requiredOption(
      '--file <path>',
      'CSV/XLSX with columns day (日期), kind (类型: holiday/放假 or workday/上班), name (名称)',
    )
    .option(
      '--source <text>',
      'where the days come from',
      'set from a file with chainlead calendar set',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead calendar set --year 2027 --file days.csv --source 国办发明电〔2026〕1号',
    )
    .action(async (options: { year: string; file: string; source: string }, command: Command) => {
      const year = parseYear(options.year) ?? 0;
      const days = await readDays(options.file).catch((error: unknown) =>
        reportRefusedRows(error, options.file, {}),
      );
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const result = await setCalendarYear(database.db, cliActor(), year, {
          source: options.source,
          days,
        });
        console.log(
          `Set ${result.year}: ${result.days} moved day(s); ${result.problemsMoved} of ` +
            `${result.problemsRecounted} open problem(s) have a new due date.`,
        );
      });
    });
}

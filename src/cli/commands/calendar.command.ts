import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { getCalendar, setCalendarYear } from '../../services/problems/calendar-admin.service.ts';
import { openTable } from '../../services/tables/table-reader.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';
import { parseYear } from '../option-parsers.ts';

/** Reads a days file (columns day, kind, name) for `calendar set`. */
async function readDays(
  file: string,
): Promise<{ day: string; kind: 'holiday' | 'workday'; name: string | null }[]> {
  const table = await openTable(file);
  const headers = table.headers.map((header) => header.trim().toLowerCase());
  const at = (name: string) => headers.indexOf(name);
  if (at('day') < 0 || at('kind') < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} needs the columns day, kind and (optional) name.`,
      {
        field: 'file',
      },
    );
  }
  const days: { day: string; kind: 'holiday' | 'workday'; name: string | null }[] = [];
  for await (const { rowNumber, cells } of table.rows) {
    const day = (cells[at('day')] ?? '').trim();
    const kind = (cells[at('kind')] ?? '').trim();
    if (!day && !kind) continue;
    if (kind !== 'holiday' && kind !== 'workday') {
      throw new AppError(
        'VALIDATION_FAILED',
        `${file} row ${rowNumber}: kind is holiday or workday, not "${kind}".`,
        { field: 'kind', row: rowNumber },
      );
    }
    const name = at('name') < 0 ? '' : (cells[at('name')] ?? '').trim();
    days.push({ day, kind, name: name || null });
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
    .requiredOption('--file <path>', 'CSV/XLSX with columns day, kind (holiday|workday), name')
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
      const days = await readDays(options.file);
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

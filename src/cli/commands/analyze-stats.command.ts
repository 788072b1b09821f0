import type { Command } from 'commander';
import { listLoadedStats } from '../../services/statistics/regional-analysis.service.ts';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';
import { registerAnalyzeLqCommand } from './analyze-lq.command.ts';
import { registerAnalyzeShiftShareCommand } from './analyze-shift-share.command.ts';
import { registerAnalyzeStrengthCommand } from './analyze-strength.command.ts';
import { printTable } from './stats-output.ts';

/** `analyze lq`, `analyze strength` and `analyze shift-share`, added to the `analyze` command. */
export function registerAnalyzeStatsCommands(analyze: Command): void {
  registerAnalyzeLqCommand(analyze);
  registerAnalyzeStrengthCommand(analyze);
  registerAnalyzeShiftShareCommand(analyze);
}
/** `stats list`: which schemes, years and regions are loaded, so a user knows what to analyse. */
export function registerStatsCommand(program: Command): void {
  const stats = program
    .command('stats')
    .description('Regional statistics: what is loaded (import with "import stats")')
    .addHelpText('after', '\nExample:\n  $ chainlead stats list --scheme gbt4754');
  stats
    .command('list')
    .description('List loaded schemes and years; with --scheme, also its regions')
    .option('--scheme <scheme>', 'only this scheme, and list its regions')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead stats list\n  $ chainlead stats list --scheme us-cmp --json',
    )
    .action(async (options: { scheme?: string; json?: boolean }, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const loaded = await listLoadedStats(database.db, options.scheme);
        if (options.json) return void console.log(JSON.stringify(loaded, null, 2));
        if (loaded.datasets.length === 0) {
          console.log(
            options.scheme
              ? `No statistics of scheme "${options.scheme}" are loaded; "chainlead stats list" shows what is.`
              : 'No statistics are loaded; import a file with "chainlead import stats FILE".',
          );
          return;
        }
        printTable(
          ['SCHEME', 'YEAR', 'REGIONS', 'INDUSTRIES', 'ROWS', 'INDUSTRY TYPES'],
          loaded.datasets.map((d) => [
            d.scheme,
            d.year,
            d.regions,
            d.industries,
            d.rows,
            d.industryTypes.join(', '),
          ]),
        );
        if (options.scheme) {
          console.log('');
          printTable(
            ['REGION', 'NAME', 'YEARS', 'INDUSTRIES'],
            loaded.regions.map((r) => [
              r.regionCode,
              r.regionName ?? '',
              r.years.join(' '),
              r.industries,
            ]),
          );
        }
      });
    });
}

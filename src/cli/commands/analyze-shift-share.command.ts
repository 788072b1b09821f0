import type { Command } from 'commander';
import {
  STAT_MEASURES,
  type ShiftShareTotal,
  type StatMeasure,
} from '../../domain/regional-statistics.ts';
import { shiftShareAnalysis } from '../../services/statistics/regional-analysis.service.ts';
import {
  choice,
  fixed,
  printTable,
  runStatsCommand,
  statsScope,
  type StatsScopeOptions,
  year,
} from './stats-output.ts';

interface ShiftShareOptions extends StatsScopeOptions {
  from: string;
  to: string;
  measure?: string;
}

/** `analyze shift-share`: national share, industry mix and regional share. */
export function registerAnalyzeShiftShareCommand(analyze: Command): void {
  analyze
    .command('shift-share')
    .description(
      'Split each region × industry change between two years: national, industry mix, regional',
    )
    .requiredOption('--scheme <scheme>', 'industry scheme of the loaded statistics')
    .requiredOption('--from <year>', 'base year')
    .requiredOption('--to <year>', 'end year')
    .option('--measure <measure>', 'employment or output', 'employment')
    .option(
      '--benchmark <region>',
      'take national growth from this region, not the sum of all regions',
    )
    .option('--region <code>', 'only this region (the table then lists its industries)')
    .option('--industry <code>', 'only this industry')
    .option(
      '--out <file.csv>',
      'write CSV: region_code, industry_code, base, end, change, national_share, industry_mix, regional_share',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead analyze shift-share --scheme gbt4754 --from 2019 --to 2024 --region 3202\n' +
        '\nnational share E0·gN + industry mix E0·(gi − gN) + regional share E0·(gir − gi) = change.',
    )
    .action(async (options: ShiftShareOptions, command: Command) => {
      const query = {
        ...statsScope(options),
        from: year('--from', options.from),
        to: year('--to', options.to),
        measure: choice<StatMeasure>('--measure', options.measure, STAT_MEASURES),
      };
      await runStatsCommand(command, options, (db) => shiftShareAnalysis(db, query), {
        rows: (table) => table.items,
        fields: [
          'regionCode',
          'industryCode',
          'base',
          'end',
          'change',
          'nationalShare',
          'industryMix',
          'regionalShare',
        ],
        what: 'region × industry rows',
        print: (table) => {
          console.log(
            `Shift-share of ${table.measure}, ${table.scheme} ${table.from}–${table.to}, ` +
              `national growth from ${table.benchmark ?? 'the sum of all regions'}.`,
          );
          const headers = ['BASE', 'END', 'CHANGE', 'NATIONAL', 'INDUSTRY MIX', 'REGIONAL'];
          const figures = (r: ShiftShareTotal) =>
            [r.base, r.end, r.change, r.nationalShare, r.industryMix, r.regionalShare].map((v) =>
              fixed(v, 1),
            );
          if (options.region || options.industry) {
            printTable(
              ['REGION', 'INDUSTRY', 'NAME', ...headers],
              table.items.map((r) => [
                r.regionCode,
                r.industryCode,
                r.industryName ?? '',
                ...figures(r),
              ]),
            );
          }
          if (!options.industry) {
            if (options.region) console.log('');
            printTable(
              ['REGION', 'NAME', ...headers],
              table.totals.map((r) => [r.regionCode, r.regionName ?? '', ...figures(r)]),
            );
          }
        },
      });
    });
}

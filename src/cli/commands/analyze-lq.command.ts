import type { Command } from 'commander';
import {
  LQ_DENOMINATORS,
  STAT_MEASURES,
  type LqDenominator,
  type StatMeasure,
} from '../../domain/regional-statistics.ts';
import { locationQuotients } from '../../services/statistics/regional-analysis.service.ts';
import {
  choice,
  fixed,
  printTable,
  runStatsCommand,
  statsScope,
  type StatsScopeOptions,
  year,
} from './stats-output.ts';

interface LqOptions extends StatsScopeOptions {
  year: string;
  denominator?: string;
  measure?: string;
}

/** `analyze lq`: location quotients with strong-cluster flags. */
export function registerAnalyzeLqCommand(analyze: Command): void {
  analyze
    .command('lq')
    .description('Location quotients of every region × industry, with strong-cluster flags')
    .requiredOption('--scheme <scheme>', 'industry scheme of the loaded statistics, e.g. gbt4754')
    .requiredOption('--year <year>', 'statistics year')
    .option(
      '--denominator <kind>',
      'total (all industries) or same-type (traded/local apart)',
      'total',
    )
    .option('--measure <measure>', 'employment or output', 'employment')
    .option('--benchmark <region>', 'compare with this region instead of the sum of all regions')
    .option('--region <code>', 'only this region')
    .option('--industry <code>', 'only this industry')
    .option(
      '--out <file.csv>',
      'write CSV: region_code, industry_code, value, lq, region_share, national_share, strong, strong10',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead analyze lq --scheme gbt4754 --year 2024 --region 3202 --denominator same-type\n' +
        '\nLQ = (region value / region total) / (benchmark value / benchmark total). Strong clusters follow\n' +
        'the US Cluster Mapping rule: LQ at or above the 75th percentile of the regions with employment\n' +
        'and at least 1, employment and establishments above their 25th percentiles (strong10: 90th).',
    )
    .action(async (options: LqOptions, command: Command) => {
      const query = {
        ...statsScope(options),
        year: year('--year', options.year),
        denominator: choice<LqDenominator>('--denominator', options.denominator, LQ_DENOMINATORS),
        measure: choice<StatMeasure>('--measure', options.measure, STAT_MEASURES),
      };
      await runStatsCommand(command, options, (db) => locationQuotients(db, query), {
        rows: (table) => table.items,
        fields: [
          'regionCode',
          'industryCode',
          'value',
          'lq',
          'regionShare',
          'nationalShare',
          'strong',
          'strong10',
        ],
        what: 'location quotients',
        print: (table) => {
          const rows = table.items;
          console.log(
            `Location quotients, ${table.scheme} ${table.year}: ${table.measure}, ${table.denominator} denominator, ` +
              `benchmark ${table.benchmark ?? 'the sum of all regions'}; ${rows.length} rows, ` +
              `strong clusters: ${rows.filter((r) => r.strong).length}.`,
          );
          printTable(
            ['REGION', 'NAME', 'INDUSTRY', 'NAME', 'VALUE', 'LQ', 'STRONG'],
            rows.map((r) => [
              r.regionCode,
              r.regionName ?? '',
              r.industryCode,
              r.industryName ?? '',
              r.value,
              fixed(r.lq, 3),
              r.strong10 ? 'strong10' : r.strong ? 'strong' : '',
            ]),
          );
        },
      });
    });
}

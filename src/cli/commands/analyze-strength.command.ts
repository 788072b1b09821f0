import type { Command } from 'commander';
import { LQ_DENOMINATORS, type LqDenominator } from '../../domain/regional-statistics.ts';
import { clusterStrengths } from '../../services/statistics/regional-analysis.service.ts';
import {
  choice,
  printTable,
  runStatsCommand,
  statsScope,
  type StatsScopeOptions,
  year,
} from './stats-output.ts';

interface StrengthOptions extends StatsScopeOptions {
  year: string;
  denominator?: string;
}

/** `analyze strength`: each region's cluster strength. */
export function registerAnalyzeStrengthCommand(analyze: Command): void {
  analyze
    .command('strength')
    .description("Each region's cluster strength: its traded employment in strong clusters")
    .requiredOption('--scheme <scheme>', 'industry scheme of the loaded statistics')
    .requiredOption('--year <year>', 'statistics year')
    .option(
      '--denominator <kind>',
      'LQ denominator: same-type (as the US Cluster Mapping) or total',
      'same-type',
    )
    .option('--benchmark <region>', 'compare with this region instead of the sum of all regions')
    .option('--region <code>', 'only this region')
    .option(
      '--out <file.csv>',
      'write CSV: region_code, region_name, traded_employment, strong_employment, strong_clusters, strength, strength10',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead analyze strength --scheme us-cmp --year 2016 --out strength.csv\n' +
        '\nNeeds industry_type "traded" on the industries that count (the rest, e.g. local, do not).',
    )
    .action(async (options: StrengthOptions, command: Command) => {
      const query = {
        ...statsScope(options),
        year: year('--year', options.year),
        denominator: choice<LqDenominator>('--denominator', options.denominator, LQ_DENOMINATORS),
      };
      await runStatsCommand(command, options, (db) => clusterStrengths(db, query), {
        rows: (table) => table.items,
        fields: [
          'regionCode',
          'regionName',
          'tradedEmployment',
          'strongEmployment',
          'strongClusters',
          'strength',
          'strength10',
        ],
        what: 'regions',
        print: (table) => {
          const rows = table.items;
          console.log(
            `Cluster strength, ${table.scheme} ${table.year} (${table.denominator} LQ): share of traded employment in strong clusters.`,
          );
          printTable(
            ['REGION', 'NAME', 'TRADED EMPLOYMENT', 'IN STRONG CLUSTERS', 'CLUSTERS', 'STRENGTH'],
            rows.map((r) => [
              r.regionCode,
              r.regionName ?? '',
              r.tradedEmployment,
              r.strongEmployment,
              r.strongClusters,
              r.strength === null ? '–' : `${(r.strength * 100).toFixed(1)}%`,
            ]),
          );
        },
      });
    });
}

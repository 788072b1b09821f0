import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  LQ_DENOMINATORS,
  STAT_MEASURES,
  type LqDenominator,
  type StatMeasure,
} from '../../domain/regional-statistics.ts';
import { csvDocument } from '../../shared/csv.ts';
import {
  clusterStrengths,
  listLoadedStats,
  locationQuotients,
  shiftShareAnalysis,
} from '../../services/statistics/regional-analysis.service.ts';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';

type Cell = string | number | boolean | null;

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new AppError(
      'VALIDATION_FAILED',
      `${name} must be ${allowed.join(' or ')}, not "${value}".`,
    );
  return value as T;
}

function year(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1900 || parsed > 2200)
    throw new AppError('VALIDATION_FAILED', `${name} must be a year such as 2020, not "${value}".`);
  return parsed;
}

/** Fixed decimals for the terminal; files and JSON keep full precision. */
function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
function printTable(headers: string[], rows: Cell[][]): void {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) =>
    rows.every((r) => typeof r[i] !== 'string' || /^[-\d.,%–]+$/.test(r[i])),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log([line(headers), ...text.map(line)].join('\n'));
}

/** Writes CSV (UTF-8 with BOM so spreadsheets show Chinese names) and says so on stderr. */
function writeCsv(out: string, headers: string[], rows: Cell[][], what: string): void {
  writeFileSync(out, csvDocument(headers, rows));
  console.error(`Wrote ${rows.length} ${what} to ${out}.`);
}

interface LqOptions {
  scheme: string;
  year: string;
  denominator?: string;
  measure?: string;
  benchmark?: string;
  region?: string;
  industry?: string;
  out?: string;
  json?: boolean;
}

interface StrengthOptions {
  scheme: string;
  year: string;
  denominator?: string;
  benchmark?: string;
  region?: string;
  out?: string;
  json?: boolean;
}

interface ShiftShareOptions {
  scheme: string;
  from: string;
  to: string;
  measure?: string;
  benchmark?: string;
  region?: string;
  industry?: string;
  out?: string;
  json?: boolean;
}

/** `analyze lq`, `analyze strength` and `analyze shift-share`, added to the `analyze` command. */
export function registerAnalyzeStatsCommands(analyze: Command): void {
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
        scheme: options.scheme,
        year: year('--year', options.year),
        denominator: choice<LqDenominator>('--denominator', options.denominator, LQ_DENOMINATORS),
        measure: choice<StatMeasure>('--measure', options.measure, STAT_MEASURES),
        benchmark: options.benchmark,
        region: options.region,
        industry: options.industry,
      };
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const table = await locationQuotients(database.db, query);
        if (options.json) return void console.log(JSON.stringify(table, null, 2));
        const rows = table.items;
        if (options.out) {
          writeCsv(
            options.out,
            [
              'region_code',
              'industry_code',
              'value',
              'lq',
              'region_share',
              'national_share',
              'strong',
              'strong10',
            ],
            rows.map((r) => [
              r.regionCode,
              r.industryCode,
              r.value,
              r.lq,
              r.regionShare,
              r.nationalShare,
              r.strong,
              r.strong10,
            ]),
            'location quotients',
          );
          return;
        }
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
      });
    });

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
        scheme: options.scheme,
        year: year('--year', options.year),
        denominator: choice<LqDenominator>('--denominator', options.denominator, LQ_DENOMINATORS),
        benchmark: options.benchmark,
        region: options.region,
      };
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const table = await clusterStrengths(database.db, query);
        if (options.json) return void console.log(JSON.stringify(table, null, 2));
        const rows = table.items;
        if (options.out) {
          writeCsv(
            options.out,
            [
              'region_code',
              'region_name',
              'traded_employment',
              'strong_employment',
              'strong_clusters',
              'strength',
              'strength10',
            ],
            rows.map((r) => [
              r.regionCode,
              r.regionName,
              r.tradedEmployment,
              r.strongEmployment,
              r.strongClusters,
              r.strength,
              r.strength10,
            ]),
            'regions',
          );
          return;
        }
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
      });
    });

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
        scheme: options.scheme,
        from: year('--from', options.from),
        to: year('--to', options.to),
        measure: choice<StatMeasure>('--measure', options.measure, STAT_MEASURES),
        benchmark: options.benchmark,
        region: options.region,
        industry: options.industry,
      };
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const table = await shiftShareAnalysis(database.db, query);
        if (options.json) return void console.log(JSON.stringify(table, null, 2));
        if (options.out) {
          writeCsv(
            options.out,
            [
              'region_code',
              'industry_code',
              'base',
              'end',
              'change',
              'national_share',
              'industry_mix',
              'regional_share',
            ],
            table.items.map((r) => [
              r.regionCode,
              r.industryCode,
              r.base,
              r.end,
              r.change,
              r.nationalShare,
              r.industryMix,
              r.regionalShare,
            ]),
            'region × industry rows',
          );
          return;
        }
        console.log(
          `Shift-share of ${table.measure}, ${table.scheme} ${table.from}–${table.to}, ` +
            `national growth from ${table.benchmark ?? 'the sum of all regions'}.`,
        );
        const headers = ['BASE', 'END', 'CHANGE', 'NATIONAL', 'INDUSTRY MIX', 'REGIONAL'];
        const figures = (r: {
          base: number;
          end: number;
          change: number;
          nationalShare: number;
          industryMix: number;
          regionalShare: number;
        }) =>
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
      });
    });
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

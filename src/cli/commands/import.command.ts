import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { importEnterprises } from '../../services/import/import-enterprises.service.ts';
import { writeErrorReport } from '../../services/tables/error-report.ts';
import { importStats } from '../../services/statistics/import-stats.service.ts';
import { cliActor, progressBar, withDatabase, type GlobalOptions } from '../cli-context.ts';

interface ImportEnterprisesOptions {
  source?: string;
  region?: string;
  dryRun?: boolean;
  strict?: boolean;
  errors?: string;
  revenueUnit?: string;
  classify: boolean;
  json?: boolean;
}

const UNITS = { yuan: 'yuan', 元: 'yuan', wan: 'wan', 万元: 'wan', yi: 'yi', 亿元: 'yi' } as const;

export function registerImportCommand(program: Command): void {
  const importCommand = program
    .command('import')
    .description('Import data files: an enterprise registry, regional statistics')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead import enterprises companies.xlsx --source 市场监管局2024',
    );
  importCommand
    .command('enterprises <file>')
    .description(
      'Import enterprises from CSV (UTF-8 or GB18030), XLSX or JSON Lines: validate, match, merge, classify',
    )
    .option(
      '--source <name>',
      'where the data comes from (kept as provenance); default: the file name',
    )
    .option('--region <code>', 'region code for rows that name none, e.g. 320214')
    .option('--revenue-unit <unit>', 'unit of money cells that state none: 元, 万元 or 亿元', '元')
    .option('--dry-run', 'validate and match, report what would change, write nothing')
    .option('--strict', 'write nothing if any row is invalid')
    .option(
      '--errors <out.csv>',
      'write every rejected row (file, row, column, value, reason) here',
    )
    .option('--no-classify', 'do not classify the imported enterprises afterwards')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead import enterprises 企业名录.csv --region 320214 --revenue-unit 万元 --errors bad-rows.csv\n' +
        '\nColumns by canonical name or Chinese header: uscc 统一社会信用代码, name 企业名称 (required), name_en,\n' +
        'region_code 行政区划代码, address 地址, founded_on 成立日期, registered_capital 注册资本, industry_code 行业代码,\n' +
        'business_scope 经营范围, products 主营产品, employees 从业人数, revenue 营业收入, output 工业总产值, year 年份, tags 标签.\n' +
        'Exit code 2 when --strict refused the file.',
    )
    .action(async (file: string, options: ImportEnterprisesOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const unit = UNITS[(options.revenueUnit ?? '元') as keyof typeof UNITS];
      if (!unit) {
        throw new AppError(
          'VALIDATION_FAILED',
          `--revenue-unit must be 元, 万元 or 亿元, not "${options.revenueUnit}".`,
        );
      }
      await withDatabase(globals, async (database) => {
        const bar = progressBar(globals, 'importing', { bytes: true });
        const result = await importEnterprises(database.db, cliActor(), {
          file,
          source: options.source,
          defaultRegion: options.region ?? null,
          revenueUnit: unit,
          dryRun: options.dryRun,
          strict: options.strict,
          classify: options.classify,
          // The command has the embedded database to itself; a server gives requests their own
          // connections: either way, batches may be large.
          batching: 'bulk',
          progress: ({ bytesRead, totalBytes, rowsRead }) =>
            bar(Math.min(bytesRead, totalBytes), totalBytes || rowsRead, rowsRead),
        });
        bar.finish();
        if (options.errors) await writeErrorReport(options.errors, result.file, result.errors);
        if (options.json) {
          console.log(JSON.stringify({ ...result, errors: result.errors.slice(0, 100) }, null, 2));
        } else {
          console.log(summaryLines(result, options.strict, options.errors).join('\n'));
        }
        if (options.strict && result.counts.rejected > 0) process.exitCode = 2;
      });
    });
  registerImportStatsCommand(importCommand);
}

function registerImportStatsCommand(importCommand: Command): void {
  importCommand
    .command('stats <file>')
    .description(
      'Import regional statistics (CSV in UTF-8 or GB18030, or XLSX): all rows or none, re-runs change nothing',
    )
    .option('--errors <out.csv>', 'write every invalid row (file, row, column, value, reason) here')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead import stats cluster-employment-2016.csv --errors bad-rows.csv\n' +
        '\nColumns: region_code,region_name,scheme,industry_code,industry_name,industry_type,year,\n' +
        'employment,establishments,payroll,output (region_code, scheme, industry_code and year required;\n' +
        'figures may be empty). Any scheme: gbt4754, naics2012, us-cmp clusters …; industry_type e.g.\n' +
        'traded or local. Exit code 2 when a row is invalid (then nothing is written).',
    )
    .action(
      async (file: string, options: { errors?: string; json?: boolean }, command: Command) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        await withDatabase(globals, async (database) => {
          const bar = progressBar(globals, 'importing statistics', { bytes: true });
          const result = await importStats(database.db, cliActor(), {
            file,
            progress: ({ bytesRead, totalBytes, rowsRead }) =>
              bar(Math.min(bytesRead, totalBytes), totalBytes || rowsRead, rowsRead),
          });
          bar.finish();
          if (options.errors) await writeErrorReport(options.errors, result.file, result.errors);
          if (options.json) {
            console.log(
              JSON.stringify({ ...result, errors: result.errors.slice(0, 100) }, null, 2),
            );
          } else {
            const c = result.counts;
            const lines = [
              result.status === 'done'
                ? `${result.file}: ${result.rowsRead} rows read (${result.encoding}): ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged.`
                : `${result.file}: ${result.rowsRead} rows read (${result.encoding}): ${c.rejected} invalid, so nothing was imported.`,
              // What the file holds is said only once it is in the database.
              ...(result.status === 'done' ? result.schemes : []).map(
                (s) =>
                  `  ${s.scheme} ${s.years.join(', ')}: ${s.regions} regions, ${s.industries} industries`,
              ),
            ];
            if (result.unknownColumns.length > 0)
              lines.push(`Ignored columns: ${result.unknownColumns.join(', ')}`);
            lines.push(...errorLines(result.errors, options.errors));
            console.log(lines.join('\n'));
          }
          if (result.status === 'rolled_back') process.exitCode = 2;
        });
      },
    );
}

function errorLines(
  errors: { row: number; column: string; value: string; reason: string }[],
  errorsFile?: string,
): string[] {
  const lines = errors
    .slice(0, 10)
    .map(
      (error) =>
        `  row ${error.row}, ${error.column}: ${error.reason}${error.value ? ` ("${error.value}")` : ''}`,
    );
  if (errors.length > 10) {
    lines.push(
      `  … and ${errors.length - 10} more${errorsFile ? ` in ${errorsFile}` : ' (write them all with --errors FILE.csv)'}`,
    );
  }
  return lines;
}

function summaryLines(
  result: Awaited<ReturnType<typeof importEnterprises>>,
  strict: boolean | undefined,
  errorsFile?: string,
): string[] {
  const c = result.counts;
  const verb = result.status === 'done' ? '' : ' (nothing written)';
  const lines = [
    `${result.file}: ${result.rowsRead} rows read (${result.encoding})${verb}: ${c.inserted} inserted, ${c.updated} updated, ` +
      `${c.merged} merged, ${c.unchanged} unchanged, ${c.rejected} rejected; ${c.possibleDuplicates} possible duplicates to review.`,
  ];
  if (strict && c.rejected > 0)
    lines.push(
      result.dryRun
        ? `--strict: ${c.rejected} invalid rows, so a real run would import nothing.`
        : `--strict: ${c.rejected} invalid rows, so nothing was imported.`,
    );
  if (result.unknownColumns.length > 0)
    lines.push(`Ignored columns: ${result.unknownColumns.join(', ')}`);
  for (const error of result.errors.slice(0, 10)) {
    lines.push(
      `  row ${error.row}, ${error.column}: ${error.reason}${error.value ? ` ("${error.value}")` : ''}`,
    );
  }
  if (result.errors.length > 10) {
    lines.push(
      `  … and ${result.errors.length - 10} more${errorsFile ? ` in ${errorsFile}` : ' (write them all with --errors FILE.csv)'}`,
    );
  }
  return lines;
}

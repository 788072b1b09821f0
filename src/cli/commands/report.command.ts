import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { renderChainReport } from '../../services/report/report.service.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/analysis.ts';
import {
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
} from '../cli-context.ts';
import { parseLang, parseRegion, parseYear } from '../option-parsers.ts';

function formatOf(value: string | undefined, out: string | undefined): ReportFormat {
  const extension = out?.toLowerCase().match(/\.(html?|md|markdown|json|pdf)$/)?.[1];
  const guessed = extension?.startsWith('htm')
    ? 'html'
    : extension?.startsWith('m')
      ? 'md'
      : extension;
  const format = value ?? guessed ?? 'html';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--format must be html, md, json or pdf, not "${format}".`,
    );
  }
  return format as ReportFormat;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'The chain-leader briefing: headline figures against the target, the chain map, missing ' +
        'and weak links, extension candidates, top enterprises, change since last year',
    )
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--year <year>', 'year of the figures (default: the latest with figures)')
    .option(
      '--format <format>',
      'html (charts, prints on A4), md, json or pdf (printed by Chromium; default: from --out, else html)',
    )
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--out <file>', 'write here (default: standard output)')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead report --chain biomed --region 3202 --year 2024 --out 无锡生物医药简报.html\n' +
        '  $ chainlead report --region 3202 --format md --lang en > briefing.md\n' +
        '  $ chainlead report --region 3202 --out briefing.pdf   # needs Chromium (CHROMIUM_PATH)',
    )
    .action(
      async (
        options: {
          region: string;
          chain: string;
          year?: string;
          format?: string;
          lang: string;
          out?: string;
        },
        command: Command,
      ) => {
        const input = {
          chainCode: options.chain,
          regionCode: parseRegion(options.region),
          year: parseYear(options.year),
          format: formatOf(options.format, options.out),
          lang: parseLang(options.lang),
        };
        if (input.format === 'pdf' && !options.out) {
          throw new AppError('VALIDATION_FAILED', 'A PDF briefing needs --out FILE.pdf.');
        }
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const report = await renderChainReport(database.db, input);
          if (options.out) {
            writeFileSync(options.out, report.body);
            console.error(`Wrote the ${input.format} briefing to ${options.out}.`);
          } else {
            process.stdout.write(report.body);
          }
        });
      },
    );
}

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  exportClassifications,
  exportEnterprises,
  type ExportFormat,
} from '../../services/export/export.service.ts';
import { csvDocument } from '../../shared/csv.ts';
import {
  dismissDuplicate,
  listDuplicates,
  mergeDuplicate,
  undoDuplicateMerge,
} from '../../services/registry/duplicates.service.ts';
import { matchFiles } from '../../services/registry/match-files.service.ts';
import {
  cliActor,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
} from '../cli-context.ts';
import { formatOfFile } from '../option-parsers.ts';

/** csv or xlsx: --format, else --out's extension, else CSV (to standard output); the two agree. */
function formatOf(value: string | undefined, out: string | undefined): ExportFormat {
  if (value !== undefined && value !== 'csv' && value !== 'xlsx') {
    throw new AppError('VALIDATION_FAILED', `--format must be csv or xlsx, not "${value}".`);
  }
  const named = out === undefined ? undefined : formatOfFile(out, ['csv', 'xlsx'] as const);
  if (value !== undefined && named !== undefined && value !== named)
    throw new AppError('VALIDATION_FAILED', `--format ${value} does not match --out ${out}.`);
  return value ?? named ?? 'csv';
}

function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('VALIDATION_FAILED', `"${text}" is not an id.`);
  return id;
}

/** export, duplicates and match: the registry's commands besides import. */
export function registerRegistryCommands(program: Command): void {
  const exportCommand = program
    .command('export')
    .description('Export the registry or its classifications (CSV or XLSX)')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead export enterprises --format xlsx --out registry.xlsx',
    );
  exportCommand
    .command('enterprises')
    .description("Export enterprises in the import's own columns (a file round-trips)")
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option('--out <file>', 'write here (CSV goes to standard output without it)')
    .option('--region <code>', 'only this region, e.g. 3202')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead export enterprises --region 3202 --out wuxi.csv',
    )
    .action(
      async (options: { format?: string; out?: string; region?: string }, command: Command) => {
        const format = formatOf(options.format, options.out);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const n = await exportEnterprises(database.db, {
            format,
            out: options.out ?? null,
            regionCode: options.region,
          });
          if (options.out) console.error(`Wrote ${n} enterprises to ${options.out}.`);
        });
      },
    );
  exportCommand
    .command('classifications')
    .description('Export classifications with score, decision and evidence')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option('--out <file>', 'write here (CSV goes to standard output without it)')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead export classifications --chain biomed --out classifications.csv',
    )
    .action(async (options: { chain: string; format?: string; out?: string }, command: Command) => {
      const format = formatOf(options.format, options.out);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const n = await exportClassifications(database.db, {
          chainCode: options.chain,
          format,
          out: options.out ?? null,
        });
        if (options.out) console.error(`Wrote ${n} classifications to ${options.out}.`);
      });
    });

  const duplicates = program
    .command('duplicates')
    .description('Review possible duplicate enterprises found by imports')
    .addHelpText('after', '\nExample:\n  $ chainlead duplicates list');
  duplicates
    .command('list')
    .description('List possible duplicates (open ones unless --status says otherwise)')
    .option('--json', 'print JSON')
    .option('--status <status>', 'open, merged (the history, to undo) or dismissed', 'open')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead duplicates list --json\n  $ chainlead duplicates list --status merged',
    )
    .action(async (options: { json?: boolean; status: string }, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        if (!['open', 'merged', 'dismissed'].includes(options.status)) {
          throw new AppError('VALIDATION_FAILED', '--status must be open, merged or dismissed.', {
            field: 'status',
          });
        }
        const { items, total } = await listDuplicates(database.db, {
          status: options.status,
          page: 1,
          pageSize: 500,
        });
        if (options.json) return void console.log(JSON.stringify({ items, total }, null, 2));
        console.log(
          `${total} ${options.status} possible duplicates${total > items.length ? ` (first ${items.length})` : ''}`,
        );
        for (const d of items) {
          console.log(
            `#${d.id}  ${d.score.toFixed(2)}  ${d.enterprise.name} [${d.enterprise.id}]  ~  ${d.other.name} [${d.other.id ?? 'merged'}]  (${d.reasons.join('; ')})`,
          );
        }
      });
    });
  for (const [verb, about, run, done] of [
    [
      'merge',
      'Merge a pair: the registered record (else the first) keeps its name, the other name becomes an alias',
      mergeDuplicate,
      'merged',
    ],
    ['dismiss', 'Mark a pair as two different enterprises', dismissDuplicate, 'dismissed'],
    [
      'undo',
      'Undo the merge of a pair: both records as they were, the pair open again',
      undoDuplicateMerge,
      'merge undone, open again',
    ],
  ] as const) {
    duplicates
      .command(`${verb} <id>`)
      .description(about)
      .addHelpText('after', `\nExample:\n  $ chainlead duplicates ${verb} 12`)
      .action(async (id: string, _options: unknown, command: Command) => {
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          await run(database.db, cliActor(), parseId(id));
          console.log(`Possible duplicate #${id}: ${done}.`);
        });
      });
  }

  program
    .command('match <left> <right>')
    .description('Score record pairs of two files with the registry matcher (to measure it)')
    .option(
      '--out <pairs.csv>',
      'write left_id,right_id,score,decision here (default: standard output)',
    )
    .option('--all', 'also list candidate pairs judged distinct')
    .addHelpText('after', '\nExample:\n  $ chainlead match left.csv right.csv --out pairs.csv')
    .action(async (left: string, right: string, options: { out?: string; all?: boolean }) => {
      const pairs = await matchFiles(left, right, { all: options.all });
      const text = csvDocument(
        ['left_id', 'right_id', 'score', 'decision'],
        pairs.map((p) => [p.leftId, p.rightId, p.score.toFixed(4), p.decision]),
        { bom: false },
      );
      if (options.out) {
        writeFileSync(options.out, text);
        console.error(`Wrote ${pairs.length} pairs to ${options.out}.`);
      } else {
        process.stdout.write(text);
      }
    });
}

import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { listTargetViews, setTarget } from '../../services/analysis/targets.service.ts';
import type { TargetView } from '../../shared/api/analysis.ts';
import { formatYuan } from '../../shared/format.ts';
import {
  cliActor,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
  chainOfNodeOption,
} from '../cli-context.ts';
import { renderTable } from '../text-table.ts';
import { parseRegion, parseYear } from '../option-parsers.ts';

function parseValue(text: string): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--value must be a positive amount of yuan such as 250e9 (250 billion), not "${text}".`,
    );
  }
  return value;
}

function describe(target: TargetView): string {
  return (
    `${target.chainCode}${target.nodeCode ? ` / ${target.nodeCode}` : ''} in ${target.regionCode}, ` +
    `${target.year}: ${target.metric} ${formatYuan(target.valueYuan, 'en')} (${formatYuan(target.valueYuan, 'zh')})`
  );
}

export function registerTargetCommand(program: Command): void {
  const target = program
    .command('target')
    .description("Set and list a chain's targets (output per year, for the chain or a node)")
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead target set --chain biomed --region 3202 --year 2025 --value 250e9',
    );

  target
    .command('set')
    .description(
      'Set the target for a chain (or one node), region and year; replaces an earlier one',
    )
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .requiredOption('--year <year>', 'target year, e.g. 2025')
    .requiredOption('--value <yuan>', 'target output in yuan, e.g. 250e9 for 250 billion')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option(
      '--node <code>',
      'a node, e.g. biomed.mid.device; without --chain, its chain (default: the chain itself)',
    )
    .option('--json', 'print the saved target as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead target set --chain biomed --region 3202 --year 2025 --value 250e9\n' +
        '  $ chainlead target set --region 3202 --year 2025 --value 60e9 --node biomed.mid.device',
    )
    .action(
      async (
        options: {
          region: string;
          year: string;
          value: string;
          chain: string;
          node?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const input = {
          chainCode: chainOfNodeOption(command, options) ?? options.chain,
          regionCode: parseRegion(options.region),
          year: parseYear(options.year) ?? 0,
          valueYuan: parseValue(options.value),
          nodeCode: options.node ?? null,
        };
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const saved = await setTarget(database.db, cliActor(), input);
          console.log(
            options.json ? JSON.stringify(saved, null, 2) : `Target set: ${describe(saved)}.`,
          );
        });
      },
    );

  target
    .command('list')
    .description("A chain's targets in a region")
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead target list --chain biomed --region 3202')
    .action(
      async (options: { region: string; chain: string; json?: boolean }, command: Command) => {
        const regionCode = parseRegion(options.region);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await listTargetViews(database.db, { chainCode: options.chain, regionCode });
          if (options.json) return void console.log(JSON.stringify(list, null, 2));
          if (list.total === 0) {
            console.log(
              `No targets for ${options.chain} in ${regionCode}; add one with "chainlead target set".`,
            );
            return;
          }
          console.log(
            renderTable(
              ['node', 'metric', 'year', 'value', '', 'demo'],
              list.items.map((t) => [
                t.nodeCode ?? `${t.chainCode} (chain)`,
                t.metric,
                String(t.year),
                formatYuan(t.valueYuan, 'en'),
                formatYuan(t.valueYuan, 'zh'),
                t.demo ? 'demo' : '',
              ]),
              ['left', 'left', 'right', 'right', 'right', 'left'],
            ),
          );
        });
      },
    );
}

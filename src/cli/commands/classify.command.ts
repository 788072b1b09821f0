import type { Command } from 'commander';
import { classifyEnterprises } from '../../services/classification/classification.service.ts';
import {
  progressBar,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
} from '../cli-context.ts';

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description(
      'Place every enterprise on the nodes of a chain, with evidence (manual decisions are kept)',
    )
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead classify --chain biomed')
    .action(async (options: { chain: string; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withDatabase(globals, async (database) => {
        const bar = progressBar(globals, 'classifying');
        const summary = await classifyEnterprises(database.db, {
          chainCode: options.chain,
          progress: ({ done, total }) => bar(done, total),
        });
        bar.finish();
        if (options.json) {
          console.log(JSON.stringify(summary, null, 2));
          return;
        }
        const nodes = Object.entries(summary.byNode)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, n]) => `  ${code.padEnd(28)} ${n}`);
        console.log(
          [
            `Classified ${summary.enterprises} enterprises on "${summary.chain}": ${summary.onChain} on the chain, ` +
              `${summary.uncertain} uncertain (for review), ${summary.offChain} off the chain.`,
            'Confirmed enterprises per node:',
            ...nodes,
          ].join('\n'),
        );
      });
    });
}

import type { Command } from 'commander';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../../services/reference/chain-templates.service.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';

export function registerTemplateCommand(program: Command): void {
  const template = program
    .command('template')
    .description('Check or load chain templates (YAML or JSON)')
    .addHelpText('after', '\nExample:\n  $ chainlead template check templates/biomed.yaml');

  template
    .command('check <file>')
    .description('Validate a chain template without touching the database')
    .addHelpText('after', '\nExample:\n  $ chainlead template check my-chain.yaml')
    .action((file: string) => {
      const { template: parsed } = readChainTemplate(file);
      const nodes = parsed.stages.reduce((sum, stage) => sum + stage.nodes.length, 0);
      console.log(
        `${file}: valid chain "${parsed.code}" (${parsed.name.zh} / ${parsed.name.en}): ` +
          `${parsed.stages.length} stages, ${nodes} nodes, ${parsed.flows.length} flows.`,
      );
    });

  template
    .command('load <file>')
    .description('Validate a template and add or update its chain (node codes keep their ids)')
    .addHelpText('after', '\nExample:\n  $ chainlead template load templates/new-energy.yaml')
    .action(async (file: string, _options: unknown, command: Command) => {
      const loaded = readChainTemplate(file);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const written = await saveChainTemplates(database.db, [loaded], cliActor());
        console.log(
          written.length > 0
            ? `Chain "${loaded.template.code}" saved from ${file}.`
            : `Chain "${loaded.template.code}" is already up to date.`,
        );
      });
    });
}

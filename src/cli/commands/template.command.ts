import type { Command } from 'commander';
import {
  loadChainTemplate,
  readChainTemplate,
} from '../../services/reference/chain-templates.service.ts';
import type { TemplateLoadPlan } from '../../shared/api/templates.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';

/** The plan as a person reads it: each change, then what moves where, then the problems. */
export function formatTemplatePlan(plan: TemplateLoadPlan): string {
  const lines = [
    `Chain "${plan.chain}" from ${plan.file}: ${plan.action}` +
      (plan.fromVersion === null ? '' : `, version ${plan.fromVersion} → ${plan.toVersion}`),
  ];
  if (plan.addedNodes.length > 0) lines.push(`  nodes added: ${plan.addedNodes.join(', ')}`);
  if (plan.removedNodes.length > 0) lines.push(`  nodes removed: ${plan.removedNodes.join(', ')}`);
  for (const change of plan.changes) {
    const counts = Object.entries(change.counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    lines.push(
      `  ${change.kind} ${change.node} → ${change.to.join(', ') || '(nowhere)'}: ${counts || 'nothing references it'}`,
    );
    for (const ref of change.references) {
      lines.push(
        `    ${ref.kind} ${ref.id} ${ref.label} → ${ref.to.join(', ') || '(nowhere)'}` +
          (ref.detail ? ` [${ref.detail}]` : '') +
          (ref.needsDecision ? ' (check: default node)' : ''),
      );
    }
  }
  if (plan.problems.length > 0) {
    lines.push('  refused:');
    for (const p of plan.problems) {
      lines.push(`    ${p.node ? `node ${p.node}, ` : ''}field ${p.field}: ${p.message}`);
    }
  }
  return lines.join('\n');
}

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
    .description(
      'Validate a template and add or update its chain (node codes keep their ids; removed ' +
        "nodes migrate by the template's revisions)",
    )
    .option('--dry-run', 'say what loading would move where, and change nothing')
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead template load --dry-run templates/biomed.yaml\n' +
        '  $ chainlead template load templates/new-energy.yaml',
    )
    .action(
      async (file: string, options: { dryRun?: boolean; json?: boolean }, command: Command) => {
        const loaded = readChainTemplate(file);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const plan = await loadChainTemplate(database.db, loaded, cliActor(), {
            dryRun: options.dryRun === true,
          });
          if (options.json) {
            console.log(JSON.stringify(plan, null, 2));
          } else if (options.dryRun) {
            console.log(formatTemplatePlan(plan));
            console.log(
              plan.problems.length > 0
                ? 'Dry run: loading would be refused; nothing was changed.'
                : 'Dry run: nothing was changed.',
            );
          } else {
            if (plan.changes.length > 0) console.log(formatTemplatePlan(plan));
            console.log(
              plan.applied
                ? `Chain "${loaded.template.code}" saved from ${file}.`
                : `Chain "${loaded.template.code}" is already up to date.`,
            );
          }
          if (options.dryRun && plan.problems.length > 0) process.exitCode = 1;
        });
      },
    );
}

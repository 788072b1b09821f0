import { formatNumber } from '../../shared/format.ts';
import type { Command } from 'commander';
import { loadDemo, type DemoSummary } from '../../services/demo/demo.service.ts';
import { prepareInstallation } from '../../services/setup.service.ts';
import { classifyEnterprises } from '../../services/classification/classification.service.ts';
import { DEMO_CHAIN } from '../../services/demo/demo-plan.ts';
import { cliActor, progressReporter, withDatabase, type GlobalOptions } from '../cli-context.ts';

/** The lines that tell a person what the demo holds and how to sign in. */
export function printDemoSummary(demo: DemoSummary): string[] {
  const lines = [
    demo.alreadyLoaded
      ? 'The Wuxi demo was already loaded; nothing changed.'
      : `Loaded the Wuxi demo (marked demo) on ${(demo.chains ?? ['biomed']).join(', ')}: ` +
        `${formatNumber(demo.wuxiEnterprises)} Wuxi enterprises of ` +
        `${formatNumber(demo.enterprises)}, ${demo.parks} parks with ` +
        `${formatNumber(demo.parkAreaM2)} m².`,
  ];
  if (demo.users.length > 0) {
    lines.push(
      `Demo logins: ${demo.users.map((u) => `${u.username} / ${u.password} (${u.role})`).join(', ')}`,
    );
  }
  return lines;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the seeded Wuxi demo: biomed in full and the other bundled chains (enterprises, ' +
        'parks, targets, chain leaders, demo users)',
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead demo\n  $ chainlead --db /tmp/try demo --json')
    .action(async (options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const progress = progressReporter(globals);
      await withDatabase(
        globals,
        async (database) => {
          await prepareInstallation(database, {
            adminPassword: process.env.CHAINLEAD_ADMIN_PASSWORD,
            progress,
          });
          const summary = await loadDemo(database.db, cliActor(), progress);
          if (!summary.alreadyLoaded) {
            progress('classifying the demo enterprises');
            await classifyEnterprises(database.db, { chainCode: DEMO_CHAIN });
          }
          console.log(
            options.json ? JSON.stringify(summary, null, 2) : printDemoSummary(summary).join('\n'),
          );
        },
        { creates: true },
      );
    });
}

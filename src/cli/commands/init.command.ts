import type { Command } from 'commander';
import { prepareInstallation } from '../../services/setup.service.ts';
import { progressReporter, withDatabase, type GlobalOptions } from '../cli-context.ts';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Create or update the database: migrations, regions, chain templates, admin user')
    .option('--templates <dir>', 'folder of chain templates (default: the bundled templates/)')
    .addHelpText(
      'after',
      '\nExample:\n  $ CHAINLEAD_ADMIN_PASSWORD=s3cret-pass chainlead --db /srv/chainlead/db init',
    )
    .action(async (options: { templates?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withDatabase(
        globals,
        async (database) => {
          const result = await prepareInstallation(database, {
            templatesDir: options.templates,
            adminPassword: process.env.CHAINLEAD_ADMIN_PASSWORD,
            progress: progressReporter(globals),
          });
          const lines = [`Database ready (${database.kind}: ${database.location}).`];
          if (result.chainsWritten.length > 0) {
            lines.push(`Chains written from templates: ${result.chainsWritten.join(', ')}`);
          }
          if (result.generatedAdminPassword) {
            lines.push(
              `Created the user "admin" with password: ${result.generatedAdminPassword} (shown only now)`,
            );
          } else if (result.adminCreated) {
            lines.push('Created the user "admin" with the password in CHAINLEAD_ADMIN_PASSWORD.');
          }
          console.log(lines.join('\n'));
        },
        { creates: true },
      );
    });
}

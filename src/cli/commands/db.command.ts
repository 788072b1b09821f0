import type { Command } from 'commander';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';

export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('Database maintenance')
    .addHelpText('after', '\nExample:\n  $ chainlead db migrate');
  db.command('migrate')
    .description('Apply pending migrations (also done at every start)')
    .addHelpText(
      'after',
      '\nExample:\n  $ DATABASE_URL=postgres://chainlead@127.0.0.1/chainlead chainlead db migrate',
    )
    .action(async (_options: unknown, command: Command) => {
      // Opening the database migrates it.
      const { kind, location } = await withDatabase(
        command.optsWithGlobals<GlobalOptions>(),
        (database) => Promise.resolve(database),
        { creates: true },
      );
      console.log(`Migrations applied (${kind}: ${location}).`);
    });
}

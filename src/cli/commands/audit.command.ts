import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  getAuditRetentionDays,
  purgeAuditLog,
  setAuditRetentionDays,
} from '../../services/audit/audit-retention.service.ts';
import { formatDateTime } from '../../shared/format.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';

function parseDays(text: string): number {
  if (!/^\d{1,6}$/.test(text)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Give the retention in days, such as 1095, not "${text}".`,
      {
        field: 'days',
      },
    );
  }
  return Number(text);
}

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description("The audit log's retention: how long entries are kept, and the purge")
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead audit retention 1095\n  $ chainlead audit purge',
    );

  audit
    .command('retention [days]')
    .description(
      'Show the retention in days (audit.retentionDays, default 1095 = 3 years), or set it (30 to 36500)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead audit retention\n  $ chainlead audit retention 1825',
    )
    .action(async (days: string | undefined, _options: unknown, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const value =
          days === undefined
            ? await getAuditRetentionDays(database.db)
            : await setAuditRetentionDays(database.db, cliActor(), parseDays(days));
        console.log(`The audit log keeps entries for ${value} days.`);
      });
    });

  audit
    .command('purge')
    .description(
      'Delete the audit entries older than the retention (the server also does this at start and daily)',
    )
    .addHelpText('after', '\nExample:\n  $ chainlead audit purge')
    .action(async (_options: unknown, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const result = await purgeAuditLog(database.db, cliActor());
        console.log(
          `Deleted ${result.deleted} audit entries from before ` +
            `${formatDateTime(result.cutoff.toISOString(), 'en')} ` +
            `(kept ${result.retentionDays} days).`,
        );
      });
    });
}

import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  createBackup,
  databaseTarget,
  restoreBackup,
  type RestoreReport,
} from '../../services/backup/backup.service.ts';
import { formatNumber } from '../../shared/format.ts';
import { progressReporter, type GlobalOptions } from '../cli-context.ts';
import { renderTable } from '../text-table.ts';
import { APP_VERSION } from '../version.ts';

/** The per-table comparison a restore prints: rows and checksum, backup against restored. */
function comparisonLines(report: RestoreReport): string {
  return renderTable(
    ['table', 'rows in backup', 'rows restored', 'checksum', 'result'],
    report.tables.map((table) => [
      table.name,
      table.expected ? formatNumber(table.expected.rows) : 'missing',
      table.actual ? formatNumber(table.actual.rows) : 'missing',
      (table.actual ?? table.expected)?.checksum.slice(0, 12) ?? '',
      table.equal ? 'equal' : 'DIFFERENT',
    ]),
  );
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a backup of the database to one file: a manifest (versions, schema level, rows and ' +
        'checksum per table) and the data (PGlite data-folder dump, or pg_dump for a server)',
    )
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--json', 'print the manifest as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead backup --out chainlead-2026-12-03.backup\n' +
        '  $ DATABASE_URL=postgres://chainlead@127.0.0.1/chainlead chainlead backup --out nightly.backup\n' +
        '\nA server backup needs pg_dump of the server’s major version or later (PATH, ' +
        '/usr/lib/postgresql/*/bin, or CHAINLEAD_PG_BIN). Stop "chainlead serve" first on the ' +
        'embedded database.',
    )
    .action(async (options: { out: string; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { manifest, kind, location } = await createBackup(databaseTarget(globals), {
        out: options.out,
        chainleadVersion: APP_VERSION,
        progress: progressReporter(globals),
      });
      if (options.json) {
        console.log(JSON.stringify(manifest, null, 2));
        return;
      }
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      console.log(
        `Backed up ${kind}: ${location} to ${options.out}: ` +
          `${manifest.tables.length} tables, ${formatNumber(rows)} rows, schema at ` +
          `${manifest.schema.migrations} migrations, ${formatNumber(manifest.payload.bytes)} bytes.`,
      );
    });

  program
    .command('restore')
    .description(
      'Restore a backup into an empty database, then check every table’s rows and checksum ' +
        'against the backup and bring an older schema up to date',
    )
    .argument('<file>', 'a file written by chainlead backup')
    .option('--force', 'replace a database that already holds data')
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead --db /srv/chainlead/db restore chainlead-2026-12-03.backup\n' +
        '  $ DATABASE_URL=postgres://chainlead@127.0.0.1/chainlead chainlead restore nightly.backup --force\n' +
        '\nExits non-zero (2) when a table’s rows or checksum differ from the backup.',
    )
    .action(
      async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const report = await restoreBackup(file, {
          ...databaseTarget(globals),
          force: options.force,
          progress: progressReporter(globals),
        });
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else {
          console.log(
            `Restored ${file} (${report.manifest.database}, chainlead ` +
              `${report.manifest.chainleadVersion}, made ${report.manifest.createdAt}) into ` +
              `${report.location}.`,
          );
          console.log(comparisonLines(report));
          if (report.upgraded) {
            console.log(
              `Schema upgraded from ${report.upgraded.from} to ${report.upgraded.to} migrations.`,
            );
          }
        }
        const different = report.tables.filter((table) => !table.equal);
        if (different.length > 0) {
          throw new AppError(
            'BACKUP_INVALID',
            `The restored database differs from the backup in ${different.length} table(s): ` +
              `${different.map((t) => t.name).join(', ')}.`,
            { file, tables: different.map((t) => t.name) },
          );
        }
        if (!options.json) console.log(`All ${report.tables.length} tables equal the backup.`);
      },
    );
}

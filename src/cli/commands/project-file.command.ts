import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportProjects, importProjects } from '../../services/projects/project-io.service.ts';
import { parseInput } from '../../services/projects/project.service.ts';
import { projectQuerySchema } from '../../shared/api/projects.ts';
import { cliActor, withDatabase, type GlobalOptions, defaultCliChain } from '../cli-context.ts';
import { formatOfFile } from '../option-parsers.ts';
import { reportRefusedRows } from '../refused-rows.ts';

/** `project export` and `project import`: the pipeline as a spreadsheet, and back. */
export function registerProjectFileCommands(project: Command): void {
  project
    .command('export')
    .description(
      'Export projects as XLSX or CSV (Chinese headers, money in 万元, names beside codes); imports back unchanged',
    )
    .requiredOption('--out <file>', 'FILE.xlsx or FILE.csv')
    .option('--chain <code>', 'chain code')
    .option('--region <code>', 'region code prefix')
    .option('--status <status>', 'active, dropped or all (default)', 'all')
    .addHelpText('after', '\nExample:\n  $ chainlead project export --out projects.xlsx')
    .action(
      async (
        options: { out: string; chain?: string; region?: string; status: string },
        command: Command,
      ) => {
        const format = formatOfFile(options.out, ['xlsx', 'csv'] as const);
        const query = parseInput(projectQuerySchema, {
          chain: options.chain,
          region: options.region,
          status: options.status,
        });
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const { bytes, count } = await exportProjects(database.db, query, format);
          writeFileSync(options.out, bytes);
          console.error(`Wrote ${count} projects to ${options.out}.`);
        });
      },
    );

  project
    .command('import <file>')
    .description(
      'Import projects (XLSX, CSV, JSON Lines): rows with an id update that project, rows without ' +
        'one update the project of the same chain, region and name or create one; the whole file ' +
        'is checked before anything is written',
    )
    .option(
      '--chain <code>',
      'chain for rows without one (CHAINLEAD_DEFAULT_CHAIN sets the default)',
      defaultCliChain(),
    )
    .option('--region <code>', 'region for new rows without one')
    .option('--json', 'print the result (or the bad rows) as JSON')
    .option('--errors <file>', 'write the refused rows as CSV (file, row, column, value, reason)')
    .addHelpText(
      'after',
      '\nRows are written in batches of up to 200, each committed on its own; an import stopped ' +
        'part way is marked failed at the next start, and running the same file again completes ' +
        'it (rows already written are matched, not duplicated).\n\nExample:\n  $ chainlead project ' +
        'import projects.xlsx --region 3202',
    )
    .action(
      async (
        file: string,
        options: { chain: string; region?: string; json?: boolean; errors?: string },
        command: Command,
      ) => {
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          try {
            const result = await importProjects(database.db, cliActor(), file, {
              chainCode: options.chain,
              regionCode: options.region,
            });
            console.log(
              options.json
                ? JSON.stringify(result, null, 2)
                : `${result.rowsRead} rows read: ${result.created} created, ${result.updated} updated, ` +
                    `${result.unchanged} unchanged.`,
            );
          } catch (error) {
            await reportRefusedRows(error, file, options);
          }
        });
      },
    );
}

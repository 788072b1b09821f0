import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/app-error.ts';
import {
  registerAnalyzeStatsCommands,
  registerStatsCommand,
} from './commands/analyze-stats.command.ts';
import { analyzeGroup, registerAnalyzeChainCommands } from './commands/analyze-chain.command.ts';
import { registerAttractCommand } from './commands/attract.command.ts';
import { registerAuditCommand } from './commands/audit.command.ts';
import { registerBackupCommands } from './commands/backup.command.ts';
import { registerClassifyCommand } from './commands/classify.command.ts';
import { registerDbCommand } from './commands/db.command.ts';
import { registerImportCommand } from './commands/import.command.ts';
import { registerLinkCommand } from './commands/link.command.ts';
import { registerRegistryCommands } from './commands/registry.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerProblemCommand } from './commands/problem.command.ts';
import { registerProjectCommand } from './commands/project.command.ts';
import { registerInitCommand } from './commands/init.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerReportCommand } from './commands/report.command.ts';
import { registerScorecardCommand } from './commands/scorecard.command.ts';
import { registerOverviewCommand } from './commands/overview.command.ts';
import { registerBoundariesCommand } from './commands/boundaries.command.ts';
import { registerTargetCommand } from './commands/target.command.ts';
import { registerTemplateCommand } from './commands/template.command.ts';
import { registerUserCommand } from './commands/user.command.ts';
import { registerCalendarCommand } from './commands/calendar.command.ts';
import { registerNeedCommands } from './commands/needs.command.ts';
import { registerExpertCommands } from './commands/expert.command.ts';
import { registerEventCommands } from './commands/event.command.ts';
import { registerPlatformCommand } from './commands/platform.command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { APP_VERSION } from './version.ts';

/** The `chainlead` command tree. */
export function buildProgram(): Command {
  const program = new Command('chainlead')
    .description(
      'chainlead: run a regional industry chain (链长制) — registry, chain map, analytics',
    )
    .version(APP_VERSION)
    .option('--db <path>', 'embedded database folder (env CHAINLEAD_DB; default .chainlead/db)')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead serve --demo-on-first-run\n' +
        '\nEnvironment: DATABASE_URL (use a PostgreSQL server), CHAINLEAD_DB, ' +
        'CHAINLEAD_ADMIN_PASSWORD, CHAINLEAD_PORT, CHAINLEAD_HOST.\n' +
        'Exit codes: 0 ok, 1 internal error, 2 invalid input, 3 database unreachable or migration ' +
        'failed, 4 not found, 5 conflict, 6 not allowed.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInitCommand(program);
  registerDemoCommand(program);
  registerServeCommand(program);
  registerDbCommand(program);
  registerBackupCommands(program);
  registerUserCommand(program);
  registerAuditCommand(program);
  registerCalendarCommand(program);
  registerTemplateCommand(program);
  registerClassifyCommand(program);
  registerImportCommand(program);
  registerRegistryCommands(program);
  // One `analyze` parent; each analysis area adds its subcommands to it.
  registerAnalyzeStatsCommands(analyzeGroup(program));
  registerStatsCommand(program);
  registerAnalyzeChainCommands(program);
  registerTargetCommand(program);
  registerReportCommand(program);
  registerAttractCommand(program);
  registerNeedCommands(program);
  registerExpertCommands(program);
  registerEventCommands(program);
  registerPlatformCommand(program);
  registerProjectCommand(program);
  registerProblemCommand(program);
  registerScorecardCommand(program);
  registerOverviewCommand(program);
  registerBoundariesCommand(program);
  registerLinkCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code; errors are printed as one clear message. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    // A command that finished its output but must still fail (import --strict) sets exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "fail" with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof AppError) {
      console.error(`Error [${error.code}]: ${error.message}`);
      return exitCodeFor(error.code);
    }
    console.error(error);
    return EXIT.internal;
  }
}

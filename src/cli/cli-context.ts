import type { Command } from 'commander';
import type { Database, Db } from '../db/connection.ts';
import type { Actor } from '../services/auth/users.service.ts';
import { databaseToMake, openMigratedDatabase } from '../services/database.service.ts';
import { formatNumber } from '../shared/format.ts';
import { userInfo } from 'node:os';

export interface GlobalOptions {
  db?: string;
  quiet?: boolean;
}

/** Progress lines go to stderr on a terminal, and nowhere with --quiet or in a pipe. */
export function progressReporter(options: GlobalOptions): (message: string) => void {
  if (options.quiet || !process.stderr.isTTY) return () => undefined;
  return (message) => process.stderr.write(`… ${message}\n`);
}

/**
 * Opens the database named by --db / CHAINLEAD_DB / DATABASE_URL, migrated (the one place the CLI
 * migrates), runs `work`, always closes. A command that does not set a database up (`creates`)
 * says on stderr when it made a new, empty one: a mistyped --db is then seen, not just an empty
 * answer.
 */
export async function withDatabase<T>(
  options: GlobalOptions,
  work: (database: Database) => Promise<T>,
  { creates = false }: { creates?: boolean } = {},
): Promise<T> {
  const made = creates ? null : databaseToMake(options);
  const database = await openMigratedDatabase(options);
  if (made !== null && !options.quiet)
    process.stderr.write(
      `Note: there was no database at ${made}; a new, empty one was made there ` +
        '(`chainlead init` sets it up; check --db or CHAINLEAD_DB if you meant another).\n',
    );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * Runs one query on the command's database and prints its answer: as JSON with --json, else as
 * `format` writes it for a person.
 */
export async function printAnswer<T>(
  command: Command,
  json: boolean | undefined,
  query: (db: Db) => Promise<T>,
  format: (answer: T) => string,
): Promise<void> {
  await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
    const answer = await query(database.db);
    console.log(json ? JSON.stringify(answer, null, 2) : format(answer));
  });
}

/** The actor recorded in the audit log for CLI writes: the operating-system user. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid; the audit entry still says it was the CLI.
  }
  return { id: null, name: `cli:${name}` };
}

/**
 * A one-line progress bar with rate and time left on a terminal (stderr); silent with --quiet or
 * when stderr is not a terminal, so scripts see only results. A bar over a file's bytes
 * (`bytes`) says megabytes and the rows read so far, not byte counts.
 */
export function progressBar(options: GlobalOptions, label: string, { bytes = false } = {}) {
  const enabled = !options.quiet && process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  const megabytes = (n: number) => formatNumber(n / 1e6, 1);
  const update = (done: number, total: number, rows?: number): void => {
    if (!enabled) return;
    const now = Date.now();
    if (now - last < 200 && done < total) return;
    last = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = done / seconds;
    const left = rate > 0 && total > done ? Math.round((total - done) / rate) : 0;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const progress = bytes
      ? `${megabytes(done)} of ${megabytes(total)} MB (${percent}%)` +
        (rows === undefined
          ? ''
          : `, ${formatNumber(rows)} rows, ${formatNumber(rows / seconds)} rows/s`)
      : `${formatNumber(done)}/${formatNumber(total)} (${percent}%), ${formatNumber(rate)}/s`;
    process.stderr.write(`\r${label}: ${progress}, ${left}s left   `);
  };
  return Object.assign(update, {
    finish: () => {
      if (enabled) process.stderr.write('\n');
    },
  });
}

/** The help text of a command's --chain option. */
export const CHAIN_OPTION_HELP = 'chain code (CHAINLEAD_DEFAULT_CHAIN sets the default)';

/**
 * The chain a command works on when --chain is not given: CHAINLEAD_DEFAULT_CHAIN (the chain
 * `serve` opens on), else biomed. Several chains are loaded by default; this never picks one of
 * them by order.
 */
export function defaultCliChain(): string {
  return process.env.CHAINLEAD_DEFAULT_CHAIN?.trim() || 'biomed';
}

/**
 * The chain of a command that also takes --node: --chain when given, else the chain the node
 * belongs to (a node code starts with its chain's code: ic.mid.design is on ic), else `chain`.
 */
export function chainOfNodeOption(
  command: Command,
  options: { chain?: string | undefined; node?: string | undefined },
): string | undefined {
  const given = command.getOptionValueSource('chain') === 'cli';
  if (!given && options.node) return options.node.split('.')[0] || options.chain;
  return options.chain;
}

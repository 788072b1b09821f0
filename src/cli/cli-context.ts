import { openDatabase, resolveDatabaseOptions, type Database } from '../db/connection.ts';
import type { Actor } from '../db/audit.repository.ts';
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

/** Opens the database named by --db / CHAINLEAD_DB / DATABASE_URL, runs `work`, always closes. */
export async function withDatabase<T>(
  options: GlobalOptions,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(resolveDatabaseOptions(options));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
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

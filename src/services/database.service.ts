import {
  newEmbeddedFolder,
  openDatabase,
  resolveDatabaseOptions,
  type Database,
} from '../db/connection.ts';

/**
 * The embedded database folder that opening the database named by these flags would make (it
 * does not exist yet), or null (a server, memory, or a folder that exists).
 */
export function databaseToMake(flags: { db?: string | undefined }): string | null {
  return newEmbeddedFolder(resolveDatabaseOptions(flags));
}

/**
 * Opens the database named by --db, CHAINLEAD_DB or DATABASE_URL and brings its schema up to
 * date, so every command and the server work on a migrated database (a no-op when it is).
 * Throws DB_UNREACHABLE or DB_MIGRATION_FAILED (and closes what it opened).
 */
export async function openMigratedDatabase(flags: { db?: string | undefined }): Promise<Database> {
  const database = await openDatabase(resolveDatabaseOptions(flags));
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

import type { Database } from '../db/connection.ts';
import { createApp, type App } from '../server/app.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import { ApiClient } from './api-client.ts';
import { createTestDatabase } from './test-database.ts';

const ADMIN_PASSWORD = 'admin-password-x';

/**
 * A prepared installation on a fresh test database (seeded by `seed` before the app starts), its
 * app, and a client signed in as the admin.
 */
export async function startTestApp(
  seed?: (database: Database) => Promise<unknown>,
): Promise<{ database: Database; app: App; admin: ApiClient }> {
  const database = await createTestDatabase();
  await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD });
  if (seed) await seed(database);
  const app = createApp({ database, version: 'test' });
  const admin = new ApiClient(app);
  await admin.login('admin', ADMIN_PASSWORD);
  return { database, app, admin };
}

/** Creates a user through the API as `admin` and returns a client signed in as that user. */
export async function signInNewUser(
  app: App,
  admin: ApiClient,
  username: string,
  role: string,
): Promise<ApiClient> {
  const password = `${username}-password`;
  await admin.json('POST', '/api/users', { username, password, role });
  const client = new ApiClient(app);
  await client.login(username, password);
  return client;
}

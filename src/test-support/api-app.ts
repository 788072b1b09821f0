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
  /** The scope a department, firm or park user is bound to, as the users API takes it. */
  binding: { departmentId?: number; enterpriseId?: number; parkId?: number } = {},
): Promise<ApiClient> {
  const password = `${username}-password`;
  const created = await admin.json('POST', '/api/users', { username, password, role, ...binding });
  if (created.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(created.body)}`);
  const client = new ApiClient(app);
  await client.login(username, password);
  return client;
}

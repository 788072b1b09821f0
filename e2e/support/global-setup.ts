import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { Database } from '../../src/db/connection.ts';
import { chromiumPath } from './chromium-path.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const ADMIN_PASSWORD = 'e2e-admin-password';
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Once for all browser tests: build the web app if its sources changed, then serve it with the
 * API on the Wuxi demo (in-memory PostgreSQL) at 127.0.0.1 on a free port. Without Chromium the
 * tests skip, saying so in one line.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!chromiumPath()) {
    const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    console.log(
      `Browser tests skipped: no Chromium at ${path} ` +
        '(apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH).',
    );
    project.provide('baseUrl', '');
    return;
  }
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../../scripts/build-web-if-needed.mjs', import.meta.url))],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('Building the web app failed.');

  const [{ createTestDatabase }, { prepareInstallation }, { createApp }, { serve }] =
    await Promise.all([
      import('../../src/test-support/test-database.ts'),
      import('../../src/services/setup.service.ts'),
      import('../../src/server/app.ts'),
      import('@hono/node-server'),
    ]);
  const database: Database = await createTestDatabase();
  await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD, demoOnFirstRun: true });
  const app = createApp({ database, version: 'e2e', webDist: WEB_DIST });
  const server = serve({
    fetch: app.fetch,
    // E2E_PORT pins the port (a machine shared by several runs); else any free one.
    port: Number(process.env.E2E_PORT ?? 0),
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);

  return async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  };
}

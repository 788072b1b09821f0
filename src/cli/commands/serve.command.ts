import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { openMigratedDatabase } from '../../services/database.service.ts';
import { sweepNotifications } from '../../services/notifications/notification-sweep.service.ts';
import { purgeAuditLog } from '../../services/audit/audit-retention.service.ts';
import { isDemoLoaded } from '../../services/demo/demo.service.ts';
import { DEMO_USERS } from '../../services/demo/demo-plan.ts';
import { prepareInstallation, type SetupResult } from '../../services/setup.service.ts';
import { progressReporter, type GlobalOptions } from '../cli-context.ts';
import { APP_VERSION } from '../version.ts';
import {
  parseIdleMinutes,
  parsePublicOrigin,
  securitySettingsFromEnv,
  type SecuritySettings,
} from '../../server/security-settings.ts';
import { printDemoSummary } from './demo.command.ts';

/** The built web app (npm run build:web; npm start builds it when needed). */
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

interface ServeOptions {
  port: string;
  host: string;
  demoOnFirstRun?: boolean;
  homeRegion?: string;
  defaultChain?: string;
  trustProxy?: boolean;
  publicUrl?: string;
  secureCookies?: boolean;
  idleTimeout?: string;
}

/** The security settings: the environment's, with serve's flags over them. Throws VALIDATION_FAILED. */
function securityFromOptions(options: ServeOptions): SecuritySettings {
  const settings = securitySettingsFromEnv();
  if (options.trustProxy) settings.trustProxy = true;
  if (options.publicUrl?.trim()) {
    settings.publicOrigin = parsePublicOrigin(options.publicUrl.trim(), '--public-url');
  }
  if (options.secureCookies) settings.alwaysSecureCookies = true;
  if (options.idleTimeout?.trim()) {
    settings.idleTimeoutMs = parseIdleMinutes(options.idleTimeout.trim(), '--idle-timeout');
  }
  return settings;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and REST API (migrates and prepares the database first)')
    .option('-p, --port <port>', 'port to listen on', process.env.CHAINLEAD_PORT ?? '3000')
    .option('--host <host>', 'address to listen on', process.env.CHAINLEAD_HOST ?? '127.0.0.1')
    .option('--demo-on-first-run', 'load the Wuxi demo when the database is new')
    .option(
      '--home-region <code>',
      "region code the chain office works for, where the web app's pipeline starts " +
        "(env CHAINLEAD_HOME_REGION; default: the demo's 3202, Wuxi)",
      process.env.CHAINLEAD_HOME_REGION,
    )
    .option(
      '--default-chain <code>',
      'chain code the web app opens on (env CHAINLEAD_DEFAULT_CHAIN; default: biomed when ' +
        'loaded, else the first loaded chain by code)',
      process.env.CHAINLEAD_DEFAULT_CHAIN,
    )
    .option(
      '--trust-proxy',
      'behind a reverse proxy: take the client address from X-Forwarded-For and HTTPS from ' +
        'X-Forwarded-Proto (env CHAINLEAD_TRUST_PROXY=1)',
    )
    .option(
      '--public-url <url>',
      'the address browsers use, e.g. https://chain.example.gov.cn; accepted as an Origin ' +
        '(env CHAINLEAD_PUBLIC_URL)',
    )
    .option(
      '--secure-cookies',
      'always mark the session cookie Secure (default: when the request came over HTTPS; ' +
        'env CHAINLEAD_SECURE_COOKIES=always)',
    )
    .option(
      '--idle-timeout <minutes>',
      'end sessions unused this long (env CHAINLEAD_IDLE_TIMEOUT_MINUTES; default 480)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead serve --port 8080 --home-region 3205 --default-chain biomed\n  $ DATABASE_URL=postgres://chainlead@127.0.0.1/chainlead chainlead serve',
    )
    .action(async (options: ServeOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new AppError(
          'VALIDATION_FAILED',
          `--port must be a port number, not "${options.port}".`,
        );
      }
      const homeRegion = options.homeRegion?.trim() || undefined;
      if (homeRegion !== undefined && !/^\d{2,12}$/.test(homeRegion)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `--home-region (or CHAINLEAD_HOME_REGION) must be a region code of 2 to 12 digits, ` +
            `such as 3202, not "${homeRegion}".`,
        );
      }
      const defaultChain = options.defaultChain?.trim() || undefined;
      if (defaultChain !== undefined && !/^[a-z][a-z0-9-]*$/.test(defaultChain)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `--default-chain (or CHAINLEAD_DEFAULT_CHAIN) must be a chain code such as biomed, ` +
            `not "${defaultChain}".`,
        );
      }
      const security = securityFromOptions(options);
      const progress = progressReporter(globals);
      const database = await openMigratedDatabase(globals);
      let setup: SetupResult;
      try {
        setup = await prepareInstallation(database, {
          adminPassword: process.env.CHAINLEAD_ADMIN_PASSWORD,
          demoOnFirstRun: options.demoOnFirstRun ?? false,
          progress,
        });
      } catch (error) {
        await database.close();
        throw error;
      }
      // The HTTP stack loads only for `serve`, keeping every other command quick to start.
      const [{ serve }, { createApp }] = await Promise.all([
        import('@hono/node-server'),
        import('../../server/app.ts'),
      ]);
      const app = createApp({
        database,
        version: APP_VERSION,
        webDist: WEB_DIST,
        homeRegion,
        defaultChain,
        security,
      });
      const server = serve({ fetch: app.fetch, port, hostname: options.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', (error: NodeJS.ErrnoException) => {
          void database.close();
          reject(
            error.code === 'EADDRINUSE'
              ? new AppError(
                  'VALIDATION_FAILED',
                  `Port ${port} on ${options.host} is in use: stop what holds it or pass --port.`,
                )
              : error,
          );
        });
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${actualPort}`;
      await printStartBanner(database.kind, database.location, setup, url, database.db);
      const sweeper = startNotificationSweeper(database.db);
      const auditPurger = startAuditPurger(database.db);

      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        clearInterval(sweeper);
        clearInterval(auditPurger);
        console.log('Stopping chainlead…');
        server.close(() => {
          void database.close().then(() => process.exit(0));
        });
        // Open keep-alive connections would hold close() back; end them.
        if ('closeAllConnections' in server) server.closeAllConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

/** How often `serve` derives the bell's notifications (due dates move with the clock). */
const NOTIFICATION_SWEEP_MS = 10 * 60 * 1000;

/**
 * Sweeps notifications now and every ten minutes; unref'd so it never keeps the process alive,
 * and a failed sweep is logged, never fatal (the next list or tick sweeps again).
 */
function startNotificationSweeper(db: Db): NodeJS.Timeout {
  const sweep = (): void => {
    sweepNotifications(db, new Date()).catch((error: unknown) => {
      console.warn(
        `Notification sweep failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };
  sweep();
  const timer = setInterval(sweep, NOTIFICATION_SWEEP_MS);
  timer.unref();
  return timer;
}

/** How often `serve` deletes audit entries past the retention (audit.retentionDays). */
const AUDIT_PURGE_MS = 24 * 3600 * 1000;

/**
 * Purges the audit log now and daily; unref'd, and a failed purge is logged, never fatal (the next
 * day, or `chainlead audit purge`, tries again).
 */
function startAuditPurger(db: Db): NodeJS.Timeout {
  const purge = (): void => {
    purgeAuditLog(db, { id: null, name: 'system:retention' })
      .then(({ deleted, retentionDays }) => {
        if (deleted > 0) {
          console.log(`Deleted ${deleted} audit entries older than ${retentionDays} days.`);
        }
      })
      .catch((error: unknown) => {
        console.warn(
          `Audit purge failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  };
  purge();
  const timer = setInterval(purge, AUDIT_PURGE_MS);
  timer.unref();
  return timer;
}

async function printStartBanner(
  kind: string,
  location: string,
  setup: SetupResult,
  url: string,
  db: Db,
): Promise<void> {
  const lines = [
    `chainlead ${APP_VERSION} on ${kind === 'pglite' ? 'the embedded database at' : 'PostgreSQL'} ${location}`,
  ];
  if (setup.generatedAdminPassword) {
    lines.push(
      `Created the user "admin" with password: ${setup.generatedAdminPassword}`,
      '  (shown only now; change it with: npx chainlead user passwd admin)',
    );
  } else if (setup.adminCreated) {
    lines.push('Created the user "admin" with the password in CHAINLEAD_ADMIN_PASSWORD.');
  } else {
    lines.push(
      'Sign in as "admin" with the password shown at the first start ' +
        '(to reset it: stop the server, then npx chainlead user passwd admin).',
    );
  }
  if (setup.demo) lines.push(...printDemoSummary(setup.demo));
  else if (await isDemoLoaded(db)) {
    lines.push(
      `Demo logins: ${DEMO_USERS.map((u) => `${u.username} / ${u.password} (${u.role})`).join(', ')}`,
    );
  }
  lines.push(`Serving on ${url}  (API docs: ${url}/api/docs; stop with Ctrl-C)`);
  console.log(lines.join('\n'));
}

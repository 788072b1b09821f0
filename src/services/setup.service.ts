import type { Database } from '../db/connection.ts';
import { findSetting } from '../db/setting.repository.ts';
import { ensureAdminUser } from './auth/users.service.ts';
import {
  DEFAULT_TEMPLATES_DIR,
  readChainTemplates,
  saveChainTemplates,
} from './reference/chain-templates.service.ts';
import { failInterruptedImports } from './import/import-jobs.service.ts';
import { ensureRegionsLoaded } from './reference/regions.service.ts';
import { seedOfficialCalendar } from './problems/working-calendar.service.ts';
import { seedProblemCategories } from './problems/departments.service.ts';
import { classifyEnterprises } from './classification/classification.service.ts';
import { DEMO_CHAIN } from './demo/demo-plan.ts';
import { loadDemo, type DemoSummary, type ProgressReporter } from './demo/demo.service.ts';

export interface SetupOptions {
  templatesDir?: string | undefined;
  adminPassword?: string | undefined;
  /** Load the demo when this is the installation's first start. */
  demoOnFirstRun?: boolean;
  progress?: ProgressReporter;
}

export interface SetupResult {
  firstRun: boolean;
  /** Set only when the admin was created now with a random password: print it once. */
  generatedAdminPassword: string | null;
  adminCreated: boolean;
  chainsWritten: string[];
  demo: DemoSummary | null;
  /** Imports a stopped process left running, now marked failed. */
  interruptedImports: number[];
}

const SYSTEM = { id: null, name: 'system' };

/**
 * Brings a database up to date for use: migrations, regions, chain templates, the admin user, and
 * on the first run (when asked) the demo. Safe to run at every start; later runs do little.
 * Throws DB_MIGRATION_FAILED or TEMPLATE_INVALID (before anything from the templates is written).
 */
export async function prepareInstallation(
  database: Database,
  options: SetupOptions = {},
): Promise<SetupResult> {
  const progress = options.progress ?? (() => undefined);
  const templates = readChainTemplates(options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  progress('migrating the database');
  await database.migrate();
  const db = database.db;
  const firstRun = (await findSetting(db, 'admin_created')) === null;
  progress('loading regions');
  await ensureRegionsLoaded(db);
  await seedOfficialCalendar(db);
  await seedProblemCategories(db);
  const chainsWritten = await saveChainTemplates(db, templates, SYSTEM);
  const admin = await ensureAdminUser(db, options.adminPassword);
  const interruptedImports = await failInterruptedImports(db);
  const demo =
    firstRun && options.demoOnFirstRun
      ? await loadDemo(db, { id: null, name: 'demo' }, progress)
      : null;
  if (demo && !demo.alreadyLoaded) {
    progress('classifying the demo enterprises');
    await classifyEnterprises(db, { chainCode: DEMO_CHAIN });
  }
  return {
    firstRun,
    generatedAdminPassword: admin.generatedPassword,
    adminCreated: admin.created,
    chainsWritten,
    demo,
    interruptedImports,
  };
}

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import { BIN, run, userEnv } from '../test-support/cli-runner.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
const DAY_MS = 24 * 3600 * 1000;

const work = mkdtempSync(join(tmpdir(), 'chainlead-audit-cli-'));
const db = join(work, 'db');

/** Adds entries `daysAgo` old, marked by their action. */
async function addOldEntries(entries: { action: string; daysAgo: number }[]): Promise<void> {
  const database = await openMigratedDatabase({ db });
  try {
    await database.db.insert(auditLog).values(
      entries.map(({ action, daysAgo }) => ({
        at: new Date(Date.now() - daysAgo * DAY_MS),
        actorName: 'test',
        action,
        entityType: 'test',
        after: { contactPhone: '13800000000' },
      })),
    );
  } finally {
    await database.close();
  }
}

/** The test entries still in the log, by action. */
async function testActions(): Promise<string[]> {
  const database = await openMigratedDatabase({ db });
  try {
    const rows = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'test'));
    return rows.map((r) => r.action).sort();
  } finally {
    await database.close();
  }
}

describe('the audit log kept for a configured period, as a user runs it', () => {
  beforeAll(async () => {
    const database = await openMigratedDatabase({ db });
    try {
      await prepareInstallation(database, { adminPassword: 'cli-admin-pw' });
    } finally {
      await database.close();
    }
  }, 300_000);

  it(
    'purges entries older than the retention (3 years by default, then as set)',
    SPAWNING,
    async () => {
      await addOldEntries([
        { action: 'four-years', daysAgo: 4 * 365 },
        { action: 'two-years', daysAgo: 2 * 365 },
        { action: 'yesterday', daysAgo: 1 },
      ]);
      const shown = await run(['--db', db, 'audit', 'retention']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('keeps entries for 1095 days');
      const purged = await run(['--db', db, 'audit', 'purge']);
      expect(purged.code, purged.stderr).toBe(0);
      expect(purged.stdout).toMatch(/^Deleted 1 audit entries from before .*\(kept 1095 days\)/);
      expect(await testActions()).toEqual(['two-years', 'yesterday']);

      const set = await run(['--db', db, 'audit', 'retention', '365']);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toContain('keeps entries for 365 days');
      expect((await run(['--db', db, 'audit', 'purge'])).stdout).toMatch(/^Deleted 1 /);
      expect(await testActions()).toEqual(['yesterday']);

      const database = await openMigratedDatabase({ db });
      try {
        const [purge] = await database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'audit.purge'));
        expect(purge?.actorName).toMatch(/^cli:/);
        expect(purge?.after).toMatchObject({ deleted: 1, retentionDays: 1095 });
        const [setting] = await database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'audit.settings.update'));
        expect(setting?.after).toEqual({ retentionDays: 365 });
      } finally {
        await database.close();
      }

      for (const bad of ['7', 'forever']) {
        const refused = await run(['--db', db, 'audit', 'retention', bad]);
        expect(refused.code, bad).toBe(2);
        expect(refused.stderr).toMatch(/retention/);
      }
    },
  );

  it('purges at server start', SPAWNING, async () => {
    await addOldEntries([{ action: 'ten-years', daysAgo: 3650 }]);
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '4131'], {
      env: userEnv(),
    });
    let stdout = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (/Deleted 1 audit entries older than 365 days/.test(stdout)) resolve();
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stdout}`)));
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
    expect(await testActions()).toEqual(['yesterday']);
  });
});

import { AppError } from '../../domain/app-error.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { deleteAuditEntriesBefore, recordAudit, type Actor } from '../../db/audit.repository.ts';
import { findSetting, saveSetting } from '../../db/setting.repository.ts';

// How long the audit log keeps its entries (docs/security.md, "Personal data": the log holds the
// before and after of every write, contacts included, so it is not kept for ever).

const KEY = 'audit';
/** Three years, unless the installation sets otherwise. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1095;
export const MIN_AUDIT_RETENTION_DAYS = 30;
export const MAX_AUDIT_RETENTION_DAYS = 36_500;
const DAY_MS = 24 * 3600 * 1000;
const BATCH = 5000;

interface AuditSettings {
  retentionDays: number;
}

/** The retention in force (`audit.retentionDays`): the saved value, else three years. */
export async function getAuditRetentionDays(db: DbOrTx): Promise<number> {
  const saved = (await findSetting(db, KEY)) as Partial<AuditSettings> | null;
  const days = saved?.retentionDays;
  return typeof days === 'number' && Number.isInteger(days) ? days : DEFAULT_AUDIT_RETENTION_DAYS;
}

/**
 * Sets how many days the audit log keeps its entries, audited. Throws VALIDATION_FAILED outside
 * 30 to 36,500 days.
 */
export async function setAuditRetentionDays(db: Db, actor: Actor, days: number): Promise<number> {
  if (
    !Number.isInteger(days) ||
    days < MIN_AUDIT_RETENTION_DAYS ||
    days > MAX_AUDIT_RETENTION_DAYS
  ) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The audit log's retention is a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ` +
        `${MAX_AUDIT_RETENTION_DAYS}, not ${days}.`,
      { field: 'retentionDays' },
    );
  }
  return db.transaction(async (tx) => {
    const before = await getAuditRetentionDays(tx);
    await saveSetting(tx, KEY, { retentionDays: days } satisfies AuditSettings);
    await recordAudit(tx, actor, {
      action: 'audit.settings.update',
      entityType: 'setting',
      entityId: KEY,
      before: { retentionDays: before },
      after: { retentionDays: days },
    });
    return days;
  });
}

/**
 * Deletes the audit entries older than the retention (`now` − retentionDays), in batches of short
 * transactions, and records the purge itself when it deleted anything. Runs at server start, daily
 * while serving, and from `chainlead audit purge`.
 */
export async function purgeAuditLog(
  db: Db,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ deleted: number; cutoff: Date; retentionDays: number }> {
  const retentionDays = await getAuditRetentionDays(db);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const gone = await db.transaction((tx) => deleteAuditEntriesBefore(tx, cutoff, BATCH));
    deleted += gone;
    if (gone < BATCH) break;
    // Let other requests through between batches (PGlite has one connection).
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (deleted > 0) {
    await recordAudit(db, actor, {
      action: 'audit.purge',
      entityType: 'audit_log',
      after: { deleted, before: cutoff.toISOString(), retentionDays },
    });
  }
  return { deleted, cutoff, retentionDays };
}

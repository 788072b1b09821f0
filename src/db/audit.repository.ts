import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { auditLog } from './schema.ts';
import { redactSecrets } from '../domain/secret-redaction.ts';

/** Who did something: a signed-in user, or a named system actor such as `cli` or `demo`. */
export interface Actor {
  id: number | null;
  name: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log, in the caller's transaction. */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    // Never a credential, whatever a caller passes (see redactSecrets).
    before: entry.before == null ? null : redactSecrets(entry.before),
    after: entry.after == null ? null : redactSecrets(entry.after),
  });
}

/**
 * Deletes up to `batch` audit entries older than `cutoff`, oldest first, and says how many went;
 * the caller loops, so a long backlog goes in short transactions that let other work through.
 */
export async function deleteAuditEntriesBefore(
  db: DbOrTx,
  cutoff: Date,
  batch: number,
): Promise<number> {
  const gone = await db
    .delete(auditLog)
    .where(
      inArray(
        auditLog.id,
        db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(lt(auditLog.at, cutoff))
          .orderBy(asc(auditLog.id))
          .limit(batch),
      ),
    )
    .returning({ id: auditLog.id });
  return gone.length;
}

/** What selects audit entries; `from` inclusive, `before` exclusive. */
export interface AuditFilter {
  actorName?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  before?: Date | undefined;
}

function auditWhere(filter: AuditFilter): SQL | undefined {
  return and(
    filter.actorName === undefined ? undefined : eq(auditLog.actorName, filter.actorName),
    filter.entityType === undefined ? undefined : eq(auditLog.entityType, filter.entityType),
    filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
    filter.from === undefined ? undefined : gte(auditLog.at, filter.from),
    filter.before === undefined ? undefined : lt(auditLog.at, filter.before),
  );
}

/** One page of audit entries matching `filter`, newest first, and how many match in all. */
export async function listAuditEntries(
  db: DbOrTx,
  filter: AuditFilter,
  page: { limit: number; offset: number },
) {
  const where = auditWhere(filter);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Every entity kind the log holds, A–Z. */
export async function listAuditEntityTypes(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(asc(auditLog.entityType));
  return rows.map((row) => row.entityType);
}

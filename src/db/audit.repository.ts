import { asc, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { auditLog } from './schema.ts';

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
    before: entry.before ?? null,
    after: entry.after ?? null,
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

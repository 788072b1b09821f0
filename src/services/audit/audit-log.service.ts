import type { Db } from '../../db/connection.ts';
import { redactSecrets } from '../../domain/secret-redaction.ts';
import { listAuditEntityTypes, listAuditEntries } from '../../db/audit.repository.ts';
import type { AuditPage, AuditQuery } from '../../shared/api/audit.ts';

const DAY_MS = 86_400_000;

/** Midnight of a calendar day in Asia/Shanghai (UTC+8, no daylight saving) as an instant. */
function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * One page of the audit log, newest first, filtered by who acted, the kind (and id) of entity
 * and the days (Asia/Shanghai, both ends included); with every entity kind for the filter.
 */
export async function searchAuditLog(db: Db, query: AuditQuery): Promise<AuditPage> {
  const { rows, total } = await listAuditEntries(
    db,
    {
      actorName: query.user,
      entityType: query.entity,
      entityId: query.entityId,
      from: query.from === undefined ? undefined : shanghaiMidnight(query.from),
      before:
        query.to === undefined
          ? undefined
          : new Date(shanghaiMidnight(query.to).getTime() + DAY_MS),
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      // Entries written before credentials were redacted on the way in are redacted on the way out.
      before: row.before == null ? null : redactSecrets(row.before),
      after: row.after == null ? null : redactSecrets(row.after),
    })),
    total,
    entityTypes: await listAuditEntityTypes(db),
  };
}

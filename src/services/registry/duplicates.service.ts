import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  closeDuplicateCandidate,
  findDuplicateCandidate,
  listDuplicateCandidates,
} from '../../db/duplicate.repository.ts';
import {
  clearEnterpriseUscc,
  deleteEnterprise,
  findEnterpriseById,
  moveEnterpriseFacts,
  type NewEnterpriseRow,
} from '../../db/enterprise.repository.ts';
import { updateEnterprise } from '../../db/import.repository.ts';
import { moveEnterpriseProblemsAndUsers } from '../../db/problem.repository.ts';

export interface DuplicateView {
  id: number;
  enterprise: { id: number; name: string };
  /** id null once merged: the record went into `enterprise`. */
  other: { id: number | null; name: string };
  score: number;
  reasons: string[];
  status: string;
  createdAt: string;
}

/** Possible duplicates by status (open by default), oldest first. */
export async function listDuplicates(
  db: Db,
  query: { status?: string; page: number; pageSize: number },
): Promise<{ items: DuplicateView[]; total: number }> {
  const { rows, total } = await listDuplicateCandidates(db, query.status ?? 'open', {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: rows.map(({ duplicate, name, otherName }) => ({
      id: duplicate.id,
      enterprise: { id: duplicate.enterpriseId, name },
      other: { id: duplicate.otherId, name: otherName },
      score: duplicate.score,
      reasons: duplicate.reasons,
      status: duplicate.status,
      createdAt: duplicate.createdAt.toISOString(),
    })),
    total,
  };
}

async function openDuplicate(db: Db, id: number) {
  const pair = await findDuplicateCandidate(db, id);
  if (!pair) throw new AppError('DUPLICATE_NOT_FOUND', `No possible duplicate has id ${id}.`);
  if (pair.status !== 'open') {
    throw new AppError('VALIDATION_FAILED', `Possible duplicate ${id} was already ${pair.status}.`);
  }
  return pair;
}

/** Marks a pair as two different enterprises. Throws DUPLICATE_NOT_FOUND. */
export async function dismissDuplicate(db: Db, actor: Actor, id: number): Promise<void> {
  await openDuplicate(db, id);
  await db.transaction(async (tx) => {
    await closeDuplicateCandidate(tx, id, 'dismissed', actor.name);
    await recordAudit(tx, actor, {
      action: 'duplicate.dismiss',
      entityType: 'duplicate',
      entityId: id,
    });
  });
}

/**
 * Merges the second enterprise of a pair into the first: empty fields are filled from it, its name
 * becomes an alias, its yearly figures and manual classifications move over where the first has
 * none, its problems and firm accounts move over, and it is deleted. Throws DUPLICATE_NOT_FOUND.
 */
export async function mergeDuplicate(db: Db, actor: Actor, id: number): Promise<void> {
  const pair = await openDuplicate(db, id);
  const [keep, drop] = await Promise.all([
    findEnterpriseById(db, pair.enterpriseId),
    pair.otherId === null ? null : findEnterpriseById(db, pair.otherId),
  ]);
  if (!keep || !drop) throw new AppError('ENTERPRISE_NOT_FOUND', 'One side of the pair is gone.');
  const kept = keep.enterprise;
  const gone = drop.enterprise;
  await db.transaction(async (tx) => {
    const fill: Partial<NewEnterpriseRow> = {};
    for (const field of [
      'uscc',
      'nameEn',
      'address',
      'foundedOn',
      'registeredCapitalYuan',
      'industryCode',
      'businessScope',
      'parkId',
    ] as const) {
      if (kept[field] === null && gone[field] !== null)
        Object.assign(fill, { [field]: gone[field] });
    }
    const aliases = [...new Set([...kept.aliases, gone.name, ...gone.aliases])].filter(
      (n) => n !== kept.name,
    );
    const tags = [...new Set([...kept.tags, ...gone.tags])];
    const products = kept.products.length > 0 ? kept.products : gone.products;
    // The dropped record's USCC must be free before the kept one can take it.
    if (fill.uscc) await clearEnterpriseUscc(tx, gone.id);
    await updateEnterprise(tx, kept.id, { ...fill, aliases, tags, products });
    await moveEnterpriseFacts(tx, { from: gone.id, to: kept.id });
    // Problems and firm accounts belong to the enterprise, not to the record: they follow it.
    const moved = await moveEnterpriseProblemsAndUsers(tx, { from: gone.id, to: kept.id });
    await closeDuplicateCandidate(tx, id, 'merged', actor.name, gone.name);
    await deleteEnterprise(tx, gone.id);
    await recordAudit(tx, actor, {
      action: 'duplicate.merge',
      entityType: 'enterprise',
      entityId: kept.id,
      before: {
        kept: { id: kept.id, name: kept.name },
        merged: { id: gone.id, name: gone.name, uscc: gone.uscc },
      },
      after: { id: kept.id, filled: Object.keys(fill), aliases, moved },
    });
  });
}

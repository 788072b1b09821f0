import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  closeDuplicateCandidate,
  findDuplicateCandidate,
  listDuplicateCandidates,
} from '../../db/duplicate.repository.ts';
import { findMergeOfDuplicate } from '../../db/merge.repository.ts';
import { mergeEnterprises, undoMerge } from '../merge/merge.service.ts';

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
 * Merges a pair through the merge module: the registered record (else the first) survives with
 * both names, the winning figures (the others in its figure history) and every link of both; the
 * merge is recorded so that it can be undone. Throws DUPLICATE_NOT_FOUND, ENTERPRISE_NOT_FOUND,
 * CONFLICT.
 */
export async function mergeDuplicate(db: Db, actor: Actor, id: number): Promise<void> {
  const pair = await openDuplicate(db, id);
  if (pair.otherId === null) {
    throw new AppError('ENTERPRISE_NOT_FOUND', 'One side of the pair is gone.', { id });
  }
  const otherId = pair.otherId;
  await db.transaction(async (tx) => {
    const outcome = await mergeEnterprises(tx, actor, {
      first: pair.enterpriseId,
      second: otherId,
      duplicateId: id,
    });
    // The dropped record's name stays on the pair for the history.
    await closeDuplicateCandidate(tx, id, 'merged', actor.name, outcome.dropped.name);
    await recordAudit(tx, actor, {
      action: 'duplicate.merge',
      entityType: 'duplicate',
      entityId: id,
      after: { mergeId: outcome.mergeId, kept: outcome.kept, merged: outcome.dropped },
    });
  });
}

/**
 * Undoes the merge of a pair: both records as they were, the pair open again. Throws
 * DUPLICATE_NOT_FOUND, CONFLICT (the pair is not merged, or later changes make the undo unsafe;
 * the message says which).
 */
export async function undoDuplicateMerge(db: Db, actor: Actor, id: number): Promise<void> {
  const pair = await findDuplicateCandidate(db, id);
  if (!pair) throw new AppError('DUPLICATE_NOT_FOUND', `No possible duplicate has id ${id}.`);
  const merge = pair.status === 'merged' ? await findMergeOfDuplicate(db, id) : null;
  if (!merge || merge.status !== 'merged') {
    throw new AppError(
      'CONFLICT',
      pair.status === 'merged'
        ? `Possible duplicate ${id} was merged before merges were recorded: it cannot be undone.`
        : `Possible duplicate ${id} is ${pair.status}, not merged: there is no merge to undo.`,
      { id, status: pair.status },
    );
  }
  await db.transaction(async (tx) => {
    await undoMerge(tx, actor, merge);
    await recordAudit(tx, actor, {
      action: 'duplicate.undo',
      entityType: 'duplicate',
      entityId: id,
      before: { mergeId: merge.id },
    });
  });
}

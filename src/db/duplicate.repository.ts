import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { findEnterpriseNames } from './enterprise.repository.ts';
import { duplicateCandidate } from './schema.ts';

export type DuplicateRow = typeof duplicateCandidate.$inferSelect;

/** Queues a possible duplicate pair (once per pair). */
export async function insertDuplicateCandidate(
  db: DbOrTx,
  values: {
    enterpriseId: number;
    otherId: number;
    score: number;
    reasons: string[];
    importId: number | null;
  },
): Promise<void> {
  const [a, b] =
    values.enterpriseId < values.otherId
      ? [values.enterpriseId, values.otherId]
      : [values.otherId, values.enterpriseId];
  await db
    .insert(duplicateCandidate)
    .values({ ...values, enterpriseId: a, otherId: b })
    .onConflictDoNothing();
}

/**
 * Duplicate pairs by status, oldest first, with both names. The page of pairs is read first and
 * the two firms' names after, in one lookup by id: a join of the registry with itself on the pair
 * is what a distributed registry (Citus) cannot plan.
 */
export async function listDuplicateCandidates(
  db: DbOrTx,
  status: string,
  page: { offset: number; limit: number },
) {
  const pairs = await db
    .select()
    .from(duplicateCandidate)
    .where(eq(duplicateCandidate.status, status))
    .orderBy(asc(duplicateCandidate.id))
    .offset(page.offset)
    .limit(page.limit);
  const names = await findEnterpriseNames(
    db,
    pairs.flatMap((p) => (p.otherId === null ? [p.enterpriseId] : [p.enterpriseId, p.otherId])),
  );
  const rows = pairs.flatMap((duplicate) => {
    const firm = names.get(duplicate.enterpriseId);
    if (!firm) return [];
    const other = duplicate.otherId === null ? undefined : names.get(duplicate.otherId);
    return [{ duplicate, name: firm.name, otherName: other?.name ?? duplicate.otherName ?? '' }];
  });
  const total = await db.$count(duplicateCandidate, eq(duplicateCandidate.status, status));
  return { rows, total };
}

/** One duplicate pair, or null. */
export async function findDuplicateCandidate(db: DbOrTx, id: number): Promise<DuplicateRow | null> {
  const rows = await db
    .select()
    .from(duplicateCandidate)
    .where(eq(duplicateCandidate.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Closes a duplicate pair as merged or dismissed. A merge keeps the second enterprise's name
 * (`otherName`): the record itself is deleted, and the history still says what went into what.
 */
export async function closeDuplicateCandidate(
  db: DbOrTx,
  id: number,
  status: 'merged' | 'dismissed',
  decidedBy: string,
  otherName: string | null = null,
): Promise<void> {
  await db
    .update(duplicateCandidate)
    .set({ status, decidedBy, decidedAt: new Date(), ...(otherName ? { otherName } : {}) })
    .where(and(eq(duplicateCandidate.id, id), eq(duplicateCandidate.status, 'open')));
}

/** Names the pair's records the other way round (the kept record first). */
export async function turnDuplicateRound(
  db: DbOrTx,
  id: number,
  enterpriseId: number,
  otherId: number | null,
): Promise<void> {
  await db
    .update(duplicateCandidate)
    .set({ enterpriseId, otherId })
    .where(eq(duplicateCandidate.id, id));
}

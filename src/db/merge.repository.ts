import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { noteEnterpriseUsccs } from './uscc-lookup.repository.ts';
import type { DbOrTx } from './connection.ts';
import {
  appUser,
  classification,
  duplicateCandidate,
  enterprise,
  enterpriseLink,
  enterpriseMerge,
  enterpriseYear,
  enterpriseYearHistory,
  eventParticipant,
  expertAdvice,
  importBatch,
  leaderActivityEnterprise,
  needMatch,
  needOffer,
  platformUser,
  problem,
  project,
} from './schema.ts';

// The SQL of merging two enterprise records and undoing it: full rows in, full rows back.

export type FullEnterpriseRow = typeof enterprise.$inferSelect;
export type ClassificationRow = typeof classification.$inferSelect;
export type YearRow = typeof enterpriseYear.$inferSelect;
export type DuplicateRow = typeof duplicateCandidate.$inferSelect;
export type YearHistoryRow = typeof enterpriseYearHistory.$inferSelect;
export type NewYearHistoryRow = typeof enterpriseYearHistory.$inferInsert;
export type MergeRow = typeof enterpriseMerge.$inferSelect;

/** One enterprise row in full, or null. */
export async function findFullEnterprise(
  db: DbOrTx,
  id: number,
): Promise<FullEnterpriseRow | null> {
  const rows = await db.select().from(enterprise).where(eq(enterprise.id, id)).limit(1);
  return rows[0] ?? null;
}

/** An enterprise's yearly figures, oldest first. */
export async function listYearRows(db: DbOrTx, id: number): Promise<YearRow[]> {
  return db
    .select()
    .from(enterpriseYear)
    .where(eq(enterpriseYear.enterpriseId, id))
    .orderBy(asc(enterpriseYear.year));
}

/** An enterprise's placements (every decision, rule or manual), by node. */
export async function listClassificationRows(db: DbOrTx, id: number): Promise<ClassificationRow[]> {
  return db
    .select()
    .from(classification)
    .where(eq(classification.enterpriseId, id))
    .orderBy(asc(classification.nodeId));
}

/** What points at an enterprise besides its figures and placements, by id. */
export async function listEnterpriseLinks(db: DbOrTx, id: number) {
  const [projects, problems, users, activities, history, linksFrom, linksTo] = await Promise.all([
    db.select({ id: project.id }).from(project).where(eq(project.enterpriseId, id)),
    db.select({ id: problem.id }).from(problem).where(eq(problem.enterpriseId, id)),
    db.select({ id: appUser.id }).from(appUser).where(eq(appUser.enterpriseId, id)),
    db
      .select({ id: leaderActivityEnterprise.activityId })
      .from(leaderActivityEnterprise)
      .where(eq(leaderActivityEnterprise.enterpriseId, id)),
    db
      .select({ id: enterpriseYearHistory.id })
      .from(enterpriseYearHistory)
      .where(eq(enterpriseYearHistory.enterpriseId, id)),
    db.select({ id: enterpriseLink.id }).from(enterpriseLink).where(eq(enterpriseLink.fromId, id)),
    db.select({ id: enterpriseLink.id }).from(enterpriseLink).where(eq(enterpriseLink.toId, id)),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  // 供需对接: the enterprise's needs and offers, and the matches it was proposed in.
  const needOffers = await db
    .select({ id: needOffer.id })
    .from(needOffer)
    .where(eq(needOffer.enterpriseId, id));
  const needMatches = await db
    .select({ id: needMatch.id })
    .from(needMatch)
    .where(eq(needMatch.supplierId, id));
  // 专家库 and 活动: whom experts advised, and the events the record took part in.
  const advice = await db
    .select({ id: expertAdvice.id })
    .from(expertAdvice)
    .where(eq(expertAdvice.enterpriseId, id));
  const participations = await db
    .select({ id: eventParticipant.id })
    .from(eventParticipant)
    .where(eq(eventParticipant.enterpriseId, id));
  // 平台: the innovation platforms the record uses.
  const platformUses = await db
    .select({ id: platformUser.id })
    .from(platformUser)
    .where(eq(platformUser.enterpriseId, id));
  return {
    projects: ids(projects),
    problems: ids(problems),
    users: ids(users),
    activities: ids(activities),
    history: ids(history),
    /** Links between enterprises (enterprise_link) from and to the record. */
    linksFrom: ids(linksFrom),
    linksTo: ids(linksTo),
    needOffers: ids(needOffers),
    needMatches: ids(needMatches),
    expertAdvice: ids(advice),
    eventParticipants: ids(participations),
    platformUsers: ids(platformUses),
  };
}
export type EnterpriseLinks = Awaited<ReturnType<typeof listEnterpriseLinks>>;

/**
 * Points the given links at `to` (from whatever they point at now, if it is `from`). Leadership
 * activities gain the enterprise where they lack it and lose `from`. A match outcome `to` already
 * has for the same need stays with `from`, and so do a participation in an event and a use of a
 * platform `to` already has. Snapshots older than 供需对接 have no need links, older than experts
 * and events no advice or participations, older than platforms no platform uses.
 */
export async function relinkEnterprise(
  db: DbOrTx,
  links: Omit<
    EnterpriseLinks,
    'needOffers' | 'needMatches' | 'expertAdvice' | 'eventParticipants' | 'platformUsers'
  > &
    Partial<
      Pick<
        EnterpriseLinks,
        'needOffers' | 'needMatches' | 'expertAdvice' | 'eventParticipants' | 'platformUsers'
      >
    >,
  ids: { from: number; to: number },
): Promise<void> {
  if (links.needOffers?.length) {
    await db
      .update(needOffer)
      .set({ enterpriseId: ids.to })
      .where(and(inArray(needOffer.id, links.needOffers), eq(needOffer.enterpriseId, ids.from)));
  }
  if (links.needMatches?.length) {
    await db
      .update(needMatch)
      .set({ supplierId: ids.to })
      .where(
        and(
          inArray(needMatch.id, links.needMatches),
          eq(needMatch.supplierId, ids.from),
          sql`not exists (select 1 from need_match m where m.need_id = ${needMatch.needId} and m.supplier_id = ${ids.to})`,
        ),
      );
  }
  if (links.expertAdvice?.length) {
    await db
      .update(expertAdvice)
      .set({ enterpriseId: ids.to })
      .where(
        and(inArray(expertAdvice.id, links.expertAdvice), eq(expertAdvice.enterpriseId, ids.from)),
      );
  }
  // A participation of an event `to` already took part in stays with `from`.
  if (links.eventParticipants?.length) {
    await db
      .update(eventParticipant)
      .set({ enterpriseId: ids.to })
      .where(
        and(
          inArray(eventParticipant.id, links.eventParticipants),
          eq(eventParticipant.enterpriseId, ids.from),
          sql`not exists (select 1 from event_participant p where p.event_id = ${eventParticipant.eventId} and p.enterprise_id = ${ids.to})`,
        ),
      );
  }
  if (links.platformUsers?.length) {
    await db
      .update(platformUser)
      .set({ enterpriseId: ids.to })
      .where(
        and(
          inArray(platformUser.id, links.platformUsers),
          eq(platformUser.enterpriseId, ids.from),
          sql`not exists (select 1 from platform_user u where u.platform_id = ${platformUser.platformId} and u.enterprise_id = ${ids.to})`,
        ),
      );
  }
  const move = async (
    table: typeof project | typeof problem | typeof appUser,
    list: number[],
  ): Promise<void> => {
    if (list.length === 0) return;
    await db
      .update(table)
      .set({ enterpriseId: ids.to })
      .where(and(inArray(table.id, list), eq(table.enterpriseId, ids.from)));
  };
  await move(project, links.projects);
  await move(problem, links.problems);
  await move(appUser, links.users);
  if (links.history.length > 0) {
    await db
      .update(enterpriseYearHistory)
      .set({ enterpriseId: ids.to })
      .where(
        and(
          inArray(enterpriseYearHistory.id, links.history),
          eq(enterpriseYearHistory.enterpriseId, ids.from),
        ),
      );
  }
  // A link between the two records would join the kept one to itself: it goes with the dropped
  // record. Snapshots from before links existed have no lists.
  const stored = links as Partial<EnterpriseLinks>;
  for (const [column, other, list] of [
    ['fromId', enterpriseLink.toId, stored.linksFrom ?? []],
    ['toId', enterpriseLink.fromId, stored.linksTo ?? []],
  ] as const) {
    if (list.length === 0) continue;
    await db
      .update(enterpriseLink)
      .set({ [column]: ids.to })
      .where(
        and(
          inArray(enterpriseLink.id, list),
          eq(enterpriseLink[column], ids.from),
          ne(other, ids.to),
        ),
      );
  }
  if (links.activities.length > 0) {
    await db
      .insert(leaderActivityEnterprise)
      .values(links.activities.map((activityId) => ({ activityId, enterpriseId: ids.to })))
      .onConflictDoNothing();
    await db
      .delete(leaderActivityEnterprise)
      .where(
        and(
          eq(leaderActivityEnterprise.enterpriseId, ids.from),
          inArray(leaderActivityEnterprise.activityId, links.activities),
        ),
      );
  }
}

/** Replaces an enterprise's yearly figures with `rows`. */
export async function replaceYearRows(
  db: DbOrTx,
  id: number,
  rows: (typeof enterpriseYear.$inferInsert)[],
): Promise<void> {
  await db.delete(enterpriseYear).where(eq(enterpriseYear.enterpriseId, id));
  if (rows.length > 0) await db.insert(enterpriseYear).values(rows);
}

/** Replaces an enterprise's placements with `rows`. */
export async function replaceClassificationRows(
  db: DbOrTx,
  id: number,
  rows: (typeof classification.$inferInsert)[],
): Promise<void> {
  await db.delete(classification).where(eq(classification.enterpriseId, id));
  if (rows.length > 0) await db.insert(classification).values(rows);
}

/**
 * Writes every column of an enterprise row (updatedAt as given, not now) but its region, which a
 * merge never changes (and a distributed registry cannot change in place: it is the shard key).
 */
export async function writeEnterpriseRow(db: DbOrTx, row: FullEnterpriseRow): Promise<void> {
  const { id, regionCode: _region, ...values } = row;
  await db.update(enterprise).set(values).where(eq(enterprise.id, id));
  await noteEnterpriseUsccs(db, [id]);
}

/** Inserts an enterprise row with its own id (an undone merge brings the record back). */
export async function insertEnterpriseRow(db: DbOrTx, row: FullEnterpriseRow): Promise<void> {
  await db.insert(enterprise).values(row);
  await noteEnterpriseUsccs(db, [row.id]);
}

/** The enterprise other than `except` holding `uscc`, if any. */
export async function findUsccHolder(
  db: DbOrTx,
  uscc: string,
  except: number,
): Promise<{ id: number; name: string } | null> {
  const rows = await db
    .select({ id: enterprise.id, name: enterprise.name })
    .from(enterprise)
    .where(and(eq(enterprise.uscc, uscc), ne(enterprise.id, except)))
    .limit(1);
  return rows[0] ?? null;
}

/** Possible-duplicate pairs that involve an enterprise, except one. */
export async function listDuplicatesOf(
  db: DbOrTx,
  id: number,
  except: number,
): Promise<DuplicateRow[]> {
  return db
    .select()
    .from(duplicateCandidate)
    .where(
      and(
        or(eq(duplicateCandidate.enterpriseId, id), eq(duplicateCandidate.otherId, id)),
        ne(duplicateCandidate.id, except),
      ),
    );
}

/** Puts possible-duplicate pairs back as they were (a row with its id, or its columns). */
export async function restoreDuplicateRows(db: DbOrTx, rows: DuplicateRow[]): Promise<void> {
  for (const row of rows) {
    const { id: _id, ...values } = row;
    await db
      .insert(duplicateCandidate)
      .values(row)
      .onConflictDoUpdate({ target: duplicateCandidate.id, set: values });
  }
}

/** Stores figures that no longer feed the analysis. */
export async function insertYearHistory(db: DbOrTx, rows: NewYearHistoryRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(enterpriseYearHistory).values(rows);
}

/** Deletes the history rows one merge wrote. */
export async function deleteMergeHistory(db: DbOrTx, mergeId: number): Promise<void> {
  await db.delete(enterpriseYearHistory).where(eq(enterpriseYearHistory.mergeId, mergeId));
}

/** An enterprise's figure history, newest first, with the file name of each import. */
export async function listYearHistory(db: DbOrTx, id: number): Promise<YearHistoryRow[]> {
  const rows = await db
    .select({ history: enterpriseYearHistory, importFile: importBatch.fileName })
    .from(enterpriseYearHistory)
    .leftJoin(importBatch, eq(importBatch.id, enterpriseYearHistory.importId))
    .where(eq(enterpriseYearHistory.enterpriseId, id))
    .orderBy(desc(enterpriseYearHistory.year), desc(enterpriseYearHistory.id));
  return rows.map((r) => ({ ...r.history, fileName: r.history.fileName ?? r.importFile }));
}

/** Records a merge; returns its id. */
export async function insertMergeRecord(
  db: DbOrTx,
  values: typeof enterpriseMerge.$inferInsert,
): Promise<number> {
  const [row] = await db
    .insert(enterpriseMerge)
    .values(values)
    .returning({ id: enterpriseMerge.id });
  if (!row) throw new Error('merge record was not inserted');
  return row.id;
}

/** The latest merge recorded for a duplicate pair, or null. */
export async function findMergeOfDuplicate(
  db: DbOrTx,
  duplicateId: number,
): Promise<MergeRow | null> {
  const rows = await db
    .select()
    .from(enterpriseMerge)
    .where(eq(enterpriseMerge.duplicateId, duplicateId))
    .orderBy(desc(enterpriseMerge.id))
    .limit(1);
  return rows[0] ?? null;
}

/** Merges into `keptId` still in effect and made after merge `afterId`. */
export async function listLaterMerges(
  db: DbOrTx,
  keptId: number,
  afterId: number,
): Promise<MergeRow[]> {
  return db
    .select()
    .from(enterpriseMerge)
    .where(
      and(
        or(eq(enterpriseMerge.keptId, keptId), eq(enterpriseMerge.droppedId, keptId)),
        eq(enterpriseMerge.status, 'merged'),
        sql`${enterpriseMerge.id} > ${afterId}`,
      ),
    );
}

/** Marks a merge as undone. */
export async function markMergeUndone(db: DbOrTx, id: number, by: string): Promise<void> {
  await db
    .update(enterpriseMerge)
    .set({ status: 'undone', undoneAt: new Date(), undoneBy: by })
    .where(eq(enterpriseMerge.id, id));
}

/** Opens a closed duplicate pair again, between the two records it names. */
export async function reopenDuplicate(
  db: DbOrTx,
  id: number,
  pair: { enterpriseId: number; otherId: number },
): Promise<void> {
  await db
    .update(duplicateCandidate)
    .set({ ...pair, status: 'open', decidedAt: null, decidedBy: null, otherName: null })
    .where(eq(duplicateCandidate.id, id));
}

import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ProblemFigureRecord } from '../domain/problem-figures.ts';
import type { Satisfaction } from '../shared/problem-stages.ts';
import type { DbOrTx } from './connection.ts';
import { nameNowOf } from './user.repository.ts';
import {
  chain,
  chainLeadership,
  chainNode,
  department,
  enterprise,
  leaderActivity,
  leaderActivityEnterprise,
  leaderActivityNode,
  problem,
  problemEvent,
  project,
  projectStageEvent,
  sharedProblem,
  supervisionItem,
  supervisionNote,
} from './schema.ts';

// All SQL of the chain leader's work: leadership, activities, 督办 items, shared problems and the
// records the scorecard counts.

export type LeadershipRow = typeof chainLeadership.$inferSelect;
export type ActivityRow = typeof leaderActivity.$inferSelect;
export type NewActivityRow = typeof leaderActivity.$inferInsert;
export type SupervisionRow = typeof supervisionItem.$inferSelect;
export type NewSupervisionRow = typeof supervisionItem.$inferInsert;
export type SharedProblemRow = typeof sharedProblem.$inferSelect;

const prefix = (column: SQL | typeof problem.regionCode, code: string) =>
  sql`${column} like ${`${code}%`}`;
const chainCodesCondition = (codes: readonly string[] | null | undefined) =>
  codes == null ? undefined : codes.length === 0 ? sql`false` : inArray(chain.code, [...codes]);

/** Every leadership row of a region (each chain's, and the 总链长 row with chainId null). */
export async function listLeaderships(db: DbOrTx, regionCode: string): Promise<LeadershipRow[]> {
  return db
    .select()
    .from(chainLeadership)
    .where(eq(chainLeadership.regionCode, regionCode))
    .orderBy(asc(chainLeadership.id));
}

/** Removes a chain's leadership rows in a region; returns how many there were. */
export async function deleteChainLeadership(
  db: DbOrTx,
  chainId: number,
  regionCode: string,
): Promise<number> {
  const rows = await db
    .delete(chainLeadership)
    .where(and(eq(chainLeadership.chainId, chainId), eq(chainLeadership.regionCode, regionCode)))
    .returning({ id: chainLeadership.id });
  return rows.length;
}

/** The leadership row of a chain in a region, or the region's 总链长 row when chainId is null. */
export async function findLeadership(
  db: DbOrTx,
  chainId: number | null,
  regionCode: string,
): Promise<LeadershipRow | undefined> {
  const rows = await db
    .select()
    .from(chainLeadership)
    .where(
      and(
        eq(chainLeadership.regionCode, regionCode),
        chainId === null ? isNull(chainLeadership.chainId) : eq(chainLeadership.chainId, chainId),
      ),
    )
    .orderBy(asc(chainLeadership.id))
    .limit(1);
  return rows[0];
}

/** Writes the leadership row (insert or update the one there is). */
export async function saveLeadership(
  db: DbOrTx,
  values: { chainId: number | null; regionCode: string; leaderName: string } & Partial<
    Pick<LeadershipRow, 'leaderTitle' | 'officeName'>
  >,
): Promise<LeadershipRow> {
  const existing = await findLeadership(db, values.chainId, values.regionCode);
  if (existing) {
    const rows = await db
      .update(chainLeadership)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(chainLeadership.id, existing.id))
      .returning();
    return rows[0] ?? existing;
  }
  const rows = await db.insert(chainLeadership).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert chain_leadership returned no row');
  return row;
}

/** Removes the region's 总链长 row. */
export async function deleteGeneralLeadership(db: DbOrTx, regionCode: string): Promise<void> {
  await db
    .delete(chainLeadership)
    .where(and(isNull(chainLeadership.chainId), eq(chainLeadership.regionCode, regionCode)));
}

/** Which of these enterprise ids exist. */
export async function existingEnterpriseIds(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: enterprise.id })
    .from(enterprise)
    .where(inArray(enterprise.id, [...ids]));
  return rows.map((r) => r.id);
}

/** Whether a department exists (active or not), with its names. */
export async function findDepartment(db: DbOrTx, id: number) {
  const rows = await db.select().from(department).where(eq(department.id, id));
  return rows[0];
}

export async function insertActivity(db: DbOrTx, values: NewActivityRow): Promise<ActivityRow> {
  const rows = await db.insert(leaderActivity).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert leader_activity returned no row');
  return row;
}

export async function updateActivityRow(
  db: DbOrTx,
  id: number,
  values: Partial<NewActivityRow>,
): Promise<void> {
  if (Object.keys(values).length > 0) {
    await db.update(leaderActivity).set(values).where(eq(leaderActivity.id, id));
  }
}

export async function deleteActivityRow(db: DbOrTx, id: number): Promise<void> {
  await db.delete(leaderActivity).where(eq(leaderActivity.id, id));
}

/** Replaces the enterprises and nodes an activity concerns. */
export async function setActivityLinks(
  db: DbOrTx,
  id: number,
  links: { enterpriseIds?: readonly number[]; nodeIds?: readonly number[] },
): Promise<void> {
  if (links.enterpriseIds) {
    await db.delete(leaderActivityEnterprise).where(eq(leaderActivityEnterprise.activityId, id));
    if (links.enterpriseIds.length > 0) {
      await db
        .insert(leaderActivityEnterprise)
        .values(links.enterpriseIds.map((enterpriseId) => ({ activityId: id, enterpriseId })));
    }
  }
  if (links.nodeIds) {
    await db.delete(leaderActivityNode).where(eq(leaderActivityNode.activityId, id));
    if (links.nodeIds.length > 0) {
      await db
        .insert(leaderActivityNode)
        .values(links.nodeIds.map((nodeId) => ({ activityId: id, nodeId })));
    }
  }
}

export interface ActivityFilter {
  ids?: readonly number[];
  chainId?: number | undefined;
  chainCodes?: readonly string[] | null;
  regionCode?: string | undefined;
  kinds?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  enterpriseId?: number | undefined;
  nodeId?: number | undefined;
}

function activityConditions(f: ActivityFilter): SQL | undefined {
  return and(
    f.ids ? inArray(leaderActivity.id, [...f.ids]) : undefined,
    f.chainId !== undefined ? eq(leaderActivity.chainId, f.chainId) : undefined,
    chainCodesCondition(f.chainCodes),
    f.regionCode ? prefix(sql`${leaderActivity.regionCode}`, f.regionCode) : undefined,
    f.kinds ? inArray(leaderActivity.kind, [...f.kinds]) : undefined,
    f.from ? sql`${leaderActivity.heldOn} >= ${f.from}` : undefined,
    f.to ? sql`${leaderActivity.heldOn} <= ${f.to}` : undefined,
    f.enterpriseId !== undefined
      ? sql`exists (select 1 from ${leaderActivityEnterprise} e where e.activity_id = ${leaderActivity.id} and e.enterprise_id = ${f.enterpriseId})`
      : undefined,
    f.nodeId !== undefined
      ? sql`exists (select 1 from ${leaderActivityNode} n where n.activity_id = ${leaderActivity.id} and n.node_id = ${f.nodeId})`
      : undefined,
  );
}

const activityColumns = {
  activity: leaderActivity,
  chainCode: chain.code,
  chainNameZh: chain.nameZh,
  chainNameEn: chain.nameEn,
};
export type ActivityListRow = { activity: ActivityRow } & {
  chainCode: string;
  chainNameZh: string;
  chainNameEn: string;
};

/** Activities matching the filter, newest first, one page, with the total. */
export async function listActivities(
  db: DbOrTx,
  filter: ActivityFilter,
  page: { limit: number; offset: number } = { limit: 10_000, offset: 0 },
): Promise<{ rows: ActivityListRow[]; total: number }> {
  const where = activityConditions(filter);
  const [rows, counted] = await Promise.all([
    db
      .select(activityColumns)
      .from(leaderActivity)
      .innerJoin(chain, eq(chain.id, leaderActivity.chainId))
      .where(where)
      .orderBy(desc(leaderActivity.heldOn), desc(leaderActivity.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(leaderActivity)
      .innerJoin(chain, eq(chain.id, leaderActivity.chainId))
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** The enterprises (id, name) of these activities. */
export async function listActivityEnterprises(db: DbOrTx, activityIds: readonly number[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      activityId: leaderActivityEnterprise.activityId,
      id: enterprise.id,
      name: enterprise.name,
    })
    .from(leaderActivityEnterprise)
    .innerJoin(enterprise, eq(enterprise.id, leaderActivityEnterprise.enterpriseId))
    .where(inArray(leaderActivityEnterprise.activityId, [...activityIds]))
    .orderBy(asc(enterprise.name));
}

/** The nodes (code, names) of these activities. */
export async function listActivityNodes(db: DbOrTx, activityIds: readonly number[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      activityId: leaderActivityNode.activityId,
      code: chainNode.code,
      nameZh: chainNode.nameZh,
      nameEn: chainNode.nameEn,
    })
    .from(leaderActivityNode)
    .innerJoin(chainNode, eq(chainNode.id, leaderActivityNode.nodeId))
    .where(inArray(leaderActivityNode.activityId, [...activityIds]))
    .orderBy(asc(chainNode.sortOrder));
}

export async function insertSupervision(
  db: DbOrTx,
  values: NewSupervisionRow,
): Promise<SupervisionRow> {
  const rows = await db.insert(supervisionItem).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert supervision_item returned no row');
  return row;
}

export async function updateSupervisionRow(
  db: DbOrTx,
  id: number,
  values: Partial<NewSupervisionRow>,
): Promise<void> {
  await db
    .update(supervisionItem)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supervisionItem.id, id));
}

export interface SupervisionFilter {
  ids?: readonly number[];
  chainId?: number | undefined;
  chainCodes?: readonly string[] | null;
  regionCode?: string | undefined;
  /** open | done | overdue (open and `today` past the deadline). */
  state?: string | undefined;
  today?: string;
  departmentId?: number | null | undefined;
  activityIds?: readonly number[] | undefined;
  sharedProblemIds?: readonly number[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

function supervisionConditions(f: SupervisionFilter): SQL | undefined {
  const s = supervisionItem;
  const state =
    f.state === 'overdue'
      ? and(eq(s.state, 'open'), sql`${s.deadline} < ${f.today ?? '9999-12-31'}`)
      : f.state
        ? eq(s.state, f.state)
        : undefined;
  return and(
    f.ids ? inArray(s.id, [...f.ids]) : undefined,
    f.chainId !== undefined ? eq(s.chainId, f.chainId) : undefined,
    chainCodesCondition(f.chainCodes),
    f.regionCode ? prefix(sql`${s.regionCode}`, f.regionCode) : undefined,
    state,
    f.departmentId === null
      ? sql`false`
      : f.departmentId !== undefined
        ? eq(s.ownerDepartmentId, f.departmentId)
        : undefined,
    f.activityIds ? inArray(s.activityId, [...f.activityIds, -1]) : undefined,
    f.sharedProblemIds ? inArray(s.sharedProblemId, [...f.sharedProblemIds, -1]) : undefined,
    f.dueFrom ? sql`${s.deadline} >= ${f.dueFrom}` : undefined,
    f.dueTo ? sql`${s.deadline} <= ${f.dueTo}` : undefined,
  );
}

const supervisionColumns = {
  item: supervisionItem,
  assignedByName: nameNowOf(supervisionItem.assignedBy),
  chainCode: chain.code,
  chainNameZh: chain.nameZh,
  chainNameEn: chain.nameEn,
  departmentName: department.name,
  departmentNameEn: department.nameEn,
};
export type SupervisionListRow = {
  item: SupervisionRow;
  /** Who assigned it, by the name they go by now. */
  assignedByName: string;
  chainCode: string;
  chainNameZh: string;
  chainNameEn: string;
  departmentName: string | null;
  departmentNameEn: string | null;
};

/** 督办 items matching the filter, by deadline, one page, with the total. */
export async function listSupervision(
  db: DbOrTx,
  filter: SupervisionFilter,
  page: { limit: number; offset: number } = { limit: 10_000, offset: 0 },
): Promise<{ rows: SupervisionListRow[]; total: number }> {
  const where = supervisionConditions(filter);
  const [rows, counted] = await Promise.all([
    db
      .select(supervisionColumns)
      .from(supervisionItem)
      .innerJoin(chain, eq(chain.id, supervisionItem.chainId))
      .leftJoin(department, eq(department.id, supervisionItem.ownerDepartmentId))
      .where(where)
      .orderBy(asc(supervisionItem.deadline), asc(supervisionItem.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisionItem)
      .innerJoin(chain, eq(chain.id, supervisionItem.chainId))
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function insertSupervisionNote(
  db: DbOrTx,
  values: { itemId: number; note: string; authorName: string },
): Promise<void> {
  await db.insert(supervisionNote).values(values);
}

/** An item's progress notes, oldest first; `authorName` is the name the author goes by now. */
export async function listSupervisionNotes(db: DbOrTx, itemId: number) {
  return db
    .select({
      id: supervisionNote.id,
      itemId: supervisionNote.itemId,
      note: supervisionNote.note,
      at: supervisionNote.at,
      authorName: nameNowOf(supervisionNote.authorName),
    })
    .from(supervisionNote)
    .where(eq(supervisionNote.itemId, itemId))
    .orderBy(asc(supervisionNote.at), asc(supervisionNote.id));
}

/** What the shared-problem and escalation services need of problems. */
export async function findProblemsByIds(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: problem.id,
      reference: problem.reference,
      title: problem.title,
      stage: problem.stage,
      chainId: problem.chainId,
      chainCode: chain.code,
      nodeId: problem.nodeId,
      regionCode: problem.regionCode,
      sharedProblemId: problem.sharedProblemId,
      enterpriseId: problem.enterpriseId,
      enterpriseName: enterprise.name,
    })
    .from(problem)
    .innerJoin(chain, eq(chain.id, problem.chainId))
    .innerJoin(enterprise, eq(enterprise.id, problem.enterpriseId))
    .where(inArray(problem.id, [...ids]))
    .orderBy(asc(problem.reference));
}

/** Points problems at a shared problem (or at none). */
export async function setProblemsShared(
  db: DbOrTx,
  ids: readonly number[],
  sharedProblemId: number | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(problem)
    .set({ sharedProblemId, updatedAt: new Date() })
    .where(inArray(problem.id, [...ids]));
}

/** The problems of these shared problems. */
export async function listSharedProblemMembers(db: DbOrTx, sharedIds: readonly number[]) {
  if (sharedIds.length === 0) return [];
  return db
    .select({
      sharedProblemId: problem.sharedProblemId,
      id: problem.id,
      reference: problem.reference,
      title: problem.title,
      stage: problem.stage,
      enterpriseId: problem.enterpriseId,
      enterpriseName: enterprise.name,
    })
    .from(problem)
    .innerJoin(enterprise, eq(enterprise.id, problem.enterpriseId))
    .where(inArray(problem.sharedProblemId, [...sharedIds]))
    .orderBy(asc(problem.reference));
}

/** Records a step on a problem's history (an escalation leaves its stage as it is). */
export async function insertProblemEscalationEvent(
  db: DbOrTx,
  values: {
    problemId: number;
    stage: string;
    note: string;
    actorId: number | null;
    actorName: string;
    actorRole: string;
  },
): Promise<void> {
  await db.insert(problemEvent).values({
    problemId: values.problemId,
    action: 'escalate',
    fromStage: values.stage,
    toStage: values.stage,
    note: values.note,
    actorId: values.actorId,
    actorName: values.actorName,
    actorRole: values.actorRole,
  });
}

export async function insertSharedProblem(
  db: DbOrTx,
  values: typeof sharedProblem.$inferInsert,
): Promise<SharedProblemRow> {
  const rows = await db.insert(sharedProblem).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert shared_problem returned no row');
  return row;
}

export async function updateSharedProblemRow(
  db: DbOrTx,
  id: number,
  values: Partial<typeof sharedProblem.$inferInsert>,
): Promise<void> {
  await db.update(sharedProblem).set(values).where(eq(sharedProblem.id, id));
}

/** Shared problems with their chain and node, newest first, one page, with the total. */
export async function listSharedProblems(
  db: DbOrTx,
  filter: {
    ids?: readonly number[];
    chainId?: number | undefined;
    chainCodes?: readonly string[] | null;
    regionCode?: string | undefined;
    escalated?: boolean | undefined;
  },
  page: { limit: number; offset: number } = { limit: 10_000, offset: 0 },
) {
  const sp = sharedProblem;
  const where = and(
    filter.ids ? inArray(sp.id, [...filter.ids]) : undefined,
    filter.chainId !== undefined ? eq(sp.chainId, filter.chainId) : undefined,
    chainCodesCondition(filter.chainCodes),
    filter.regionCode ? prefix(sql`${sp.regionCode}`, filter.regionCode) : undefined,
    filter.escalated === undefined
      ? undefined
      : filter.escalated
        ? sql`${sp.escalatedAt} is not null`
        : sql`${sp.escalatedAt} is null`,
  );
  const [rows, counted] = await Promise.all([
    db
      .select({
        shared: sp,
        chainCode: chain.code,
        chainNameZh: chain.nameZh,
        chainNameEn: chain.nameEn,
        nodeCode: chainNode.code,
        nodeNameZh: chainNode.nameZh,
        nodeNameEn: chainNode.nameEn,
      })
      .from(sp)
      .innerJoin(chain, eq(chain.id, sp.chainId))
      .leftJoin(chainNode, eq(chainNode.id, sp.nodeId))
      .where(where)
      .orderBy(desc(sp.createdAt), desc(sp.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(sp)
      .innerJoin(chain, eq(chain.id, sp.chainId))
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/**
 * What computeProblemFigures needs of every problem of a chain in a region (code prefix): its
 * dates, state, and every rating and reopen from its events.
 */
export async function listProblemFigureRecords(
  db: DbOrTx,
  input: { chainId: number; regionCode: string },
): Promise<ProblemFigureRecord[]> {
  const rows = await db
    .select({
      id: problem.id,
      receivedAt: problem.receivedAt,
      clockStartsOn: problem.clockStartsOn,
      stage: problem.stage,
      dueOn: problem.dueOn,
      firstClosedAt: problem.firstClosedAt,
      firstClosedOnTime: problem.firstClosedOnTime,
    })
    .from(problem)
    .where(and(eq(problem.chainId, input.chainId), prefix(problem.regionCode, input.regionCode)));
  const ids = rows.map((r) => r.id);
  const events =
    ids.length === 0
      ? []
      : await db
          .select({
            problemId: problemEvent.problemId,
            action: problemEvent.action,
            satisfaction: problemEvent.satisfaction,
            at: problemEvent.at,
          })
          .from(problemEvent)
          .where(
            and(
              inArray(problemEvent.problemId, ids),
              inArray(problemEvent.action, ['rate', 'reopen']),
            ),
          )
          .orderBy(asc(problemEvent.at), asc(problemEvent.id));
  return rows.map((r) => {
    const own = events.filter((e) => e.problemId === r.id);
    return {
      receivedAt: r.receivedAt,
      clockStartsOn: r.clockStartsOn,
      returned: r.stage === 'returned',
      open: r.stage !== 'returned' && r.stage !== 'closed',
      suspended: r.stage === 'suspended',
      dueOn: r.dueOn,
      firstClosedAt: r.firstClosedAt,
      firstClosedOnTime: r.firstClosedOnTime,
      ratings: own
        .filter((e) => e.action === 'rate' && e.satisfaction)
        .map((e) => ({ at: e.at, satisfaction: e.satisfaction as Satisfaction })),
      reopenedAt: own.filter((e) => e.action === 'reopen').map((e) => e.at),
    };
  });
}

/**
 * Projects of a chain in a region reaching a stage in a period: their stage events (the first
 * arrival per project and stage counts), as Asia/Shanghai dates.
 */
export async function listProjectStageArrivals(
  db: DbOrTx,
  input: {
    chainId: number;
    regionCode: string;
    stages: readonly string[];
    from: string;
    to: string;
  },
): Promise<{ projectId: number; stage: string; day: string }[]> {
  const day = sql<string>`to_char(min(${projectStageEvent.at}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ projectId: projectStageEvent.projectId, stage: projectStageEvent.toStage, day })
    .from(projectStageEvent)
    .innerJoin(project, eq(project.id, projectStageEvent.projectId))
    .where(
      and(
        eq(project.chainId, input.chainId),
        prefix(sql`${project.regionCode}`, input.regionCode),
        inArray(projectStageEvent.kind, ['create', 'stage']),
        inArray(projectStageEvent.toStage, [...input.stages]),
      ),
    )
    .groupBy(projectStageEvent.projectId, projectStageEvent.toStage);
  return rows.filter((r) => r.day >= input.from && r.day <= input.to);
}

import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProblemScope } from '../shared/problem-scope.ts';
import type { DbOrTx } from './connection.ts';
import { problemScopeCondition } from './problem-scope.repository.ts';
import {
  appUser,
  chain,
  chainNode,
  classification,
  department,
  enterprise,
  problem,
  problemAttachment,
  problemCategory,
  problemEvent,
} from './schema.ts';

// All SQL of the problem loop: problems, their events and attachments, departments, categories.
// Every read for a user goes through problemScopeCondition.

export type ProblemRow = typeof problem.$inferSelect;
export type NewProblemRow = typeof problem.$inferInsert;
export type ProblemEventRow = typeof problemEvent.$inferSelect;
export type NewProblemEventRow = typeof problemEvent.$inferInsert;

export interface ProblemFilter {
  chainCode?: string | undefined;
  regionPrefix?: string | undefined;
  stage?: string | undefined;
  categoryCode?: string | undefined;
  departmentId?: number | undefined;
  nodeCode?: string | undefined;
  enterpriseId?: number | undefined;
  /** Overdue (true) or not (false) as of `today` (Asia/Shanghai). */
  overdue?: { value: boolean; today: string } | undefined;
  text?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** The first close (the one the figures count) within these days. */
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  /** A rating given within these days. */
  ratedFrom?: string | undefined;
  ratedTo?: string | undefined;
  returned?: boolean | undefined;
}

const shanghaiReceivedDay = sql`(${problem.receivedAt} at time zone 'Asia/Shanghai')::date`;
const shanghaiFirstClosedDay = sql`(${problem.firstClosedAt} at time zone 'Asia/Shanghai')::date`;

/** A rating of the problem given between two days (Asia/Shanghai), either end optional. */
function ratedBetween(from: string | undefined, to: string | undefined): SQL {
  const day = sql`(${problemEvent.at} at time zone 'Asia/Shanghai')::date`;
  return sql`exists (select 1 from ${problemEvent} where ${problemEvent.problemId} = ${problem.id}
    and ${problemEvent.action} = 'rate'
    ${from ? sql`and ${day} >= ${from}` : sql``} ${to ? sql`and ${day} <= ${to}` : sql``})`;
}

// The list and the count join the registry (filterConditions' callers).
function filterConditions(scope: ProblemScope, filter: ProblemFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [problemScopeCondition(scope, 'registry joined')];
  if (filter.chainCode) {
    where.push(
      inArray(
        problem.chainId,
        sql`(select ${chain.id} from ${chain} where ${chain.code} = ${filter.chainCode})`,
      ),
    );
  }
  if (filter.regionPrefix) {
    where.push(sql`${problem.regionCode} like ${`${filter.regionPrefix}%`}`);
  }
  if (filter.stage) where.push(eq(problem.stage, filter.stage));
  if (filter.categoryCode) where.push(eq(problem.categoryCode, filter.categoryCode));
  if (filter.departmentId !== undefined) where.push(eq(problem.departmentId, filter.departmentId));
  if (filter.nodeCode) {
    where.push(
      inArray(
        problem.nodeId,
        sql`(select ${chainNode.id} from ${chainNode} where ${chainNode.code} = ${filter.nodeCode})`,
      ),
    );
  }
  if (filter.enterpriseId !== undefined) where.push(eq(problem.enterpriseId, filter.enterpriseId));
  if (filter.overdue) {
    const overdue = sql`(${problem.stage} in ('submitted', 'accepted', 'assigned', 'in_progress', 'answered') and ${problem.dueOn} < ${filter.overdue.today})`;
    where.push(filter.overdue.value ? overdue : sql`not ${overdue}`);
  }
  if (filter.receivedFrom) where.push(sql`${shanghaiReceivedDay} >= ${filter.receivedFrom}`);
  if (filter.receivedTo) where.push(sql`${shanghaiReceivedDay} <= ${filter.receivedTo}`);
  if (filter.closedFrom) where.push(sql`${shanghaiFirstClosedDay} >= ${filter.closedFrom}`);
  if (filter.closedTo) where.push(sql`${shanghaiFirstClosedDay} <= ${filter.closedTo}`);
  if (filter.ratedFrom || filter.ratedTo)
    where.push(ratedBetween(filter.ratedFrom, filter.ratedTo));
  if (filter.returned !== undefined) {
    where.push(
      filter.returned ? eq(problem.stage, 'returned') : sql`${problem.stage} <> 'returned'`,
    );
  }
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(
      or(
        ilike(problem.title, pattern),
        ilike(problem.reference, pattern),
        ilike(enterprise.name, pattern),
      ),
    );
  }
  return and(...where);
}

const eventDepartment = aliasedTable(department, 'event_department');

/** The columns a problem is presented with: its row and the names it refers to. */
const problemView = {
  problem,
  enterpriseName: enterprise.name,
  chainCode: chain.code,
  node: { code: chainNode.code, nameZh: chainNode.nameZh, nameEn: chainNode.nameEn },
  category: { nameZh: problemCategory.nameZh, nameEn: problemCategory.nameEn },
  department: { id: department.id, name: department.name, nameEn: department.nameEn },
};

function viewQuery(db: DbOrTx) {
  return db
    .select(problemView)
    .from(problem)
    .innerJoin(enterprise, eq(enterprise.id, problem.enterpriseId))
    .innerJoin(chain, eq(chain.id, problem.chainId))
    .innerJoin(problemCategory, eq(problemCategory.code, problem.categoryCode))
    .leftJoin(chainNode, eq(chainNode.id, problem.nodeId))
    .leftJoin(department, eq(department.id, problem.departmentId));
}
export type ProblemView = Awaited<ReturnType<typeof listProblemViews>>[number];

/** One page of the problems a scope sees that match `filter`, newest receipt first. */
export async function listProblemViews(
  db: DbOrTx,
  scope: ProblemScope,
  filter: ProblemFilter,
  page: { limit: number; offset: number },
) {
  return viewQuery(db)
    .where(filterConditions(scope, filter))
    .orderBy(desc(problem.receivedAt), desc(problem.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** How many problems a scope sees that match `filter`. */
export async function countProblems(
  db: DbOrTx,
  scope: ProblemScope,
  filter: ProblemFilter,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problem)
    .innerJoin(enterprise, eq(enterprise.id, problem.enterpriseId))
    .where(filterConditions(scope, filter));
  return row?.n ?? 0;
}

/** One problem as a scope sees it, or null when it does not exist or lies outside the scope. */
export async function findProblemView(db: DbOrTx, scope: ProblemScope, id: number) {
  const rows = await viewQuery(db)
    .where(and(eq(problem.id, id), problemScopeCondition(scope, 'registry joined')))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether the scope sees a problem (no lock: for reads). */
export async function isProblemInScope(
  db: DbOrTx,
  scope: ProblemScope,
  id: number,
): Promise<boolean> {
  const rows = await db
    .select({ id: problem.id })
    .from(problem)
    .where(and(eq(problem.id, id), problemScopeCondition(scope, 'problem alone')));
  return rows.length > 0;
}

/** Whether a problem exists at all, whatever the scope (to tell 404 from 403). */
export async function problemExists(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db.select({ id: problem.id }).from(problem).where(eq(problem.id, id));
  return rows.length > 0;
}

/** Locks one problem the scope sees for a change; null when missing or outside the scope. */
export async function lockProblemInScope(
  db: DbOrTx,
  scope: ProblemScope,
  id: number,
): Promise<ProblemRow | null> {
  const rows = await db
    .select()
    .from(problem)
    .where(and(eq(problem.id, id), problemScopeCondition(scope, 'problem alone')))
    .for('update');
  return rows[0] ?? null;
}

export async function insertProblem(db: DbOrTx, values: NewProblemRow): Promise<ProblemRow> {
  const [row] = await db.insert(problem).values(values).returning();
  if (!row) throw new Error('problem was not inserted');
  return row;
}

export async function updateProblemRow(
  db: DbOrTx,
  id: number,
  values: Partial<NewProblemRow>,
): Promise<ProblemRow> {
  const [row] = await db
    .update(problem)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(problem.id, id))
    .returning();
  if (!row) throw new Error(`problem ${id} was not updated`);
  return row;
}

/** The next reference of a year: `2025-0042`. Serialised by a transaction-scoped lock. */
export async function nextProblemReference(db: DbOrTx, year: number): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('problem_reference'))`);
  const [row] = await db
    .select({
      n: sql<number>`coalesce(max(split_part(${problem.reference}, '-', 2)::int), 0)::int`,
    })
    .from(problem)
    .where(sql`${problem.reference} like ${`${year}-%`}`);
  return `${year}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertProblemEvent(db: DbOrTx, values: NewProblemEventRow): Promise<void> {
  await db.insert(problemEvent).values(values);
}

/**
 * A problem's events, oldest first, with the department each names and the name its actor goes
 * by now (the user's display name; the name stored with the event when the user has none or is gone).
 */
export async function listProblemEvents(db: DbOrTx, problemId: number) {
  return db
    .select({
      event: problemEvent,
      actorDisplayName: sql<string>`coalesce(${appUser.displayName}, ${problemEvent.actorName})`,
      department: {
        id: eventDepartment.id,
        name: eventDepartment.name,
        nameEn: eventDepartment.nameEn,
      },
    })
    .from(problemEvent)
    .leftJoin(eventDepartment, eq(eventDepartment.id, problemEvent.departmentId))
    .leftJoin(appUser, eq(appUser.id, problemEvent.actorId))
    .where(eq(problemEvent.problemId, problemId))
    .orderBy(asc(problemEvent.at), asc(problemEvent.id));
}

/** When the problem was last reopened, or null. */
export async function findLatestReopenAt(db: DbOrTx, problemId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: problemEvent.at })
    .from(problemEvent)
    .where(and(eq(problemEvent.problemId, problemId), eq(problemEvent.action, 'reopen')))
    .orderBy(desc(problemEvent.at), desc(problemEvent.id))
    .limit(1);
  return row?.at ?? null;
}

/**
 * The chains an enterprise is placed on (confirmed), its primary placement first, each with the
 * node of that placement.
 */
export async function listConfirmedPlacements(db: DbOrTx, enterpriseId: number) {
  return db
    .select({
      chainId: chainNode.chainId,
      chainCode: chain.code,
      nodeId: chainNode.id,
      isPrimary: classification.isPrimary,
    })
    .from(classification)
    .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
    .innerJoin(chain, eq(chain.id, chainNode.chainId))
    .where(
      and(eq(classification.enterpriseId, enterpriseId), eq(classification.decision, 'confirmed')),
    )
    .orderBy(desc(classification.isPrimary), desc(classification.score), asc(chain.id));
}

// Attachments.

const attachmentColumns = {
  id: problemAttachment.id,
  fileName: problemAttachment.fileName,
  contentType: problemAttachment.contentType,
  sizeBytes: problemAttachment.sizeBytes,
  sha256: problemAttachment.sha256,
  uploadedBy: problemAttachment.uploadedBy,
  uploadedAt: problemAttachment.uploadedAt,
};

export async function listProblemAttachments(db: DbOrTx, problemId: number) {
  return db
    .select(attachmentColumns)
    .from(problemAttachment)
    .where(eq(problemAttachment.problemId, problemId))
    .orderBy(asc(problemAttachment.id));
}

export async function insertProblemAttachment(
  db: DbOrTx,
  values: typeof problemAttachment.$inferInsert,
) {
  const [row] = await db.insert(problemAttachment).values(values).returning(attachmentColumns);
  if (!row) throw new Error('attachment was not inserted');
  return row;
}

export async function findProblemAttachment(db: DbOrTx, problemId: number, id: number) {
  const rows = await db
    .select()
    .from(problemAttachment)
    .where(and(eq(problemAttachment.problemId, problemId), eq(problemAttachment.id, id)));
  return rows[0] ?? null;
}

export async function deleteProblemAttachment(
  db: DbOrTx,
  problemId: number,
  id: number,
): Promise<boolean> {
  const rows = await db
    .delete(problemAttachment)
    .where(and(eq(problemAttachment.problemId, problemId), eq(problemAttachment.id, id)))
    .returning({ id: problemAttachment.id });
  return rows.length > 0;
}

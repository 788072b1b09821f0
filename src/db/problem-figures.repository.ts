import { and, asc, eq, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import type { ProblemScope } from '../shared/problem-scope.ts';
import type { DbOrTx } from './connection.ts';
import { problemScopeCondition, type RegistryJoin } from './problem-scope.repository.ts';
import {
  chainNode,
  department,
  enterprise,
  problem,
  problemCategory,
  problemEvent,
} from './schema.ts';

// The problems a figure or a 问题清单 is made of: loaded once per request, grouped by the service.

/** One problem with the names its groups and its list row show. */
export interface ProblemFigureRow {
  id: number;
  reference: string;
  enterpriseName: string;
  nodeId: number | null;
  nodeCode: string | null;
  nodeNameZh: string | null;
  nodeNameEn: string | null;
  nodeSortOrder: number | null;
  title: string;
  channel: string;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  categorySortOrder: number;
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  assigneeName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  stage: string;
  receivedAt: Date;
  clockStartsOn: string;
  dueOn: string;
  dueBeyondCalendar: boolean;
  closedAt: Date | null;
  firstClosedAt: Date | null;
  firstClosedOnTime: boolean | null;
  reopenCount: number;
  satisfaction: string | null;
}

/** A rating or a reopen of one of the problems loaded. */
export interface ProblemFigureEvent {
  problemId: number;
  action: 'rate' | 'reopen';
  satisfaction: string | null;
  at: Date;
}

export interface ProblemFigureFilter {
  chainId: number;
  /** A region code prefix (3202: Wuxi and its districts). */
  regionCode: string;
  scope: ProblemScope;
  /** Only problems received before this instant (the period's end, exclusive). */
  receivedBefore: Date;
}

function filterCondition(filter: ProblemFigureFilter, join: RegistryJoin): SQL | undefined {
  return and(
    eq(problem.chainId, filter.chainId),
    // The region code is digits only (validated), so it carries no LIKE wildcard.
    like(problem.regionCode, `${filter.regionCode}%`),
    lt(problem.receivedAt, filter.receivedBefore),
    problemScopeCondition(filter.scope, join),
  );
}

/**
 * The problems of a chain and region prefix in a scope received before an instant, with their
 * ratings and reopens. No lower date bound: a problem received before the period may close in it
 * or still be open.
 */
export async function listProblemFigureRows(
  db: DbOrTx,
  filter: ProblemFigureFilter,
): Promise<{ rows: ProblemFigureRow[]; events: ProblemFigureEvent[] }> {
  const rows = await db
    .select({
      id: problem.id,
      reference: problem.reference,
      enterpriseName: enterprise.name,
      nodeId: problem.nodeId,
      nodeCode: chainNode.code,
      nodeNameZh: chainNode.nameZh,
      nodeNameEn: chainNode.nameEn,
      nodeSortOrder: chainNode.sortOrder,
      title: problem.title,
      channel: problem.channel,
      categoryCode: problem.categoryCode,
      categoryNameZh: problemCategory.nameZh,
      categoryNameEn: problemCategory.nameEn,
      categorySortOrder: problemCategory.sortOrder,
      departmentId: problem.departmentId,
      departmentName: department.name,
      departmentNameEn: department.nameEn,
      assigneeName: problem.assigneeName,
      contactName: problem.contactName,
      contactPhone: problem.contactPhone,
      stage: problem.stage,
      receivedAt: problem.receivedAt,
      clockStartsOn: problem.clockStartsOn,
      dueOn: problem.dueOn,
      dueBeyondCalendar: problem.dueBeyondCalendar,
      closedAt: problem.closedAt,
      firstClosedAt: problem.firstClosedAt,
      firstClosedOnTime: problem.firstClosedOnTime,
      reopenCount: problem.reopenCount,
      satisfaction: problem.satisfaction,
    })
    .from(problem)
    .innerJoin(enterprise, eq(enterprise.id, problem.enterpriseId))
    .innerJoin(problemCategory, eq(problemCategory.code, problem.categoryCode))
    .leftJoin(chainNode, eq(chainNode.id, problem.nodeId))
    .leftJoin(department, eq(department.id, problem.departmentId))
    .where(filterCondition(filter, 'registry joined'))
    .orderBy(asc(problem.receivedAt), asc(problem.id));
  const events = await db
    .select({
      problemId: problemEvent.problemId,
      action: problemEvent.action,
      satisfaction: problemEvent.satisfaction,
      at: problemEvent.at,
    })
    .from(problemEvent)
    .innerJoin(problem, eq(problem.id, problemEvent.problemId))
    .where(
      and(
        inArray(problemEvent.action, ['rate', 'reopen']),
        filterCondition(filter, 'problem alone'),
      ),
    )
    .orderBy(asc(problemEvent.at), asc(problemEvent.id));
  return {
    rows,
    events: events.map((e) => ({ ...e, action: e.action === 'rate' ? 'rate' : 'reopen' })),
  };
}

/** Open and overdue problems per node of a chain in a region prefix, as of `today`. */
export async function countOpenProblemsByNode(
  db: DbOrTx,
  input: { chainId: number; regionCode: string; today: string },
): Promise<{ nodeId: number; open: number; overdue: number }[]> {
  const rows = await db
    .select({
      nodeId: problem.nodeId,
      open: sql<number>`count(*)::int`,
      // Overdue: open, not suspended (its clock is paused), and today is after its due date.
      overdue: sql<number>`(count(*) filter (where ${problem.stage} <> 'suspended' and ${problem.dueOn} < ${input.today}::date))::int`,
    })
    .from(problem)
    .where(
      and(
        eq(problem.chainId, input.chainId),
        like(problem.regionCode, `${input.regionCode}%`),
        sql`${problem.stage} not in ('closed', 'returned')`,
        sql`${problem.nodeId} is not null`,
      ),
    )
    .groupBy(problem.nodeId);
  return rows.flatMap((r) => (r.nodeId === null ? [] : [{ ...r, nodeId: r.nodeId }]));
}

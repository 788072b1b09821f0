import { AppError } from '../../domain/app-error.ts';
import { maskPersonalData, personalDataAccessFor } from '../../shared/personal-data.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { DbOrTx } from '../../db/connection.ts';
import {
  countProblems,
  findProblemView,
  listProblemAttachments,
  listProblemEvents,
  listProblemViews,
  problemExists,
} from '../../db/problem.repository.ts';
import type { ProblemDetail, ProblemList, ProblemListQuery } from '../../shared/api/problems.ts';
import { roleHasPermission } from '../../shared/permissions.ts';
import type { ProblemScope } from '../../shared/problem-scope.ts';
import {
  allowedActionsFor,
  isRedacted,
  outOfScopeMessage,
  scopeOf,
  type ProblemUser,
} from './problem-access.ts';
import {
  presentProblemAttachment,
  presentProblemEvent,
  presentProblemSummary,
} from './problem-presenter.ts';
import { loadWorkingCalendar } from './working-calendar.service.ts';
import { requireCategory, requireChain, requireRegion } from '../lookup/lookup.service.ts';

function refuseNoScope(scope: ProblemScope): void {
  if (scope.kind === 'none') {
    throw new AppError('FORBIDDEN', 'Your role does not see enterprise problems.', {
      permission: 'problem:read',
    });
  }
}

/**
 * One page of the problems the user sees, filtered, with the total. Throws FORBIDDEN for a role
 * that sees no problems.
 */
export async function listProblems(
  db: DbOrTx,
  user: ProblemUser,
  query: ProblemListQuery,
  now: Date = new Date(),
): Promise<ProblemList> {
  const scope = scopeOf(user);
  refuseNoScope(scope);
  // A chain or region that does not exist is a mistake, not an empty list (looked up beside
  // the page's own queries: a refusal wins over their answer).
  const filtersExist = Promise.all([
    query.chain === undefined ? null : requireChain(db, query.chain),
    query.region === undefined ? null : requireRegion(db, query.region),
    query.category === undefined
      ? null
      : requireCategory(db, query.category, { includeRetired: true, field: 'category' }),
  ]);
  const filter = {
    chainCode: query.chain,
    regionPrefix: query.region,
    stage: query.stage,
    categoryCode: query.category,
    departmentId: query.department,
    nodeCode: query.node,
    enterpriseId: query.enterprise,
    overdue:
      query.overdue === undefined ? undefined : { value: query.overdue, today: shanghaiDate(now) },
    text: query.q,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo,
    closedFrom: query.closedFrom,
    closedTo: query.closedTo,
    ratedFrom: query.ratedFrom,
    ratedTo: query.ratedTo,
    returned: query.returned,
  };
  const [, rows, total, calendar] = await Promise.all([
    filtersExist,
    listProblemViews(db, scope, filter, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    countProblems(db, scope, filter),
    loadWorkingCalendar(db),
  ]);
  return { items: rows.map((row) => presentProblemSummary(row, calendar, now)), total };
}

/**
 * Throws PROBLEM_NOT_FOUND when no problem has the id, FORBIDDEN when the user's scope does not
 * see it (saying why).
 */
export async function refuseInvisible(db: DbOrTx, scope: ProblemScope, id: number): Promise<never> {
  if (!(await problemExists(db, id))) {
    throw new AppError('PROBLEM_NOT_FOUND', `No problem has id ${id}.`, { id });
  }
  throw new AppError('FORBIDDEN', outOfScopeMessage(scope, id), { id, scope: scope.kind });
}

/**
 * One problem as the user may see it: its timeline, attachments (hidden from redacted scopes),
 * the contact whole, masked or hidden by role (`maskPersonalData`), the actions the user may take
 * now and whether it may be edited. Throws PROBLEM_NOT_FOUND or FORBIDDEN (outside the scope).
 */
export async function getProblem(
  db: DbOrTx,
  user: ProblemUser,
  id: number,
  now: Date = new Date(),
): Promise<ProblemDetail> {
  const scope = scopeOf(user);
  refuseNoScope(scope);
  const view = await findProblemView(db, scope, id);
  if (!view) return refuseInvisible(db, scope, id);
  const redacted = isRedacted(scope);
  const [events, attachments, calendar] = await Promise.all([
    listProblemEvents(db, id),
    redacted ? Promise.resolve([]) : listProblemAttachments(db, id),
    loadWorkingCalendar(db),
  ]);
  const p = view.problem;
  return {
    ...presentProblemSummary(view, calendar, now),
    description: p.description,
    ...maskPersonalData(personalDataAccessFor(user.role), {
      contactName: p.contactName,
      contactPhone: p.contactPhone,
    }),
    answer: p.answer,
    returnReason: p.returnReason,
    pendingExtensionReason: p.pendingExtensionReason,
    satisfactionComment: p.satisfactionComment,
    clockStartsOn: p.clockStartsOn,
    slaWorkingDays: p.slaWorkingDays,
    extensionWorkingDays: p.extensionWorkingDays,
    suspendedWorkingDays: p.suspendedWorkingDays,
    closedAt: p.closedAt?.toISOString() ?? null,
    firstClosedAt: p.firstClosedAt?.toISOString() ?? null,
    firstClosedOnTime: p.firstClosedOnTime,
    timeline: events.map(presentProblemEvent),
    attachments: attachments.map(presentProblemAttachment),
    attachmentsHidden: redacted,
    allowedActions: allowedActionsFor(user, scope, p),
    editable:
      !redacted &&
      roleHasPermission(user.role, 'problem:manage') &&
      p.stage !== 'closed' &&
      p.stage !== 'returned',
  };
}

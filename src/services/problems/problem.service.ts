import { AppError } from '../../domain/app-error.ts';
import {
  shanghaiDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import { listChainNodes } from '../../db/chain.repository.ts';
import { findProblemCategory } from '../../db/department.repository.ts';
import {
  insertProblemEvent,
  lockProblemInScope,
  updateProblemRow,
  type NewProblemRow,
  type ProblemRow,
} from '../../db/problem.repository.ts';
import {
  actionInputIssues,
  type ProblemActionInput,
  type ProblemDetail,
  type UpdateProblemRequest,
} from '../../shared/api/problems.ts';
import { transitionOf, type ProblemStage } from '../../shared/problem-stages.ts';
import { checkAction, isRedacted, scopeOf, type ProblemUser } from './problem-access.ts';
import { dueDateOf } from '../../domain/problem-clock.ts';
import { dueColumns, latestReopenOf } from './problem-clock.ts';
import { requireDepartment } from './problem-intake.service.ts';
import { requireCategory } from '../lookup/lookup.service.ts';
import { getProblem, refuseInvisible } from './problem-query.service.ts';
import { asProblemStage } from './problem-presenter.ts';
import { loadWorkingCalendar } from './working-calendar.service.ts';

export { raiseProblem, recordProblem } from './problem-intake.service.ts';

/** What the audit log keeps of a problem. */
function snapshot(row: ProblemRow) {
  return {
    stage: row.stage,
    title: row.title,
    categoryCode: row.categoryCode,
    nodeId: row.nodeId,
    departmentId: row.departmentId,
    assigneeName: row.assigneeName,
    dueOn: row.dueOn,
    extensionWorkingDays: row.extensionWorkingDays,
    suspendedWorkingDays: row.suspendedWorkingDays,
    pendingExtensionDays: row.pendingExtensionDays,
    satisfaction: row.satisfaction,
    reopenCount: row.reopenCount,
  };
}

/** Locks a problem the user sees; throws PROBLEM_NOT_FOUND or FORBIDDEN (outside its scope). */
async function lockVisible(tx: Tx, user: ProblemUser, id: number): Promise<ProblemRow> {
  const scope = scopeOf(user);
  const row = await lockProblemInScope(tx, scope, id);
  if (!row) return refuseInvisible(tx, scope, id);
  if (isRedacted(scope)) {
    throw new AppError('FORBIDDEN', 'Your role reads problems but does not work on them.', { id });
  }
  return row;
}

/** The due date after a change of the clock's fields, counted from the current clock's start. */
async function recount(
  tx: Tx,
  calendar: WorkingCalendar,
  before: ProblemRow,
  changes: Partial<NewProblemRow>,
  reopenedAt?: Date,
) {
  const fields = {
    clockStartsOn: before.clockStartsOn,
    slaWorkingDays: changes.slaWorkingDays ?? before.slaWorkingDays,
    extensionWorkingDays: changes.extensionWorkingDays ?? before.extensionWorkingDays,
    suspendedWorkingDays: changes.suspendedWorkingDays ?? before.suspendedWorkingDays,
  };
  const reopened = reopenedAt ?? (await latestReopenOf(tx, before));
  return dueColumns(dueDateOf(calendar, fields, reopened));
}

/** The changes one action makes, and what its event records beyond the stage. */
async function changesOf(
  tx: Tx,
  before: ProblemRow,
  input: ProblemActionInput,
  now: Date,
): Promise<{
  changes: Partial<NewProblemRow>;
  event: { workingDays?: number; departmentId?: number };
}> {
  const note = input.note?.trim() || null;
  switch (input.action) {
    case 'accept':
    case 'start':
    case 'decline':
      // A declined problem keeps its department until the office assigns it again, so the
      // department still sees what it sent back.
      return { changes: {}, event: {} };
    case 'return':
      return { changes: { returnReason: note }, event: {} };
    case 'assign': {
      const department = await requireDepartment(tx, input.departmentId ?? 0);
      return {
        changes: { departmentId: department.id, assigneeName: input.assigneeName?.trim() || null },
        event: { departmentId: department.id },
      };
    }
    case 'suspend':
      return { changes: { suspendedAt: now }, event: {} };
    case 'resume': {
      const calendar = await loadWorkingCalendar(tx);
      const paused = workingDaysBetween(
        calendar,
        shanghaiDate(before.suspendedAt ?? now),
        shanghaiDate(now),
      );
      const changes = {
        suspendedAt: null,
        suspendedWorkingDays: before.suspendedWorkingDays + paused,
      };
      return {
        changes: { ...changes, ...(await recount(tx, calendar, before, changes)) },
        event: { workingDays: paused },
      };
    }
    case 'request_extension':
      return {
        changes: { pendingExtensionDays: input.workingDays ?? 0, pendingExtensionReason: note },
        event: { workingDays: input.workingDays ?? 0 },
      };
    case 'approve_extension': {
      const calendar = await loadWorkingCalendar(tx);
      const granted = before.pendingExtensionDays ?? 0;
      const changes = {
        extensionWorkingDays: before.extensionWorkingDays + granted,
        pendingExtensionDays: null,
        pendingExtensionReason: null,
      };
      return {
        changes: { ...changes, ...(await recount(tx, calendar, before, changes)) },
        event: { workingDays: granted },
      };
    }
    case 'reject_extension':
      return {
        changes: { pendingExtensionDays: null, pendingExtensionReason: null },
        event: { workingDays: before.pendingExtensionDays ?? 0 },
      };
    case 'answer':
      return { changes: { answer: note }, event: {} };
    case 'close':
      return {
        changes: {
          closedAt: now,
          ...(before.firstClosedAt === null
            ? { firstClosedAt: now, firstClosedOnTime: shanghaiDate(now) <= before.dueOn }
            : {}),
        },
        event: {},
      };
    case 'rate':
      return {
        changes: { satisfaction: input.satisfaction ?? null, satisfactionComment: note },
        event: {},
      };
    case 'reopen': {
      const calendar = await loadWorkingCalendar(tx);
      // The category's SLA now, even when it is no longer offered for new problems.
      const category = await findProblemCategory(tx, before.categoryCode);
      const changes = {
        reopenCount: before.reopenCount + 1,
        closedAt: null,
        extensionWorkingDays: 0,
        suspendedWorkingDays: 0,
        suspendedAt: null,
        pendingExtensionDays: null,
        pendingExtensionReason: null,
        slaWorkingDays: category?.slaWorkingDays ?? before.slaWorkingDays,
        // A new close is rated anew; the earlier ratings stay in the timeline.
        satisfaction: null,
        satisfactionComment: null,
      };
      const due = await recount(tx, calendar, before, changes, now);
      return {
        changes: { ...changes, ...due },
        event: before.departmentId === null ? {} : { departmentId: before.departmentId },
      };
    }
  }
}

/**
 * Takes one action of the transition table on a problem, as `user`. Throws PROBLEM_NOT_FOUND,
 * FORBIDDEN (outside the user's scope, or a role the table does not name), VALIDATION_FAILED (a
 * reason, department, working days or satisfaction missing), PROBLEM_TRANSITION_INVALID (a stage
 * the action does not start from, an extension already open or none open, a reopen without a
 * dissatisfied rating) or DEPARTMENT_NOT_FOUND. Nothing changes when it throws.
 */
export async function actOnProblem(
  db: Db,
  user: ProblemUser,
  id: number,
  input: ProblemActionInput,
  now: Date = new Date(),
): Promise<ProblemDetail> {
  await db.transaction(async (tx) => {
    const before = await lockVisible(tx, user, id);
    checkAction(user, before, input.action);
    const issues = actionInputIssues(input);
    if (issues.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
        issues,
      );
    }
    const from = asProblemStage(before.stage);
    const to: ProblemStage = transitionOf(input.action).to ?? from;
    const { changes, event } = await changesOf(tx, before, input, now);
    const after = await updateProblemRow(tx, id, { ...changes, stage: to });
    await insertProblemEvent(tx, {
      problemId: id,
      action: input.action,
      fromStage: from,
      toStage: to,
      note: input.note?.trim() || null,
      satisfaction: input.action === 'rate' ? (input.satisfaction ?? null) : null,
      workingDays: event.workingDays ?? null,
      departmentId: event.departmentId ?? null,
      dueOn: after.dueOn,
      actorId: user.id,
      actorName: user.name,
      actorRole: user.role,
      at: now,
    });
    await recordAudit(tx, user, {
      action: `problem.${input.action}`,
      entityType: 'problem',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(after), note: input.note ?? null },
    });
  });
  return getProblem(db, user, id, now);
}

/**
 * Edits a problem's fields (office, admin); a new category brings its SLA and a new due date.
 * Throws PROBLEM_NOT_FOUND, FORBIDDEN, PROBLEM_CLOSED (closed or returned), CATEGORY_NOT_FOUND,
 * DEPARTMENT_NOT_FOUND or VALIDATION_FAILED (a node not of the problem's chain).
 */
export async function updateProblem(
  db: Db,
  user: ProblemUser,
  id: number,
  input: UpdateProblemRequest,
  now: Date = new Date(),
): Promise<ProblemDetail> {
  await db.transaction(async (tx) => {
    const before = await lockVisible(tx, user, id);
    if (before.stage === 'closed' || before.stage === 'returned') {
      throw new AppError(
        'PROBLEM_CLOSED',
        `Problem ${before.reference} is ${before.stage}: a closed or returned problem cannot be edited.`,
        { stage: before.stage },
      );
    }
    const { nodeCode, categoryCode, departmentId, ...plain } = input;
    const changes: Partial<NewProblemRow> = {};
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
    }
    if (nodeCode !== undefined) {
      if (nodeCode === null) changes.nodeId = null;
      else {
        const node = (await listChainNodes(tx, before.chainId)).find(
          (n) => n.code === nodeCode && n.level !== 'stage',
        );
        if (!node) {
          throw new AppError(
            'VALIDATION_FAILED',
            `"${nodeCode}" is not a node of the problem's chain.`,
            {
              field: 'nodeCode',
            },
          );
        }
        changes.nodeId = node.id;
      }
    }
    if (departmentId !== undefined) {
      changes.departmentId =
        departmentId === null ? null : (await requireDepartment(tx, departmentId)).id;
    }
    if (categoryCode !== undefined && categoryCode !== before.categoryCode) {
      const category = await requireCategory(tx, categoryCode);
      changes.categoryCode = category.code;
      changes.slaWorkingDays = category.slaWorkingDays;
      Object.assign(changes, await recount(tx, await loadWorkingCalendar(tx), before, changes));
    }
    if (Object.keys(changes).length === 0) return;
    const after = await updateProblemRow(tx, id, changes);
    await insertProblemEvent(tx, {
      problemId: id,
      action: 'edit',
      fromStage: before.stage,
      toStage: before.stage,
      note: `Changed: ${Object.keys(input).join(', ')}`,
      departmentId: after.departmentId,
      dueOn: after.dueOn,
      actorId: user.id,
      actorName: user.name,
      actorRole: user.role,
      at: now,
    });
    await recordAudit(tx, user, {
      action: 'problem.update',
      entityType: 'problem',
      entityId: id,
      before: {
        ...snapshot(before),
        contactName: before.contactName,
        contactPhone: before.contactPhone,
      },
      after: {
        ...snapshot(after),
        contactName: after.contactName,
        contactPhone: after.contactPhone,
      },
    });
  });
  return getProblem(db, user, id, now);
}

/**
 * Adds a comment to a problem's timeline without changing its stage; any user who reads the
 * problem fully and works on problems may. Throws PROBLEM_NOT_FOUND or FORBIDDEN.
 */
export async function commentOnProblem(
  db: Db,
  user: ProblemUser,
  id: number,
  note: string,
  now: Date = new Date(),
): Promise<ProblemDetail> {
  await db.transaction(async (tx) => {
    const before = await lockVisible(tx, user, id);
    await insertProblemEvent(tx, {
      problemId: id,
      action: 'comment',
      fromStage: before.stage,
      toStage: before.stage,
      note: note.trim(),
      dueOn: before.dueOn,
      actorId: user.id,
      actorName: user.name,
      actorRole: user.role,
      at: now,
    });
    await recordAudit(tx, user, {
      action: 'problem.comment',
      entityType: 'problem',
      entityId: id,
      after: { note: note.trim() },
    });
  });
  return getProblem(db, user, id, now);
}

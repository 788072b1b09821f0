import { AppError } from '../../domain/app-error.ts';
import { clockStartDay, shanghaiDate } from '../../domain/working-calendar.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import { findDepartment, type DepartmentRow } from '../../db/department.repository.ts';
import { requireCategory } from '../lookup/lookup.service.ts';
import {
  insertProblem,
  insertProblemEvent,
  listConfirmedPlacements,
  nextProblemReference,
  updateProblemRow,
  type ProblemRow,
} from '../../db/problem.repository.ts';
import type { ProblemDetail, RaiseProblemRequest } from '../../shared/api/problems.ts';
import { isChainInScope } from '../../shared/problem-scope.ts';
import type { ProblemStage } from '../../shared/problem-stages.ts';
import { loadChainContext, requireNode } from '../lookup/lookup.service.ts';
import type { ProblemUser } from './problem-access.ts';
import { dueDateOf } from '../../domain/problem-clock.ts';
import { dueColumns } from './problem-clock.ts';
import { getProblem } from './problem-query.service.ts';
import { loadWorkingCalendar } from './working-calendar.service.ts';

const EARLIEST_RECEIPT = Date.parse('2000-01-01T00:00:00+08:00');
/** Clocks of the office and the server differ a little; a receipt this far ahead is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;

function invalid(field: string, message: string, more: Record<string, string> = {}): AppError {
  return new AppError('VALIDATION_FAILED', message, { field, ...more });
}

/** An active department. Throws DEPARTMENT_NOT_FOUND. */
export async function requireDepartment(tx: Tx | Db, id: number): Promise<DepartmentRow> {
  const found = await findDepartment(tx, id);
  if (!found || !found.active) {
    throw new AppError(
      'DEPARTMENT_NOT_FOUND',
      `No active department has id ${id}; GET /api/departments lists them.`,
      { field: 'departmentId', id },
    );
  }
  return found;
}

/** Fields only the office (and admin) set; a firm raising online gets a 400 naming them. */
const OFFICE_FIELDS = [
  'enterpriseId',
  'chainCode',
  'channel',
  'receivedAt',
  'nodeCode',
  'departmentId',
] as const;

function isOfficeUser(user: ProblemUser): boolean {
  return user.role === 'office' || user.role === 'admin';
}

/** The enterprise, chain, node and receipt of a new problem, checked against the user. */
async function resolveIntake(tx: Tx, user: ProblemUser, input: RaiseProblemRequest, now: Date) {
  let enterpriseId: number;
  if (isOfficeUser(user)) {
    if (input.enterpriseId === undefined) {
      throw invalid('enterpriseId', 'Name the enterprise (enterpriseId) the problem is for.');
    }
    enterpriseId = input.enterpriseId;
  } else if (user.role === 'firm') {
    const given = OFFICE_FIELDS.find((field) => input[field] !== undefined);
    if (given) throw invalid(given, `Only the chain office sets ${given}; leave it out.`);
    if (user.enterpriseId === null) {
      throw new AppError('FORBIDDEN', 'Your account speaks for no enterprise; ask the office.');
    }
    enterpriseId = user.enterpriseId;
  } else {
    throw new AppError('FORBIDDEN', `Your role (${user.role}) may not raise problems.`);
  }
  const found = await findEnterpriseById(tx, enterpriseId);
  if (!found) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${enterpriseId}.`, {
      field: 'enterpriseId',
    });
  }
  const placements = await listConfirmedPlacements(tx, enterpriseId);
  const chainCode = input.chainCode ?? placements[0]?.chainCode;
  if (chainCode === undefined) {
    throw invalid(
      'chainCode',
      `${found.enterprise.name} is placed on no chain yet; name the chain (chainCode).`,
    );
  }
  const context = await loadChainContext(tx, chainCode);
  if (!isChainInScope(user.chainCodes, context.chain.code)) {
    throw new AppError('FORBIDDEN', `You work on other chains than ${context.chain.code}.`, {
      chain: context.chain.code,
    });
  }
  const nodeId = input.nodeCode
    ? requireNode(context, input.nodeCode, 'nodeCode').id
    : (placements.find((p) => p.chainId === context.chain.id && p.isPrimary)?.nodeId ?? null);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw invalid('receivedAt', 'The problem cannot be received in the future.', {
      reason: 'DATE_IN_FUTURE',
      date: shanghaiDate(receivedAt),
    });
  }
  if (receivedAt.getTime() < EARLIEST_RECEIPT) {
    throw invalid('receivedAt', 'A receipt before 2000 is surely a typing error.');
  }
  return { enterprise: found.enterprise, chainId: context.chain.id, nodeId, receivedAt };
}

async function createProblem(
  db: Db,
  user: ProblemUser,
  input: RaiseProblemRequest,
  stage: ProblemStage,
  options: { now: Date; demo: boolean },
): Promise<number> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const intake = await resolveIntake(tx, user, input, now);
    const category = await requireCategory(tx, input.categoryCode);
    const department =
      input.departmentId === undefined ? null : await requireDepartment(tx, input.departmentId);
    const calendar = await loadWorkingCalendar(tx);
    const clockStartsOn = clockStartDay(calendar, intake.receivedAt);
    const clock = {
      clockStartsOn,
      slaWorkingDays: category.slaWorkingDays,
      extensionWorkingDays: 0,
      suspendedWorkingDays: 0,
    };
    const due = dueColumns(dueDateOf(calendar, clock, null));
    const year = Number(shanghaiDate(intake.receivedAt).slice(0, 4));
    let row: ProblemRow = await insertProblem(tx, {
      reference: await nextProblemReference(tx, year),
      enterpriseId: intake.enterprise.id,
      chainId: intake.chainId,
      nodeId: intake.nodeId,
      regionCode: intake.enterprise.regionCode,
      title: input.title,
      description: input.description,
      channel: user.role === 'firm' ? 'online' : (input.channel ?? 'visit'),
      categoryCode: category.code,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      stage,
      receivedAt: intake.receivedAt,
      ...clock,
      ...due,
      raisedByUserId: user.id,
      isDemo: options.demo,
    });
    const actor = { actorId: user.id, actorName: user.name, actorRole: user.role };
    await insertProblemEvent(tx, {
      problemId: row.id,
      action: stage === 'submitted' ? 'raise' : 'record',
      fromStage: null,
      toStage: stage,
      dueOn: row.dueOn,
      at: now,
      ...actor,
    });
    // The office recording a problem with its department has in effect assigned it.
    if (department && stage === 'accepted') {
      row = await updateProblemRow(tx, row.id, { stage: 'assigned', departmentId: department.id });
      await insertProblemEvent(tx, {
        problemId: row.id,
        action: 'assign',
        fromStage: 'accepted',
        toStage: 'assigned',
        departmentId: department.id,
        dueOn: row.dueOn,
        at: now,
        ...actor,
      });
    }
    await recordAudit(tx, user, {
      action: stage === 'submitted' ? 'problem.raise' : 'problem.record',
      entityType: 'problem',
      entityId: row.id,
      after: {
        reference: row.reference,
        enterpriseId: row.enterpriseId,
        chainId: row.chainId,
        nodeId: row.nodeId,
        categoryCode: row.categoryCode,
        channel: row.channel,
        stage: row.stage,
        departmentId: row.departmentId,
        receivedAt: row.receivedAt.toISOString(),
        dueOn: row.dueOn,
      },
    });
    return row.id;
  });
}

/**
 * Raises a problem at 待受理 (submitted): a firm for its own enterprise, online; the office or
 * admin for any enterprise. Throws FORBIDDEN, VALIDATION_FAILED, ENTERPRISE_NOT_FOUND,
 * CHAIN_NOT_FOUND, CATEGORY_NOT_FOUND or DEPARTMENT_NOT_FOUND.
 */
export async function raiseProblem(
  db: Db,
  user: ProblemUser,
  input: RaiseProblemRequest,
  options: { now?: Date; demo?: boolean } = {},
): Promise<ProblemDetail> {
  const now = options.now ?? new Date();
  const id = await createProblem(db, user, input, 'submitted', {
    now,
    demo: options.demo ?? false,
  });
  return getProblem(db, user, id, now);
}

/**
 * Records a problem the office took in (a visit, a call, a meeting, a letter) at 已受理 (accepted),
 * or straight at 已交办 when its department is given. Throws FORBIDDEN (not the office),
 * VALIDATION_FAILED, ENTERPRISE_NOT_FOUND, CHAIN_NOT_FOUND, CATEGORY_NOT_FOUND or
 * DEPARTMENT_NOT_FOUND.
 */
export async function recordProblem(
  db: Db,
  user: ProblemUser,
  input: RaiseProblemRequest,
  options: { now?: Date; demo?: boolean } = {},
): Promise<ProblemDetail> {
  if (!isOfficeUser(user)) {
    throw new AppError('FORBIDDEN', 'Only the chain office records problems it took in.');
  }
  const now = options.now ?? new Date();
  const id = await createProblem(db, user, input, 'accepted', { now, demo: options.demo ?? false });
  return getProblem(db, user, id, now);
}

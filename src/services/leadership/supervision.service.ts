import { AppError } from '../../domain/app-error.ts';
import type { SupervisionRecord } from '../../domain/supervision-figures.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import {
  findDepartment,
  insertSupervision,
  insertSupervisionNote,
  listActivities,
  listSupervision,
  listSupervisionNotes,
  updateSupervisionRow,
  type NewSupervisionRow,
  type SupervisionListRow,
  type SupervisionRow,
} from '../../db/leadership.repository.ts';
import type {
  CreateSupervisionRequest,
  FollowUpRequest,
  SupervisionDetail,
  SupervisionItem,
  SupervisionQuery,
} from '../../shared/api/leadership.ts';
import { isChainInScope } from '../../shared/problem-scope.ts';
import type { Role } from '../../shared/permissions.ts';
import { loadChainContext, requireRegion } from '../lookup/lookup.service.ts';

/** Who acts on the chain leader's records, and which of them they may see. */
export interface LeaderViewer {
  actor: Actor;
  role: Role;
  departmentId: number | null;
  /** The chains the user may see; null: every chain. */
  chainCodes: readonly string[] | null;
}

/** Today in Asia/Shanghai: the day overdue and on-time are judged by. */
export const todayInShanghai = (): string => shanghaiDate(new Date());

/**
 * Refuses a deadline before the day the item is set: today for a new item, the day a visit or
 * meeting was held for the items it decided. Throws VALIDATION_FAILED naming `field`.
 */
export function requireDeadlineFrom(deadline: string, from: string, field: string): void {
  if (deadline >= from) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `${field}: the deadline ${deadline} is before ${from}, the day the item is set.`,
    { field, reason: 'DEADLINE_BEFORE_SET', date: deadline, from },
  );
}

/** Refuses a chain outside the viewer's chains. Throws FORBIDDEN. */
export function requireChainInScope(viewer: LeaderViewer, chainCode: string): void {
  if (!isChainInScope(viewer.chainCodes, chainCode)) {
    throw new AppError('FORBIDDEN', `You do not work on chain ${chainCode}.`, {
      chain: chainCode,
    });
  }
}

/** The department a viewer is held to (department users), undefined for every other role. */
const departmentScope = (viewer: LeaderViewer) =>
  viewer.role === 'department' ? viewer.departmentId : undefined;

/** Presents a 督办 item row (with its chain and department) as the API shows it. */
export function presentSupervision(row: SupervisionListRow, today: string): SupervisionItem {
  const item = row.item;
  const completedDay = item.completedAt ? shanghaiDate(item.completedAt) : null;
  return {
    id: item.id,
    chain: { code: row.chainCode, name: { zh: row.chainNameZh, en: row.chainNameEn } },
    regionCode: item.regionCode,
    title: item.title,
    detail: item.detail,
    ownerDepartment:
      item.ownerDepartmentId === null || row.departmentName === null
        ? null
        : { id: item.ownerDepartmentId, name: row.departmentName, nameEn: row.departmentNameEn },
    deadline: item.deadline,
    state: item.state === 'done' ? 'done' : 'open',
    overdue: item.state === 'open' && today > item.deadline,
    onTime: item.state === 'done' && completedDay !== null ? completedDay <= item.deadline : null,
    completedAt: item.completedAt ? item.completedAt.toISOString() : null,
    activityId: item.activityId,
    sharedProblemId: item.sharedProblemId,
    problemId: item.problemId,
    assignedBy: row.assignedByName,
    createdAt: item.createdAt.toISOString(),
  };
}

const snapshot = (row: SupervisionRow) => ({
  chainId: row.chainId,
  regionCode: row.regionCode,
  title: row.title,
  ownerDepartmentId: row.ownerDepartmentId,
  deadline: row.deadline,
  state: row.state,
  completedAt: row.completedAt,
  activityId: row.activityId,
  sharedProblemId: row.sharedProblemId,
  problemId: row.problemId,
});

/**
 * Inserts a 督办 item in the caller's transaction, checking its department, and audits it.
 * Throws DEPARTMENT_NOT_FOUND.
 */
export async function addSupervisionItem(
  tx: DbOrTx,
  actor: Actor,
  input: FollowUpRequest &
    Pick<
      NewSupervisionRow,
      'chainId' | 'regionCode' | 'activityId' | 'sharedProblemId' | 'problemId'
    >,
): Promise<SupervisionRow> {
  if (!(await findDepartment(tx, input.ownerDepartmentId))) {
    throw new AppError('DEPARTMENT_NOT_FOUND', `No department has id ${input.ownerDepartmentId}.`, {
      field: 'ownerDepartmentId',
      department: input.ownerDepartmentId,
    });
  }
  const row = await insertSupervision(tx, {
    chainId: input.chainId,
    regionCode: input.regionCode,
    title: input.title,
    detail: input.detail ?? null,
    ownerDepartmentId: input.ownerDepartmentId,
    deadline: input.deadline,
    activityId: input.activityId ?? null,
    sharedProblemId: input.sharedProblemId ?? null,
    problemId: input.problemId ?? null,
    assignedBy: actor.name,
  });
  await recordAudit(tx, actor, {
    action: 'supervision.create',
    entityType: 'supervision_item',
    entityId: row.id,
    after: snapshot(row),
  });
  return row;
}

/**
 * The 督办 items of a chain in a region as the figures read them: the one reading that the
 * scorecard and the briefing share, each then counting with computeSupervisionFigures.
 */
export async function loadSupervisionRecords(
  db: DbOrTx,
  input: { chainId: number; regionCode: string },
): Promise<SupervisionRecord[]> {
  const { rows } = await listSupervision(db, input);
  return rows.map(({ item }) => ({
    deadline: item.deadline,
    done: item.state === 'done',
    completedOn: item.state === 'done' && item.completedAt ? shanghaiDate(item.completedAt) : null,
  }));
}

/** 督办 items the viewer may see, filtered and paged. Throws CHAIN_NOT_FOUND. */
export async function listSupervisionItems(
  db: Db,
  viewer: LeaderViewer,
  query: SupervisionQuery,
): Promise<{ items: SupervisionItem[]; total: number }> {
  const chainId = query.chain ? (await loadChainContext(db, query.chain)).chain.id : undefined;
  const today = todayInShanghai();
  const departmentId = departmentScope(viewer);
  if (departmentId !== undefined && query.departmentId !== undefined) {
    if (query.departmentId !== departmentId) return { items: [], total: 0 };
  }
  const { rows, total } = await listSupervision(
    db,
    {
      chainId,
      chainCodes: viewer.chainCodes,
      regionCode: query.region,
      state: query.state,
      today,
      departmentId: departmentId !== undefined ? departmentId : query.departmentId,
      activityIds: query.activityId !== undefined ? [query.activityId] : undefined,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map((r) => presentSupervision(r, today)), total };
}

/** A 督办 item the viewer may see. Throws SUPERVISION_NOT_FOUND. */
async function requireVisibleItem(
  db: DbOrTx,
  viewer: LeaderViewer,
  id: number,
): Promise<SupervisionListRow> {
  const { rows } = await listSupervision(db, {
    ids: [id],
    chainCodes: viewer.chainCodes,
    departmentId: departmentScope(viewer),
  });
  const row = rows[0];
  if (!row) throw new AppError('SUPERVISION_NOT_FOUND', `No 督办 item has id ${id}.`, { id });
  return row;
}

/** One 督办 item with its progress notes. Throws SUPERVISION_NOT_FOUND. */
export async function getSupervisionItem(
  db: Db,
  viewer: LeaderViewer,
  id: number,
): Promise<SupervisionDetail> {
  const row = await requireVisibleItem(db, viewer, id);
  const notes = await listSupervisionNotes(db, id);
  return {
    ...presentSupervision(row, todayInShanghai()),
    notes: notes.map((n) => ({
      id: n.id,
      note: n.note,
      authorName: n.authorName,
      at: n.at.toISOString(),
    })),
  };
}

/**
 * Creates a 督办 item (optionally from an activity of the same chain). Throws CHAIN_NOT_FOUND,
 * REGION_NOT_FOUND, FORBIDDEN (a chain outside the user's), DEPARTMENT_NOT_FOUND,
 * ACTIVITY_NOT_FOUND.
 */
export async function createSupervisionItem(
  db: Db,
  viewer: LeaderViewer,
  input: CreateSupervisionRequest,
): Promise<SupervisionDetail> {
  const context = await loadChainContext(db, input.chainCode);
  requireChainInScope(viewer, input.chainCode);
  await requireRegion(db, input.regionCode);
  const row = await db.transaction(async (tx) => {
    if (input.activityId != null) {
      const found = await listActivities(tx, {
        ids: [input.activityId],
        chainId: context.chain.id,
      });
      if (found.total === 0) {
        throw new AppError(
          'ACTIVITY_NOT_FOUND',
          `No activity of chain ${input.chainCode} has id ${input.activityId}.`,
          { field: 'activityId', id: input.activityId },
        );
      }
      requireDeadlineFrom(input.deadline, found.rows[0]?.activity.heldOn ?? '', 'deadline');
    } else {
      requireDeadlineFrom(input.deadline, todayInShanghai(), 'deadline');
    }
    return addSupervisionItem(tx, viewer.actor, {
      ...input,
      chainId: context.chain.id,
      activityId: input.activityId ?? null,
    });
  });
  return getSupervisionItem(db, viewer, row.id);
}

/** Progress on an item: department users only on their department's items. Throws FORBIDDEN. */
function requireProgressRight(viewer: LeaderViewer, row: SupervisionListRow): void {
  if (viewer.role !== 'department') return;
  if (viewer.departmentId === null || row.item.ownerDepartmentId !== viewer.departmentId) {
    throw new AppError(
      'FORBIDDEN',
      `督办 item ${row.item.id} belongs to another department; only its owner department may report on it.`,
      { id: row.item.id },
    );
  }
}

/**
 * Adds a progress note. A department user may note only its own department's items. Throws
 * SUPERVISION_NOT_FOUND, FORBIDDEN.
 */
export async function addSupervisionNote(
  db: Db,
  viewer: LeaderViewer,
  id: number,
  note: string,
): Promise<SupervisionDetail> {
  await db.transaction(async (tx) => {
    // Department users find other departments' items too, so a wrong one is 403, not 404.
    const row = await requireVisibleItem(tx, { ...viewer, role: 'office' }, id);
    requireProgressRight(viewer, row);
    await insertSupervisionNote(tx, { itemId: id, note, authorName: viewer.actor.name });
    await recordAudit(tx, viewer.actor, {
      action: 'supervision.note',
      entityType: 'supervision_item',
      entityId: id,
      after: { note },
    });
  });
  return getSupervisionItem(db, viewer, id);
}

/**
 * Completes an item (state done, completedAt now), with an optional closing note. Throws
 * SUPERVISION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (already done).
 */
export async function completeSupervisionItem(
  db: Db,
  viewer: LeaderViewer,
  id: number,
  note: string | null | undefined,
): Promise<SupervisionDetail> {
  await db.transaction(async (tx) => {
    const row = await requireVisibleItem(tx, { ...viewer, role: 'office' }, id);
    requireProgressRight(viewer, row);
    if (row.item.state === 'done') {
      throw new AppError('VALIDATION_FAILED', `督办 item ${id} is already done.`, { id });
    }
    const completedAt = new Date();
    await updateSupervisionRow(tx, id, { state: 'done', completedAt });
    if (note) await insertSupervisionNote(tx, { itemId: id, note, authorName: viewer.actor.name });
    await recordAudit(tx, viewer.actor, {
      action: 'supervision.complete',
      entityType: 'supervision_item',
      entityId: id,
      before: snapshot(row.item),
      after: { ...snapshot(row.item), state: 'done', completedAt },
    });
  });
  return getSupervisionItem(db, viewer, id);
}

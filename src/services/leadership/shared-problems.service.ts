import { AppError } from '../../domain/app-error.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import {
  findProblemsByIds,
  insertProblemEscalationEvent,
  insertSharedProblem,
  listSharedProblemMembers,
  listSharedProblems,
  listSupervision,
  setProblemsShared,
  updateSharedProblemRow,
} from '../../db/leadership.repository.ts';
import type {
  CreateSharedProblemRequest,
  EscalateRequest,
  SharedProblem,
  SharedProblemQuery,
  SupervisionDetail,
} from '../../shared/api/leadership.ts';
import { isChainInScope } from '../../shared/problem-scope.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';
import {
  addSupervisionItem,
  requireDeadlineFrom,
  getSupervisionItem,
  presentSupervision,
  requireChainInScope,
  todayInShanghai,
  type LeaderViewer,
} from './supervision.service.ts';

type ProblemRef = Awaited<ReturnType<typeof findProblemsByIds>>[number];

/** The problems named, each visible to the viewer. Throws PROBLEM_NOT_FOUND naming the first missing. */
async function requireProblems(
  db: DbOrTx,
  viewer: LeaderViewer,
  ids: readonly number[],
): Promise<ProblemRef[]> {
  const unique = [...new Set(ids)];
  const found = (await findProblemsByIds(db, unique)).filter((p) =>
    isChainInScope(viewer.chainCodes, p.chainCode),
  );
  const missing = unique.find((id) => !found.some((p) => p.id === id));
  if (missing !== undefined) {
    throw new AppError('PROBLEM_NOT_FOUND', `No problem has id ${missing}.`, {
      field: 'problemIds',
      id: missing,
    });
  }
  return found;
}

/** The longest region prefix (2, 4 or 6 digits) the problems share. */
function commonRegion(codes: readonly string[]): string {
  let common = codes[0] ?? '';
  for (const code of codes) {
    let n = 0;
    while (n < common.length && common[n] === code[n]) n++;
    common = common.slice(0, n);
  }
  return common.slice(0, Math.max(2, common.length - (common.length % 2)));
}

function refuseOtherShared(problems: readonly ProblemRef[], exceptId?: number): void {
  const taken = problems.find((p) => p.sharedProblemId !== null && p.sharedProblemId !== exceptId);
  if (taken) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Problem ${taken.reference} already belongs to shared problem ${taken.sharedProblemId}; unlink it there first.`,
      { field: 'problemIds', id: taken.id, sharedProblemId: taken.sharedProblemId },
    );
  }
}

async function present(db: DbOrTx, viewer: LeaderViewer, ids: readonly number[]) {
  const { rows } = await listSharedProblems(db, { ids, chainCodes: viewer.chainCodes });
  const [members, items] = await Promise.all([
    listSharedProblemMembers(db, ids),
    ids.length === 0 ? { rows: [] } : listSupervision(db, { sharedProblemIds: ids }),
  ]);
  const today = todayInShanghai();
  return rows.map((r): SharedProblem => ({
    id: r.shared.id,
    chain: { code: r.chainCode, name: { zh: r.chainNameZh, en: r.chainNameEn } },
    node:
      r.nodeCode === null
        ? null
        : { code: r.nodeCode, name: { zh: r.nodeNameZh ?? '', en: r.nodeNameEn ?? '' } },
    regionCode: r.shared.regionCode,
    title: r.shared.title,
    summary: r.shared.summary,
    escalatedAt: r.shared.escalatedAt?.toISOString() ?? null,
    escalatedBy: r.shared.escalatedBy,
    createdBy: r.shared.createdBy,
    createdAt: r.shared.createdAt.toISOString(),
    problems: members
      .filter((m) => m.sharedProblemId === r.shared.id)
      .map((m) => ({
        id: m.id,
        reference: m.reference,
        title: m.title,
        enterprise: { id: m.enterpriseId, name: m.enterpriseName },
        stage: m.stage,
      })),
    supervisionItems: items.rows
      .filter((i) => i.item.sharedProblemId === r.shared.id)
      .map((i) => presentSupervision(i, today)),
  }));
}

/** One shared problem with its problems and 督办 items. Throws PROBLEM_NOT_FOUND. */
export async function getSharedProblem(
  db: Db,
  viewer: LeaderViewer,
  id: number,
): Promise<SharedProblem> {
  const [found] = await present(db, viewer, [id]);
  if (!found) throw new AppError('PROBLEM_NOT_FOUND', `No shared problem has id ${id}.`, { id });
  return found;
}

/** Shared problems the viewer may see, paged. Throws CHAIN_NOT_FOUND. */
export async function listSharedProblemViews(
  db: Db,
  viewer: LeaderViewer,
  query: SharedProblemQuery,
): Promise<{ items: SharedProblem[]; total: number }> {
  const chainId = query.chain ? (await loadChainContext(db, query.chain)).chain.id : undefined;
  const { rows, total } = await listSharedProblems(
    db,
    {
      chainId,
      chainCodes: viewer.chainCodes,
      regionCode: query.region,
      escalated: query.escalated === undefined ? undefined : query.escalated === 'true',
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: await present(
      db,
      viewer,
      rows.map((r) => r.shared.id),
    ),
    total,
  };
}

/**
 * Groups ≥2 problems of one chain as a shared problem (共性问题); its node is theirs when they
 * share one. Throws PROBLEM_NOT_FOUND, VALIDATION_FAILED (several chains, already grouped).
 */
export async function createSharedProblem(
  db: Db,
  viewer: LeaderViewer,
  input: CreateSharedProblemRequest,
): Promise<SharedProblem> {
  const id = await db.transaction(async (tx) => {
    const problems = await requireProblems(tx, viewer, input.problemIds);
    if (problems.length < 2) {
      throw new AppError('VALIDATION_FAILED', 'A shared problem groups at least two problems.', {
        field: 'problemIds',
      });
    }
    const chains = new Set(problems.map((p) => p.chainId));
    if (chains.size > 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The problems belong to different chains; a shared problem is of one chain.',
        { field: 'problemIds' },
      );
    }
    refuseOtherShared(problems);
    const nodes = new Set(problems.map((p) => p.nodeId));
    const first = problems[0] as ProblemRef;
    const row = await insertSharedProblem(tx, {
      chainId: first.chainId,
      nodeId: nodes.size === 1 ? first.nodeId : null,
      regionCode: commonRegion(problems.map((p) => p.regionCode)),
      title: input.title,
      summary: input.summary ?? null,
      createdBy: viewer.actor.name,
    });
    await setProblemsShared(
      tx,
      problems.map((p) => p.id),
      row.id,
    );
    await recordAudit(tx, viewer.actor, {
      action: 'shared_problem.create',
      entityType: 'shared_problem',
      entityId: row.id,
      after: { title: row.title, problemIds: problems.map((p) => p.id), nodeId: row.nodeId },
    });
    return row.id;
  });
  return getSharedProblem(db, viewer, id);
}

/**
 * Adds a problem of the same chain to a shared problem, or takes one out. Throws
 * PROBLEM_NOT_FOUND, VALIDATION_FAILED.
 */
export async function linkSharedProblem(
  db: Db,
  viewer: LeaderViewer,
  id: number,
  problemId: number,
  link: boolean,
): Promise<SharedProblem> {
  const shared = await getSharedProblem(db, viewer, id);
  await db.transaction(async (tx) => {
    const [p] = await requireProblems(tx, viewer, [problemId]);
    if (!p) return;
    if (link) {
      if (p.chainCode !== shared.chain.code) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Problem ${p.reference} is of another chain than shared problem ${id}.`,
          { field: 'problemId', id: problemId },
        );
      }
      refuseOtherShared([p], id);
    } else if (p.sharedProblemId !== id) {
      throw new AppError(
        'PROBLEM_NOT_FOUND',
        `Problem ${p.reference} is not part of shared problem ${id}.`,
        {
          field: 'problemId',
          id: problemId,
        },
      );
    }
    await setProblemsShared(tx, [problemId], link ? id : null);
    await recordAudit(tx, viewer.actor, {
      action: link ? 'shared_problem.link' : 'shared_problem.unlink',
      entityType: 'shared_problem',
      entityId: id,
      after: { problemId },
    });
  });
  return getSharedProblem(db, viewer, id);
}

/**
 * Escalates a shared problem to the chain leader: marks it escalated and opens a 督办 item for
 * the owner department by the deadline. Throws PROBLEM_NOT_FOUND, DEPARTMENT_NOT_FOUND,
 * VALIDATION_FAILED (already escalated).
 */
export async function escalateSharedProblem(
  db: Db,
  viewer: LeaderViewer,
  id: number,
  input: EscalateRequest,
): Promise<SharedProblem> {
  const shared = await getSharedProblem(db, viewer, id);
  if (shared.escalatedAt) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Shared problem ${id} was escalated already (${shared.escalatedAt}); follow its 督办 item.`,
      { id },
    );
  }
  const context = await loadChainContext(db, shared.chain.code);
  await db.transaction(async (tx) => {
    const escalatedAt = new Date();
    await updateSharedProblemRow(tx, id, { escalatedAt, escalatedBy: viewer.actor.name });
    await recordAudit(tx, viewer.actor, {
      action: 'shared_problem.escalate',
      entityType: 'shared_problem',
      entityId: id,
      after: { escalatedAt, ownerDepartmentId: input.ownerDepartmentId, deadline: input.deadline },
    });
    requireDeadlineFrom(input.deadline, todayInShanghai(), 'deadline');
    await addSupervisionItem(tx, viewer.actor, {
      title: input.title ?? `共性问题：${shared.title}`,
      detail: input.detail ?? shared.summary,
      ownerDepartmentId: input.ownerDepartmentId,
      deadline: input.deadline,
      chainId: context.chain.id,
      regionCode: shared.regionCode,
      sharedProblemId: id,
    });
  });
  return getSharedProblem(db, viewer, id);
}

/**
 * Escalates one problem to the chain leader: a 督办 item with the problem, and an `escalate`
 * step on the problem's history (its stage unchanged). Throws PROBLEM_NOT_FOUND, FORBIDDEN,
 * DEPARTMENT_NOT_FOUND.
 */
export async function escalateProblem(
  db: Db,
  viewer: LeaderViewer,
  problemId: number,
  input: EscalateRequest,
): Promise<SupervisionDetail> {
  const [p] = await requireProblems(db, viewer, [problemId]);
  if (!p)
    throw new AppError('PROBLEM_NOT_FOUND', `No problem has id ${problemId}.`, { id: problemId });
  requireChainInScope(viewer, p.chainCode);
  requireDeadlineFrom(input.deadline, todayInShanghai(), 'deadline');
  const item = await db.transaction(async (tx) => {
    const row = await addSupervisionItem(tx, viewer.actor, {
      title: input.title ?? `${p.reference} ${p.title}`,
      detail: input.detail ?? null,
      ownerDepartmentId: input.ownerDepartmentId,
      deadline: input.deadline,
      chainId: p.chainId,
      regionCode: p.regionCode,
      problemId: p.id,
    });
    await insertProblemEscalationEvent(tx, {
      problemId: p.id,
      stage: p.stage,
      note: `督办 #${row.id}: ${row.title} (deadline ${row.deadline})`,
      actorId: viewer.actor.id,
      actorName: viewer.actor.name,
      actorRole: viewer.role,
    });
    await recordAudit(tx, viewer.actor, {
      action: 'problem.escalate',
      entityType: 'problem',
      entityId: p.id,
      after: { supervisionItemId: row.id },
    });
    return row;
  });
  return getSupervisionItem(db, viewer, item.id);
}

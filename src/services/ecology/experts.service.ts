import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import {
  findExpert,
  insertExpert,
  insertExpertAdvice,
  listExpertAdvice,
  listExperts,
  listNodesOfExperts,
  setExpertNodes,
  updateExpertRow,
  type ExpertRow,
} from '../../db/expert.repository.ts';
import { findProjectById } from '../../db/project.repository.ts';
import type {
  AdviseRequest,
  CreateExpertRequest,
  Expert,
  ExpertList,
  ExpertQuery,
  UpdateExpertRequest,
} from '../../shared/api/experts.ts';
import type { Role } from '../../shared/permissions.ts';
import { loadChainContext, requireNode, type ChainContext } from '../lookup/lookup.service.ts';

// Experts (专家库) of a chain: by field and node, with whom they advised. Name, fields, nodes,
// institution and title are public to every reader (a `firm` user included); whom they advised to
// every reader but a firm; the contact and the note only to the office and admins (like a need's
// contact).

/** Who asks: the role decides whether they see the private part. */
export interface ExpertViewer {
  actor: Actor;
  role: Role;
}

const FULL_VIEW_ROLES: readonly Role[] = ['admin', 'office'];

/** Whether the viewer sees an expert's contact and note (the office's). */
export function seesExpertPrivate(viewer: Pick<ExpertViewer, 'role'>): boolean {
  return FULL_VIEW_ROLES.includes(viewer.role);
}

/** Whether the viewer sees whom an expert advised (every reader but a firm). */
function seesAdvice(viewer: Pick<ExpertViewer, 'role'>): boolean {
  return viewer.role !== 'firm';
}

function expertNotFound(id: number): AppError {
  return new AppError('EXPERT_NOT_FOUND', `No expert has id ${id} on this chain.`, { id });
}

/** An expert of a chain. Throws EXPERT_NOT_FOUND. */
export async function requireExpert(
  db: DbOrTx,
  context: ChainContext,
  id: number,
): Promise<ExpertRow> {
  const row = await findExpert(db, context.chain.id, id);
  if (!row) throw expertNotFound(id);
  return row;
}

function present(
  row: ExpertRow,
  nodeIds: number[],
  advice: Awaited<ReturnType<typeof listExpertAdvice>>,
  context: ChainContext,
  viewer: Pick<ExpertViewer, 'role'>,
): Expert {
  const full = seesExpertPrivate(viewer);
  const nodes = context.nodes
    .filter((n) => nodeIds.includes(n.id))
    .map((n) => ({ code: n.code, name: { zh: n.nameZh, en: n.nameEn } }));
  return {
    id: row.id,
    chainCode: context.chain.code,
    name: row.name,
    fields: row.fields,
    nodes,
    institution: row.institution,
    title: row.title,
    demo: row.isDemo,
    visibility: full ? 'full' : 'public',
    contact: full ? row.contact : null,
    note: full ? row.note : null,
    advice: seesAdvice(viewer)
      ? advice.map((a) => ({
          id: a.id,
          enterprise:
            a.enterpriseId === null ? null : { id: a.enterpriseId, name: a.enterpriseName ?? '' },
          project: a.projectId === null ? null : { id: a.projectId, name: a.projectName ?? '' },
          advisedOn: a.advisedOn,
          note: a.note,
        }))
      : [],
  };
}

async function presentOne(
  db: DbOrTx,
  context: ChainContext,
  id: number,
  viewer: Pick<ExpertViewer, 'role'>,
): Promise<Expert> {
  const row = await requireExpert(db, context, id);
  const nodes = (await listNodesOfExperts(db, [id])).get(id) ?? [];
  const advice = seesAdvice(viewer) ? await listExpertAdvice(db, id) : [];
  return present(row, nodes, advice, context, viewer);
}

function nodeIdsOf(context: ChainContext, codes: string[]): number[] {
  return codes.map((code, i) => requireNode(context, code, `nodeCodes.${i}`).id);
}

/**
 * Records an expert on a chain with the nodes they cover. Throws CHAIN_NOT_FOUND,
 * VALIDATION_FAILED (unknown node, naming `nodeCodes.N`).
 */
export async function createExpert(
  db: Db,
  viewer: ExpertViewer,
  chainCode: string,
  input: CreateExpertRequest,
  options: { demo?: boolean } = {},
): Promise<Expert> {
  const context = await loadChainContext(db, chainCode);
  const nodeIds = nodeIdsOf(context, input.nodeCodes);
  const id = await db.transaction(async (tx) => {
    const newId = await insertExpert(tx, {
      chainId: context.chain.id,
      name: input.name,
      fields: input.fields,
      institution: input.institution ?? null,
      title: input.title ?? null,
      contact: input.contact ?? null,
      note: input.note ?? null,
      createdBy: viewer.actor.name,
      isDemo: options.demo ?? false,
    });
    await setExpertNodes(tx, newId, nodeIds);
    await recordAudit(tx, viewer.actor, {
      action: 'expert.create',
      entityType: 'expert',
      entityId: newId,
      after: input,
    });
    return newId;
  });
  return presentOne(db, context, id, viewer);
}

/** Changes an expert (fields given only). Throws EXPERT_NOT_FOUND, VALIDATION_FAILED. */
export async function updateExpert(
  db: Db,
  viewer: ExpertViewer,
  chainCode: string,
  id: number,
  input: UpdateExpertRequest,
): Promise<Expert> {
  const context = await loadChainContext(db, chainCode);
  const before = await requireExpert(db, context, id);
  const nodeIds = input.nodeCodes ? nodeIdsOf(context, input.nodeCodes) : undefined;
  const patch: Parameters<typeof updateExpertRow>[2] = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.fields !== undefined) patch.fields = input.fields;
  if (input.institution !== undefined) patch.institution = input.institution;
  if (input.title !== undefined) patch.title = input.title;
  if (input.contact !== undefined) patch.contact = input.contact;
  if (input.note !== undefined) patch.note = input.note;
  await db.transaction(async (tx) => {
    await updateExpertRow(tx, id, patch);
    if (nodeIds) await setExpertNodes(tx, id, nodeIds);
    await recordAudit(tx, viewer.actor, {
      action: 'expert.update',
      entityType: 'expert',
      entityId: id,
      before,
      after: input,
    });
  });
  return presentOne(db, context, id, viewer);
}

/** One expert as the viewer may see them. Throws CHAIN_NOT_FOUND, EXPERT_NOT_FOUND. */
export async function getExpert(
  db: Db,
  viewer: Pick<ExpertViewer, 'role'>,
  chainCode: string,
  id: number,
): Promise<Expert> {
  const context = await loadChainContext(db, chainCode);
  return presentOne(db, context, id, viewer);
}

/** A page of a chain's experts by name, filtered by node or text. Throws VALIDATION_FAILED. */
export async function listExpertsFor(
  db: Db,
  viewer: Pick<ExpertViewer, 'role'>,
  chainCode: string,
  query: ExpertQuery,
): Promise<ExpertList> {
  const context = await loadChainContext(db, chainCode);
  const { rows, total } = await listExperts(
    db,
    {
      chainId: context.chain.id,
      nodeId: query.node ? requireNode(context, query.node).id : undefined,
      text: query.q,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const nodes = await listNodesOfExperts(
    db,
    rows.map((r) => r.id),
  );
  const items: Expert[] = [];
  for (const row of rows) {
    const advice = seesAdvice(viewer) ? await listExpertAdvice(db, row.id) : [];
    items.push(present(row, nodes.get(row.id) ?? [], advice, context, viewer));
  }
  return { items, total };
}

/**
 * Records that an expert advised an enterprise or a project on a date. Throws EXPERT_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND, PROJECT_NOT_FOUND.
 */
export async function adviseExpert(
  db: Db,
  viewer: ExpertViewer,
  chainCode: string,
  id: number,
  input: AdviseRequest,
  options: { demo?: boolean } = {},
): Promise<Expert> {
  const context = await loadChainContext(db, chainCode);
  await requireExpert(db, context, id);
  if (input.enterpriseId !== undefined && !(await findEnterpriseById(db, input.enterpriseId))) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${input.enterpriseId}.`, {
      field: 'enterpriseId',
    });
  }
  if (input.projectId !== undefined && !(await findProjectById(db, input.projectId))) {
    throw new AppError('PROJECT_NOT_FOUND', `No project has id ${input.projectId}.`, {
      field: 'projectId',
    });
  }
  await db.transaction(async (tx) => {
    const adviceId = await insertExpertAdvice(tx, {
      expertId: id,
      enterpriseId: input.enterpriseId ?? null,
      projectId: input.projectId ?? null,
      advisedOn: input.advisedOn,
      note: input.note ?? null,
      createdBy: viewer.actor.name,
      isDemo: options.demo ?? false,
    });
    await recordAudit(tx, viewer.actor, {
      action: 'expert.advise',
      entityType: 'expert',
      entityId: id,
      after: { ...input, adviceId },
    });
  });
  return presentOne(db, context, id, viewer);
}

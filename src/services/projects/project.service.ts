import type { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { checkStageMove } from '../../domain/project-pipeline.ts';
import type { Db, DbOrTx, Tx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { listChainNodes } from '../../db/chain.repository.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import {
  findActiveProjectsForEnterprise,
  insertProject,
  insertProjectEvent,
  lockProject,
  updateProject as writeProject,
  type NewProjectRow,
  type ProjectRow,
} from '../../db/project.repository.ts';
import { findUserById } from '../../db/user.repository.ts';
import {
  PROJECT_STAGE_NAMES,
  type CreateProjectRequest,
  type ProjectDetail,
  type ProjectStage,
  type UpdateProjectRequest,
} from '../../shared/api/projects.ts';
import { isRole, roleHasPermission } from '../../shared/permissions.ts';
import {
  loadChainContext,
  requireNode,
  requirePark,
  requireRegion,
  requireUser,
} from '../lookup/lookup.service.ts';
import { getProject } from './project-query.service.ts';
import { asStage, asStatus } from './project-presenter.ts';

/**
 * Parses input that did not come through the HTTP layer (CLI flags, spreadsheet rows) with the
 * API's own schema. Throws VALIDATION_FAILED naming each field.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    `Invalid project: ${details.map((d) => `${d.field || '(input)'}: ${d.message}`).join('; ')}`,
    details,
  );
}

/** What the audit log keeps of a project. */
function snapshot(row: ProjectRow) {
  return {
    name: row.name,
    investor: row.investor,
    nodeId: row.nodeId,
    regionCode: row.regionCode,
    enterpriseId: row.enterpriseId,
    stage: row.stage,
    status: row.status,
    investmentYuan: row.investmentYuan,
    capitalInPlaceYuan: row.capitalInPlaceYuan,
    expectedOutputYuan: row.expectedOutputYuan,
    outputStartYear: row.outputStartYear,
    spaceNeed: row.spaceNeed,
    spaceNeededFrom: row.spaceNeededFrom,
    parkId: row.parkId,
    ownerId: row.ownerId,
    nextAction: row.nextAction,
    nextActionOn: row.nextActionOn,
    notes: row.notes,
  };
}

/** The user, who must be allowed to manage projects. Throws USER_NOT_FOUND or VALIDATION_FAILED. */
export async function requireOwner(tx: DbOrTx, ownerId: number): Promise<void> {
  const owner = await requireUser(tx, ownerId, 'ownerId');
  if (!isRole(owner.role) || !roleHasPermission(owner.role, 'project:write')) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${owner.username} (${owner.role}) cannot own a project: an owner manages projects ` +
        '(role investment or admin).',
      { field: 'ownerId' },
    );
  }
}

/** Checks the references of new or changed fields and maps codes to ids. */
async function resolveFields(
  tx: Tx,
  chainId: number,
  fields: UpdateProjectRequest,
): Promise<Partial<NewProjectRow>> {
  const values: Partial<NewProjectRow> = {};
  if (fields.nodeCode !== undefined) {
    if (fields.nodeCode === null) values.nodeId = null;
    else {
      const node = (await listChainNodes(tx, chainId)).find(
        (n) => n.code === fields.nodeCode && n.level !== 'stage',
      );
      if (!node) {
        throw new AppError(
          'VALIDATION_FAILED',
          `"${fields.nodeCode}" is not a node of the chain.`,
          {
            field: 'nodeCode',
          },
        );
      }
      values.nodeId = node.id;
    }
  }
  if (fields.enterpriseId != null && !(await findEnterpriseById(tx, fields.enterpriseId))) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${fields.enterpriseId}.`, {
      field: 'enterpriseId',
    });
  }
  if (fields.parkId != null) await requirePark(tx, fields.parkId, 'parkId');
  if (fields.ownerId != null) await requireOwner(tx, fields.ownerId);
  const { nodeCode: _node, ...plain } = fields;
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined) (values as Record<string, unknown>)[key] = value;
  }
  return values;
}

async function refuseSecondCourtship(
  tx: Tx,
  options: { chainId: number; regionCode: string; enterpriseId: number; exceptId?: number },
): Promise<void> {
  const existing = (await findActiveProjectsForEnterprise(tx, options)).filter(
    (p) => p.id !== options.exceptId,
  );
  const first = existing[0];
  if (first) {
    throw new AppError(
      'PROJECT_EXISTS',
      `Enterprise ${options.enterpriseId} is already in the pipeline: project ${first.id} ` +
        `"${first.name}". Update that project instead.`,
      { projectId: first.id, field: 'enterpriseId' },
    );
  }
}

/**
 * Creates a project (a lead unless a later stage is given), by hand or from a candidate enterprise
 * (its name by default); the owner defaults to the creator. Throws CHAIN_NOT_FOUND,
 * REGION_NOT_FOUND, ENTERPRISE_NOT_FOUND, PARK_NOT_FOUND, USER_NOT_FOUND, VALIDATION_FAILED or
 * PROJECT_EXISTS (the enterprise is already courted by an active project).
 */
export async function createProject(
  db: DbOrTx,
  actor: Actor,
  input: CreateProjectRequest,
  options: { demo?: boolean } = {},
): Promise<ProjectDetail> {
  const context = await loadChainContext(db, input.chainCode);
  await requireRegion(db, input.regionCode);
  if (input.nodeCode) requireNode(context, input.nodeCode, 'nodeCode');
  const id = await db.transaction(async (tx) => {
    const { chainCode: _chain, stage, name, ...fields } = input;
    let defaultName: string | null = null;
    if (input.enterpriseId != null) {
      const found = await findEnterpriseById(tx, input.enterpriseId);
      if (!found) {
        throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${input.enterpriseId}.`, {
          field: 'enterpriseId',
        });
      }
      defaultName = `${found.enterprise.name}投资项目`;
      await refuseSecondCourtship(tx, {
        chainId: context.chain.id,
        regionCode: input.regionCode,
        enterpriseId: input.enterpriseId,
      });
    }
    const projectName = name ?? defaultName;
    if (!projectName) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Name the project, or give the enterprise it courts.',
        {
          field: 'name',
        },
      );
    }
    const values = await resolveFields(tx, context.chain.id, fields);
    const row = await insertProject(tx, {
      ...values,
      chainId: context.chain.id,
      regionCode: input.regionCode,
      name: projectName,
      stage,
      ownerId: values.ownerId ?? (await defaultOwner(tx, actor)),
      isDemo: options.demo ?? false,
    });
    await insertProjectEvent(tx, {
      projectId: row.id,
      kind: 'create',
      fromStage: null,
      toStage: row.stage,
      actorId: actor.id,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'project.create',
      entityType: 'project',
      entityId: row.id,
      after: snapshot(row),
    });
    return row.id;
  });
  return getProject(db, id);
}

/** The creator owns a new project when they may manage projects; nobody otherwise. */
async function defaultOwner(tx: Tx, actor: Actor): Promise<number | null> {
  if (actor.id === null) return null;
  const user = await findUserById(tx, actor.id);
  return user && isRole(user.role) && roleHasPermission(user.role, 'project:write')
    ? user.id
    : null;
}

async function lockOrThrow(tx: Tx, id: number): Promise<ProjectRow> {
  const row = await lockProject(tx, id);
  if (!row) throw new AppError('PROJECT_NOT_FOUND', `No project has id ${id}.`, { id });
  return row;
}

/**
 * Changes a project's fields (not its stage: see moveProject). Throws PROJECT_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND, PARK_NOT_FOUND, USER_NOT_FOUND, VALIDATION_FAILED or PROJECT_EXISTS.
 */
export async function updateProject(
  db: Db,
  actor: Actor,
  id: number,
  changes: UpdateProjectRequest,
): Promise<ProjectDetail> {
  await db.transaction(async (tx) => {
    const before = await lockOrThrow(tx, id);
    if (changes.enterpriseId != null && changes.enterpriseId !== before.enterpriseId) {
      await refuseSecondCourtship(tx, {
        chainId: before.chainId,
        regionCode: before.regionCode,
        enterpriseId: changes.enterpriseId,
        exceptId: id,
      });
    }
    const values = await resolveFields(tx, before.chainId, changes);
    if (Object.keys(values).length === 0) return;
    const after = await writeProject(tx, id, values);
    await recordAudit(tx, actor, {
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getProject(db, id);
}

/**
 * Moves a project to another stage: forward one step, or back any number with a reason; the move
 * is kept as an event. Throws PROJECT_NOT_FOUND or STAGE_MOVE_INVALID.
 */
export async function moveProject(
  db: DbOrTx,
  actor: Actor,
  id: number,
  move: { to: ProjectStage; reason?: string | undefined },
): Promise<ProjectDetail> {
  await db.transaction(async (tx) => {
    const before = await lockOrThrow(tx, id);
    const from = asStage(before.stage);
    checkStageMove(from, move.to, asStatus(before.status), move.reason);
    const after = await writeProject(tx, id, { stage: move.to, stageChangedAt: new Date() });
    await insertProjectEvent(tx, {
      projectId: id,
      kind: 'stage',
      fromStage: from,
      toStage: move.to,
      reason: move.reason?.trim() || null,
      actorId: actor.id,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'project.move',
      entityType: 'project',
      entityId: id,
      before: { stage: from },
      after: { stage: after.stage, reason: move.reason ?? null },
    });
  });
  return getProject(db, id);
}

/**
 * Drops a project (no longer pursued) or reopens a dropped one, with a reason; it keeps its stage.
 * Throws PROJECT_NOT_FOUND or STAGE_MOVE_INVALID (already in that state).
 */
export async function setProjectStatus(
  db: Db,
  actor: Actor,
  id: number,
  change: { status: 'active' | 'dropped'; reason: string },
): Promise<ProjectDetail> {
  await db.transaction(async (tx) => {
    const before = await lockOrThrow(tx, id);
    if (before.status === change.status) {
      throw new AppError(
        'STAGE_MOVE_INVALID',
        change.status === 'dropped' ? 'The project is already dropped.' : 'The project is active.',
        { status: before.status },
      );
    }
    await writeProject(tx, id, {
      status: change.status,
      dropReason: change.status === 'dropped' ? change.reason : null,
    });
    await insertProjectEvent(tx, {
      projectId: id,
      kind: change.status === 'dropped' ? 'drop' : 'reopen',
      fromStage: before.stage,
      toStage: before.stage,
      reason: change.reason,
      actorId: actor.id,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: change.status === 'dropped' ? 'project.drop' : 'project.reopen',
      entityType: 'project',
      entityId: id,
      before: { status: before.status },
      after: { status: change.status, reason: change.reason },
    });
  });
  return getProject(db, id);
}

/**
 * Records capital that arrived (到资): adds to the capital in place and keeps an event. Capital
 * arrives once a project is signed. Throws PROJECT_NOT_FOUND or STAGE_MOVE_INVALID.
 */
export async function recordCapital(
  db: Db,
  actor: Actor,
  id: number,
  arrival: { amountYuan: number; note?: string | null | undefined },
): Promise<ProjectDetail> {
  await db.transaction(async (tx) => {
    const before = await lockOrThrow(tx, id);
    const stage = asStage(before.stage);
    if (before.status !== 'active' || ['lead', 'negotiating'].includes(stage)) {
      throw new AppError(
        'STAGE_MOVE_INVALID',
        `Capital arrives once a project is signed; this one is ${before.status === 'active' ? `at ${stage} (${PROJECT_STAGE_NAMES[stage].zh})` : 'dropped'}.`,
        { stage, status: before.status },
      );
    }
    const total = before.capitalInPlaceYuan + arrival.amountYuan;
    await writeProject(tx, id, { capitalInPlaceYuan: total });
    await insertProjectEvent(tx, {
      projectId: id,
      kind: 'capital',
      fromStage: stage,
      toStage: stage,
      amountYuan: arrival.amountYuan,
      reason: arrival.note ?? null,
      actorId: actor.id,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'project.capital',
      entityType: 'project',
      entityId: id,
      before: { capitalInPlaceYuan: before.capitalInPlaceYuan },
      after: { capitalInPlaceYuan: total, arrivedYuan: arrival.amountYuan },
    });
  });
  return getProject(db, id);
}

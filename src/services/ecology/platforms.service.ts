import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import {
  deletePlatformUser,
  findPlatform,
  findPlatformIdByName,
  insertPlatform,
  listPlatformNodeIds,
  listPlatformTargets,
  listPlatformUsers,
  listPlatforms,
  replacePlatformNodes,
  updatePlatformRow,
  upsertPlatformTarget,
  upsertPlatformUser,
  type PlatformRow,
  type PlatformTargetRow,
} from '../../db/platforms.repository.ts';
import {
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  PLATFORM_METRICS,
  type CreatePlatformRequest,
  type Platform,
  type PlatformList,
  type PlatformQuery,
  type PlatformSummary,
  type PlatformTarget,
  type PlatformTargetRequest,
  type PlatformUseRequest,
  type UpdatePlatformRequest,
} from '../../shared/api/platforms.ts';
import type { Role } from '../../shared/permissions.ts';
import { assertChainInScope } from '../auth/chain-scope.ts';
import {
  loadChainContext,
  requireNode,
  requirePark,
  requireRegion,
  type ChainContext,
} from '../lookup/lookup.service.ts';

// Innovation platforms (创新平台): the office and admins record any; a park user those of its own
// park; every role reads them, but a firm sees only its own enterprise's use of a platform.

/** Who asks: the role decides what they may change and see, the bindings what is theirs. */
export interface PlatformViewer {
  actor: Actor;
  role: Role;
  enterpriseId: number | null;
  parkId: number | null;
  /** The chains the user may see; null for every chain. */
  chainCodes: readonly string[] | null;
}

function forbidden(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('FORBIDDEN', message, details);
}

function notFound(id: number): AppError {
  return new AppError('PLATFORM_NOT_FOUND', `No innovation platform has id ${id} on this chain.`, {
    id,
  });
}

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** actual / target, null when either is missing or the target is 0. */
function progressOf(row: PlatformTargetRow): number | null {
  if (row.actual === null || row.target <= 0) return null;
  return Math.round((row.actual / row.target) * 1000) / 1000;
}

function presentTarget(row: PlatformTargetRow): PlatformTarget {
  return {
    year: row.year,
    metric: oneOf(PLATFORM_METRICS, row.metric, 'firms_served'),
    target: row.target,
    actual: row.actual,
    progress: progressOf(row),
  };
}

/**
 * A platform's progress in its latest target year: the mean of actual / target, each capped at 1,
 * over the metrics with an actual; null when none has one.
 */
export function targetProgress(
  targets: readonly PlatformTargetRow[],
): { year: number; ratio: number } | null {
  const year = Math.max(...targets.map((t) => t.year));
  const ratios = targets
    .filter((t) => t.year === year)
    .map(progressOf)
    .filter((r): r is number => r !== null)
    .map((r) => Math.min(r, 1));
  if (ratios.length === 0) return null;
  const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  return { year, ratio: Math.round(mean * 1000) / 1000 };
}

function presentSummary(
  row: PlatformRow,
  context: ChainContext,
  nodeIds: readonly number[],
  targets: readonly PlatformTargetRow[],
): PlatformSummary {
  return {
    id: row.id,
    chainCode: context.chain.code,
    name: row.name,
    kind: oneOf(PLATFORM_KINDS, row.kind, 'other'),
    level: oneOf(PLATFORM_LEVELS, row.level, 'municipal'),
    hostName: row.hostName,
    hostEnterprise:
      row.hostEnterpriseId === null
        ? null
        : {
            id: row.hostEnterpriseId,
            name: row.hostEnterpriseName ?? String(row.hostEnterpriseId),
          },
    region: { code: row.regionCode, name: row.regionName ?? row.regionCode },
    park: row.parkId === null ? null : { id: row.parkId, name: row.parkName ?? String(row.parkId) },
    nodes: nodeIds.flatMap((id) => {
      const node = context.nodeById.get(id);
      return node ? [{ code: node.code, name: { zh: node.nameZh, en: node.nameEn } }] : [];
    }),
    firmsUsing: row.firmsUsing,
    progress: targets.length > 0 ? targetProgress(targets) : null,
    demo: row.isDemo,
  };
}

async function chainFor(db: DbOrTx, viewer: PlatformViewer, code: string): Promise<ChainContext> {
  assertChainInScope({ chainCodes: viewer.chainCodes }, code);
  return loadChainContext(db, code);
}

/** A platform of a chain. Throws PLATFORM_NOT_FOUND. */
async function requirePlatform(db: DbOrTx, context: ChainContext, id: number) {
  const row = await findPlatform(db, context.chain.id, id);
  if (!row) throw notFound(id);
  return row;
}

/** Throws FORBIDDEN unless the viewer may change platforms in `parkId` (a park user: its own). */
function assertMayWrite(viewer: PlatformViewer, parkId: number | null): void {
  if (viewer.role !== 'park') return;
  if (viewer.parkId === null) {
    throw forbidden('Your park account is bound to no park; ask an administrator to bind it.');
  }
  if (parkId !== viewer.parkId) {
    throw forbidden(
      `Your account records the innovation platforms of park ${viewer.parkId} only.`,
      { parkId },
    );
  }
}

/** The platform as the viewer may see it. */
async function presentPlatform(
  db: DbOrTx,
  context: ChainContext,
  row: PlatformRow,
  viewer: PlatformViewer,
): Promise<Platform> {
  const [nodes, targets] = await Promise.all([
    listPlatformNodeIds(db, [row.id]),
    listPlatformTargets(db, [row.id]),
  ]);
  const firm = viewer.role === 'firm';
  const users =
    firm && viewer.enterpriseId === null
      ? []
      : await listPlatformUsers(db, row.id, firm ? (viewer.enterpriseId ?? undefined) : undefined);
  return {
    ...presentSummary(row, context, nodes.get(row.id) ?? [], targets),
    description: row.description,
    users: users.map((u) => ({
      enterprise: {
        id: u.enterpriseId,
        name: u.enterpriseName,
        regionCode: u.regionCode,
        regionName: u.regionName,
      },
      since: u.since,
      service: u.service,
      note: u.note,
      demo: u.isDemo,
    })),
    usersHidden: firm,
    targets: targets.map(presentTarget),
  };
}

/** Checks the references a create or update names. Throws ENTERPRISE_NOT_FOUND, PARK_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED. */
async function checkReferences(
  db: DbOrTx,
  context: ChainContext,
  input: UpdatePlatformRequest,
): Promise<number[] | undefined> {
  if (input.hostEnterpriseId != null && !(await findEnterpriseById(db, input.hostEnterpriseId))) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${input.hostEnterpriseId}.`, {
      id: input.hostEnterpriseId,
      field: 'hostEnterpriseId',
    });
  }
  if (input.parkId != null) await requirePark(db, input.parkId, 'parkId');
  if (input.regionCode !== undefined) await requireRegion(db, input.regionCode);
  return input.nodeCodes?.map((code) => requireNode(context, code, 'nodeCodes').id);
}

async function assertNameFree(db: DbOrTx, chainId: number, name: string, id?: number) {
  const existing = await findPlatformIdByName(db, chainId, name);
  if (existing !== undefined && existing !== id) {
    throw new AppError(
      'CONFLICT',
      `The chain has an innovation platform named "${name}" (id ${existing}).`,
      {
        field: 'name',
        id: existing,
      },
    );
  }
}

/**
 * Records an innovation platform on a chain. Throws CHAIN_NOT_FOUND, FORBIDDEN, CONFLICT (name
 * taken), ENTERPRISE_NOT_FOUND, PARK_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED (unknown node).
 */
export async function createPlatform(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  input: CreatePlatformRequest,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  const parkId = input.parkId ?? (viewer.role === 'park' ? viewer.parkId : null);
  assertMayWrite(viewer, parkId);
  const nodeIds = (await checkReferences(db, context, { ...input, parkId })) ?? [];
  await assertNameFree(db, context.chain.id, input.name);
  const id = await db.transaction(async (tx) => {
    const newId = await insertPlatform(tx, {
      chainId: context.chain.id,
      name: input.name,
      kind: input.kind,
      level: input.level,
      hostName: input.hostName ?? null,
      hostEnterpriseId: input.hostEnterpriseId ?? null,
      regionCode: input.regionCode,
      parkId,
      description: input.description ?? null,
      createdBy: viewer.actor.name,
    });
    await replacePlatformNodes(tx, newId, nodeIds);
    await recordAudit(tx, viewer.actor, {
      action: 'platform.create',
      entityType: 'platform',
      entityId: newId,
      after: { ...input, parkId },
    });
    return newId;
  });
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

/**
 * Changes a platform (its nodes are replaced when `nodeCodes` is given). Throws PLATFORM_NOT_FOUND,
 * FORBIDDEN, CONFLICT, ENTERPRISE_NOT_FOUND, PARK_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED.
 */
export async function updatePlatform(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  id: number,
  input: UpdatePlatformRequest,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  const before = await requirePlatform(db, context, id);
  assertMayWrite(viewer, before.parkId);
  if (input.parkId !== undefined) assertMayWrite(viewer, input.parkId);
  const nodeIds = await checkReferences(db, context, input);
  if (input.name !== undefined) await assertNameFree(db, context.chain.id, input.name, id);
  const patch: Parameters<typeof updatePlatformRow>[2] = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.level !== undefined) patch.level = input.level;
  if (input.hostName !== undefined) patch.hostName = input.hostName;
  if (input.hostEnterpriseId !== undefined) patch.hostEnterpriseId = input.hostEnterpriseId;
  if (input.regionCode !== undefined) patch.regionCode = input.regionCode;
  if (input.parkId !== undefined) patch.parkId = input.parkId;
  if (input.description !== undefined) patch.description = input.description;
  await db.transaction(async (tx) => {
    await updatePlatformRow(tx, id, patch);
    if (nodeIds) await replacePlatformNodes(tx, id, nodeIds);
    await recordAudit(tx, viewer.actor, {
      action: 'platform.update',
      entityType: 'platform',
      entityId: id,
      before,
      after: input,
    });
  });
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

/** One platform as the viewer may see it. Throws CHAIN_NOT_FOUND, PLATFORM_NOT_FOUND. */
export async function getPlatform(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  id: number,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

/**
 * A page of a chain's platforms, national ones first, with the nodes each serves, how many firms
 * use it and its target progress. Throws CHAIN_NOT_FOUND, VALIDATION_FAILED (unknown node).
 */
export async function listPlatformsFor(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  query: PlatformQuery,
): Promise<PlatformList> {
  const context = await chainFor(db, viewer, chainCode);
  const { rows, total } = await listPlatforms(
    db,
    {
      chainId: context.chain.id,
      kind: query.kind,
      level: query.level,
      nodeId: query.node ? requireNode(context, query.node).id : undefined,
      text: query.q,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const ids = rows.map((r) => r.id);
  const [nodes, targets] = await Promise.all([
    listPlatformNodeIds(db, ids),
    listPlatformTargets(db, ids),
  ]);
  return {
    items: rows.map((r) =>
      presentSummary(
        r,
        context,
        nodes.get(r.id) ?? [],
        targets.filter((t) => t.platformId === r.id),
      ),
    ),
    total,
  };
}

/**
 * Records that a firm uses a platform (since when, for what), or changes it. Throws
 * PLATFORM_NOT_FOUND, FORBIDDEN, ENTERPRISE_NOT_FOUND.
 */
export async function recordPlatformUse(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  id: number,
  enterpriseId: number,
  input: PlatformUseRequest,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  const platform = await requirePlatform(db, context, id);
  assertMayWrite(viewer, platform.parkId);
  if (!(await findEnterpriseById(db, enterpriseId))) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${enterpriseId}.`, {
      id: enterpriseId,
      field: 'enterpriseId',
    });
  }
  await db.transaction(async (tx) => {
    await upsertPlatformUser(tx, {
      platformId: id,
      enterpriseId,
      since: input.since ?? null,
      service: input.service ?? null,
      note: input.note ?? null,
      recordedBy: viewer.actor.name,
    });
    await recordAudit(tx, viewer.actor, {
      action: 'platform.use',
      entityType: 'platform',
      entityId: id,
      after: { enterpriseId, ...input },
    });
  });
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

/** Ends a firm's recorded use of a platform. Throws PLATFORM_NOT_FOUND, FORBIDDEN, ENTERPRISE_NOT_FOUND (no such use). */
export async function removePlatformUse(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  id: number,
  enterpriseId: number,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  const platform = await requirePlatform(db, context, id);
  assertMayWrite(viewer, platform.parkId);
  await db.transaction(async (tx) => {
    if (!(await deletePlatformUser(tx, id, enterpriseId))) {
      throw new AppError(
        'ENTERPRISE_NOT_FOUND',
        `Enterprise ${enterpriseId} is not recorded as using platform ${id}.`,
        { id: enterpriseId, field: 'enterpriseId' },
      );
    }
    await recordAudit(tx, viewer.actor, {
      action: 'platform.unuse',
      entityType: 'platform',
      entityId: id,
      before: { enterpriseId },
    });
  });
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

/** Sets a platform's target (and what it reached) for a metric in a year. Throws PLATFORM_NOT_FOUND, FORBIDDEN. */
export async function setPlatformTarget(
  db: Db,
  viewer: PlatformViewer,
  chainCode: string,
  id: number,
  input: PlatformTargetRequest,
): Promise<Platform> {
  const context = await chainFor(db, viewer, chainCode);
  const platform = await requirePlatform(db, context, id);
  assertMayWrite(viewer, platform.parkId);
  await db.transaction(async (tx) => {
    await upsertPlatformTarget(tx, {
      platformId: id,
      year: input.year,
      metric: input.metric,
      target: input.target,
      actual: input.actual ?? null,
    });
    await recordAudit(tx, viewer.actor, {
      action: 'platform.target',
      entityType: 'platform',
      entityId: id,
      after: input,
    });
  });
  return presentPlatform(db, context, await requirePlatform(db, context, id), viewer);
}

import { AppError } from '../../domain/app-error.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { listChains } from '../../db/chain.repository.ts';
import { isChainInScope } from '../../shared/problem-scope.ts';
import {
  deleteActivityRow,
  deleteChainLeadership,
  deleteGeneralLeadership,
  existingEnterpriseIds,
  findLeadership,
  insertActivity,
  listActivities,
  listActivityEnterprises,
  listActivityNodes,
  listLeaderships,
  listSupervision,
  saveLeadership,
  setActivityLinks,
  updateActivityRow,
  type ActivityListRow,
  type ActivityRow,
} from '../../db/leadership.repository.ts';
import {
  ACTIVITY_KIND_NAMES,
  type Activity,
  type ActivityKind,
  type ActivityQuery,
  type ChainLeadership,
  type CreateActivityRequest,
  type PutLeadershipRequest,
  type UpdateActivityRequest,
} from '../../shared/api/leadership.ts';
import {
  loadChainContext,
  requireNode,
  requireRegion,
  type ChainContext,
} from '../lookup/lookup.service.ts';
import {
  addSupervisionItem,
  requireDeadlineFrom,
  presentSupervision,
  requireChainInScope,
  todayInShanghai,
  type LeaderViewer,
} from './supervision.service.ts';

const person = (row: { leaderName: string; leaderTitle: string | null } | undefined) =>
  row ? { name: row.leaderName, title: row.leaderTitle } : null;

/**
 * The chain leader, office and the region's 总链长 of a chain. Throws CHAIN_NOT_FOUND,
 * REGION_NOT_FOUND, FORBIDDEN (a chain outside the user's).
 */
export async function getChainLeadership(
  db: Db,
  viewer: LeaderViewer,
  chainCode: string,
  regionCode: string,
): Promise<ChainLeadership> {
  const context = await loadChainContext(db, chainCode);
  requireChainInScope(viewer, chainCode);
  await requireRegion(db, regionCode);
  const [own, general] = await Promise.all([
    findLeadership(db, context.chain.id, regionCode),
    findLeadership(db, null, regionCode),
  ]);
  return {
    chain: {
      code: context.chain.code,
      name: { zh: context.chain.nameZh, en: context.chain.nameEn },
    },
    regionCode,
    leader: person(own),
    officeName: own?.officeName ?? null,
    generalLeader: person(general),
  };
}

/**
 * Sets the chain leader and office (and optionally the region's 总链长); office and admin only.
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, FORBIDDEN.
 */
export async function putChainLeadership(
  db: Db,
  viewer: LeaderViewer,
  chainCode: string,
  regionCode: string,
  input: PutLeadershipRequest,
): Promise<ChainLeadership> {
  // The chain leader records the work but does not appoint: the office or an admin does.
  if (viewer.role !== 'office' && viewer.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only the chain office or an admin sets the chain leadership.');
  }
  const before = await getChainLeadership(db, viewer, chainCode, regionCode);
  const context = await loadChainContext(db, chainCode);
  await db.transaction(async (tx) => {
    await saveLeadership(tx, {
      chainId: context.chain.id,
      regionCode,
      leaderName: input.leader.name,
      leaderTitle: input.leader.title ?? null,
      officeName: input.officeName ?? null,
    });
    if (input.generalLeader === null) await deleteGeneralLeadership(tx, regionCode);
    else if (input.generalLeader) {
      await saveLeadership(tx, {
        chainId: null,
        regionCode,
        leaderName: input.generalLeader.name,
        leaderTitle: input.generalLeader.title ?? null,
      });
    }
    await recordAudit(tx, viewer.actor, {
      action: 'leadership.update',
      entityType: 'chain_leadership',
      entityId: `${chainCode}:${regionCode}`,
      before,
      after: input,
    });
  });
  return getChainLeadership(db, viewer, chainCode, regionCode);
}

/**
 * Every loaded chain the viewer may see, with its chain leader and office in a region (null where
 * none is set) and the region's 总链长. Throws REGION_NOT_FOUND.
 */
export async function listChainLeaderships(
  db: Db,
  viewer: LeaderViewer,
  regionCode: string,
): Promise<{ items: ChainLeadership[]; total: number }> {
  await requireRegion(db, regionCode);
  const [chains, rows] = await Promise.all([listChains(db), listLeaderships(db, regionCode)]);
  const general = rows.find((r) => r.chainId === null);
  const items = chains
    .filter((c) => isChainInScope(viewer.chainCodes, c.code))
    .map((c) => {
      const own = rows.find((r) => r.chainId === c.id);
      return {
        chain: { code: c.code, name: { zh: c.nameZh, en: c.nameEn } },
        regionCode,
        leader: person(own),
        officeName: own?.officeName ?? null,
        generalLeader: person(general),
      };
    });
  return { items, total: items.length };
}

/**
 * Removes a chain's leader and office in a region (the 总链长 stays); office and admin only,
 * audited. Removing what is not set changes nothing. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND,
 * FORBIDDEN.
 */
export async function removeChainLeadership(
  db: Db,
  viewer: LeaderViewer,
  chainCode: string,
  regionCode: string,
): Promise<void> {
  if (viewer.role !== 'office' && viewer.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only the chain office or an admin sets the chain leadership.');
  }
  const before = await getChainLeadership(db, viewer, chainCode, regionCode);
  if (before.leader === null && before.officeName === null) return;
  const context = await loadChainContext(db, chainCode);
  await db.transaction(async (tx) => {
    await deleteChainLeadership(tx, context.chain.id, regionCode);
    await recordAudit(tx, viewer.actor, {
      action: 'leadership.remove',
      entityType: 'chain_leadership',
      entityId: `${chainCode}:${regionCode}`,
      before,
      after: null,
    });
  });
}

/** Refuses a visit or meeting dated after today: it has not happened. Throws VALIDATION_FAILED. */
function checkHeldOn(kind: ActivityKind, heldOn: string): void {
  if (kind !== 'decision' && heldOn > todayInShanghai()) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A ${kind.replace('_', ' ')} cannot be dated in the future (${heldOn}); record it once held.`,
      { field: 'heldOn', heldOn, reason: 'DATE_IN_FUTURE', date: heldOn },
    );
  }
}

/** Checks enterprise ids and node codes and maps the codes to node ids. Throws as named. */
async function resolveLinks(
  tx: DbOrTx,
  context: ChainContext,
  input: {
    enterpriseIds?: readonly number[] | undefined;
    nodeCodes?: readonly string[] | undefined;
  },
): Promise<{ enterpriseIds?: number[]; nodeIds?: number[] }> {
  const out: { enterpriseIds?: number[]; nodeIds?: number[] } = {};
  if (input.enterpriseIds) {
    const wanted = [...new Set(input.enterpriseIds)];
    const found = new Set(await existingEnterpriseIds(tx, wanted));
    const missing = wanted.find((id) => !found.has(id));
    if (missing !== undefined) {
      throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${missing}.`, {
        field: 'enterpriseIds',
        id: missing,
      });
    }
    out.enterpriseIds = wanted;
  }
  if (input.nodeCodes) {
    out.nodeIds = [...new Set(input.nodeCodes)].map(
      (code) => requireNode(context, code, 'nodeCodes').id,
    );
  }
  return out;
}

async function presentActivities(
  db: DbOrTx,
  rows: readonly ActivityListRow[],
): Promise<Activity[]> {
  const ids = rows.map((r) => r.activity.id);
  const today = todayInShanghai();
  const [enterprises, nodes, items] = await Promise.all([
    listActivityEnterprises(db, ids),
    listActivityNodes(db, ids),
    ids.length === 0 ? { rows: [] } : listSupervision(db, { activityIds: ids }),
  ]);
  return rows.map(({ activity: a, chainCode, chainNameZh, chainNameEn }) => ({
    id: a.id,
    chain: { code: chainCode, name: { zh: chainNameZh, en: chainNameEn } },
    regionCode: a.regionCode,
    kind: a.kind as ActivityKind,
    kindName: ACTIVITY_KIND_NAMES[a.kind as ActivityKind],
    heldOn: a.heldOn,
    title: a.title,
    people: a.people,
    summary: a.summary,
    enterprises: enterprises
      .filter((e) => e.activityId === a.id)
      .map(({ id, name }) => ({ id, name })),
    nodes: nodes
      .filter((n) => n.activityId === a.id)
      .map((n) => ({ code: n.code, name: { zh: n.nameZh, en: n.nameEn } })),
    supervisionItems: items.rows
      .filter((i) => i.item.activityId === a.id)
      .map((i) => presentSupervision(i, today)),
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
  }));
}

/** Activities the viewer may see, filtered and paged. Throws CHAIN_NOT_FOUND, VALIDATION_FAILED. */
export async function listLeaderActivities(
  db: Db,
  viewer: LeaderViewer,
  query: ActivityQuery,
): Promise<{ items: Activity[]; total: number }> {
  const context = query.chain ? await loadChainContext(db, query.chain) : undefined;
  const node = query.node && context ? requireNode(context, query.node, 'node') : undefined;
  if (query.node && !context) {
    throw new AppError('VALIDATION_FAILED', 'Name the chain (chain=…) to filter by node.', {
      field: 'node',
    });
  }
  const { rows, total } = await listActivities(
    db,
    {
      chainId: context?.chain.id,
      chainCodes: viewer.chainCodes,
      regionCode: query.region,
      kinds: query.kind ? [query.kind] : undefined,
      from: query.from,
      to: query.to,
      enterpriseId: query.enterpriseId,
      nodeId: node?.id,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: await presentActivities(db, rows), total };
}

async function requireActivity(
  db: DbOrTx,
  viewer: LeaderViewer,
  id: number,
): Promise<ActivityListRow> {
  const { rows } = await listActivities(db, { ids: [id], chainCodes: viewer.chainCodes });
  const row = rows[0];
  if (!row) throw new AppError('ACTIVITY_NOT_FOUND', `No activity has id ${id}.`, { id });
  return row;
}

/** One activity with its enterprises, nodes and 督办 items. Throws ACTIVITY_NOT_FOUND. */
export async function getLeaderActivity(
  db: Db,
  viewer: LeaderViewer,
  id: number,
): Promise<Activity> {
  const [activity] = await presentActivities(db, [await requireActivity(db, viewer, id)]);
  if (!activity) throw new AppError('ACTIVITY_NOT_FOUND', `No activity has id ${id}.`, { id });
  return activity;
}

const snapshot = (a: ActivityRow) => ({
  chainId: a.chainId,
  regionCode: a.regionCode,
  kind: a.kind,
  heldOn: a.heldOn,
  title: a.title,
  people: a.people,
  summary: a.summary,
});

/**
 * Records a visit, meeting or decision with its enterprises, nodes and follow-up 督办 items.
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, FORBIDDEN, ENTERPRISE_NOT_FOUND,
 * DEPARTMENT_NOT_FOUND, VALIDATION_FAILED (a future visit or meeting, a node not of the chain).
 */
export async function createLeaderActivity(
  db: Db,
  viewer: LeaderViewer,
  input: CreateActivityRequest,
): Promise<Activity> {
  const context = await loadChainContext(db, input.chainCode);
  requireChainInScope(viewer, input.chainCode);
  await requireRegion(db, input.regionCode);
  checkHeldOn(input.kind, input.heldOn);
  const id = await db.transaction(async (tx) => {
    const links = await resolveLinks(tx, context, input);
    const row = await insertActivity(tx, {
      chainId: context.chain.id,
      regionCode: input.regionCode,
      kind: input.kind,
      heldOn: input.heldOn,
      title: input.title,
      people: input.people,
      summary: input.summary ?? null,
      createdBy: viewer.actor.name,
    });
    await setActivityLinks(tx, row.id, links);
    await recordAudit(tx, viewer.actor, {
      action: 'activity.create',
      entityType: 'leader_activity',
      entityId: row.id,
      after: { ...snapshot(row), ...links },
    });
    for (const [index, followUp] of input.followUps.entries()) {
      requireDeadlineFrom(followUp.deadline, input.heldOn, `followUps.${index}.deadline`);
      await addSupervisionItem(tx, viewer.actor, {
        ...followUp,
        chainId: context.chain.id,
        regionCode: input.regionCode,
        activityId: row.id,
      });
    }
    return row.id;
  });
  return getLeaderActivity(db, viewer, id);
}

/**
 * Changes an activity's fields, enterprises or nodes. Throws ACTIVITY_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND, VALIDATION_FAILED.
 */
export async function updateLeaderActivity(
  db: Db,
  viewer: LeaderViewer,
  id: number,
  changes: UpdateActivityRequest,
): Promise<Activity> {
  const found = await requireActivity(db, viewer, id);
  const before = found.activity;
  checkHeldOn(changes.kind ?? (before.kind as ActivityKind), changes.heldOn ?? before.heldOn);
  const context = await loadChainContext(db, found.chainCode);
  await db.transaction(async (tx) => {
    const links = await resolveLinks(tx, context, changes);
    const { enterpriseIds: _e, nodeCodes: _n, ...fields } = changes;
    await updateActivityRow(tx, id, fields);
    await setActivityLinks(tx, id, links);
    await recordAudit(tx, viewer.actor, {
      action: 'activity.update',
      entityType: 'leader_activity',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot({ ...before, ...fields }), ...links },
    });
  });
  return getLeaderActivity(db, viewer, id);
}

/** Deletes an activity; its 督办 items stay, no longer linked. Throws ACTIVITY_NOT_FOUND. */
export async function deleteLeaderActivity(
  db: Db,
  viewer: LeaderViewer,
  id: number,
): Promise<void> {
  const found = await requireActivity(db, viewer, id);
  await db.transaction(async (tx) => {
    await deleteActivityRow(tx, id);
    await recordAudit(tx, viewer.actor, {
      action: 'activity.delete',
      entityType: 'leader_activity',
      entityId: id,
      before: snapshot(found.activity),
    });
  });
}

import { AppError } from '../../domain/app-error.ts';
import {
  assertChainInScope,
  filterChainsInScope,
  isChainInScope,
  type ChainScoped,
} from '../auth/chain-scope.ts';
import type { Role } from '../../shared/permissions.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import {
  listAttachments,
  listProjectEvents,
  listProjectViews,
  type ProjectFilter,
} from '../../db/project.repository.ts';
import { listReservations } from '../../db/space.repository.ts';
import { listChainNodes } from '../../db/chain.repository.ts';
import { requireChain, requirePark, requireUser } from '../lookup/lookup.service.ts';
import {
  PROJECT_EVENT_KINDS,
  PROJECT_STAGE_NAMES,
  PROJECT_STAGES,
  type ProjectBoard,
  type ProjectDetail,
  type ProjectQuery,
  type ProjectSummary,
} from '../../shared/api/projects.ts';
import { assertParkInScope, type ParkScope } from '../auth/park-scope.ts';
import { getPipelineSettings } from './pipeline-settings.service.ts';
import { asStage, presentProjectSummary, presentReservation } from './project-presenter.ts';

/** Projects matching a filter, presented, newest change first. */
export async function listProjectSummaries(
  db: DbOrTx,
  filter: ProjectFilter,
  now = new Date(),
): Promise<ProjectSummary[]> {
  const [views, settings] = await Promise.all([
    listProjectViews(db, filter),
    getPipelineSettings(db),
  ]);
  return views.map((view) => presentProjectSummary(view, settings, now));
}

/** Every chain: callers without a user (the CLI, other services) see all. */
const ALL_CHAINS: ChainScoped = { chainCodes: null };

/** Translates the API's query (codes and usernames) into a repository filter. */
async function filterOf(db: Db, query: Partial<ProjectQuery>): Promise<ProjectFilter> {
  const filter: ProjectFilter = {
    regionCode: query.region,
    stage: query.stage,
    status: query.status === 'all' ? undefined : (query.status ?? 'active'),
    parkId: query.park,
    text: query.q,
  };
  if (query.reached) {
    if (query.reachedFrom && query.reachedTo && query.reachedTo < query.reachedFrom) {
      throw new AppError('VALIDATION_FAILED', 'reachedTo is before reachedFrom.', {
        field: 'reachedTo',
      });
    }
    filter.reached = { stage: query.reached, from: query.reachedFrom, to: query.reachedTo };
  } else if (query.reachedFrom || query.reachedTo) {
    throw new AppError('VALIDATION_FAILED', 'reachedFrom and reachedTo need reached (a stage).', {
      field: query.reachedFrom ? 'reachedFrom' : 'reachedTo',
    });
  }
  if (query.chain) {
    const chain = await requireChain(db, query.chain);
    filter.chainId = chain.id;
  }
  if (query.node) {
    const chainId = filter.chainId;
    const nodes = chainId === undefined ? [] : await listChainNodes(db, chainId);
    const node = nodes.find((n) => n.code === query.node);
    if (!node) {
      throw new AppError(
        'VALIDATION_FAILED',
        `"${query.node}" is not a node of ${query.chain ? `chain ${query.chain}` : 'the chain'}` +
          (query.chain ? '.' : ': give chain too.'),
        { field: 'node' },
      );
    }
    filter.nodeId = node.id;
  }
  if (query.owner) {
    filter.ownerId = (await requireUser(db, query.owner, 'owner')).id;
  }
  return filter;
}

/**
 * The pipeline as a kanban board: projects matching the query, and the same grouped by stage with
 * each column's count, stalled count and amounts. Throws CHAIN_NOT_FOUND, USER_NOT_FOUND or
 * VALIDATION_FAILED (unknown node).
 */
export async function listProjectBoard(
  db: Db,
  query: Partial<ProjectQuery>,
  viewer: ChainScoped = ALL_CHAINS,
): Promise<ProjectBoard> {
  const [filter, settings] = await Promise.all([filterOf(db, query), getPipelineSettings(db)]);
  let items = filterChainsInScope(
    viewer,
    await listProjectSummaries(db, filter),
    (p) => p.chainCode,
  );
  if (query.stalled !== undefined) items = items.filter((p) => p.stalled === query.stalled);
  const columns = PROJECT_STAGES.map((stage) => {
    const inStage = items.filter((p) => p.stage === stage);
    const sum = (pick: (p: ProjectSummary) => number | null) =>
      inStage.reduce((total, p) => total + (pick(p) ?? 0), 0);
    return {
      stage,
      name: PROJECT_STAGE_NAMES[stage],
      probability: settings.stageProbabilities[stage],
      count: inStage.length,
      stalledCount: inStage.filter((p) => p.stalled).length,
      investmentYuan: sum((p) => p.investmentYuan),
      expectedOutputYuan: sum((p) => p.expectedOutputYuan),
      weightedOutputYuan: sum((p) => p.weightedOutputYuan),
      items: inStage,
    };
  });
  return { items, total: items.length, columns, stalledDays: settings.stalledDays };
}

/**
 * One project with its history, attachments and reservations. Throws PROJECT_NOT_FOUND, or
 * FORBIDDEN when the viewer's account does not cover the project's chain.
 */
export async function getProject(
  db: DbOrTx,
  id: number,
  viewer: ChainScoped = ALL_CHAINS,
): Promise<ProjectDetail> {
  const [[view], settings, events, attachments, reservations] = await Promise.all([
    listProjectViews(db, { ids: [id] }),
    getPipelineSettings(db),
    listProjectEvents(db, id),
    listAttachments(db, id),
    listReservations(db, { projectId: id }),
  ]);
  if (!view) throw new AppError('PROJECT_NOT_FOUND', `No project has id ${id}.`, { id });
  const summary = presentProjectSummary(view, settings, new Date());
  assertChainInScope(viewer, summary.chainCode);
  return {
    ...summary,
    notes: view.project.notes,
    dropReason: view.project.dropReason,
    createdAt: view.project.createdAt.toISOString(),
    events: events.map((e) => ({
      id: e.id,
      kind: PROJECT_EVENT_KINDS.find((k) => k === e.kind) ?? 'stage',
      fromStage: e.fromStage === null ? null : asStage(e.fromStage),
      toStage: asStage(e.toStage),
      reason: e.reason,
      amountYuan: e.amountYuan,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedBy: a.uploadedBy,
      uploadedAt: a.uploadedAt.toISOString(),
    })),
    reservations: reservations.map(presentReservation),
  };
}

/**
 * The projects matched to a park (aimed at it or holding space in it), for its operator.
 * Throws FORBIDDEN when the scope does not cover the park.
 */
export async function listParkProjects(
  db: Db,
  scope: ParkScope,
  parkId: number,
): Promise<{ items: ProjectSummary[]; total: number }> {
  assertParkInScope(scope, parkId);
  await requirePark(db, parkId);
  const items = await listProjectSummaries(db, { matchedToParkId: parkId, status: 'active' });
  return { items, total: items.length };
}

/** Who reads a project: the chains the account covers and, for a park operator, its park. */
export interface ProjectReader extends ChainScoped {
  role: Role;
  parkId: number | null;
}

/**
 * Throws PROJECT_NOT_FOUND unless the reader may read project `id`: its chain is in the reader's
 * chain list and, for a park operator, the project is matched to its park (aimed at it or holding
 * space in it). A project out of reach answers as if it did not exist, so that its name, and even
 * whether it exists, is not revealed.
 */
export async function assertProjectReadable(
  db: DbOrTx,
  reader: ProjectReader,
  id: number,
): Promise<void> {
  const filter: ProjectFilter = { ids: [id] };
  // A park user bound to no park reads no project: -1 matches no park.
  if (reader.role === 'park') filter.matchedToParkId = reader.parkId ?? -1;
  const [view] = await listProjectViews(db, filter);
  if (!view || !isChainInScope(reader, view.chainCode)) {
    throw new AppError('PROJECT_NOT_FOUND', `No project with id ${id} is open to your account.`, {
      id,
    });
  }
}

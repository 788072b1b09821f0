import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import {
  findEvent,
  findNeedMatchOfChain,
  insertEvent,
  insertEventOutcome,
  insertParticipants,
  listEventOutcomes,
  listEvents,
  listParticipants,
  type EventRow,
} from '../../db/event.repository.ts';
import { existingExpertIds } from '../../db/expert.repository.ts';
import { existingEnterpriseIds, findProjectById } from '../../db/project.repository.ts';
import type {
  AddParticipantsRequest,
  CreateEventRequest,
  EventDetail,
  EventKind,
  EventList,
  EventOutcomeKind,
  EventQuery,
  RecordEventOutcomeRequest,
} from '../../shared/api/events.ts';
import { PROJECT_STAGES, stageIndex, type ProjectStage } from '../../shared/project-stages.ts';
import { loadChainContext, requireRegion, type ChainContext } from '../lookup/lookup.service.ts';
import { createProject, moveProject } from '../projects/project.service.ts';

// Events (活动) of a chain: 对接会, 路演, 签约仪式; their participants (enterprises, experts) and
// their outcomes. A signed project is a row of the investment pipeline: recording one moves an
// existing project forward to 签约 (one stage at a time, each move in its history with the event
// as the reason), or creates a project at 签约; it then shows in the pipeline's list and page.

function eventNotFound(id: number): AppError {
  return new AppError('EVENT_NOT_FOUND', `No event has id ${id} on this chain.`, { id });
}

/** An event of a chain. Throws EVENT_NOT_FOUND. */
async function requireEvent(db: DbOrTx, context: ChainContext, id: number): Promise<EventRow> {
  const row = await findEvent(db, context.chain.id, id);
  if (!row) throw eventNotFound(id);
  return row;
}

/** Refuses participants that are no enterprise or no expert of the chain, naming the field. */
async function checkParticipants(
  db: DbOrTx,
  context: ChainContext,
  input: { enterpriseIds: number[]; expertIds: number[] },
): Promise<void> {
  const firms = await existingEnterpriseIds(db, input.enterpriseIds);
  const firmIndex = input.enterpriseIds.findIndex((id) => !firms.has(id));
  if (firmIndex >= 0) {
    const id = input.enterpriseIds[firmIndex];
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${id}.`, {
      field: `enterpriseIds.${firmIndex}`,
      id,
    });
  }
  const experts = await existingExpertIds(db, context.chain.id, input.expertIds);
  const expertIndex = input.expertIds.findIndex((id) => !experts.has(id));
  if (expertIndex >= 0) {
    const id = input.expertIds[expertIndex];
    throw new AppError('EXPERT_NOT_FOUND', `No expert has id ${id} on this chain.`, {
      field: `expertIds.${expertIndex}`,
      id,
    });
  }
}

async function presentEvent(
  db: DbOrTx,
  context: ChainContext,
  row: EventRow,
): Promise<EventDetail> {
  const { firms, experts } = await listParticipants(db, row.id);
  const outcomes = await listEventOutcomes(db, [row.id]);
  return {
    id: row.id,
    chainCode: context.chain.code,
    kind: row.kind as EventKind,
    title: row.title,
    heldOn: row.heldOn,
    place: row.place,
    regionCode: row.regionCode,
    note: row.note,
    demo: row.isDemo,
    participantCount: firms.length + experts.length,
    signedProjects: outcomes.filter((o) => o.kind === 'signed_project').length,
    enterprises: firms,
    experts,
    outcomes: outcomes.map((o) => ({
      id: o.id,
      kind: o.kind as EventOutcomeKind,
      description: o.description,
      needMatchId: o.needMatchId,
      project:
        o.projectId === null
          ? null
          : { id: o.projectId, name: o.projectName ?? '', stage: o.projectStage ?? '' },
      recordedBy: o.recordedBy,
      createdAt: o.createdAt.toISOString(),
    })),
  };
}

/**
 * Records an event with its participants. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND, EXPERT_NOT_FOUND (naming `enterpriseIds.N` / `expertIds.N`).
 */
export async function createEvent(
  db: Db,
  actor: Actor,
  chainCode: string,
  input: CreateEventRequest,
  options: { demo?: boolean } = {},
): Promise<EventDetail> {
  const context = await loadChainContext(db, chainCode);
  if (input.regionCode) await requireRegion(db, input.regionCode);
  await checkParticipants(db, context, input);
  const id = await db.transaction(async (tx) => {
    const newId = await insertEvent(tx, {
      chainId: context.chain.id,
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      place: input.place ?? null,
      regionCode: input.regionCode ?? null,
      note: input.note ?? null,
      createdBy: actor.name,
      isDemo: options.demo ?? false,
    });
    await insertParticipants(tx, newId, input);
    await recordAudit(tx, actor, {
      action: 'event.create',
      entityType: 'event',
      entityId: newId,
      after: input,
    });
    return newId;
  });
  return presentEvent(db, context, await requireEvent(db, context, id));
}

/** Adds participants to an event. Throws EVENT_NOT_FOUND, ENTERPRISE_NOT_FOUND, EXPERT_NOT_FOUND. */
export async function addEventParticipants(
  db: Db,
  actor: Actor,
  chainCode: string,
  id: number,
  input: AddParticipantsRequest,
): Promise<EventDetail> {
  const context = await loadChainContext(db, chainCode);
  const row = await requireEvent(db, context, id);
  await checkParticipants(db, context, input);
  await db.transaction(async (tx) => {
    await insertParticipants(tx, id, input);
    await recordAudit(tx, actor, {
      action: 'event.participants',
      entityType: 'event',
      entityId: id,
      after: input,
    });
  });
  return presentEvent(db, context, row);
}

/** One event with participants and outcomes. Throws CHAIN_NOT_FOUND, EVENT_NOT_FOUND. */
export async function getEvent(db: Db, chainCode: string, id: number): Promise<EventDetail> {
  const context = await loadChainContext(db, chainCode);
  return presentEvent(db, context, await requireEvent(db, context, id));
}

/** A page of a chain's events, newest first. Throws CHAIN_NOT_FOUND. */
export async function listEventsFor(
  db: Db,
  chainCode: string,
  query: EventQuery,
): Promise<EventList> {
  const context = await loadChainContext(db, chainCode);
  const { rows, total } = await listEvents(
    db,
    { chainId: context.chain.id, kind: query.kind, from: query.from, to: query.to },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map(({ event, participantCount, signedProjects }) => ({
      id: event.id,
      chainCode: context.chain.code,
      kind: event.kind as EventKind,
      title: event.title,
      heldOn: event.heldOn,
      place: event.place,
      regionCode: event.regionCode,
      note: event.note,
      demo: event.isDemo,
      participantCount: Number(participantCount),
      signedProjects: Number(signedProjects),
    })),
    total,
  };
}

const SIGNED: ProjectStage = 'signed';

/** Moves a pipeline project forward to 签约, a stage at a time, the event as the reason. */
async function signExistingProject(
  db: DbOrTx,
  actor: Actor,
  context: ChainContext,
  projectId: number,
  event: EventRow,
): Promise<number> {
  const found = await findProjectById(db, projectId);
  if (!found || found.chainId !== context.chain.id) {
    throw new AppError('PROJECT_NOT_FOUND', `No project has id ${projectId} on this chain.`, {
      field: 'project.projectId',
      id: projectId,
    });
  }
  if (found.status !== 'active') {
    throw new AppError(
      'STAGE_MOVE_INVALID',
      `Project ${projectId} is dropped: reopen it (with a reason) before recording its signing.`,
      { field: 'project.projectId', status: found.status },
    );
  }
  const reason = `签约活动 #${event.id}「${event.title}」${event.heldOn}`;
  let stage = found.stage as ProjectStage;
  while (stageIndex(stage) < stageIndex(SIGNED)) {
    const next = PROJECT_STAGES[stageIndex(stage) + 1] ?? SIGNED;
    await moveProject(db, actor, projectId, { to: next, reason });
    stage = next;
  }
  return projectId;
}

/**
 * Records what came of an event: a match made (a recorded need match of the chain, or text), or a
 * signed project (an existing pipeline project moved to 签约, or a new one created at 签约; a new
 * one for an enterprise the pipeline already courts signs that project instead). Throws
 * EVENT_NOT_FOUND, PROJECT_NOT_FOUND, STAGE_MOVE_INVALID, ENTERPRISE_NOT_FOUND, REGION_NOT_FOUND,
 * VALIDATION_FAILED (unknown need match, a new project with no region).
 */
export async function recordEventOutcome(
  db: Db,
  actor: Actor,
  chainCode: string,
  id: number,
  input: RecordEventOutcomeRequest,
  options: { demo?: boolean } = {},
): Promise<EventDetail> {
  const context = await loadChainContext(db, chainCode);
  const event = await requireEvent(db, context, id);
  // One transaction: a project signed (or created) and the outcome that names it, or nothing.
  await db.transaction(async (tx) => {
    await writeEventOutcome(tx, actor, context, event, input, options);
  });
  return presentEvent(db, context, event);
}

async function writeEventOutcome(
  db: DbOrTx,
  actor: Actor,
  context: ChainContext,
  event: EventRow,
  input: RecordEventOutcomeRequest,
  options: { demo?: boolean },
): Promise<void> {
  const id = event.id;
  let projectId: number | null = null;
  if (input.needMatchId !== undefined) {
    if (!(await findNeedMatchOfChain(db, context.chain.id, input.needMatchId))) {
      throw new AppError(
        'VALIDATION_FAILED',
        `needMatchId: no recorded match has id ${input.needMatchId} on this chain.`,
        { field: 'needMatchId' },
      );
    }
  }
  if (input.kind === 'signed_project' && input.project) {
    const wanted = input.project;
    if (wanted.projectId !== undefined) {
      projectId = await signExistingProject(db, actor, context, wanted.projectId, event);
    } else {
      const regionCode = wanted.regionCode ?? event.regionCode;
      if (!regionCode) {
        throw new AppError(
          'VALIDATION_FAILED',
          'project.regionCode: say where the project lands (the event has no region).',
          { field: 'project.regionCode' },
        );
      }
      try {
        const created = await createProject(
          db,
          actor,
          {
            chainCode: context.chain.code,
            regionCode,
            stage: SIGNED,
            ...(wanted.name !== undefined && { name: wanted.name }),
            ...(wanted.enterpriseId !== undefined && { enterpriseId: wanted.enterpriseId }),
            ...(wanted.investor != null && { investor: wanted.investor }),
            ...(wanted.nodeCode != null && { nodeCode: wanted.nodeCode }),
            ...(wanted.investmentYuan != null && { investmentYuan: wanted.investmentYuan }),
            notes: `签约活动 #${event.id}「${event.title}」${event.heldOn}`,
          },
          options,
        );
        projectId = created.id;
      } catch (error) {
        const existing =
          error instanceof AppError && error.code === 'PROJECT_EXISTS'
            ? (error.details as { projectId?: number } | undefined)?.projectId
            : undefined;
        if (existing === undefined) throw error;
        projectId = await signExistingProject(db, actor, context, existing, event);
      }
    }
  }
  const outcomeId = await insertEventOutcome(db, {
    eventId: id,
    kind: input.kind,
    needMatchId: input.needMatchId ?? null,
    projectId,
    description: input.description ?? null,
    recordedBy: actor.name,
    isDemo: options.demo ?? false,
  });
  await recordAudit(db, actor, {
    action: 'event.outcome',
    entityType: 'event',
    entityId: id,
    after: { ...input, outcomeId, projectId },
  });
}

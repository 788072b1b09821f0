import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import {
  ecologyEvent,
  enterprise,
  eventOutcome,
  eventParticipant,
  expert,
  needMatch,
  needOffer,
  project,
} from './schema.ts';

// Events (活动) of a chain's ecology, their participants and their outcomes.

export type EventInsert = typeof ecologyEvent.$inferInsert;
export type EventRow = typeof ecologyEvent.$inferSelect;

/** Inserts an event and returns its id. */
export async function insertEvent(db: DbOrTx, values: EventInsert): Promise<number> {
  const [row] = await db.insert(ecologyEvent).values(values).returning({ id: ecologyEvent.id });
  return row?.id ?? 0;
}

/** Adds participants, enterprises and experts, skipping those already there. */
export async function insertParticipants(
  db: DbOrTx,
  eventId: number,
  participants: { enterpriseIds: number[]; expertIds: number[] },
): Promise<void> {
  const existing = await db
    .select()
    .from(eventParticipant)
    .where(eq(eventParticipant.eventId, eventId));
  const firms = new Set(existing.map((p) => p.enterpriseId));
  const experts = new Set(existing.map((p) => p.expertId));
  const rows = [
    ...[...new Set(participants.enterpriseIds)]
      .filter((id) => !firms.has(id))
      .map((enterpriseId) => ({ eventId, enterpriseId })),
    ...[...new Set(participants.expertIds)]
      .filter((id) => !experts.has(id))
      .map((expertId) => ({ eventId, expertId })),
  ];
  if (rows.length > 0) await db.insert(eventParticipant).values(rows);
}

/** One event of a chain, or undefined. */
export async function findEvent(
  db: DbOrTx,
  chainId: number,
  id: number,
): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(ecologyEvent)
    .where(and(eq(ecologyEvent.id, id), eq(ecologyEvent.chainId, chainId)));
  return row;
}

export interface EventFilter {
  chainId: number;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function eventWhere(filter: EventFilter): SQL | undefined {
  return and(
    eq(ecologyEvent.chainId, filter.chainId),
    filter.kind ? eq(ecologyEvent.kind, filter.kind) : undefined,
    filter.from ? gte(ecologyEvent.heldOn, filter.from) : undefined,
    filter.to ? lte(ecologyEvent.heldOn, filter.to) : undefined,
  );
}

/** A page of a chain's events, newest first, with participant and signed-project counts. */
export async function listEvents(
  db: DbOrTx,
  filter: EventFilter,
  page: { limit: number; offset: number },
) {
  const where = eventWhere(filter);
  // The outer row's id is qualified by hand (${ecologyEvent}.id): drizzle leaves a lone table's
  // columns bare, which inside the subqueries would name the subquery's own id.
  const rows = await db
    .select({
      event: ecologyEvent,
      participantCount: sql<number>`(select count(*)::int from ${eventParticipant} where ${eventParticipant.eventId} = ${ecologyEvent}.id)`,
      signedProjects: sql<number>`(select count(*)::int from ${eventOutcome} where ${eventOutcome.eventId} = ${ecologyEvent}.id and ${eventOutcome.kind} = 'signed_project')`,
    })
    .from(ecologyEvent)
    .where(where)
    .orderBy(desc(ecologyEvent.heldOn), desc(ecologyEvent.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ecologyEvent)
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** An event's participants with their names, enterprises and experts apart. */
export async function listParticipants(db: DbOrTx, eventId: number) {
  const firms = await db
    .select({ id: enterprise.id, name: enterprise.name })
    .from(eventParticipant)
    .innerJoin(enterprise, eq(enterprise.id, eventParticipant.enterpriseId))
    .where(eq(eventParticipant.eventId, eventId))
    .orderBy(eventParticipant.id);
  const experts = await db
    .select({ id: expert.id, name: expert.name })
    .from(eventParticipant)
    .innerJoin(expert, eq(expert.id, eventParticipant.expertId))
    .where(eq(eventParticipant.eventId, eventId))
    .orderBy(eventParticipant.id);
  return { firms, experts };
}

/** Inserts an outcome and returns its id. */
export async function insertEventOutcome(
  db: DbOrTx,
  values: typeof eventOutcome.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(eventOutcome).values(values).returning({ id: eventOutcome.id });
  return row?.id ?? 0;
}

/** An event's outcomes in the order recorded, with the signed project's name and stage. */
export async function listEventOutcomes(db: DbOrTx, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      id: eventOutcome.id,
      eventId: eventOutcome.eventId,
      kind: eventOutcome.kind,
      description: eventOutcome.description,
      needMatchId: eventOutcome.needMatchId,
      projectId: eventOutcome.projectId,
      projectName: project.name,
      projectStage: project.stage,
      recordedBy: eventOutcome.recordedBy,
      createdAt: eventOutcome.createdAt,
    })
    .from(eventOutcome)
    .leftJoin(project, eq(project.id, eventOutcome.projectId))
    .where(inArray(eventOutcome.eventId, eventIds))
    .orderBy(eventOutcome.id);
}

/** A recorded need match of a chain (through its need), or undefined. */
export async function findNeedMatchOfChain(db: DbOrTx, chainId: number, id: number) {
  const [row] = await db
    .select({ id: needMatch.id })
    .from(needMatch)
    .innerJoin(needOffer, eq(needOffer.id, needMatch.needId))
    .where(and(eq(needMatch.id, id), eq(needOffer.chainId, chainId)));
  return row;
}

/** A chain's active projects at these stages, with when they last moved (the demo's signings). */
export async function listProjectsAtStages(db: DbOrTx, chainId: number, stages: string[]) {
  return db
    .select({
      id: project.id,
      name: project.name,
      enterpriseId: project.enterpriseId,
      regionCode: project.regionCode,
      stage: project.stage,
      stageChangedAt: project.stageChangedAt,
    })
    .from(project)
    .where(
      and(
        eq(project.chainId, chainId),
        eq(project.status, 'active'),
        inArray(project.stage, stages),
      ),
    )
    .orderBy(project.id);
}

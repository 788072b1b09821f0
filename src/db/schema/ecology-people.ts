import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt } from './columns.ts';
import { needMatch } from './needs.ts';
import { project } from './projects.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// Experts (专家库) and events (活动: 对接会, 路演, 签约仪式) of a chain's ecology. An event's signed
// projects are rows of the investment pipeline (`project`), linked here, never copied.

/**
 * An expert the chain office can call on. Name, fields, institution and title are public to every
 * reader; the contact only to the office (src/services/ecology/experts.service.ts presents it).
 */
export const expert = pgTable(
  'expert',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    name: text('name').notNull(),
    /** Fields as written (抗体药物, 细胞治疗), several. */
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    institution: text('institution'),
    title: text('title'),
    contact: text('contact'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('expert_chain_idx').on(t.chainId)],
);

/** The chain nodes an expert covers (several). */
export const expertNode = pgTable(
  'expert_node',
  {
    expertId: ownedBy('expert_id', () => expert.id),
    nodeId: ownedBy('node_id', () => chainNode.id),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.nodeId] }),
    index('expert_node_node_idx').on(t.nodeId),
  ],
);

/** An expert advised an enterprise or a project (one of them) on a date. */
export const expertAdvice = pgTable(
  'expert_advice',
  {
    id: serial('id').primaryKey(),
    expertId: ownedBy('expert_id', () => expert.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprise.id, {
      onDelete: 'cascade',
    }),
    projectId: integer('project_id').references(() => project.id, { onDelete: 'cascade' }),
    advisedOn: date('advised_on').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('expert_advice_expert_idx').on(t.expertId),
    check(
      'expert_advice_target_check',
      sql`(${t.enterpriseId} is null) <> (${t.projectId} is null)`,
    ),
  ],
);

/** An event of a chain: a matchmaking meeting, a roadshow, a signing ceremony or another. */
export const ecologyEvent = pgTable(
  'ecology_event',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    /** matchmaking | roadshow | signing | other */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    /** The region it is held in (a city or county code), when known. */
    regionCode: text('region_code'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ecology_event_chain_idx').on(t.chainId, t.heldOn),
    check(
      'ecology_event_kind_check',
      sql`${t.kind} in ('matchmaking', 'roadshow', 'signing', 'other')`,
    ),
  ],
);

/** An enterprise or an expert (one of them) that took part in an event. */
export const eventParticipant = pgTable(
  'event_participant',
  {
    id: serial('id').primaryKey(),
    eventId: ownedBy('event_id', () => ecologyEvent.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprise.id, {
      onDelete: 'cascade',
    }),
    expertId: integer('expert_id').references(() => expert.id, { onDelete: 'cascade' }),
    role: text('role'),
  },
  (t) => [
    index('event_participant_event_idx').on(t.eventId),
    check(
      'event_participant_target_check',
      sql`(${t.enterpriseId} is null) <> (${t.expertId} is null)`,
    ),
  ],
);

/**
 * What came of an event: a match made (a `need_match` row when one fits, or text) or a project
 * signed (a row of the investment pipeline at stage signed or later).
 */
export const eventOutcome = pgTable(
  'event_outcome',
  {
    id: serial('id').primaryKey(),
    eventId: ownedBy('event_id', () => ecologyEvent.id),
    /** match | signed_project */
    kind: text('kind').notNull(),
    needMatchId: integer('need_match_id').references(() => needMatch.id, { onDelete: 'set null' }),
    projectId: integer('project_id').references(() => project.id, { onDelete: 'set null' }),
    description: text('description'),
    recordedBy: text('recorded_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_outcome_event_idx').on(t.eventId),
    index('event_outcome_project_idx').on(t.projectId),
    check('event_outcome_kind_check', sql`${t.kind} in ('match', 'signed_project')`),
  ],
);

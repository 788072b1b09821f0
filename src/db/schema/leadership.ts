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
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt } from './columns.ts';
import { department, problem, sharedProblem } from './problems.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// The chain leader's work (链长履职): who leads a chain, visits, meetings and decisions, and the
// supervised tasks (督办) that follow from them.

/**
 * The chain leader (链长) and chain office of a chain in a region; a row without a chain is the
 * general chain leader (总链长) of all the region's chains.
 */
export const chainLeadership = pgTable(
  'chain_leadership',
  {
    id: serial('id').primaryKey(),
    chainId: integer('chain_id').references(() => chain.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    leaderName: text('leader_name').notNull(),
    /** The official's post, e.g. 市长. */
    leaderTitle: text('leader_title'),
    officeName: text('office_name'),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [index('chain_leadership_idx').on(t.regionCode, t.chainId)],
);

/** A visit (走访), meeting (链长会议, 专题协调会) or decision of the chain leader or office. */
export const leaderActivity = pgTable(
  'leader_activity',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    regionCode: text('region_code').notNull(),
    /** visit | chain_meeting | coordination_meeting | decision */
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    /** Who took part, as written (names and posts). */
    people: text('people')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text('summary'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('leader_activity_chain_idx').on(t.chainId, t.regionCode, t.heldOn),
    check(
      'leader_activity_kind_check',
      sql`${t.kind} in ('visit', 'chain_meeting', 'coordination_meeting', 'decision')`,
    ),
  ],
);

export const leaderActivityEnterprise = pgTable(
  'leader_activity_enterprise',
  {
    activityId: ownedBy('activity_id', () => leaderActivity.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.enterpriseId] }),
    index('leader_activity_enterprise_idx').on(t.enterpriseId),
  ],
);

export const leaderActivityNode = pgTable(
  'leader_activity_node',
  {
    activityId: ownedBy('activity_id', () => leaderActivity.id),
    nodeId: ownedBy('node_id', () => chainNode.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.nodeId] })],
);

/**
 * A supervised task (督办 item): an owner department, a deadline, progress notes; state open or
 * done (overdue is an open item past its deadline). It may come from a meeting's decision, an
 * escalated shared problem or an escalated problem.
 */
export const supervisionItem = pgTable(
  'supervision_item',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    ownerDepartmentId: integer('owner_department_id').references(() => department.id, {
      onDelete: 'set null',
    }),
    deadline: date('deadline').notNull(),
    /** open | done */
    state: text('state').notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    activityId: integer('activity_id').references(() => leaderActivity.id, {
      onDelete: 'set null',
    }),
    sharedProblemId: integer('shared_problem_id').references(() => sharedProblem.id, {
      onDelete: 'set null',
    }),
    problemId: integer('problem_id').references(() => problem.id, { onDelete: 'set null' }),
    assignedBy: text('assigned_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('supervision_item_chain_idx').on(t.chainId, t.regionCode, t.deadline),
    index('supervision_item_department_idx').on(t.ownerDepartmentId),
    check('supervision_item_state_check', sql`${t.state} in ('open', 'done')`),
  ],
);

export const supervisionNote = pgTable(
  'supervision_note',
  {
    id: serial('id').primaryKey(),
    itemId: ownedBy('item_id', () => supervisionItem.id),
    note: text('note').notNull(),
    authorName: text('author_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_note_item_idx').on(t.itemId, t.at)],
);

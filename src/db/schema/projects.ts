import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, ownedBy, updatedAt, yuan } from './columns.ts';
import { appUser } from './access.ts';
import { park, parkSpace } from './parks.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// Investment projects: stages, attachments and reserved park space.

/**
 * An investment project; a lead is a project at stage `lead`. Stages run lead → negotiating →
 * signed → started → producing; `status` says whether it is still pursued (active) or dropped,
 * so a dropped project keeps the stage it reached.
 */
export const project = pgTable(
  'project',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    nodeId: integer('node_id').references(() => chainNode.id, { onDelete: 'set null' }),
    /** The region the project is to land in (a city or county code). */
    regionCode: text('region_code').notNull(),
    /** The enterprise courted, when the project came from a candidate or names a known firm. */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprise.id, {
      onDelete: 'set null',
    }),
    name: text('name').notNull(),
    /** The investor as written, when it is not (yet) an enterprise of the registry. */
    investor: text('investor'),
    /** lead | negotiating | signed | started | producing */
    stage: text('stage').notNull().default('lead'),
    /** active | dropped */
    status: text('status').notNull().default('active'),
    dropReason: text('drop_reason'),
    investmentYuan: yuan('investment_yuan'),
    /** Capital in place (到资), cumulative; each arrival is a `capital` event. */
    capitalInPlaceYuan: yuan('capital_in_place_yuan').notNull().default(0),
    expectedOutputYuan: yuan('expected_output_yuan'),
    outputStartYear: smallint('output_start_year'),
    /** Space needed by kind: [{ kind, areaM2 }]. */
    spaceNeed: jsonb('space_need')
      .notNull()
      .default(sql`'[]'::jsonb`),
    spaceNeededFrom: date('space_needed_from'),
    parkId: integer('park_id').references(() => park.id, { onDelete: 'set null' }),
    ownerId: integer('owner_id').references(() => appUser.id, { onDelete: 'set null' }),
    nextAction: text('next_action'),
    nextActionOn: date('next_action_on'),
    notes: text('notes'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('project_region_idx').on(t.chainId, t.regionCode),
    index('project_enterprise_idx').on(t.enterpriseId),
    index('project_park_idx').on(t.parkId),
    check(
      'project_stage_check',
      sql`${t.stage} in ('lead', 'negotiating', 'signed', 'started', 'producing')`,
    ),
    check('project_status_check', sql`${t.status} in ('active', 'dropped')`),
  ],
);

/** Every change of a project's stage or status, and every arrival of capital: who, when, why. */
export const projectStageEvent = pgTable(
  'project_stage_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: ownedBy('project_id', () => project.id),
    /** create | stage | drop | reopen | capital */
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    /** For `capital`: the amount that arrived. */
    amountYuan: yuan('amount_yuan'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_stage_event_project_idx').on(t.projectId, t.at)],
);

/** A file kept with a project (a letter of intent, a plan); the bytes live in the database. */
export const projectAttachment = pgTable(
  'project_attachment',
  {
    id: serial('id').primaryKey(),
    projectId: ownedBy('project_id', () => project.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_attachment_project_idx').on(t.projectId)],
);

/** Park space held for a project: part or all of one unit, until released. */
export const spaceReservation = pgTable(
  'space_reservation',
  {
    id: serial('id').primaryKey(),
    projectId: ownedBy('project_id', () => project.id),
    spaceId: ownedBy('space_id', () => parkSpace.id),
    parkId: ownedBy('park_id', () => park.id),
    kind: text('kind').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    /** reserved | released */
    status: text('status').notNull().default('reserved'),
    note: text('note'),
    reservedBy: text('reserved_by').notNull(),
    reservedAt: timestamp('reserved_at', { withTimezone: true }).notNull().defaultNow(),
    releasedBy: text('released_by'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('space_reservation_project_idx').on(t.projectId),
    index('space_reservation_space_idx').on(t.spaceId, t.status),
    check('space_reservation_area_check', sql`${t.areaM2} > 0`),
    check('space_reservation_status_check', sql`${t.status} in ('reserved', 'released')`),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, ownedBy, updatedAt } from './columns.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// Enterprise problems (企业诉求, the 企呼我应 loop): departments, categories with their SLA, the
// working-day calendar, problems with every stage change, attachments and shared problems.

/** A government department problems are assigned to (发改委, 工信局, 园区管委会 …). */
export const department = pgTable('department', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  nameEn: text('name_en'),
  /** The region it serves, e.g. 3202; null for one serving every region of the installation. */
  regionCode: text('region_code'),
  active: boolean('active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

/** A problem category (用地/厂房, 融资 …) with its SLA in working days: the configurable list. */
export const problemCategory = pgTable(
  'problem_category',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    slaWorkingDays: smallint('sla_working_days').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [check('problem_category_sla_check', sql`${t.slaWorkingDays} between 1 and 250`)],
);

/**
 * The working-day calendar: one row per year it covers (with its source) and one row per day that
 * differs from the weekday rule (an official holiday on a weekday, an adjusted working day on a
 * weekend). A year without a row is not covered: a due date there is flagged, not guessed.
 */
export const calendarYear = pgTable('calendar_year', {
  year: smallint('year').primaryKey(),
  source: text('source').notNull(),
  updatedAt: updatedAt(),
});

export const calendarDay = pgTable(
  'calendar_day',
  {
    day: date('day').primaryKey(),
    /** holiday | workday (a weekend day worked in lieu) */
    kind: text('kind').notNull(),
    name: text('name'),
  },
  (t) => [check('calendar_day_kind_check', sql`${t.kind} in ('holiday', 'workday')`)],
);

/** Several problems of one node recognised as one issue (共性问题), which may go to the chain leader. */
export const sharedProblem = pgTable(
  'shared_problem',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    nodeId: integer('node_id').references(() => chainNode.id, { onDelete: 'set null' }),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedBy: text('escalated_by'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('shared_problem_chain_idx').on(t.chainId, t.regionCode)],
);

/** An enterprise's problem and where it stands; every change is a `problem_event`. */
export const problem = pgTable(
  'problem',
  {
    id: serial('id').primaryKey(),
    /** The reference a person quotes, e.g. 2025-0042 (year of receipt, then a sequence). */
    reference: text('reference').notNull().unique(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'restrict' }),
    chainId: ownedBy('chain_id', () => chain.id),
    /** From the enterprise's primary placement when raised; the office may change it. */
    nodeId: integer('node_id').references(() => chainNode.id, { onDelete: 'set null' }),
    /** The enterprise's region (a county code), for figures by region prefix. */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    channel: text('channel').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => problemCategory.code),
    departmentId: integer('department_id').references(() => department.id, {
      onDelete: 'set null',
    }),
    /** The responsible person in the department, as written. */
    assigneeName: text('assignee_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    stage: text('stage').notNull(),
    /** When the problem reached the office (raised online, or the visit/call the office records). */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The day the SLA clock counts from: receipt, or the next working day after 17:00 or a rest day. */
    clockStartsOn: date('clock_starts_on').notNull(),
    slaWorkingDays: smallint('sla_working_days').notNull(),
    extensionWorkingDays: smallint('extension_working_days').notNull().default(0),
    suspendedWorkingDays: smallint('suspended_working_days').notNull().default(0),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** clockStartsOn + SLA + extensions + suspended working days, in the calendar. */
    dueOn: date('due_on').notNull(),
    /** The due date falls in, or is counted across, a year the calendar does not cover. */
    dueBeyondCalendar: boolean('due_beyond_calendar').notNull().default(false),
    /** An extension asked for and not yet decided. */
    pendingExtensionDays: smallint('pending_extension_days'),
    pendingExtensionReason: text('pending_extension_reason'),
    answer: text('answer'),
    returnReason: text('return_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The first close stays counted after a reopen. */
    firstClosedAt: timestamp('first_closed_at', { withTimezone: true }),
    firstClosedOnTime: boolean('first_closed_on_time'),
    reopenCount: smallint('reopen_count').notNull().default(0),
    satisfaction: text('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    sharedProblemId: integer('shared_problem_id').references(() => sharedProblem.id, {
      onDelete: 'set null',
    }),
    raisedByUserId: integer('raised_by_user_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('problem_chain_idx').on(t.chainId, t.regionCode),
    index('problem_enterprise_idx').on(t.enterpriseId),
    index('problem_department_idx').on(t.departmentId),
    index('problem_stage_idx').on(t.stage, t.dueOn),
    index('problem_received_idx').on(t.receivedAt),
    check(
      'problem_stage_check',
      sql`${t.stage} in ('submitted', 'accepted', 'assigned', 'in_progress', 'suspended', 'answered', 'closed', 'returned')`,
    ),
    check(
      'problem_satisfaction_check',
      sql`${t.satisfaction} is null or ${t.satisfaction} in ('satisfied', 'basically_satisfied', 'dissatisfied')`,
    ),
  ],
);

/** Every step of a problem: who did what, when, from which stage to which, with a note. */
export const problemEvent = pgTable(
  'problem_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    problemId: ownedBy('problem_id', () => problem.id),
    /** raise | record | an action of PROBLEM_ACTIONS | comment | edit | escalate */
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    note: text('note'),
    /** For rate: the satisfaction given. */
    satisfaction: text('satisfaction'),
    /** For extensions: the working days asked for or granted. */
    workingDays: smallint('working_days'),
    departmentId: integer('department_id'),
    /** The due date after the step. */
    dueOn: date('due_on'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('problem_event_problem_idx').on(t.problemId, t.at),
    index('problem_event_action_idx').on(t.action, t.at),
  ],
);

/** A file kept with a problem (a photo, a letter); the bytes live in the database. */
export const problemAttachment = pgTable(
  'problem_attachment',
  {
    id: serial('id').primaryKey(),
    problemId: ownedBy('problem_id', () => problem.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_attachment_problem_idx').on(t.problemId)],
);

/** An in-app notification for one user (the bell); `readAt` marks it read. */
export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').notNull(),
    /** assigned | due_soon | overdue | rated | supervision_assigned | supervision_overdue */
    kind: text('kind').notNull(),
    problemId: integer('problem_id').references(() => problem.id, { onDelete: 'cascade' }),
    supervisionItemId: integer('supervision_item_id'),
    /** What the notification says, for the same kind on the same day only once. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_user_idx').on(t.userId, t.readAt),
    uniqueIndex('notification_dedupe_idx').on(t.userId, t.dedupeKey),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Large tables carry region_code so that a distributed deployment (Citus) can shard on it;
// reference tables (region, chain, chain_node) are small enough to replicate.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const yuan = (name: string) => numeric(name, { precision: 20, scale: 2, mode: 'number' });

export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** province | city | county | custom */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('region_parent_idx').on(t.parentCode)],
);

export const chain = pgTable('chain', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh'),
  descriptionEn: text('description_en'),
  industryScheme: text('industry_scheme').notNull(),
  templateVersion: integer('template_version').notNull(),
  templateHash: text('template_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const chainNode = pgTable(
  'chain_node',
  {
    id: serial('id').primaryKey(),
    chainId: integer('chain_id')
      .notNull()
      .references(() => chain.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    code: text('code').notNull(),
    /** stage | segment | subsegment */
    level: text('level').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    focus: boolean('focus').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    rules: jsonb('rules'),
  },
  (t) => [uniqueIndex('chain_node_code_idx').on(t.chainId, t.code)],
);

export const chainFlow = pgTable(
  'chain_flow',
  {
    id: serial('id').primaryKey(),
    chainId: integer('chain_id')
      .notNull()
      .references(() => chain.id, { onDelete: 'cascade' }),
    fromNodeId: integer('from_node_id')
      .notNull()
      .references(() => chainNode.id, { onDelete: 'cascade' }),
    toNodeId: integer('to_node_id')
      .notNull()
      .references(() => chainNode.id, { onDelete: 'cascade' }),
    noteZh: text('note_zh'),
    noteEn: text('note_en'),
  },
  (t) => [uniqueIndex('chain_flow_pair_idx').on(t.chainId, t.fromNodeId, t.toNodeId)],
);

export const park = pgTable('park', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  regionCode: text('region_code').notNull(),
  address: text('address'),
  focusNodeCodes: text('focus_node_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const parkSpace = pgTable(
  'park_space',
  {
    id: serial('id').primaryKey(),
    parkId: integer('park_id')
      .notNull()
      .references(() => park.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    building: text('building'),
    /** wet_lab | gmp_plant | office | warehouse */
    kind: text('kind').notNull(),
    floor: smallint('floor'),
    areaM2: doublePrecision('area_m2').notNull(),
    occupiedM2: doublePrecision('occupied_m2').notNull().default(0),
    availableFrom: date('available_from'),
    rentYuanPerM2Month: doublePrecision('rent_yuan_per_m2_month'),
    /** Area held by live space reservations; kept by the reservation service under a row lock. */
    reservedM2: doublePrecision('reserved_m2').notNull().default(0),
  },
  (t) => [
    uniqueIndex('park_space_code_idx').on(t.parkId, t.code),
    // The last line of defence against over-allocation: whatever the code does, the database
    // refuses a unit holding more than its area.
    check(
      'park_space_allocation_check',
      sql`${t.areaM2} > 0 and ${t.occupiedM2} >= 0 and ${t.reservedM2} >= 0 and ${t.occupiedM2} + ${t.reservedM2} <= ${t.areaM2}`,
    ),
  ],
);

export const enterprise = pgTable(
  'enterprise',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    uscc: text('uscc'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    address: text('address'),
    foundedOn: date('founded_on'),
    registeredCapitalYuan: yuan('registered_capital_yuan'),
    /** GB/T 4754-2017 class code. */
    industryCode: text('industry_code'),
    businessScope: text('business_scope'),
    products: text('products')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** listed, high_tech, specialized_new, chain_master, foreign_invested, illustrative ... */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    parkId: integer('park_id').references(() => park.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    /** The normalised name (legal forms, brackets, full-width and traditional forms folded). */
    nameKey: text('name_key'),
    /** Blocking keys for fuzzy matching: records that may match share at least one. */
    matchKeys: text('match_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Where the record's data came from, newest last: [{ source, importId, at, fields }]. */
    provenance: jsonb('provenance')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** active | closed */
    status: text('status').notNull().default('active'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enterprise_uscc_idx').on(t.uscc),
    index('enterprise_region_idx').on(t.regionCode),
    index('enterprise_name_idx').on(t.name),
    index('enterprise_tags_idx').using('gin', t.tags),
    index('enterprise_name_key_idx').on(t.nameKey),
    // Without the pending list: an import looks keys up while it inserts, and every lookup would
    // scan the whole unsorted pending list (seconds per batch on a large import).
    index('enterprise_match_keys_idx').using('gin', t.matchKeys).with({ fastupdate: false }),
  ],
);

/** One import of a file: its options, progress, outcome and error report. */
export const importBatch = pgTable('import_batch', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  source: text('source').notNull(),
  options: jsonb('options')
    .notNull()
    .default(sql`'{}'::jsonb`),
  /** running | done | failed | rolled_back (strict or dry run) */
  status: text('status').notNull(),
  rowsRead: integer('rows_read').notNull().default(0),
  counts: jsonb('counts')
    .notNull()
    .default(sql`'{}'::jsonb`),
  errors: jsonb('errors')
    .notNull()
    .default(sql`'[]'::jsonb`),
  message: text('message'),
  actorName: text('actor_name').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A pair of enterprises that may be one: queued for an analyst to merge or dismiss. */
export const duplicateCandidate = pgTable(
  'duplicate_candidate',
  {
    id: serial('id').primaryKey(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    /** The second enterprise; null once merged into the first (it is deleted then). */
    otherId: bigint('other_id', { mode: 'number' }).references(() => enterprise.id, {
      onDelete: 'set null',
    }),
    /** The second enterprise's name when the pair was merged, for the history. */
    otherName: text('other_name'),
    score: real('score').notNull(),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** open | merged | dismissed */
    status: text('status').notNull().default('open'),
    importId: integer('import_id'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
  },
  (t) => [
    uniqueIndex('duplicate_pair_idx').on(t.enterpriseId, t.otherId),
    index('duplicate_status_idx').on(t.status),
  ],
);

export const enterpriseYear = pgTable(
  'enterprise_year',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    revenueYuan: yuan('revenue_yuan'),
    outputYuan: yuan('output_yuan'),
    taxYuan: yuan('tax_yuan'),
    rdSpendYuan: yuan('rd_spend_yuan'),
    exportsYuan: yuan('exports_yuan'),
    employees: integer('employees'),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    index('enterprise_year_region_idx').on(t.regionCode, t.year),
    // A year's figures in enterprise order, read from the index alone: the national benchmark
    // of the chain analysis joins it with the counted placements; the list of years probes it.
    index('enterprise_year_year_idx').on(t.year, t.enterpriseId, t.outputYuan, t.revenueYuan),
  ],
);

export const classification = pgTable(
  'classification',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    nodeId: integer('node_id')
      .notNull()
      .references(() => chainNode.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    score: real('score').notNull(),
    /** confirmed | uncertain | rejected */
    decision: text('decision').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** rule | manual */
    method: text('method').notNull(),
    reviewerId: integer('reviewer_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.nodeId] }),
    index('classification_node_idx').on(t.nodeId, t.decision),
    // The chain analysis counts each confirmed enterprise once, on its primary node (else its
    // best confirmed node); these partial indexes hold exactly those rows, in enterprise order.
    index('classification_counted_primary_idx')
      .on(t.enterpriseId, t.nodeId, t.regionCode)
      .where(sql`decision = 'confirmed' and is_primary`),
    index('classification_confirmed_secondary_idx')
      .on(t.enterpriseId, t.score, t.nodeId, t.regionCode)
      .where(sql`decision = 'confirmed' and not is_primary`),
    // A region is a code prefix (3202%): text_pattern_ops serves LIKE under any collation.
    index('classification_confirmed_region_idx')
      .on(t.regionCode.op('text_pattern_ops'))
      .where(sql`decision = 'confirmed'`),
  ],
);

export const target = pgTable(
  'target',
  {
    id: serial('id').primaryKey(),
    chainId: integer('chain_id')
      .notNull()
      .references(() => chain.id, { onDelete: 'cascade' }),
    nodeId: integer('node_id').references(() => chainNode.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    /** output | enterprises | ... */
    metric: text('metric').notNull(),
    year: smallint('year').notNull(),
    value: doublePrecision('value').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    unique('target_key').on(t.chainId, t.regionCode, t.metric, t.year, t.nodeId).nullsNotDistinct(),
  ],
);

export const regionStat = pgTable(
  'region_stat',
  {
    regionCode: text('region_code').notNull(),
    regionName: text('region_name'),
    scheme: text('scheme').notNull(),
    industryCode: text('industry_code').notNull(),
    industryName: text('industry_name'),
    industryType: text('industry_type'),
    year: smallint('year').notNull(),
    employment: doublePrecision('employment'),
    establishments: doublePrecision('establishments'),
    payroll: doublePrecision('payroll'),
    output: doublePrecision('output'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.scheme, t.industryCode, t.year] })],
);

export const appUser = pgTable('app_user', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  passwordHash: text('password_hash').notNull(),
  /** admin | analyst | viewer | investment | park */
  role: text('role').notNull(),
  /** The one park a `park` user manages; null for every other role. */
  parkId: integer('park_id').references(() => park.id, { onDelete: 'set null' }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/** Small key/value facts about this installation (for example, when the demo was loaded). */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/** Bytes stored in the database (attachments): an embedded app keeps its files with its data. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * An investment project; a lead is a project at stage `lead`. Stages run lead → negotiating →
 * signed → started → producing; `status` says whether it is still pursued (active) or dropped,
 * so a dropped project keeps the stage it reached.
 */
export const project = pgTable(
  'project',
  {
    id: serial('id').primaryKey(),
    chainId: integer('chain_id')
      .notNull()
      .references(() => chain.id, { onDelete: 'cascade' }),
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
    projectId: integer('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
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
    projectId: integer('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
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
    projectId: integer('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => parkSpace.id, { onDelete: 'cascade' }),
    parkId: integer('park_id')
      .notNull()
      .references(() => park.id, { onDelete: 'cascade' }),
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

import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  pgView,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt, yuan } from './columns.ts';
import { park } from './parks.ts';
import { chainNode } from './reference.ts';

// The enterprise registry: enterprises, imports, duplicates, yearly figures, classifications.

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

/**
 * The registry's keys by name: writers say `on conflict on constraint …`, so that a Citus
 * deployment, which widens these keys with region_code under the same names
 * (scripts/citus/distribute.sql), runs the same statements.
 */
export const ENTERPRISE_YEAR_KEY = 'enterprise_year_enterprise_id_year_pk';
export const CLASSIFICATION_KEY = 'classification_enterprise_id_node_id_pk';

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
    primaryKey({ name: ENTERPRISE_YEAR_KEY, columns: [t.enterpriseId, t.year] }),
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
    nodeId: ownedBy('node_id', () => chainNode.id),
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
    primaryKey({ name: CLASSIFICATION_KEY, columns: [t.enterpriseId, t.nodeId] }),
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

/**
 * Figures that no longer feed the analysis: a value overridden by a merge or by a later import,
 * or an import's value not applied to a registered enterprise. Kept with where it came from;
 * the analysis reads enterprise_year only.
 */
export const enterpriseYearHistory = pgTable(
  'enterprise_year_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    /** revenueYuan | outputYuan | taxYuan | rdSpendYuan | exportsYuan | employees */
    measure: text('measure').notNull(),
    value: numeric('value', { precision: 20, scale: 2, mode: 'number' }).notNull(),
    /** The value that feeds the analysis instead, when it was recorded. */
    keptValue: numeric('kept_value', { precision: 20, scale: 2, mode: 'number' }),
    /** merge | import_override | import_unregistered */
    reason: text('reason').notNull(),
    /** Where the value came from: the import, its file and row, and when. */
    importId: integer('import_id'),
    fileName: text('file_name'),
    sourceName: text('source_name'),
    row: integer('row'),
    sourceAt: timestamp('source_at', { withTimezone: true }),
    /** The enterprise record the value belonged to, when it came in by a merge. */
    mergedEnterpriseId: bigint('merged_enterprise_id', { mode: 'number' }),
    mergedEnterpriseName: text('merged_enterprise_name'),
    mergeId: integer('merge_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_year_history_enterprise_idx').on(t.enterpriseId, t.year)],
);

/**
 * One merge of two enterprise records: a full snapshot of the dropped record, of the kept one
 * before, and of what moved, so that it can be undone.
 */
export const enterpriseMerge = pgTable(
  'enterprise_merge',
  {
    id: serial('id').primaryKey(),
    keptId: bigint('kept_id', { mode: 'number' }).notNull(),
    droppedId: bigint('dropped_id', { mode: 'number' }).notNull(),
    duplicateId: integer('duplicate_id'),
    snapshot: jsonb('snapshot').notNull(),
    /** merged | undone */
    status: text('status').notNull().default('merged'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [
    index('enterprise_merge_kept_idx').on(t.keptId),
    index('enterprise_merge_duplicate_idx').on(t.duplicateId),
  ],
);

/**
 * The one placement per enterprise and chain that counts: its confirmed primary placement (the
 * rule is settled on every write by settlePrimaryPlacements; made in 0008_placement_rule.sql).
 * The registry, the chain analysis, the road to target and exports all read placements here.
 */
export const chainPlacement = pgView('chain_placement', {
  enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
  nodeId: integer('node_id').notNull(),
  regionCode: text('region_code').notNull(),
  score: real('score').notNull(),
}).existing();

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt } from './columns.ts';
import { park } from './parks.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// Innovation platforms (创新平台): innovation centres, public service platforms, key labs … of a
// chain, the nodes they serve, the firms using them and their own yearly targets.

/** An innovation platform on a chain; its host may be an enterprise of the registry. */
export const innovationPlatform = pgTable(
  'innovation_platform',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
    name: text('name').notNull(),
    /** src/shared/platform-values.ts PLATFORM_KINDS */
    kind: text('kind').notNull(),
    /** national | provincial | municipal | district */
    level: text('level').notNull(),
    /** The host institution or enterprise as written (a university, a firm). */
    hostName: text('host_name'),
    hostEnterpriseId: bigint('host_enterprise_id', { mode: 'number' }).references(
      () => enterprise.id,
      { onDelete: 'set null' },
    ),
    regionCode: text('region_code').notNull(),
    parkId: integer('park_id').references(() => park.id, { onDelete: 'set null' }),
    description: text('description'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('innovation_platform_name_idx').on(t.chainId, t.name),
    index('innovation_platform_park_idx').on(t.parkId),
    check(
      'innovation_platform_kind_check',
      sql`${t.kind} in ('innovation_centre', 'public_service', 'key_lab', 'engineering_centre', 'incubator', 'other')`,
    ),
    check(
      'innovation_platform_level_check',
      sql`${t.level} in ('national', 'provincial', 'municipal', 'district')`,
    ),
  ],
);

/** A chain node a platform serves. */
export const platformNode = pgTable(
  'platform_node',
  {
    platformId: ownedBy('platform_id', () => innovationPlatform.id),
    nodeId: integer('node_id')
      .notNull()
      .references(() => chainNode.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.nodeId] }),
    index('platform_node_node_idx').on(t.nodeId),
  ],
);

/** A firm using a platform: since when, for what. */
export const platformUser = pgTable(
  'platform_user',
  {
    id: serial('id').primaryKey(),
    platformId: ownedBy('platform_id', () => innovationPlatform.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    since: date('since'),
    /** The service it uses (中试放大, 检测认证, 共享仪器 …). */
    service: text('service'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('platform_user_pair_idx').on(t.platformId, t.enterpriseId),
    index('platform_user_enterprise_idx').on(t.enterpriseId),
  ],
);

/** A platform's own target for a metric in a year, and what it reached. */
export const platformTarget = pgTable(
  'platform_target',
  {
    id: serial('id').primaryKey(),
    platformId: ownedBy('platform_id', () => innovationPlatform.id),
    year: smallint('year').notNull(),
    /** src/shared/platform-values.ts PLATFORM_METRICS */
    metric: text('metric').notNull(),
    target: numeric('target', { precision: 20, scale: 2, mode: 'number' }).notNull(),
    actual: numeric('actual', { precision: 20, scale: 2, mode: 'number' }),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('platform_target_metric_idx').on(t.platformId, t.year, t.metric),
    check(
      'platform_target_metric_check',
      sql`${t.metric} in ('firms_served', 'projects_incubated', 'rd_spend_yuan', 'patents_filed', 'services_delivered')`,
    ),
    check(
      'platform_target_values_check',
      sql`${t.target} >= 0 and (${t.actual} is null or ${t.actual} >= 0)`,
    ),
  ],
);

import {
  boolean,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { ownedBy } from './columns.ts';
import { chain, chainNode } from './reference.ts';

// Targets and regional statistics.

export const target = pgTable(
  'target',
  {
    id: serial('id').primaryKey(),
    chainId: ownedBy('chain_id', () => chain.id),
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

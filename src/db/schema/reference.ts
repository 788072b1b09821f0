import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt } from './columns.ts';

// Regions and chain templates.

// Large tables carry region_code so that a distributed deployment (Citus) can shard on it;
// reference tables (region, chain, chain_node) are small enough to replicate.

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
    chainId: ownedBy('chain_id', () => chain.id),
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
    chainId: ownedBy('chain_id', () => chain.id),
    fromNodeId: ownedBy('from_node_id', () => chainNode.id),
    toNodeId: ownedBy('to_node_id', () => chainNode.id),
    noteZh: text('note_zh'),
    noteEn: text('note_en'),
  },
  (t) => [uniqueIndex('chain_flow_pair_idx').on(t.chainId, t.fromNodeId, t.toNodeId)],
);

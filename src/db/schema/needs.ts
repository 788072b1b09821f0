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
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt, yuan } from './columns.ts';
import { chain, chainNode } from './reference.ts';
import { enterprise } from './registry.ts';

// Supply–demand matchmaking (供需对接): what enterprises need and offer on a chain, and what came of
// the matches the office followed up.

/**
 * A need (需求) or an offer (供给) an enterprise publishes on a chain. The product text, the
 * enterprise, its node and district are public to other firms; quantity, price and contact are
 * for the office and the owner only (src/services/ecology/needs.service.ts presents them).
 */
export const needOffer = pgTable(
  'need_offer',
  {
    id: serial('id').primaryKey(),
    /** need | offer */
    kind: text('kind').notNull(),
    chainId: ownedBy('chain_id', () => chain.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    /** The node that makes the product (the serving node of a need); null when none fits. */
    nodeId: integer('node_id').references(() => chainNode.id, { onDelete: 'set null' }),
    /** The node was proposed from the product text by the chain's classifier, not chosen. */
    nodeProposed: boolean('node_proposed').notNull().default(false),
    product: text('product').notNull(),
    quantity: numeric('quantity', { precision: 20, scale: 4, mode: 'number' }),
    unit: text('unit'),
    /** Unit price or budget, yuan. */
    priceYuan: yuan('price_yuan'),
    contact: text('contact'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('need_offer_chain_idx').on(t.chainId, t.kind, t.status),
    index('need_offer_enterprise_idx').on(t.enterpriseId),
    check('need_offer_kind_check', sql`${t.kind} in ('need', 'offer')`),
    check('need_offer_status_check', sql`${t.status} in ('open', 'closed')`),
    check(
      'need_offer_period_check',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
  ],
);

/** What came of a proposed match between a need and a supplier, as the office recorded it. */
export const needMatch = pgTable(
  'need_match',
  {
    id: serial('id').primaryKey(),
    needId: ownedBy('need_id', () => needOffer.id),
    supplierId: bigint('supplier_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    /** The supplier's open offer the match came through, when one did. */
    offerId: integer('offer_id').references(() => needOffer.id, { onDelete: 'set null' }),
    /** contacted | sampled | contracted | dropped */
    outcome: text('outcome').notNull(),
    outcomeOn: date('outcome_on').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('need_match_pair_idx').on(t.needId, t.supplierId),
    index('need_match_outcome_idx').on(t.outcomeOn),
    check(
      'need_match_outcome_check',
      sql`${t.outcome} in ('contacted', 'sampled', 'contracted', 'dropped')`,
    ),
  ],
);

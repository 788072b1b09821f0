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
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, yuan } from './columns.ts';
import { enterprise } from './registry.ts';

// Links between enterprises (企业关系): who supplies, serves, owns or cooperates with whom. The
// chain master view and its local supporting rate (本地配套率) are computed from them.

/**
 * A typed, dated link from one enterprise to another: `from` supplies, serves, owns or cooperates
 * with `to` (for supplies, `to` is the buyer). `region_code` is the buyer's (`to`'s), the table's
 * distribution key.
 */
export const enterpriseLink = pgTable(
  'enterprise_link',
  {
    id: serial('id').primaryKey(),
    /** supplies | serves | owns | cooperates */
    kind: text('kind').notNull(),
    fromId: bigint('from_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    toId: bigint('to_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    /** What is supplied or served, as written (原料药, 临床前 CRO 服务). */
    product: text('product'),
    /** Share of the buyer's purchases of this kind, 0–100 (%), when known. */
    sharePercent: numeric('share_percent', { precision: 5, scale: 2, mode: 'number' }),
    /** Yearly amount in yuan, when known. */
    amountYuan: yuan('amount_yuan'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** office (recorded by the chain office) | import | firm (declared by an enterprise) */
    source: text('source').notNull(),
    /** The enterprise whose `firm` user declared the link; its figures are that firm's. */
    declaredBy: bigint('declared_by', { mode: 'number' }).references(() => enterprise.id, {
      onDelete: 'set null',
    }),
    importId: integer('import_id'),
    createdBy: text('created_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprise_link_to_idx').on(t.toId, t.kind),
    index('enterprise_link_from_idx').on(t.fromId, t.kind),
    check(
      'enterprise_link_kind_check',
      sql`${t.kind} in ('supplies', 'serves', 'owns', 'cooperates')`,
    ),
    check('enterprise_link_source_check', sql`${t.source} in ('office', 'import', 'firm')`),
    check('enterprise_link_not_self_check', sql`${t.fromId} <> ${t.toId}`),
    check(
      'enterprise_link_share_check',
      sql`${t.sharePercent} is null or (${t.sharePercent} >= 0 and ${t.sharePercent} <= 100)`,
    ),
    check('enterprise_link_amount_check', sql`${t.amountYuan} is null or ${t.amountYuan} >= 0`),
    check(
      'enterprise_link_dates_check',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

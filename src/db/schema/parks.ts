import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy } from './columns.ts';

// Parks and their space units.

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
    parkId: ownedBy('park_id', () => park.id),
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
    /** When the unit left the inventory (demolished, merged, given up); kept for the history. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
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

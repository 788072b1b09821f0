import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';

// District boundaries an office uploads for its own maps. chainlead ships none: Chinese
// boundary data needs an approved source (审图号), which only the office can hold.

export const regionBoundary = pgTable('region_boundary', {
  /** The region whose districts the boundaries draw (3202: Wuxi's districts). */
  regionCode: text('region_code').primaryKey(),
  /**
   * A GeoJSON FeatureCollection, one Polygon or MultiPolygon feature per district, its
   * properties reduced to the district's `code` and `name` (and the `sourceName` it came with).
   */
  geojson: jsonb('geojson').notNull(),
  featureCount: integer('feature_count').notNull(),
  fileName: text('file_name').notNull(),
  bytes: integer('bytes').notNull(),
  uploadedBy: integer('uploaded_by').references(() => appUser.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

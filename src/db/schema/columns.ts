import { customType, integer, numeric, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

// Column helpers every part of the schema uses.

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const yuan = (name: string) => numeric(name, { precision: 20, scale: 2, mode: 'number' });
/** A required reference to a row of another table, deleted with that row. */
export const ownedBy = (name: string, target: () => AnyPgColumn) =>
  integer(name).notNull().references(target, { onDelete: 'cascade' });

/** Bytes stored in the database (attachments): an embedded app keeps its files with its data. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value),
});

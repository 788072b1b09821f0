import { numeric, timestamp } from 'drizzle-orm/pg-core';

// Column helpers every part of the schema uses.

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const yuan = (name: string) => numeric(name, { precision: 20, scale: 2, mode: 'number' });

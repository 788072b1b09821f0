import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, updatedAt } from './columns.ts';
import { park } from './parks.ts';
import { department } from './problems.ts';
import { enterprise } from './registry.ts';

// Users, sessions, the audit log and installation settings.

export const appUser = pgTable('app_user', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  passwordHash: text('password_hash').notNull(),
  /** A role of ROLES in src/shared/permissions.ts. */
  role: text('role').notNull(),
  /** The one park a `park` user manages; null for every other role. */
  parkId: integer('park_id').references(() => park.id, { onDelete: 'set null' }),
  /** The department a `department` user works for. */
  departmentId: integer('department_id').references(() => department.id, {
    onDelete: 'set null',
  }),
  /** The enterprise a `firm` user speaks for. */
  enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprise.id, {
    onDelete: 'set null',
  }),
  /** The chains (codes) the user may see; null for every chain. */
  chainCodes: text('chain_codes').array(),
  /** Set for a one-time password: the user must choose a new one before anything else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: ownedBy('user_id', () => appUser.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/** Small key/value facts about this installation (for example, when the demo was loaded). */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

import { and, asc, eq, inArray, lt, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { appUser, chain, department, enterprise, session } from './schema.ts';
import { nameKeys } from '../domain/entity-matching.ts';

export type UserRow = typeof appUser.$inferSelect;

/**
 * The name a user goes by now (their display name) for a username stored when they acted; the
 * stored text itself for a system actor (cli, import) or a user since removed.
 */
export function nameNowOf(stored: AnyColumn): SQL<string> {
  // Qualified by hand: a select without joins renders ${stored} as a bare column name, which the
  // subquery would take for app_user's own should app_user ever have a column of that name.
  const outer = sql`${stored.table}.${sql.identifier(stored.name)}`;
  return sql<string>`coalesce((select u.display_name from ${appUser} u where u.username = ${outer}), ${outer})`;
}

/** A user with the names of what it is bound to, for presenting. */
export interface UserWithNames {
  user: UserRow;
  departmentName: string | null;
  enterpriseName: string | null;
}

/** One user by username, or null. */
export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return rows[0] ?? null;
}

/** One user by id, or null. */
export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0] ?? null;
}

/** All users by username. */
export async function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.select().from(appUser).orderBy(asc(appUser.username));
}

/**
 * The enabled administrators other than `exceptId`, locked for the caller's transaction: two
 * administrators demoting each other at once cannot both see the other as still there.
 */
export async function lockOtherEnabledAdmins(db: DbOrTx, exceptId: number): Promise<number[]> {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.role, 'admin'), eq(appUser.disabled, false), ne(appUser.id, exceptId)))
    .for('update');
  return rows.map((row) => row.id);
}

/** Inserts a user and returns it. */
export async function insertUser(
  db: DbOrTx,
  values: {
    username: string;
    displayName: string | null;
    passwordHash: string;
    role: string;
    parkId?: number | null;
    departmentId?: number | null;
    enterpriseId?: number | null;
    chainCodes?: string[] | null;
    mustChangePassword?: boolean;
  },
): Promise<UserRow> {
  const [row] = await db.insert(appUser).values(values).returning();
  if (!row) throw new Error('user was not inserted');
  return row;
}

/** Replaces a user's password hash; `mustChangePassword` marks it one-time. */
export async function updateUserPassword(
  db: DbOrTx,
  id: number,
  passwordHash: string,
  mustChangePassword = false,
): Promise<void> {
  await db
    .update(appUser)
    .set({ passwordHash, mustChangePassword, updatedAt: new Date() })
    .where(eq(appUser.id, id));
}

/** Changes a user's role, bindings, name or state; returns the row after. */
export async function updateUser(
  db: DbOrTx,
  id: number,
  values: Partial<{
    displayName: string | null;
    role: string;
    parkId: number | null;
    departmentId: number | null;
    enterpriseId: number | null;
    chainCodes: string[] | null;
    disabled: boolean;
  }>,
): Promise<UserRow> {
  const [row] = await db
    .update(appUser)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(appUser.id, id))
    .returning();
  if (!row) throw new Error('user was not updated');
  return row;
}

/** Users (all, or those with `ids`) with their department's and enterprise's names. */
export async function listUsersWithNames(
  db: DbOrTx,
  ids?: readonly number[],
): Promise<UserWithNames[]> {
  const query = db
    .select({
      user: appUser,
      departmentName: department.name,
      enterpriseName: enterprise.name,
    })
    .from(appUser)
    .leftJoin(department, eq(department.id, appUser.departmentId))
    .leftJoin(enterprise, eq(enterprise.id, appUser.enterpriseId));
  const filtered = ids === undefined ? query : query.where(inArray(appUser.id, [...ids]));
  return filtered.orderBy(asc(appUser.username));
}

/** One department's id, name and whether it is active, or null. */
export async function findDepartmentById(
  db: DbOrTx,
  id: number,
): Promise<{ id: number; name: string; active: boolean } | null> {
  const rows = await db
    .select({ id: department.id, name: department.name, active: department.active })
    .from(department)
    .where(eq(department.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The codes among `codes` that name an existing chain. */
export async function existingChainCodes(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: chain.code })
    .from(chain)
    .where(inArray(chain.code, [...codes]));
  return rows.map((row) => row.code);
}

/** Stores a session by its token hash. */
export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; userId: number; expiresAt: Date },
): Promise<void> {
  await db.insert(session).values(values);
}

/**
 * The user behind a session, when it started and when it expires (the caller tells an expired one
 * from an unknown one), or null.
 */
export async function findSessionUser(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ user: UserRow; createdAt: Date; expiresAt: Date } | null> {
  const rows = await db
    .select({ user: appUser, createdAt: session.createdAt, expiresAt: session.expiresAt })
    .from(session)
    .innerJoin(appUser, eq(session.userId, appUser.id))
    .where(eq(session.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Moves a session's expiry (the idle timeout's sliding end). */
export async function updateSessionExpiry(
  db: DbOrTx,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await db.update(session).set({ expiresAt }).where(eq(session.tokenHash, tokenHash));
}

/** Ends one session. */
export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Ends every session of a user (after a password change). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

/** Removes sessions that expired before `before`. */
export async function deleteExpiredSessions(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, before));
}

/** Ends every session of a user but one (the one that just changed the password). */
export async function deleteOtherUserSessions(
  db: DbOrTx,
  userId: number,
  keepTokenHash: string | null,
): Promise<void> {
  await db
    .delete(session)
    .where(
      keepTokenHash === null
        ? eq(session.userId, userId)
        : and(eq(session.userId, userId), ne(session.tokenHash, keepTokenHash)),
    );
}

/** An enterprise a firm account may be opened for: by id, USCC or exact registered name. */
export interface AccountEnterprise {
  id: number;
  name: string;
  uscc: string | null;
}

/** The enterprises with any of these ids, USCCs or exact names (for opening firm accounts). */
export async function findAccountEnterprises(
  db: DbOrTx,
  refs: { ids: readonly number[]; usccs: readonly string[]; names: readonly string[] },
): Promise<AccountEnterprise[]> {
  const conditions = [
    refs.ids.length > 0 ? inArray(enterprise.id, [...refs.ids]) : undefined,
    refs.usccs.length > 0 ? inArray(enterprise.uscc, [...refs.usccs]) : undefined,
    refs.names.length > 0 ? inArray(enterprise.name, [...refs.names]) : undefined,
    // Names written otherwise (（无锡） for (无锡)): recordsNamed picks among these.
    refs.names.length > 0 ? inArray(enterprise.nameKey, nameKeys(refs.names)) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return [];
  return db
    .select({ id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc })
    .from(enterprise)
    .where(or(...conditions));
}

/** The usernames among `usernames` already taken. */
export async function takenUsernames(db: DbOrTx, usernames: readonly string[]): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows = await db
    .select({ username: appUser.username })
    .from(appUser)
    .where(inArray(appUser.username, [...usernames]));
  return rows.map((row) => row.username);
}

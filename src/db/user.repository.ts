import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { appUser, session } from './schema.ts';

export type UserRow = typeof appUser.$inferSelect;

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

/** Inserts a user and returns it. */
export async function insertUser(
  db: DbOrTx,
  values: {
    username: string;
    displayName: string | null;
    passwordHash: string;
    role: string;
    parkId?: number | null;
  },
): Promise<UserRow> {
  const [row] = await db.insert(appUser).values(values).returning();
  if (!row) throw new Error('user was not inserted');
  return row;
}

/** Replaces a user's password hash. */
export async function updateUserPassword(
  db: DbOrTx,
  id: number,
  passwordHash: string,
): Promise<void> {
  await db.update(appUser).set({ passwordHash, updatedAt: new Date() }).where(eq(appUser.id, id));
}

/** Stores a session by its token hash. */
export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; userId: number; expiresAt: Date },
): Promise<void> {
  await db.insert(session).values(values);
}

/** The user behind a live (unexpired) session and when it expires, or null. */
export async function findSessionUser(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ user: UserRow; expiresAt: Date } | null> {
  const rows = await db
    .select({ user: appUser, expiresAt: session.expiresAt })
    .from(session)
    .innerJoin(appUser, eq(session.userId, appUser.id))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, new Date())))
    .limit(1);
  return rows[0] ?? null;
}

/** Ends one session. */
export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Ends every session of a user (after a password change). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

/** Removes expired sessions. */
export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, new Date()));
}

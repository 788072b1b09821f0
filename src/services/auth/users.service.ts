import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/app-error.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { requirePark, requireUser } from '../lookup/lookup.service.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';

/** Who does a write, as the audit log records it (a user, the CLI's OS user, the system). */
export type { Actor };
import { findSetting, saveSetting } from '../../db/setting.repository.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  findUserByUsername,
  insertSession,
  insertUser,
  listUsers,
  updateUserPassword,
  type UserRow,
} from '../../db/user.repository.ts';
import { isRole, ROLES, type Role } from '../../shared/permissions.ts';
import { cachedPerDataVersion } from '../data-version-cache.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,31}$/;
const MIN_PASSWORD_LENGTH = 8;

/** What the rest of the system may know of a user: never the hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  /** The park a `park` user manages; null for other roles. */
  parkId: number | null;
  /** The department a `department` user works for. */
  departmentId: number | null;
  /** The enterprise a `firm` user speaks for. */
  enterpriseId: number | null;
  /** The chains the user may see; null for every chain. */
  chainCodes: string[] | null;
  /** A one-time password is still in use: the user must choose a new one first. */
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: Date;
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: isRole(row.role) ? row.role : 'viewer',
    parkId: row.parkId,
    departmentId: row.departmentId,
    enterpriseId: row.enterpriseId,
    chainCodes: row.chainCodes,
    mustChangePassword: row.mustChangePassword,
    disabled: row.disabled,
    createdAt: row.createdAt,
  };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`,
      { field: 'password' },
    );
  }
}

/** A `park` user is bound to exactly one existing park; other roles to none. */
async function checkParkBinding(
  db: DbOrTx,
  role: Role,
  parkId: number | null | undefined,
): Promise<number | null> {
  if (role !== 'park') {
    if (parkId != null) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Only a park user is bound to a park; drop the park for role ${role}.`,
        { field: 'parkId' },
      );
    }
    return null;
  }
  if (parkId == null) {
    throw new AppError(
      'VALIDATION_FAILED',
      'A park user manages one park: name it (--park ID or CODE, or parkId).',
      { field: 'parkId' },
    );
  }
  await requirePark(db, parkId, 'parkId');
  return parkId;
}

/**
 * Creates a local user; a `park` user names the park it manages. Throws VALIDATION_FAILED (bad
 * name, role, password or park binding), PARK_NOT_FOUND or USER_EXISTS.
 */
export async function addUser(
  db: Db,
  actor: Actor,
  input: {
    username: string;
    password: string;
    role: string;
    displayName?: string | null;
    parkId?: number | null;
  },
): Promise<UserView> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${input.username}" is not a valid username: use 2–32 lower-case letters, digits, . _ or -, ` +
        'starting with a letter or digit.',
      { field: 'username' },
    );
  }
  if (!isRole(input.role)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${input.role}" is not a role: use ${ROLES.join(', ')}.`,
      { field: 'role' },
    );
  }
  checkPassword(input.password);
  const role = input.role;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const parkId = await checkParkBinding(tx, role, input.parkId);
    if (await findUserByUsername(tx, input.username)) {
      throw new AppError('USER_EXISTS', `A user named "${input.username}" already exists.`, {
        field: 'username',
      });
    }
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName ?? null,
      passwordHash,
      role,
      parkId,
    });
    const view = toUserView(row);
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: {
        username: view.username,
        role: view.role,
        displayName: view.displayName,
        parkId: view.parkId,
      },
    });
    return view;
  });
}

/** Lists users without their password hashes. */
export async function listUserViews(db: Db): Promise<UserView[]> {
  return (await listUsers(db)).map(toUserView);
}

/**
 * Sets a user's password and ends their sessions. Throws USER_NOT_FOUND or VALIDATION_FAILED.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  username: string,
  password: string,
): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await requireUser(tx, username);
    await updateUserPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, actor, {
      action: 'user.password.change',
      entityType: 'user',
      entityId: user.id,
      before: { passwordChanged: false },
      after: { passwordChanged: true },
    });
  });
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks a username and password and opens a session; returns the cookie token.
 * Throws INVALID_CREDENTIALS without saying which half was wrong.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
): Promise<{ token: string; user: UserView; expiresAt: Date }> {
  const user = await findUserByUsername(db, username);
  // Verify against a fixed hash when the user is unknown so timing does not reveal usernames.
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !ok || user.disabled) {
    throw new AppError('INVALID_CREDENTIALS', 'The username or password is wrong.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.transaction(async (tx) => {
    await deleteExpiredSessions(tx);
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt });
    await recordAudit(
      tx,
      { id: user.id, name: user.username },
      {
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
  return { token, user: toUserView(user), expiresAt };
}

const UNKNOWN_USER_HASH =
  'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA==$' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** Sessions remembered per database between writes; a busy office has far fewer signed in. */
const SESSION_CACHE_ENTRIES = 10_000;

/**
 * The signed-in user for a session token, or null when it is unknown or expired. Asked on every
 * API request, so the answer is kept until the database changes (a sign-out, a password change or
 * a disabled user is a write, and any write moves the data version, on every server process
 * sharing the database); expiry is checked against the clock on each use.
 */
export async function userForSession(db: Db, token: string): Promise<UserView | null> {
  const tokenHash = hashToken(token);
  const found = await cachedPerDataVersion(db, tokenHash, () => findSessionUser(db, tokenHash), {
    kind: 'session',
    maxEntries: SESSION_CACHE_ENTRIES,
  });
  if (!found || found.expiresAt.getTime() <= Date.now() || found.user.disabled) return null;
  return toUserView(found.user);
}

/** Ends the session behind `token`. */
export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await recordAudit(tx, actor, {
      action: 'session.logout',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}

/**
 * On the first start, creates `admin` with CHAINLEAD_ADMIN_PASSWORD or a random password.
 * Returns the password when it was generated (to print once), else null.
 */
export async function ensureAdminUser(
  db: Db,
  envPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if (await findSetting(db, 'admin_created')) return { created: false, generatedPassword: null };
  if (await findUserByUsername(db, 'admin')) {
    await saveSetting(db, 'admin_created', true);
    return { created: false, generatedPassword: null };
  }
  const generatedPassword = envPassword ? null : generatePassword();
  const password = envPassword ?? generatedPassword ?? '';
  await addUser(db, { id: null, name: 'system' }, { username: 'admin', password, role: 'admin' });
  await saveSetting(db, 'admin_created', true);
  return { created: true, generatedPassword };
}

import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  deleteOtherUserSessions,
  deleteUserSessions,
  findUserById,
  lockOtherEnabledAdmins,
  updateUser,
  updateUserPassword,
} from '../../db/user.repository.ts';
import { requireUser } from '../lookup/lookup.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkUserBindings } from './user-bindings.ts';
import { checkPassword, checkRole, hashToken, toUserView, type UserView } from './users.service.ts';

/** The fields an administrator may change on a user; absent fields stay as they are. */
export interface UserChanges {
  displayName?: string | null | undefined;
  role?: string | undefined;
  parkId?: number | null | undefined;
  departmentId?: number | null | undefined;
  enterpriseId?: number | null | undefined;
  chainCodes?: readonly string[] | null | undefined;
  disabled?: boolean | undefined;
}

/**
 * Changes a user's role, bindings, name or state; the bindings are checked against the role after
 * the change (a role change drops bindings the new role does not carry unless they are restated).
 * Disabling a user ends their sessions. Throws USER_NOT_FOUND, VALIDATION_FAILED (naming the
 * field), PARK_NOT_FOUND, DEPARTMENT_NOT_FOUND, ENTERPRISE_NOT_FOUND or CHAIN_NOT_FOUND; CONFLICT
 * (reason LAST_ADMIN) when the change would leave no enabled administrator to manage users.
 */
export async function updateUserAccount(
  db: Db,
  actor: Actor,
  id: number,
  changes: UserChanges,
): Promise<UserView> {
  return db.transaction(async (tx) => {
    const before = toUserView(await requireUser(tx, id));
    const role = changes.role === undefined ? before.role : checkRole(changes.role);
    const roleChanged = role !== before.role;
    const stopsBeingAdmin =
      before.role === 'admin' &&
      !before.disabled &&
      (role !== 'admin' || changes.disabled === true);
    if (stopsBeingAdmin && (await lockOtherEnabledAdmins(tx, id)).length === 0) {
      const field = role !== 'admin' ? 'role' : 'disabled';
      throw new AppError(
        'CONFLICT',
        `${before.username} is the only enabled administrator: ` +
          `${field === 'role' ? 'changing its role' : 'disabling it'} would leave nobody to manage users. ` +
          'Make another user an administrator first.',
        { reason: 'LAST_ADMIN', field, username: before.username },
      );
    }
    // A binding not restated is kept while the role stays, and dropped when the role changes.
    const keep = <T>(value: T | undefined, old: T | null): T | null | undefined =>
      value !== undefined ? value : roleChanged ? undefined : old;
    const bindings = await checkUserBindings(tx, role, {
      parkId: keep(changes.parkId, before.parkId),
      departmentId: keep(changes.departmentId, before.departmentId),
      enterpriseId: keep(changes.enterpriseId, before.enterpriseId),
      chainCodes: keep<readonly string[] | null>(changes.chainCodes, before.chainCodes),
    });
    const row = await updateUser(tx, id, {
      role,
      ...bindings,
      ...(changes.displayName !== undefined && { displayName: changes.displayName }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled }),
    });
    if (changes.disabled === true) await deleteUserSessions(tx, id);
    const after = toUserView(row);
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditFields(before),
      after: auditFields(after),
    });
    return after;
  });
}

function auditFields(user: UserView) {
  return {
    role: user.role,
    displayName: user.displayName,
    parkId: user.parkId,
    departmentId: user.departmentId,
    enterpriseId: user.enterpriseId,
    chainCodes: user.chainCodes,
    disabled: user.disabled,
  };
}

/**
 * The signed-in user changes their own password: the current one must match, the new one must
 * differ; clears the one-time flag and ends the user's other sessions (the current one stays).
 * Throws VALIDATION_FAILED naming the field (currentPassword when it is wrong, newPassword when
 * unchanged) or PASSWORD_TOO_WEAK (newPassword).
 */
export async function changeOwnPassword(
  db: Db,
  user: UserView,
  sessionToken: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  checkPassword(input.newPassword, user.username, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The new password is the current one: choose a different password.',
      { field: 'newPassword' },
    );
  }
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    // Not INVALID_CREDENTIALS: its 401 would read as "signed out" to the web app.
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong.', {
      field: 'currentPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash, false);
    await deleteOtherUserSessions(tx, user.id, sessionToken ? hashToken(sessionToken) : null);
    await recordAudit(
      tx,
      { id: user.id, name: user.username },
      {
        action: 'user.password.change',
        entityType: 'user',
        entityId: user.id,
        before: { mustChangePassword: user.mustChangePassword },
        after: { passwordChanged: true, mustChangePassword: false },
      },
    );
  });
}

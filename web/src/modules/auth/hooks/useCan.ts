import { roleHasPermission, type Permission } from '@shared/permissions.ts';
import { useSession } from './useSession.ts';

/** Whether the signed-in user's role carries `permission`: what it may not do is not shown. */
export function useCan(permission: Permission): boolean {
  const { user } = useSession();
  return user !== null && roleHasPermission(user.role, permission);
}

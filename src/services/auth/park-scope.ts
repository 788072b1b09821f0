import { AppError } from '../../domain/app-error.ts';
import type { Role } from '../../shared/permissions.ts';

/**
 * Which parks a user may act on: every park, or the one park a `park` user is bound to (none when
 * the binding was lost, e.g. the park was deleted).
 */
export type ParkScope = { kind: 'all' } | { kind: 'park'; parkId: number | null };

export const ALL_PARKS: ParkScope = { kind: 'all' };

/** The park scope of a signed-in user: park users are bound to their park, others see all. */
export function parkScopeFor(user: { role: Role; parkId: number | null }): ParkScope {
  return user.role === 'park' ? { kind: 'park', parkId: user.parkId } : ALL_PARKS;
}

/** Throws FORBIDDEN unless the scope covers `parkId`; called before anything is read or written. */
export function assertParkInScope(scope: ParkScope, parkId: number): void {
  if (scope.kind === 'all' || scope.parkId === parkId) return;
  throw new AppError(
    'FORBIDDEN',
    scope.parkId === null
      ? 'Your park account is bound to no park; ask an administrator to bind it.'
      : `Your account manages park ${scope.parkId} only, not park ${parkId}.`,
    { parkId },
  );
}

// The park-scope rule, without I/O, so the server and the web app apply the same one.
import type { Role } from './permissions.ts';

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

/** Whether the scope covers `parkId`. */
export function isParkInScope(scope: ParkScope, parkId: number): boolean {
  return scope.kind === 'all' || scope.parkId === parkId;
}

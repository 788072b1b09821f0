import { AppError } from '../../domain/app-error.ts';
import { isParkInScope, type ParkScope } from '../../shared/park-scope.ts';

// The rule itself is shared with the web app, which hides what the server would refuse.
export { ALL_PARKS, parkScopeFor, type ParkScope } from '../../shared/park-scope.ts';

/** Throws FORBIDDEN unless the scope covers `parkId`; called before anything is read or written. */
export function assertParkInScope(scope: ParkScope, parkId: number): void {
  // Every park is in the 'all' scope; saying so again tells the type checker the rest is 'park'.
  if (isParkInScope(scope, parkId) || scope.kind === 'all') return;
  throw new AppError(
    'FORBIDDEN',
    scope.parkId === null
      ? 'Your park account is bound to no park; ask an administrator to bind it.'
      : `Your account manages park ${scope.parkId} only, not park ${parkId}.`,
    { parkId },
  );
}

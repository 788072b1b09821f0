import { isParkInScope, parkScopeFor } from '@shared/park-scope.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';

/** Whether the user may reserve space in `parkId`: the server's park-scope rule, shared. */
export function useCanReserveIn(): (parkId: number) => boolean {
  const { user } = useSession();
  const canReserve = useCan('space:reserve');
  return (parkId) => canReserve && user !== null && isParkInScope(parkScopeFor(user), parkId);
}

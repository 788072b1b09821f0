import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';

/** Whether the user may reserve space in `parkId`: a park user only in its own park. */
export function useCanReserveIn(): (parkId: number) => boolean {
  const { user } = useSession();
  const canReserve = useCan('space:reserve');
  return (parkId) => canReserve && (user?.role !== 'park' || user.parkId === parkId);
}

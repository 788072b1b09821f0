import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useUrlFilters } from './useUrlFilters.ts';

/** The chain (the installation's first) and region (`?region=`, else the home region) in view. */
export function useLeaderScope(): { chainCode: string | undefined; regionCode: string } {
  const { chain } = useChain();
  const homeRegion = useHomeRegion();
  const filters = useUrlFilters();
  return {
    chainCode: filters.get('chain') ?? chain?.code,
    regionCode: filters.get('region') ?? homeRegion,
  };
}

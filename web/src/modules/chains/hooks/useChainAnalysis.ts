import type { ChainAnalysis } from '@shared/api/analysis.ts';
import { useApiQuery, type ApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainRegion, type ChainRegion } from './useChainRegion.ts';

/** The chosen chain and region (see useChainRegion) with the region's chain analysis. */
export function useChainAnalysis(): ChainRegion & {
  analysis: ApiQuery<ChainAnalysis>;
} {
  const chainRegion = useChainRegion();
  const { chainCode, regionCode } = chainRegion;
  const analysis = useApiQuery(
    chainCode && regionCode
      ? apiGet('/chains/{code}/analysis', {
          params: { path: { code: chainCode }, query: { region: regionCode } },
        })
      : null,
  );
  return { ...chainRegion, analysis };
}

import type { ChainAnalysis } from '@shared/api/analysis.ts';
import { useApiQuery, type ApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainRegion, type ChainRegion } from './useChainRegion.ts';

/**
 * The chosen chain and region (see useChainRegion) with the region's chain analysis: of `year`
 * when given, else of the latest year with figures.
 */
export function useChainAnalysis(year?: number): ChainRegion & {
  analysis: ApiQuery<ChainAnalysis>;
} {
  const chainRegion = useChainRegion();
  const { chainCode, regionCode } = chainRegion;
  const analysis = useApiQuery(
    chainCode && regionCode
      ? apiGet('/chains/{code}/analysis', {
          params: {
            path: { code: chainCode },
            query: { region: regionCode, ...(year === undefined ? {} : { year }) },
          },
        })
      : null,
  );
  return { ...chainRegion, analysis };
}

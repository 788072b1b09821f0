import type { ChainAnalysis } from '@shared/api/analysis.ts';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { useChainRegion, type ChainRegion } from './useChainRegion.ts';

/** The chosen chain and region (see useChainRegion) with the region's chain analysis. */
export function useChainAnalysis(): ChainRegion & {
  analysis: ReturnType<typeof useApiQuery<ChainAnalysis>>;
} {
  const chainRegion = useChainRegion();
  const { chainCode, regionCode } = chainRegion;
  const analysis = useApiQuery<ChainAnalysis>(
    chainCode && regionCode
      ? `/api/chains/${encodeURIComponent(chainCode)}/analysis?region=${regionCode}`
      : null,
  );
  return { ...chainRegion, analysis };
}

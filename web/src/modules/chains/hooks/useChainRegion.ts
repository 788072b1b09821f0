import type { Region } from '@shared/api/regions.ts';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChainCode } from './useChainCode.ts';

export interface ChainRegion {
  /** The chain's code (see useChainCode), once known. */
  chainCode: string | undefined;
  /**
   * The chosen region: `?region=` in the address, else the region the chain has targets in, else
   * the home region.
   */
  regionCode: string | undefined;
  /** The cities one may choose: those of the default region's province. */
  cities: Region[];
  setRegion: (code: string) => void;
  /** True when the installation has no chain or no target to choose a default region from. */
  unresolved: boolean;
}

/** The chain and region the cockpit, the chain map and the reports look at, kept in the address. */
export function useChainRegion(): ChainRegion {
  const [params, setParams] = useSearchParams();
  const chainCode = useChainCode();
  const homeRegion = useHomeRegion();
  const targets = useApiQuery(
    chainCode ? apiGet('/chains/{code}/targets', { params: { path: { code: chainCode } } }) : null,
  );
  const items = targets.data?.items;
  // The chain's own target names the region it is steered in; a node's target will do otherwise.
  const steered = (items?.find((t) => t.nodeCode === null) ?? items?.[0])?.regionCode;
  const chosen = params.get('region') ?? undefined;
  // A chain without targets yet (just loaded) is looked at in the home region.
  const regionCode =
    chosen ?? steered ?? (items !== undefined && homeRegion ? homeRegion : undefined);
  const province = (regionCode ?? steered)?.slice(0, 2);
  const cities = useApiQuery(
    province ? apiGet('/regions', { params: { query: { parent: province } } }) : null,
  );

  const setRegion = useCallback(
    (code: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('region', code);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    chainCode,
    regionCode,
    cities: cities.data?.items ?? [],
    setRegion,
    unresolved: chainCode === undefined || (items !== undefined && regionCode === undefined),
  };
}

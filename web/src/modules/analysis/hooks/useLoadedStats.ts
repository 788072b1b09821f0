import type { LoadedStatsView } from '@shared/api/statistics.ts';
import { useApiQuery, type ApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';

export interface LoadedStats {
  query: ApiQuery<LoadedStatsView>;
  schemes: string[];
  /** The loaded years of `scheme`, oldest first. */
  yearsOf: (scheme: string | undefined) => number[];
  /** The regions of `scheme` with statistics, as the server lists them. */
  regionsOf: (scheme: string | undefined) => LoadedStatsView['regions'];
}

/** What statistics are loaded (schemes, years, regions): the choices of the analysis pages. */
export function useLoadedStats(): LoadedStats {
  const query = useApiQuery(apiGet('/statistics'));
  const datasets = query.data?.datasets ?? [];
  const regions = query.data?.regions ?? [];
  return {
    query,
    schemes: [...new Set(datasets.map((d) => d.scheme))],
    yearsOf: (scheme) =>
      datasets
        .filter((d) => d.scheme === scheme)
        .map((d) => d.year)
        .sort((a, b) => a - b),
    regionsOf: (scheme) => regions.filter((r) => r.scheme === scheme),
  };
}

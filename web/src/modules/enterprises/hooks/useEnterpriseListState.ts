import { DECISIONS, ENTERPRISE_SORTS, type Decision } from '@shared/enterprise-values.ts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { EnterpriseListState } from '../utils/EnterpriseListState.ts';
import { enterpriseFilterSearch } from '../utils/enterpriseFilterQuery.ts';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The list's state read from and written to the address, so a filtered page survives a reload
 * and the back button. Changing the filter goes back to page 1.
 */
export function useEnterpriseListState(): [
  EnterpriseListState,
  (change: Partial<EnterpriseListState>) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = useMemo<EnterpriseListState>(
    () => ({
      q: params.get('q') ?? undefined,
      region: params.get('region') ?? undefined,
      node: params.get('node') ?? undefined,
      decision: oneOf<Decision>(DECISIONS, params.get('decision')),
      park: positive(params.get('park')),
      tag: params.get('tag') ?? undefined,
      onChain: params.get('onChain') === '1' || undefined,
      page: positive(params.get('page')) ?? 1,
      pageSize: Math.min(positive(params.get('pageSize')) ?? 20, 100),
      sort: oneOf(ENTERPRISE_SORTS, params.get('sort')) ?? 'name',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
    }),
    [params],
  );
  const update = useCallback(
    (change: Partial<EnterpriseListState>) => {
      const pageOnly = Object.keys(change).every((key) =>
        ['page', 'pageSize', 'sort', 'order'].includes(key),
      );
      const next: EnterpriseListState = { ...state, ...change };
      if (!pageOnly) next.page = 1;
      const query = enterpriseFilterSearch(next);
      if (next.page === 1) query.delete('page');
      if (next.pageSize === 20) query.delete('pageSize');
      if (next.sort === 'name' && next.order === 'asc') {
        query.delete('sort');
        query.delete('order');
      }
      setParams(query);
    },
    [state, setParams],
  );
  return [state, update];
}

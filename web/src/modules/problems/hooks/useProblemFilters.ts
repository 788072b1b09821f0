import { PROBLEM_STAGES, type ProblemStage } from '@shared/problem-stages.ts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiQueryOf } from '../../api/utils/apiClient.ts';

export type ProblemQuery = ApiQueryOf<'/problems'>;
export type ProblemView = 'list' | 'board';

export type ProblemFilterName =
  | 'stage'
  | 'category'
  | 'department'
  | 'node'
  | 'overdue'
  | 'q'
  | 'receivedFrom'
  | 'receivedTo'
  | 'closedFrom'
  | 'closedTo'
  | 'ratedFrom'
  | 'ratedTo'
  | 'returned'
  | 'region';

export interface ProblemFilters {
  /** The filters as the list's query (page included), read from the address. */
  query: ProblemQuery;
  view: ProblemView;
  get: (name: ProblemFilterName) => string | undefined;
  /** Sets filters (undefined removes one) and goes back to the first page. */
  set: (values: Partial<Record<ProblemFilterName | 'page' | 'view', string | undefined>>) => void;
  reset: () => void;
}

const isStage = (value: string | null): value is ProblemStage =>
  value !== null && (PROBLEM_STAGES as readonly string[]).includes(value);
const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The list's filters kept in the address, so `/problems?stage=in_progress&overdue=true` opens
 * exactly that list and a reload or a shared link shows the same problems.
 */
export function useProblemFilters(pageSize = 20): ProblemFilters {
  const [params, setParams] = useSearchParams();
  const query = useMemo<ProblemQuery>(() => {
    const stage = params.get('stage');
    const department = Number(params.get('department'));
    const overdue = params.get('overdue');
    const from = params.get('receivedFrom');
    const to = params.get('receivedTo');
    const page = Number(params.get('page'));
    // Set by links from the scorecard (the records behind a figure); no control of their own.
    const date = (name: string) => {
      const value = params.get(name);
      return isDate(value) ? value : undefined;
    };
    const returned = params.get('returned');
    const region = params.get('region');
    return {
      region: region && /^\d{2,12}$/.test(region) ? region : undefined,
      stage: isStage(stage) ? stage : undefined,
      category: params.get('category') ?? undefined,
      department: Number.isInteger(department) && department > 0 ? department : undefined,
      node: params.get('node') ?? undefined,
      overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
      q: params.get('q') ?? undefined,
      receivedFrom: isDate(from) ? from : undefined,
      receivedTo: isDate(to) ? to : undefined,
      closedFrom: date('closedFrom'),
      closedTo: date('closedTo'),
      ratedFrom: date('ratedFrom'),
      ratedTo: date('ratedTo'),
      returned: returned === 'true' || returned === 'false' ? returned : undefined,
      page: Number.isInteger(page) && page > 1 ? page : 1,
      pageSize,
    };
  }, [params, pageSize]);
  const get = useCallback((name: ProblemFilterName) => params.get(name) ?? undefined, [params]);
  const set = useCallback<ProblemFilters['set']>(
    (values) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (!('page' in values)) next.delete('page');
          for (const [name, value] of Object.entries(values)) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const reset = useCallback(
    () =>
      setParams(
        (previous) => {
          const next = new URLSearchParams();
          const view = previous.get('view');
          if (view) next.set('view', view);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    query,
    view: params.get('view') === 'board' ? 'board' : 'list',
    get,
    set,
    reset,
  };
}

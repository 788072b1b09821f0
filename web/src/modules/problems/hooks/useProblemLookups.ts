import type { Department, ProblemCategory } from '@shared/api/problems.ts';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';

export interface ProblemLookups {
  categories: ProblemCategory[];
  departments: Department[];
}

/** The active categories and departments, for filters and forms (empty while they load). */
export function useProblemLookups(): ProblemLookups {
  const categories = useApiQuery(apiGet('/problem-categories'));
  const departments = useApiQuery(apiGet('/departments'));
  return {
    categories: (categories.data?.items ?? []).filter((c) => c.active),
    departments: (departments.data?.items ?? []).filter((d) => d.active),
  };
}

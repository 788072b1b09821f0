import type { Department } from '@shared/api/problems.ts';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';

/** The active departments 督办 items and problems are assigned to. */
export function useDepartments(): Department[] {
  const departments = useApiQuery(apiGet('/departments'));
  return (departments.data?.items ?? []).filter((department) => department.active);
}

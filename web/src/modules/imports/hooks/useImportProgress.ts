import type { ImportView } from '@shared/api/imports.ts';
import { useEffect } from 'react';
import { useApiQuery, type ApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';

/** An import, asked for again every half second while it runs. */
export function useImportProgress(id: number | null): ApiQuery<ImportView> {
  const query = useApiQuery(
    id === null ? null : apiGet('/imports/{id}', { params: { path: { id } } }),
  );
  const { data, loading, reload } = query;
  const running = data?.id === id && data.status === 'running';
  useEffect(() => {
    if (!running || loading) return undefined;
    const timer = window.setTimeout(reload, 500);
    return () => window.clearTimeout(timer);
  }, [running, loading, reload, data]);
  return query;
}

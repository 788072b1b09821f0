import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../utils/ApiError.ts';
import { apiRequest } from '../utils/apiRequest.ts';

interface QueryState<T> {
  key: string | null;
  data: T | undefined;
  error: ApiError | null;
}

export interface ApiQuery<T> {
  /** The latest answer; while a new path loads, the previous answer stays (no flicker). */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the answer, e.g. with what a write returned. */
  setData: (data: T) => void;
}

/** GETs `path` (nothing when null) and again whenever it changes or `reload` is called. */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<QueryState<T>>({
    key: null,
    data: undefined,
    error: null,
  });
  const key = path === null ? null : `${version} ${path}`;

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    const requestKey = `${version} ${path}`;
    apiRequest<T>('GET', path, undefined, controller.signal).then(
      (data) => setState({ key: requestKey, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
        setState((previous) => ({ key: requestKey, data: previous.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setState({ key, data, error: null }), [key]);
  return {
    data: state.data,
    error: state.key === key ? state.error : null,
    loading: key !== null && state.key !== key,
    reload,
    setData,
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../utils/ApiError.ts';
import type { ApiGetRequest } from '../utils/apiClient.ts';

interface QueryState<T> {
  key: string | null;
  data: T | undefined;
  error: ApiError | null;
}

export interface ApiQuery<T> {
  /** The latest answer; while a new request loads, the previous answer stays (no flicker). */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the answer, e.g. with what a write returned. */
  setData: (data: T) => void;
}

/**
 * Runs a typed GET (nothing when null), e.g. `useApiQuery(apiGet('/parks'))`, and again whenever
 * its path or parameters change or `reload` is called. The answer's type is the contract's.
 */
export function useApiQuery<T>(request: ApiGetRequest<T> | null): ApiQuery<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<QueryState<T>>({
    key: null,
    data: undefined,
    error: null,
  });
  const requestKey = request === null ? null : request.key;
  const key = requestKey === null ? null : `${version} ${requestKey}`;
  // The request object is new on every render; its key says when it really changed.
  const latest = useRef(request);
  useEffect(() => {
    latest.current = request;
  });

  useEffect(() => {
    const current = latest.current;
    if (requestKey === null || current === null) return undefined;
    const controller = new AbortController();
    const stateKey = `${version} ${requestKey}`;
    current.run(controller.signal).then(
      (data) => setState({ key: stateKey, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
        setState((previous) => ({ key: stateKey, data: previous.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [requestKey, version]);

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

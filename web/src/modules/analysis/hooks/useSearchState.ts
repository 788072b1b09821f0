import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface SearchState {
  get: (name: string) => string | undefined;
  /** Sets (or, with undefined, removes) parameters of the address, keeping the others. */
  set: (values: Record<string, string | number | undefined>) => void;
}

/** A page's choices kept in its address, so a reload or a shared link shows the same figures. */
export function useSearchState(): SearchState {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string) => params.get(name) ?? undefined, [params]);
  const set = useCallback(
    (values: Record<string, string | number | undefined>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(values)) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { get, set };
}

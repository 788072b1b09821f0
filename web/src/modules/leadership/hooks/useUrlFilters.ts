import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters kept in the address: read one, set several at once (empty values are removed). */
export function useUrlFilters(): {
  get: (name: string) => string | undefined;
  set: (changes: Record<string, string | undefined>) => void;
} {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string) => params.get(name) ?? undefined, [params]);
  const set = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { get, set };
}

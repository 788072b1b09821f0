import { useSession } from './useSession.ts';

/** The region the chain office works for (the server's --home-region): where pages start. */
export function useHomeRegion(): string {
  return useSession().homeRegion;
}

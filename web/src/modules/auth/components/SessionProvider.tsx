import type { CurrentUser } from '@shared/api/auth.ts';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { UNAUTHENTICATED_EVENT } from '../../api/utils/unauthenticatedEvent.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { SessionContext, type SessionContextValue } from '../utils/SessionContext.ts';

type Loaded = { user: CurrentUser | null; homeRegion: string; defaultChain: string | null } | null;

/** Knows who is signed in: asks the server once, then follows sign-in, sign-out and 401s. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.GET('/auth/session', { signal: controller.signal }).then(
      (state) => setLoaded(state),
      () => {
        // Unreachable server: the login page says so; the region waits for the next load.
        if (!controller.signal.aborted)
          setLoaded({ user: null, homeRegion: '', defaultChain: null });
      },
    );
    const expired = () => setLoaded((previous) => previous && { ...previous, user: null });
    window.addEventListener(UNAUTHENTICATED_EVENT, expired);
    return () => {
      controller.abort();
      window.removeEventListener(UNAUTHENTICATED_EVENT, expired);
    };
  }, []);

  const knownRegion = loaded?.homeRegion ?? '';
  const knownChain = loaded?.defaultChain ?? null;
  const signedIn = useCallback(
    (user: CurrentUser) => {
      setLoaded({ user, homeRegion: knownRegion, defaultChain: knownChain });
      // The first ask found no server, so the region is unknown: ask again now it answers.
      if (!knownRegion) void api.GET('/auth/session').then(setLoaded, () => undefined);
    },
    [knownRegion, knownChain],
  );
  const signOut = useCallback(async () => {
    try {
      await api.POST('/auth/logout');
    } finally {
      setLoaded((previous) => previous && { ...previous, user: null });
    }
  }, []);
  const value = useMemo<SessionContextValue>(
    () => ({
      user: loaded?.user ?? null,
      homeRegion: loaded?.homeRegion ?? '',
      defaultChain: loaded?.defaultChain ?? null,
      signedIn,
      signOut,
    }),
    [loaded, signedIn, signOut],
  );

  if (!loaded) return <PageSpinner />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

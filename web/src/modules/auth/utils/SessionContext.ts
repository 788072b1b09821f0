import { createContext } from 'react';
import type { CurrentUser } from '@shared/api/auth.ts';

export interface SessionContextValue {
  /** The signed-in user, or null. */
  user: CurrentUser | null;
  /** The region the chain office works for, as the server is configured (e.g. 3202). */
  homeRegion: string;
  /** The chain the app opens on, as the server is configured; null when no chain is loaded. */
  defaultChain: string | null;
  signedIn: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

import { createContext } from 'react';
import type { CurrentUser } from '@shared/api/auth.ts';

export interface SessionContextValue {
  /** The signed-in user, or null. */
  user: CurrentUser | null;
  signedIn: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

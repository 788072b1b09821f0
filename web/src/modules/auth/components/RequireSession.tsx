import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../hooks/useSession.ts';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';

/**
 * Shows its children to a signed-in user (after a one-time password is changed); sends anyone
 * else to the login page and back.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // A one-time password: the API refuses everything else until it is changed, so ask first.
  if (user.mustChangePassword) return <ChangePasswordPage />;
  return children;
}

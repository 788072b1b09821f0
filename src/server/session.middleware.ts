import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../domain/app-error.ts';
import type { Db } from '../db/connection.ts';
import { userForSession } from '../services/auth/users.service.ts';
import { BACKGROUND_REQUEST_HEADER } from '../shared/background-request.ts';
import type { AppEnv } from './app-env.ts';

export const SESSION_COOKIE = 'chainlead_session';

/**
 * Puts the session's user (or null) on the context, and whether the cookie named a session that
 * timed out; refusing is left to each route's permission. `idleTimeoutMs` is the idle timeout
 * setting.
 */
export function sessionMiddleware(
  db: Db,
  { idleTimeoutMs }: { idleTimeoutMs: number },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    c.set('sessionToken', token);
    const touch = c.req.header(BACKGROUND_REQUEST_HEADER) !== '1';
    const found = token ? await userForSession(db, token, { idleTimeoutMs, touch }) : null;
    c.set('user', found?.status === 'active' ? found.user : null);
    c.set('sessionExpired', found?.status === 'expired');
    await next();
  };
}

/** The 401 for a request without a signed-in user: SESSION_EXPIRED when its session timed out. */
export function notSignedIn(c: Context<AppEnv>): AppError {
  return c.get('sessionExpired')
    ? new AppError('SESSION_EXPIRED', 'Your session ended after a time unused: sign in again.')
    : new AppError('UNAUTHENTICATED', 'Sign in first: this needs a session.');
}

import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/connection.ts';
import { userForSession } from '../services/auth/users.service.ts';
import type { AppEnv } from './app-env.ts';

export const SESSION_COOKIE = 'chainlead_session';

/** Puts the session's user (or null) on the context; refusing is left to each route's permission. */
export function sessionMiddleware(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    c.set('sessionToken', token);
    c.set('user', token ? await userForSession(db, token) : null);
    await next();
  };
}

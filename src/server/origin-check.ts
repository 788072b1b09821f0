import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../domain/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { requestOrigin } from './client-address.ts';
import type { SecuritySettings } from './security-settings.ts';
import { SESSION_COOKIE } from './session.middleware.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin of an Origin or Referer header value, or the raw value when it is not a URL. */
function originOf(value: string): string {
  try {
    return new URL(value).origin.toLowerCase();
  } catch {
    return value.toLowerCase();
  }
}

/**
 * Refuses a cross-site write riding on the session cookie (CSRF, beyond SameSite=Lax): a POST,
 * PUT, PATCH or DELETE that carries the cookie must come from the server's own origin (the Host it
 * was addressed by, or the public URL setting), as its Origin, or failing that its Referer, says.
 * A request with neither header is not a browser's cross-site request (browsers send Origin on
 * every cross-site POST) and passes: the CLI, curl and scripts. Throws ORIGIN_REFUSED (403).
 */
export function originCheck(
  settings: Pick<SecuritySettings, 'trustProxy' | 'publicOrigin'>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WRITES.has(c.req.method) || getCookie(c, SESSION_COOKIE) === undefined) return next();
    const stated = c.req.header('origin') ?? c.req.header('referer');
    if (stated === undefined) return next();
    const origin = originOf(stated);
    const own = requestOrigin(c, settings.trustProxy);
    if (origin === own || origin === settings.publicOrigin?.toLowerCase()) return next();
    throw new AppError(
      'ORIGIN_REFUSED',
      `A change from another site (${origin}) was refused: make it from this server's own pages` +
        (settings.publicOrigin ? ` (${settings.publicOrigin}).` : '.'),
      { origin },
    );
  };
}

import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/** The Node request behind a Hono context, when the app runs under @hono/node-server. */
function socketAddress(c: Context<AppEnv>): string | null {
  const env = c.env as
    { incoming?: { socket?: { remoteAddress?: string } }; server?: unknown } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * The client's address: the socket's peer, or with `trustProxy` the last X-Forwarded-For entry
 * (the one our proxy added; entries before it are whatever the client sent). `app.request` in
 * tests has no socket: there it is "unknown" unless the test sends X-Forwarded-For with trust on.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return socketAddress(c) ?? 'unknown';
}

/** The scheme the browser used: the request's own, or with `trustProxy` X-Forwarded-Proto's. */
export function requestProtocol(c: Context<AppEnv>, trustProxy: boolean): 'http' | 'https' {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (forwarded === 'https' || forwarded === 'http') return forwarded;
  }
  return new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
}

/** The origin the browser addressed: its scheme and the Host header (X-Forwarded-Host behind a trusted proxy). */
export function requestOrigin(c: Context<AppEnv>, trustProxy: boolean): string | null {
  const forwardedHost = trustProxy
    ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    : undefined;
  const host = forwardedHost || c.req.header('host') || new URL(c.req.url).host;
  if (!host) return null;
  return `${requestProtocol(c, trustProxy)}://${host.toLowerCase()}`;
}

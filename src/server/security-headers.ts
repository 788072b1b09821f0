import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * The Content-Security-Policy of every answer. Scripts only from this server and never inline
 * (the built web app and the API docs page load theirs from files), so injected markup cannot run
 * script; inline styles are allowed because AntD and ECharts set them; images also as data: and
 * blob: URLs (chart exports, icons); no plugins, no <base> rewriting, no framing, forms only here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Sets the browser-facing security headers on every answer (errors included): the CSP above,
 * X-Frame-Options DENY (frame-ancestors for old browsers), Referrer-Policy same-origin,
 * X-Content-Type-Options nosniff; and `Cache-Control: no-store` on /api answers that did not set
 * their own caching (the docs page's bundled assets do), so no shared or back-button cache keeps
 * a user's data. Static web assets keep the caching the web routes give them.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'same-origin');
    headers.set('X-Content-Type-Options', 'nosniff');
    if (
      (c.req.path === '/api' || c.req.path.startsWith('/api/')) &&
      !headers.has('cache-control')
    ) {
      headers.set('Cache-Control', 'no-store');
    }
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/connection.ts';
import { session } from '../db/schema.ts';
import { hashToken } from '../services/auth/users.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { createApp, type App } from './app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import type { SecuritySettings } from './security-settings.ts';

const ADMIN_PASSWORD = 'admin-security-pass';
const MAYOR_PASSWORD = 'mayor-knows-this-one';

interface Answer {
  status: number;
  headers: Headers;
  body: ErrorResponse & Record<string, unknown>;
}

describe(`sessions and browsers (${testDatabaseKind()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD });
    const setup = makeApp();
    const cookie = await signIn(setup, 'admin', ADMIN_PASSWORD);
    const created = await send(setup, 'POST', '/api/users', {
      cookie,
      body: { username: 'mayor', password: MAYOR_PASSWORD, role: 'viewer' },
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await database.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function makeApp(security: Partial<SecuritySettings> = {}): App {
    return createApp({ database, version: 'test', security });
  }

  async function send(
    app: App,
    method: string,
    path: string,
    options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
    url = `http://localhost${path}`,
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = (text.startsWith('{') ? JSON.parse(text) : {}) as Answer['body'];
    return { status: response.status, headers: response.headers, body };
  }

  const login = (app: App, username: string, password: string, from?: string) =>
    send(app, 'POST', '/api/auth/login', {
      body: { username, password },
      headers: from ? { 'x-forwarded-for': from } : {},
    });

  async function signIn(app: App, username: string, password: string): Promise<string> {
    const answer = await login(app, username, password);
    expect(answer.status).toBe(200);
    return (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  describe('login throttling per account and address', () => {
    it('answers the 11th wrong password from one address within a minute with 429 and Retry-After, while the right password from another address still signs in', async () => {
      const app = makeApp({ trustProxy: true });
      const attacker = '203.0.113.9';
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const wrong = await login(app, 'mayor', `guess-number-${attempt}`, attacker);
        expect(wrong.status, `attempt ${attempt}`).toBe(401);
      }
      const eleventh = await login(app, 'mayor', 'guess-number-11', attacker);
      expect(eleventh.status).toBe(429);
      expect(eleventh.body.error.code).toBe('RATE_LIMITED');
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits from the throttled address…
      expect((await login(app, 'mayor', MAYOR_PASSWORD, attacker)).status).toBe(429);
      // …but the mayor, elsewhere, is not locked out.
      expect((await login(app, 'mayor', MAYOR_PASSWORD, '198.51.100.20')).status).toBe(200);
      // Another account from the attacker's address is not throttled either.
      expect((await login(app, 'admin', ADMIN_PASSWORD, attacker)).status).toBe(200);
    });

    it('doubles the delay with each further failure and forgets it after a success', async () => {
      const app = makeApp({ trustProxy: true });
      const from = '203.0.113.50';
      vi.useFakeTimers({ toFake: ['Date'] });
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        await login(app, 'mayor', `wrong-${attempt}`, from);
      }
      const first = Number((await login(app, 'mayor', 'x', from)).headers.get('retry-after'));
      vi.setSystemTime(Date.now() + first * 1000 + 1);
      expect((await login(app, 'mayor', 'still-wrong', from)).status).toBe(401);
      const second = await login(app, 'mayor', 'x', from);
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBe(first * 2);
      vi.setSystemTime(Date.now() + first * 2 * 1000 + 1);
      expect((await login(app, 'mayor', MAYOR_PASSWORD, from)).status).toBe(200);
      // A fresh start: one wrong password is a plain 401 again.
      expect((await login(app, 'mayor', 'wrong-again', from)).status).toBe(401);
    });

    it('counts unknown usernames too, and ignores X-Forwarded-For unless the proxy is trusted', async () => {
      const app = makeApp({ trustProxy: false });
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        await login(app, 'nobody-here', `wrong-${attempt}`, `192.0.2.${attempt}`);
      }
      // Without trust every request is the same (socket) address, whatever the header claims.
      expect((await login(app, 'nobody-here', 'wrong', '192.0.2.200')).status).toBe(429);
    });
  });

  describe('idle timeout', () => {
    it('ends a session unused for the idle timeout with 401 SESSION_EXPIRED, writing last use at most once a minute', async () => {
      const app = makeApp({ idleTimeoutMs: 30 * 60_000 });
      vi.useFakeTimers({ toFake: ['Date'] });
      const cookie = await signIn(app, 'mayor', MAYOR_PASSWORD);
      const tokenHash = hashToken(cookie.split('=')[1] ?? '');
      const storedEnd = async () =>
        (
          await database.db.select().from(session).where(eq(session.tokenHash, tokenHash))
        )[0]?.expiresAt.getTime();
      const signedInEnd = await storedEnd();
      expect(signedInEnd).toBeCloseTo(Date.now() + 30 * 60_000, -3);

      // Used within the minute: nothing written.
      vi.setSystemTime(Date.now() + 30_000);
      expect((await send(app, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
      expect(await storedEnd()).toBe(signedInEnd);

      // The notification bell's timed poll 10 minutes later is served but is no sign of the user.
      vi.setSystemTime(Date.now() + 10 * 60_000);
      const poll = await send(app, 'GET', '/api/auth/me', {
        cookie,
        headers: { 'x-background-request': '1' },
      });
      expect(poll.status).toBe(200);
      expect(await storedEnd()).toBe(signedInEnd);

      // Used 10 minutes after that: the end slides to 30 minutes from now.
      vi.setSystemTime(Date.now() + 10 * 60_000);
      expect((await send(app, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
      const slid = await storedEnd();
      expect(slid).toBeCloseTo(Date.now() + 30 * 60_000, -3);

      // Unused for 31 minutes: the session has ended.
      vi.setSystemTime(Date.now() + 31 * 60_000);
      const expired = await send(app, 'GET', '/api/auth/me', { cookie });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('SESSION_EXPIRED');
      // A cookie that names no session at all is simply signed out.
      const unknown = await send(app, 'GET', '/api/auth/me', { cookie: 'chainlead_session=nope' });
      expect(unknown.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('origin check for cookie-authenticated writes', () => {
    it('refuses a JSON POST /api/users from another site (403 ORIGIN_REFUSED, nothing created) and accepts the same origin', async () => {
      const app = makeApp();
      const cookie = await signIn(app, 'admin', ADMIN_PASSWORD);
      const user = (username: string) => ({
        username,
        password: 'a-decent-password',
        role: 'viewer',
      });
      const evil = await send(app, 'POST', '/api/users', {
        cookie,
        body: user('csrf-victim'),
        headers: { origin: 'http://evil.example' },
      });
      expect(evil.status).toBe(403);
      expect(evil.body.error.code).toBe('ORIGIN_REFUSED');
      const viaReferer = await send(app, 'POST', '/api/users', {
        cookie,
        body: user('csrf-victim'),
        headers: { referer: 'http://evil.example/page' },
      });
      expect(viaReferer.status).toBe(403);
      const list = await send(app, 'GET', '/api/users', { cookie });
      expect(JSON.stringify(list.body)).not.toContain('csrf-victim');

      const sameOrigin = await send(app, 'POST', '/api/users', {
        cookie,
        body: user('same-origin-user'),
        headers: { origin: 'http://localhost' },
      });
      expect(sameOrigin.status).toBe(201);
      // No Origin and no Referer: a script or the CLI, not a browser's cross-site request.
      const scripted = await send(app, 'POST', '/api/users', {
        cookie,
        body: user('scripted-user'),
      });
      expect(scripted.status).toBe(201);
    });

    it('accepts the configured public URL as an origin', async () => {
      const app = makeApp({ publicOrigin: 'https://chain.example.gov.cn' });
      const cookie = await signIn(app, 'admin', ADMIN_PASSWORD);
      const answer = await send(app, 'POST', '/api/auth/logout', {
        cookie,
        headers: { origin: 'https://chain.example.gov.cn' },
      });
      expect(answer.status).toBe(204);
    });
  });

  describe('security headers', () => {
    it('sends CSP, framing, referrer and nosniff headers on every answer, and no-store on the API', async () => {
      const app = makeApp();
      for (const path of ['/api/health', '/api/enterprises', '/api/docs', '/', '/api/no-such']) {
        const answer = await send(app, 'GET', path);
        expect(answer.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
        expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
        expect(answer.headers.get('referrer-policy'), path).toBe('same-origin');
        expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
        if (path.startsWith('/api/')) {
          expect(answer.headers.get('cache-control'), path).toBe('no-store');
        }
      }
      expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      // The docs page's bundled assets keep their own caching.
      const css = await send(app, 'GET', '/api/docs/swagger-ui.css');
      expect(css.headers.get('cache-control')).toMatch(/max-age/);
    });

    it('serves pages without inline script, so script-src self holds (web app and API docs)', async () => {
      const docs = await makeApp().request('/api/docs');
      const pages = [
        await docs.text(),
        readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8'),
      ];
      for (const page of pages) {
        const scripts = page.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
        expect(page).not.toMatch(/\son[a-z]+=/i);
      }
    });
  });

  const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  it.skipIf(!existsSync(join(webDist, 'index.html')))(
    'serves the built web app without inline script, its hashed assets still cached for a year',
    async () => {
      const app = createApp({ database, version: 'test', webDist });
      const page = await app.request('/');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const html = await page.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
      const script = await app.request(asset);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toMatch(/immutable/);
    },
  );

  describe('Secure session cookie', () => {
    const cookieOf = async (app: App, url: string, headers: Record<string, string> = {}) => {
      const response = await app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'mayor', password: MAYOR_PASSWORD }),
      });
      expect(response.status).toBe(200);
      return response.headers.get('set-cookie') ?? '';
    };

    it('is Secure over HTTPS, behind a trusted proxy that says HTTPS, or when forced', async () => {
      const plain = makeApp();
      expect(await cookieOf(plain, 'http://localhost/api/auth/login')).not.toMatch(/Secure/);
      expect(await cookieOf(plain, 'https://localhost/api/auth/login')).toMatch(/Secure/);
      // An untrusted X-Forwarded-Proto is anyone's to send.
      expect(
        await cookieOf(plain, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'https' }),
      ).not.toMatch(/Secure/);
      const proxied = makeApp({ trustProxy: true });
      expect(
        await cookieOf(proxied, 'http://localhost/api/auth/login', {
          'x-forwarded-proto': 'https',
        }),
      ).toMatch(/Secure/);
      const forced = makeApp({ alwaysSecureCookies: true });
      expect(await cookieOf(forced, 'http://localhost/api/auth/login')).toMatch(/Secure/);
    });
  });

  describe('password policy over the API', () => {
    it('refuses weak passwords with PASSWORD_TOO_WEAK naming the field, on create and on change', async () => {
      const app = makeApp();
      const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
      for (const [username, password] of [
        ['weak-one', 'password123'],
        ['weak-two', 'short-pw'],
        ['weak-three', 'weak-three'],
        ['weak-four', 'zzzzzzzzzzzz'],
      ] as const) {
        const answer = await send(app, 'POST', '/api/users', {
          cookie: admin,
          body: { username, password, role: 'viewer' },
        });
        expect(answer.status, password).toBe(400);
        expect(answer.body.error).toMatchObject({
          code: 'PASSWORD_TOO_WEAK',
          details: { field: 'password' },
        });
      }
      const mayor = await signIn(app, 'mayor', MAYOR_PASSWORD);
      const change = await send(app, 'POST', '/api/auth/password', {
        cookie: mayor,
        body: { currentPassword: MAYOR_PASSWORD, newPassword: 'qwertyuiop' },
      });
      expect(change.status).toBe(400);
      expect(change.body.error).toMatchObject({
        code: 'PASSWORD_TOO_WEAK',
        details: { field: 'newPassword' },
      });
    });
  });
});

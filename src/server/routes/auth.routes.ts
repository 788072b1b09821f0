import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  changeOwnPasswordRequestSchema,
  currentUserSchema,
  loginRequestSchema,
  loginResponseSchema,
  sessionStateSchema,
  type CurrentUser,
} from '../../shared/api/auth.ts';
import { errorResponseSchema } from '../../shared/api/common.ts';
import { ROLE_PERMISSIONS } from '../../shared/permissions.ts';
import {
  login,
  logout,
  userDetail,
  type UserDetail,
  type UserView,
} from '../../services/auth/users.service.ts';
import { changeOwnPassword } from '../../services/auth/user-admin.service.ts';
import { getPlaceSettings } from '../../services/settings/place-settings.service.ts';
import type { Db } from '../../db/connection.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';
import { SESSION_COOKIE } from '../session.middleware.ts';
import { AppError } from '../../domain/app-error.ts';
import { clientAddress, requestProtocol } from '../client-address.ts';
import { loginRateLimited, type LoginThrottle } from '../login-throttle.ts';
import type { SecuritySettings } from '../security-settings.ts';

const postLogin = defineRoute({
  example: { body: { username: 'analyst', password: 'chainlead-analyst' } },
  method: 'post',
  path: '/api/auth/login',
  permission: 'public',
  tags: ['Auth'],
  summary:
    'Sign in with username and password; sets the session cookie. After 10 wrong passwords for ' +
    'one account from one address within a minute, answers 429 RATE_LIMITED with Retry-After ' +
    '(the delay doubles with further failures, up to 15 minutes)',
  request: { body: { content: json(loginRequestSchema), required: true } },
  responses: {
    200: { description: 'Signed in', content: json(loginResponseSchema) },
    429: {
      description: 'RATE_LIMITED: too many wrong passwords for this account from this address',
      headers: {
        'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
      },
      content: json(errorResponseSchema),
    },
  },
});

const postLogout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  permission: 'authenticated',
  tags: ['Auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out' } },
});

const getMe = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  permission: 'authenticated',
  tags: ['Auth'],
  summary: 'The signed-in user and what they may do',
  responses: { 200: { description: 'The current user', content: json(currentUserSchema) } },
});

const getSession = defineRoute({
  method: 'get',
  path: '/api/auth/session',
  permission: 'public',
  tags: ['Auth'],
  summary: 'The signed-in user, or null: lets a page ask without provoking a 401',
  responses: { 200: { description: 'The session state', content: json(sessionStateSchema) } },
});

const postPassword = defineRoute({
  example: {
    body: { currentPassword: 'chainlead-analyst', newPassword: 'quiet-harbour-lantern-42' },
  },
  method: 'post',
  path: '/api/auth/password',
  permission: 'authenticated',
  tags: ['Auth'],
  summary:
    'Change your own password (the current one must match); clears a one-time password and ends your other sessions',
  request: { body: { content: json(changeOwnPasswordRequestSchema), required: true } },
  responses: { 204: { description: 'Changed' } },
});

function presentDetail(user: UserDetail): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    parkId: user.parkId,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    enterpriseId: user.enterpriseId,
    enterpriseName: user.enterpriseName,
    chainCodes: user.chainCodes,
    mustChangePassword: user.mustChangePassword,
    permissions: [...ROLE_PERMISSIONS[user.role]],
  };
}

async function presentCurrentUser(db: Db, user: UserView): Promise<CurrentUser> {
  return presentDetail(await userDetail(db, user));
}

/** Signs in, throttled per account and client address (login-throttle.ts). */
async function throttledLogin(
  c: Context<AppEnv>,
  db: Db,
  { security, throttle }: AuthRouteOptions,
  { username, password }: { username: string; password: string },
) {
  const address = clientAddress(c, security.trustProxy);
  const wait = throttle.retryAfterSeconds(username, address);
  if (wait > 0) throw loginRateLimited(wait);
  try {
    const session = await login(db, username, password, security);
    throttle.recordSuccess(username, address);
    return session;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      throttle.recordFailure(username, address);
    }
    throw error;
  }
}

export interface AuthRouteOptions {
  security: SecuritySettings;
  throttle: LoginThrottle;
}

export function registerAuthRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  options: AuthRouteOptions,
): void {
  const db = deps.database.db;
  const { security } = options;
  app.openapi(postLogin, async (c) => {
    const session = await throttledLogin(c, db, options, c.req.valid('json'));
    // Secure over HTTPS (or behind a trusted proxy that says so), or when a setting forces it.
    const secure =
      security.alwaysSecureCookies ||
      (deps.secureCookies ?? false) ||
      requestProtocol(c, security.trustProxy) === 'https';
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure,
      // The browser keeps the cookie to the session's absolute end; the idle timeout is the
      // server's to apply, so that a timed-out session answers SESSION_EXPIRED.
      expires: session.maxExpiresAt,
    });
    return c.json(
      {
        user: await presentCurrentUser(db, session.user),
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  });
  app.openapi(postLogout, async (c) => {
    const user = currentUser(c);
    const token = c.get('sessionToken');
    if (token) await logout(db, { id: user.id, name: user.username }, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  app.openapi(getMe, async (c) => c.json(await presentCurrentUser(db, currentUser(c)), 200));
  app.openapi(postPassword, async (c) => {
    await changeOwnPassword(db, currentUser(c), c.get('sessionToken'), c.req.valid('json'));
    return c.body(null, 204);
  });
  // A serve flag (or its env variable) wins over the stored setting; with neither, the home
  // region is the demo's (the region a first start shows) and the chain the first loaded.
  const flags = { homeRegion: deps.homeRegion, defaultChain: deps.defaultChain };
  app.openapi(getSession, async (c) => {
    const user = c.get('user');
    const [presented, place] = await Promise.all([
      user ? presentCurrentUser(db, user) : null,
      getPlaceSettings(db, flags),
    ]);
    const { homeRegion, defaultChain } = place.effective;
    return c.json({ user: presented, homeRegion, defaultChain }, 200);
  });
}

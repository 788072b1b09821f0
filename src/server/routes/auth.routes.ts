import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  changeOwnPasswordRequestSchema,
  currentUserSchema,
  loginRequestSchema,
  loginResponseSchema,
  sessionStateSchema,
  type CurrentUser,
} from '../../shared/api/auth.ts';
import { ROLE_PERMISSIONS } from '../../shared/permissions.ts';
import {
  login,
  logout,
  userDetail,
  type UserDetail,
  type UserView,
} from '../../services/auth/users.service.ts';
import { changeOwnPassword } from '../../services/auth/user-admin.service.ts';
import type { Db } from '../../db/connection.ts';
import { WUXI } from '../../services/demo/demo-plan.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';
import { SESSION_COOKIE } from '../session.middleware.ts';

const postLogin = defineRoute({
  example: { body: { username: 'analyst', password: 'chainlead-analyst' } },
  method: 'post',
  path: '/api/auth/login',
  permission: 'public',
  tags: ['Auth'],
  summary: 'Sign in with username and password; sets the session cookie',
  request: { body: { content: json(loginRequestSchema), required: true } },
  responses: { 200: { description: 'Signed in', content: json(loginResponseSchema) } },
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

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(postLogin, async (c) => {
    const { username, password } = c.req.valid('json');
    const session = await login(db, username, password);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: deps.secureCookies ?? false,
      expires: session.expiresAt,
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
  // Unset, the home region is the demo's: the region a first start shows.
  const homeRegion = deps.homeRegion ?? WUXI;
  app.openapi(getSession, async (c) => {
    const user = c.get('user');
    return c.json({ user: user ? await presentCurrentUser(db, user) : null, homeRegion }, 200);
  });
}

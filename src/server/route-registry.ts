import {
  createRoute,
  type OpenAPIHono,
  type RouteConfig,
  type RouteHandler,
} from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { AppError, invalidFields } from '../domain/app-error.ts';
import { roleHasPermission, type Permission } from '../shared/permissions.ts';
import { UPLOAD_FIELD_ORDER, errorResponseSchema } from '../shared/api/common.ts';
import type { AppEnv } from './app-env.ts';
import { assertChainInScope } from '../services/auth/chain-scope.ts';
import { notSignedIn } from './session.middleware.ts';

/**
 * The routes a user with a one-time password may still use: enough to see who they are, sign in
 * and out, and choose a new password.
 */
export const ROUTES_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  '/api/auth/session',
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/password',
  '/api/health',
]);

/**
 * The chain a request is about: the `{code}` of a /api/chains/{code}… route, or the `?chain=`
 * filter of any other; null when it names none.
 */
function requestedChain(c: Context<AppEnv>): string | null {
  if (c.req.routePath.startsWith('/api/chains/:code')) return c.req.param('code') ?? null;
  return c.req.query('chain') ?? null;
}

/**
 * Refuses the request unless its user holds `permission`: 401 without a session, 403 without it,
 * 403 PASSWORD_CHANGE_REQUIRED while a one-time password is in use (but for the few routes that
 * change it), and 403 FORBIDDEN for a chain outside the user's chain list.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission !== 'public') {
      const user = c.get('user');
      if (!user) throw notSignedIn(c);
      if (user.mustChangePassword && !ROUTES_BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
        throw new AppError(
          'PASSWORD_CHANGE_REQUIRED',
          'Your password is a one-time password: choose a new one first (POST /api/auth/password).',
        );
      }
      if (!roleHasPermission(user.role, permission)) {
        throw new AppError(
          'FORBIDDEN',
          `Your role (${user.role}) may not do this: it needs the "${permission}" permission.`,
          { permission },
        );
      }
      const chain = requestedChain(c);
      if (chain !== null) assertChainInScope(user, chain);
    }
    await next();
  };
}

/** The `content` of a JSON request body or response, for route definitions. */
export const json = <T>(schema: T) => ({ 'application/json': { schema } });

/**
 * The multipart/form-data body of an upload route, for its OpenAPI document; serve the route with
 * `openapiUpload`, which leaves the body to `readUpload`.
 */
export function multipartBody<S extends z.ZodType>(schema: S, description?: string) {
  return {
    description: description ? `${description} ${UPLOAD_FIELD_ORDER}` : UPLOAD_FIELD_ORDER,
    content: { 'multipart/form-data': { schema } },
    required: true,
  };
}

/**
 * Serves an upload route: documented with its multipart body, but served without the framework's
 * form validator, which would read the whole body into memory before the handler runs.
 * `readUpload` streams the body instead and checks the fields against the same schema.
 */
export function openapiUpload<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  handler: RouteHandler<R, AppEnv>,
): void {
  const { middleware: _middleware, ...documented } = route;
  app.openAPIRegistry.registerPath(documented);
  const served = { ...route, request: { ...route.request, body: undefined }, hide: true };
  app.openapi(served, handler);
}

const errorContent = json(errorResponseSchema);
const commonErrors = {
  400: { description: 'Invalid input', content: errorContent },
  401: { description: 'No valid session', content: errorContent },
  403: { description: 'The role lacks the permission', content: errorContent },
};

/** Whether a zod schema is an object that refuses unknown keys (`z.strictObject` / `.strict()`). */
export function isStrictObject(schema: unknown): boolean {
  if (schema instanceof z.ZodUnion) return schema.options.every(isStrictObject);
  if (!(schema instanceof z.ZodObject)) return false;
  const catchall = (schema.def as { catchall?: z.ZodType }).catchall;
  return catchall instanceof z.ZodNever;
}

type RouteRequest = NonNullable<RouteConfig['request']>;

/**
 * The request part of a route with unknown keys refused everywhere: query and path parameters made
 * strict here (a route without a query takes none), and every JSON body required to be declared
 * strict, so an unknown field is a 400 naming it on every route, including those added later.
 */
function strictRequest(path: string, request: RouteRequest | undefined): RouteRequest {
  const query = request?.query ?? z.object({});
  const params = request?.params;
  for (const [type, media] of Object.entries(request?.body?.content ?? {})) {
    if (type === 'application/json' && !isStrictObject((media as { schema?: unknown }).schema)) {
      throw new Error(`${path}: a JSON body schema must be strict (z.strictObject)`);
    }
  }
  return {
    ...request,
    query: query instanceof z.ZodObject ? query.strict() : query,
    ...(params instanceof z.ZodObject ? { params: params.strict() } : {}),
  };
}

/**
 * A request that succeeds on the demo database, declared with its route and published in the
 * OpenAPI document as `x-example`. Path and query values a route leaves out come from each
 * parameter's own `example`. The fuzz test (src/server/api-fuzz.test.ts) sends every one and
 * requires a 2xx, so that refusing everything cannot pass it.
 */
export interface RouteExample {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body: the form's fields, then a file of this name and text in the field "file". */
  upload?: { fields?: Record<string, string>; fileName: string; text: string };
  /** Path parameters taken from the first item of a list the same user reads, e.g. { id: '/api/notifications' }. */
  paramsFrom?: Record<string, string>;
  /** Sent by this demo user rather than the admin (for what only that role has, e.g. its notifications). */
  as?: { username: string; password: string };
  /** Why the example is sent where it is in the run, when it needs something an earlier one made. */
  note?: string;
}

/**
 * Refuses a body sent to a route that takes none (400), rather than ignoring what it asked for:
 * `{"ids": [1]}` sent to "mark all read" must not mark everything read. No body, an empty one or
 * `{}` pass.
 */
const refuseBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    const sent = contentType.startsWith('multipart/') ? 'a form' : (await c.req.text()).trim();
    if (sent !== '' && sent !== '{}') {
      throw invalidFields([{ field: '(body)', message: 'this request takes no body; send none' }]);
    }
  }
  await next();
};

/**
 * Declares an API route with the one permission it needs. The permission guards the route, shows
 * in the OpenAPI document as `x-permission`, and is what the route-coverage test checks.
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  config: R & { permission: Permission; example?: RouteExample },
) {
  const { permission, example, ...declared } = config;
  // The same types: strictness changes what is accepted, not what a valid request holds.
  const route = {
    ...declared,
    request: strictRequest(declared.path, declared.request),
  } as typeof declared;
  return createRoute({
    ...route,
    'x-permission': permission,
    ...(example ? { 'x-example': example } : {}),
    security: permission === 'public' ? [] : [{ cookieAuth: [] }],
    // A route without a body also refuses one (refuseBody).
    middleware: [
      requirePermission(permission),
      ...(declared.request?.body === undefined ? [refuseBody] : []),
    ] satisfies MiddlewareHandler<AppEnv>[],
    responses: { ...commonErrors, ...route.responses },
  });
}

/** The permission of routes that are not API operations (documents, pages), by method and path. */
export type PlainRoutePermissions = Map<string, Permission>;

/** Registers a route outside the OpenAPI document (docs, static files) with its permission. */
export function plainRoute(
  app: OpenAPIHono<AppEnv>,
  registry: PlainRoutePermissions,
  method: 'GET',
  path: string,
  permission: Permission,
  handler: Handler<AppEnv>,
): void {
  registry.set(`${method} ${path}`, permission);
  app.on(method, path, requirePermission(permission), handler);
}

/** The current user, for handlers behind a non-public permission (it always has one there). */
export function currentUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw notSignedIn(c);
  return user;
}

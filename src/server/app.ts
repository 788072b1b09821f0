import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import { AppError } from '../domain/app-error.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import {
  httpStatusFor,
  inputErrorFromDatabase,
  invalidRequest,
  serverErrorLogLine,
} from './http-errors.ts';
import type { IssueSource } from '../shared/api/issue-wording.ts';
import { bodySizeGuard, requestIdMiddleware, unsafeTextGuard } from './request-guard.ts';
import { releaseUpload } from './upload.ts';
import type { PlainRoutePermissions } from './route-registry.ts';
import { sessionMiddleware } from './session.middleware.ts';
import { LoginThrottle } from './login-throttle.ts';
import { originCheck } from './origin-check.ts';
import { securityHeaders } from './security-headers.ts';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from './security-settings.ts';
import { registerAnalysisRoutes } from './routes/analysis.routes.ts';
import { registerAttractRoutes } from './routes/attract.routes.ts';
import { registerAuthRoutes } from './routes/auth.routes.ts';
import { registerCalendarRoutes } from './routes/calendar.routes.ts';
import { registerChainRoutes } from './routes/chains.routes.ts';
import { registerChainTemplateRoutes } from './routes/chain-templates.routes.ts';
import { registerDocsRoutes } from './routes/docs.routes.ts';
import { registerEnterpriseRoutes } from './routes/enterprises.routes.ts';
import { registerHealthRoutes } from './routes/health.routes.ts';
import { registerImportRoutes } from './routes/imports.routes.ts';
import { registerLeadershipRoutes } from './routes/leadership.routes.ts';
import { registerMapRoutes } from './routes/maps.routes.ts';
import { registerLinkRoutes } from './routes/links.routes.ts';
import { registerNotificationRoutes } from './routes/notifications.routes.ts';
import { registerNeedRoutes } from './routes/needs.routes.ts';
import { registerExpertRoutes } from './routes/experts.routes.ts';
import { registerEventRoutes } from './routes/events.routes.ts';
import { registerPlatformRoutes } from './routes/platforms.routes.ts';
import { registerParkSpaceRoutes } from './routes/park-space.routes.ts';
import { registerParkRoutes } from './routes/parks.routes.ts';
import { registerAuditRoutes } from './routes/audit.routes.ts';
import { registerProblemRoutes } from './routes/problems.routes.ts';
import { registerProblemReportRoutes } from './routes/problem-reports.routes.ts';
import { registerProjectRoutes } from './routes/projects.routes.ts';
import { registerRegionRoutes } from './routes/regions.routes.ts';
import { registerStatisticsRoutes } from './routes/statistics.routes.ts';
import { registerSettingsRoutes } from './routes/settings.routes.ts';
import { registerUserRoutes } from './routes/users.routes.ts';
import { registerWebRoutes } from './routes/web.routes.ts';

export type App = OpenAPIHono<AppEnv> & { plainRoutePermissions: PlainRoutePermissions };

function errorBody(
  code: AppError['code'],
  message: string,
  details?: unknown,
  requestId?: string,
): ErrorResponse {
  return {
    error: {
      code,
      message,
      ...(details !== undefined && { details }),
      ...(requestId !== undefined && { requestId }),
    },
  };
}

function respondWithError(error: unknown, c: Context<AppEnv>) {
  const known = error instanceof AppError ? error : inputErrorFromDatabase(error);
  if (known) {
    const retryAfter = (known.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    // The body was not read to its end: a client keeping the connection would send its next
    // request into the rest of it.
    if (known.code === 'REQUEST_TOO_LARGE') c.header('Connection', 'close');
    if (known.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
      c.header('Retry-After', String(retryAfter));
    }
    return c.json(errorBody(known.code, known.message, known.details), httpStatusFor(known.code));
  }
  if (error instanceof HTTPException && error.status === 415) {
    // The body's Content-Type is not one the route takes: say which the API takes, and where.
    return c.json(
      errorBody(
        'VALIDATION_FAILED',
        `Content-Type ${c.req.header('content-type') ?? '(none)'} is not taken here: send JSON as ` +
          'application/json, a file as multipart/form-data (each route says which in /api/openapi.json).',
        { field: 'content-type' },
      ),
      400,
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono raises these for malformed requests, e.g. a body that is not JSON.
    return c.json(errorBody('VALIDATION_FAILED', error.message || 'Malformed request.'), 400);
  }
  const requestId = c.get('requestId') ?? 'none';
  console.error(
    serverErrorLogLine(error, { requestId, method: c.req.method, route: c.req.routePath }),
  );
  return c.json(
    errorBody(
      'INTERNAL',
      `Something went wrong on the server; it was logged as request ${requestId}.`,
      undefined,
      requestId,
    ),
    500,
  );
}

/** The request part a route's schema checked, as the error wording knows it. */
function sourceOf(target: string): IssueSource {
  return target === 'query' || target === 'param' || target === 'json' ? target : 'form';
}

/** Builds the HTTP app (no listening): the API, its OpenAPI document, docs page and web app. */
export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const error = invalidRequest(result.error.issues, sourceOf(result.target));
      return c.json(errorBody(error.code, error.message, error.details), 400);
    },
  });
  const plainRoutePermissions: PlainRoutePermissions = new Map();

  app.onError(respondWithError);
  app.notFound((c) =>
    c.json(errorBody('ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404),
  );
  const security: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS, ...deps.security };
  app.use('*', securityHeaders());
  app.use('*', requestIdMiddleware());
  app.use('/api/*', originCheck(security));
  app.use('/api/*', bodySizeGuard());
  app.use('/api/*', unsafeTextGuard());
  app.use('/api/*', sessionMiddleware(deps.database.db, security));
  // A handler that threw before its service read the uploaded file leaves the body unread.
  app.use('/api/*', async (c, next) => {
    await next();
    releaseUpload(c.req.raw);
  });

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps, { security, throttle: new LoginThrottle() });
  registerChainTemplateRoutes(app, deps);
  registerChainRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerRegionRoutes(app, deps);
  registerMapRoutes(app, deps);
  registerEnterpriseRoutes(app, deps);
  registerParkRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerAttractRoutes(app, deps);
  registerProjectRoutes(app, deps);
  registerParkSpaceRoutes(app, deps);
  // Before any /api/problems/{id} route, which would take "summary" and "export" for an id.
  registerProblemReportRoutes(app, deps);
  registerProblemRoutes(app, deps);
  registerLeadershipRoutes(app, deps);
  registerLinkRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerNeedRoutes(app, deps);
  registerExpertRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerPlatformRoutes(app, deps);
  registerDocsRoutes(app, deps, plainRoutePermissions);
  // Last: every other GET outside /api is the web app.
  registerWebRoutes(app, deps, plainRoutePermissions);

  return Object.assign(app, { plainRoutePermissions });
}

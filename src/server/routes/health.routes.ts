import type { OpenAPIHono } from '@hono/zod-openapi';
import { isDemoLoaded } from '../../services/demo/demo.service.ts';
import { findChromium } from '../../services/report/report-pdf.ts';
import { healthSchema } from '../../shared/api/auth.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { defineRoute } from '../route-registry.ts';

const getHealth = defineRoute({
  method: 'get',
  path: '/api/health',
  permission: 'public',
  tags: ['System'],
  summary: 'Liveness and database check',
  responses: {
    200: {
      description: 'The server and its database answer',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(getHealth, async (c) => {
    const demoLoaded = await isDemoLoaded(deps.database.db);
    return c.json(
      {
        status: 'ok' as const,
        version: deps.version,
        database: deps.database.kind,
        demoLoaded,
        pdfReports: findChromium() !== null,
      },
      200,
    );
  });
}

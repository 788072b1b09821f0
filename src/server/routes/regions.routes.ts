import type { OpenAPIHono } from '@hono/zod-openapi';
import { listSchema } from '../../shared/api/common.ts';
import { regionQuerySchema, regionSchema } from '../../shared/api/regions.ts';
import { listRegions } from '../../services/reference/regions.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { defineRoute } from '../route-registry.ts';

const listRegionsRoute = defineRoute({
  method: 'get',
  path: '/api/regions',
  permission: 'region:read',
  tags: ['Regions'],
  summary: 'Administrative regions: the provinces, or the children of `parent`',
  request: { query: regionQuerySchema },
  responses: {
    200: {
      description: 'The regions',
      content: { 'application/json': { schema: listSchema(regionSchema) } },
    },
  },
});

export function registerRegionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listRegionsRoute, async (c) =>
    c.json(await listRegions(deps.database.db, c.req.valid('query').parent ?? null), 200),
  );
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { listSchema } from '../../shared/api/common.ts';
import {
  regionMatchSchema,
  regionQuerySchema,
  regionSchema,
  regionSearchQuerySchema,
} from '../../shared/api/regions.ts';
import { searchRegions } from '../../services/reference/region-search.service.ts';
import { regionOverviewParamsSchema, regionOverviewSchema } from '../../shared/api/overview.ts';
import { listRegions } from '../../services/reference/regions.service.ts';
import { buildRegionOverview } from '../../services/overview/region-overview.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute } from '../route-registry.ts';

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

const searchRegionsRoute = defineRoute({
  example: { query: { q: 'wuxi' } },
  method: 'get',
  path: '/api/regions/search',
  permission: 'region:read',
  tags: ['Regions'],
  summary: 'Find regions by name, pinyin (wuxi), initials (wx), English name or code prefix',
  request: { query: regionSearchQuerySchema },
  responses: {
    200: {
      description: 'The best matches first, each with its English name and its path',
      content: { 'application/json': { schema: listSchema(regionMatchSchema) } },
    },
  },
});

const regionOverviewRoute = defineRoute({
  method: 'get',
  path: '/api/regions/{code}/overview',
  // The city overview is the chain leaders' view of every chain: it reads as the leader pages do.
  permission: 'leader:read',
  tags: ['Regions'],
  summary: 'The city overview (市级总览): every chain of a region with its leader and figures',
  example: { params: { code: '3202' } },
  request: { params: regionOverviewParamsSchema },
  responses: {
    200: {
      description: "Each chain the user may see, with the figures of that chain's analysis",
      content: { 'application/json': { schema: regionOverviewSchema } },
    },
  },
});

export function registerRegionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listRegionsRoute, async (c) =>
    c.json(await listRegions(deps.database.db, c.req.valid('query').parent ?? null), 200),
  );
  app.openapi(searchRegionsRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await searchRegions(deps.database.db, {
        query: query.q,
        within: query.within,
        limit: query.limit,
      }),
      200,
    );
  });
  app.openapi(regionOverviewRoute, async (c) =>
    c.json(
      await buildRegionOverview(deps.database.db, c.req.valid('param').code, currentUser(c)),
      200,
    ),
  );
}

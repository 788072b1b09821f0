import type { OpenAPIHono } from '@hono/zod-openapi';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import { parkDetailSchema, parkSummarySchema } from '../../shared/api/parks.ts';
import { getPark, listParkSummaries } from '../../services/parks/park-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { parkScopeFor } from '../../services/auth/park-scope.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const listParksRoute = defineRoute({
  method: 'get',
  path: '/api/parks',
  permission: 'park:read',
  tags: ['Parks'],
  summary: 'Parks with their space by kind and occupancy',
  description: 'A park operator (role park) sees its own park only.',
  responses: { 200: { description: 'The parks', content: json(listSchema(parkSummarySchema)) } },
});

const getParkRoute = defineRoute({
  method: 'get',
  path: '/api/parks/{id}',
  permission: 'park:read',
  tags: ['Parks'],
  summary: 'One park with its space units and tenants',
  description: 'A park operator (role park) may read its own park only: 403 otherwise.',
  request: { params: idParamSchema },
  responses: { 200: { description: 'The park', content: json(parkDetailSchema) } },
});

export function registerParkRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listParksRoute, async (c) =>
    c.json(await listParkSummaries(db, parkScopeFor(currentUser(c))), 200),
  );
  app.openapi(getParkRoute, async (c) =>
    c.json(await getPark(db, c.req.valid('param').id, parkScopeFor(currentUser(c))), 200),
  );
}

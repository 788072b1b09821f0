import type { OpenAPIHono } from '@hono/zod-openapi';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  createParkSchema,
  parkDetailSchema,
  parkSummarySchema,
  updateParkSchema,
} from '../../shared/api/parks.ts';
import { createPark, updatePark } from '../../services/parks/park-admin.service.ts';
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

const createParkRoute = defineRoute({
  example: {
    body: { code: 'xishan-bio', name: '锡山生物医药产业园', region: '320205', focusNodeCodes: [] },
  },
  method: 'post',
  path: '/api/parks',
  permission: 'park:write',
  tags: ['Parks'],
  summary: 'Create a park (its space units are added to it afterwards)',
  description: 'Audited. The region is a county-level code; focus nodes are chain node codes.',
  request: { body: { content: json(createParkSchema), required: true } },
  responses: { 201: { description: 'The park', content: json(parkDetailSchema) } },
});

const updateParkRoute = defineRoute({
  example: { params: { id: 1 }, body: { address: '无锡市惠山区惠山大道 1 号' } },
  method: 'patch',
  path: '/api/parks/{id}',
  permission: 'park:write',
  tags: ['Parks'],
  summary: "Change a park's names, district, address or focus nodes",
  description: 'Absent fields stay; audited.',
  request: { params: idParamSchema, body: { content: json(updateParkSchema), required: true } },
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
  const who = (c: Parameters<typeof currentUser>[0]) => {
    const user = currentUser(c);
    return { id: user.id, name: user.username };
  };
  app.openapi(createParkRoute, async (c) =>
    c.json(await createPark(db, who(c), c.req.valid('json')), 201),
  );
  app.openapi(updateParkRoute, async (c) =>
    c.json(await updatePark(db, who(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}

import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { paramIdSchema, wholeNumberParam } from '../../shared/api/fields.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  createSpaceSchema,
  parkSpaceSchema,
  supplyDemandSchema,
  updateSpaceSchema,
} from '../../shared/api/parks.ts';
import { projectSummarySchema, reservationSchema } from '../../shared/api/projects.ts';
import { getPark } from '../../services/parks/park-query.service.ts';
import { parkScopeFor } from '../../services/auth/park-scope.ts';
import { parkSupplyDemand } from '../../services/parks/space-matching.service.ts';
import {
  addSpace,
  listParkReservations,
  retireSpace,
  updateSpace,
} from '../../services/parks/space.service.ts';
import { listParkProjects } from '../../services/projects/project-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Parks'];
const scopeNote = 'A park operator (role park) may act on its own park only: 403 otherwise.';

const listSpacesRoute = defineRoute({
  method: 'get',
  path: '/api/parks/{id}/spaces',
  permission: 'park:read',
  tags: TAGS,
  summary: "A park's space units with occupied, reserved and free area",
  description: scopeNote,
  request: { params: idParamSchema },
  responses: { 200: { description: 'The units', content: json(listSchema(parkSpaceSchema)) } },
});

const addSpaceRoute = defineRoute({
  example: { params: { id: 1 }, body: { code: 'X99-01', kind: 'office', areaM2: 500 } },
  method: 'post',
  path: '/api/parks/{id}/spaces',
  permission: 'space:write',
  tags: TAGS,
  summary: 'Add a space unit (area, kind, floor, available from, rent)',
  description: scopeNote,
  request: { params: idParamSchema, body: { content: json(createSpaceSchema), required: true } },
  responses: { 201: { description: 'The unit', content: json(parkSpaceSchema) } },
});

const updateSpaceRoute = defineRoute({
  example: { params: { id: 1, spaceId: 28 }, body: { rentYuanPerM2Month: 65 } },
  method: 'patch',
  path: '/api/parks/{id}/spaces/{spaceId}',
  permission: 'space:write',
  tags: TAGS,
  summary: 'Change a space unit; never below what is occupied and reserved',
  description: scopeNote,
  request: {
    params: idParamSchema.extend({ spaceId: paramIdSchema }),
    body: { content: json(updateSpaceSchema), required: true },
  },
  responses: { 200: { description: 'The unit', content: json(parkSpaceSchema) } },
});

const retireSpaceRoute = defineRoute({
  example: { params: { id: 1, spaceId: 28 } },
  method: 'post',
  path: '/api/parks/{id}/spaces/{spaceId}/retire',
  permission: 'space:write',
  tags: TAGS,
  summary: 'Retire a space unit: it leaves the totals, matching and reservations; kept in history',
  description: `Refused (409 SPACE_UNAVAILABLE) while space in it is reserved. ${scopeNote}`,
  request: { params: idParamSchema.extend({ spaceId: paramIdSchema }) },
  responses: { 200: { description: 'The unit as retired', content: json(parkSpaceSchema) } },
});

const parkProjectsRoute = defineRoute({
  method: 'get',
  path: '/api/parks/{id}/projects',
  permission: 'park:read',
  tags: TAGS,
  summary: 'Active projects matched to the park: aimed at it or holding space in it',
  description: scopeNote,
  request: { params: idParamSchema },
  responses: {
    200: { description: 'The projects', content: json(listSchema(projectSummarySchema)) },
  },
});

const parkReservationsRoute = defineRoute({
  method: 'get',
  path: '/api/parks/{id}/reservations',
  permission: 'park:read',
  tags: TAGS,
  summary: "The park's space reservations, live and released",
  description: scopeNote,
  request: { params: idParamSchema },
  responses: {
    200: { description: 'The reservations', content: json(listSchema(reservationSchema)) },
  },
});

const supplyDemandRoute = defineRoute({
  method: 'get',
  path: '/api/parks/{id}/supply-demand',
  permission: 'park:read',
  tags: TAGS,
  summary: "The park's free space against its pipeline's demand, by kind and year",
  description: scopeNote,
  request: {
    params: idParamSchema,
    query: z.object({
      from: wholeNumberParam(z.number().int().min(2000).max(2100)).optional(),
      years: wholeNumberParam(z.number().int().min(1).max(10)).default(4),
    }),
  },
  responses: { 200: { description: 'Supply and demand', content: json(supplyDemandSchema) } },
});

export function registerParkSpaceRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  const who = (user: { id: number; username: string }) => ({ id: user.id, name: user.username });
  app.openapi(listSpacesRoute, async (c) => {
    const { spaces } = await getPark(db, c.req.valid('param').id, parkScopeFor(currentUser(c)));
    return c.json({ items: spaces, total: spaces.length }, 200);
  });
  app.openapi(addSpaceRoute, async (c) => {
    const user = currentUser(c);
    const space = await addSpace(
      db,
      who(user),
      parkScopeFor(user),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(space, 201);
  });
  app.openapi(updateSpaceRoute, async (c) => {
    const user = currentUser(c);
    const { id, spaceId } = c.req.valid('param');
    const space = await updateSpace(
      db,
      who(user),
      parkScopeFor(user),
      id,
      spaceId,
      c.req.valid('json'),
    );
    return c.json(space, 200);
  });
  app.openapi(retireSpaceRoute, async (c) => {
    const user = currentUser(c);
    const { id, spaceId } = c.req.valid('param');
    return c.json(await retireSpace(db, who(user), parkScopeFor(user), id, spaceId), 200);
  });
  app.openapi(parkProjectsRoute, async (c) =>
    c.json(await listParkProjects(db, parkScopeFor(currentUser(c)), c.req.valid('param').id), 200),
  );
  app.openapi(parkReservationsRoute, async (c) =>
    c.json(
      await listParkReservations(db, parkScopeFor(currentUser(c)), c.req.valid('param').id),
      200,
    ),
  );
  app.openapi(supplyDemandRoute, async (c) => {
    const query = c.req.valid('query');
    const result = await parkSupplyDemand(
      db,
      parkScopeFor(currentUser(c)),
      c.req.valid('param').id,
      {
        fromYear: query.from,
        years: query.years,
      },
    );
    return c.json(result, 200);
  });
}

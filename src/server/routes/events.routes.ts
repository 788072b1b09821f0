import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  addParticipantsSchema,
  createEventSchema,
  eventChainParamSchema,
  eventDetailSchema,
  eventIdParamSchema,
  eventListSchema,
  eventQuerySchema,
  recordEventOutcomeSchema,
} from '../../shared/api/events.ts';
import {
  addEventParticipants,
  createEvent,
  getEvent,
  listEventsFor,
  recordEventOutcome,
} from '../../services/ecology/events.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Events'];
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}/events',
  permission: 'event:read',
  tags: TAGS,
  summary: "A chain's events (对接会, 路演, 签约仪式), newest first",
  request: { params: eventChainParamSchema, query: eventQuerySchema },
  responses: ok(eventListSchema, 'The events'),
});
const createRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    body: {
      kind: 'roadshow',
      title: '生物药项目路演（示例）',
      heldOn: '2026-04-10',
      place: '无锡国家会议中心',
      regionCode: '320214',
      enterpriseIds: [1],
    },
  },
  method: 'post',
  path: '/api/chains/{code}/events',
  permission: 'event:write',
  tags: TAGS,
  summary: 'Record an event with its participants, enterprises and experts (office)',
  request: { params: eventChainParamSchema, ...body(createEventSchema) },
  responses: { 201: { description: 'Created', content: json(eventDetailSchema) } },
});
const getRoute = defineRoute({
  example: { paramsFrom: { id: '/api/chains/biomed/events' } },
  method: 'get',
  path: '/api/chains/{code}/events/{id}',
  permission: 'event:read',
  tags: TAGS,
  summary: 'One event with its participants and outcomes',
  request: { params: eventIdParamSchema },
  responses: ok(eventDetailSchema, 'The event'),
});
const participantsRoute = defineRoute({
  example: { paramsFrom: { id: '/api/chains/biomed/events' }, body: { enterpriseIds: [2] } },
  method: 'post',
  path: '/api/chains/{code}/events/{id}/participants',
  permission: 'event:write',
  tags: TAGS,
  summary: 'Add participants to an event (office)',
  request: { params: eventIdParamSchema, ...body(addParticipantsSchema) },
  responses: ok(eventDetailSchema, 'The event'),
});
const outcomeRoute = defineRoute({
  example: {
    paramsFrom: { id: '/api/chains/biomed/events' },
    body: { kind: 'match', description: '两家企业达成试样意向' },
  },
  method: 'post',
  path: '/api/chains/{code}/events/{id}/outcomes',
  permission: 'event:write',
  tags: TAGS,
  summary:
    'Record an outcome: a match made, or a signed project (an existing pipeline project moved to 签约, or a new one at 签约) (office)',
  request: { params: eventIdParamSchema, ...body(recordEventOutcomeSchema) },
  responses: ok(eventDetailSchema, 'The event'),
});

function actorOf(c: Context<AppEnv>) {
  const user = currentUser(c);
  return { id: user.id, name: user.username };
}

export function registerEventRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(await listEventsFor(db, c.req.valid('param').code, c.req.valid('query')), 200),
  );
  app.openapi(createRoute, async (c) =>
    c.json(await createEvent(db, actorOf(c), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await getEvent(db, code, id), 200);
  });
  app.openapi(participantsRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await addEventParticipants(db, actorOf(c), code, id, c.req.valid('json')), 200);
  });
  app.openapi(outcomeRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await recordEventOutcome(db, actorOf(c), code, id, c.req.valid('json')), 200);
  });
}

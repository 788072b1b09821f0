import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createNeedSchema,
  matchParamSchema,
  matchRecordSchema,
  needChainParamSchema,
  needIdParamSchema,
  needListSchema,
  needMatchesSchema,
  needQuerySchema,
  needSchema,
  recordOutcomeSchema,
  updateNeedSchema,
  type NeedKind,
} from '../../shared/api/needs.ts';
import { proposeMatches, recordMatchOutcome } from '../../services/ecology/matchmaking.service.ts';
import {
  createNeedOffer,
  getNeedOffer,
  listNeedOffersFor,
  updateNeedOffer,
  type NeedViewer,
} from '../../services/ecology/needs.service.ts';
import type { Permission } from '../../shared/permissions.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Supply and demand'];
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });
const created = <T>(schema: T) => ({ 201: { description: 'Created', content: json(schema) } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

function route<M extends 'get' | 'post' | 'patch' | 'put'>(
  method: M,
  path: string,
  permission: Permission,
  summary: string,
) {
  return { method, path, permission, tags: TAGS, summary };
}

/** The routes of needs or offers: the same shape, under /needs or /offers. */
function kindRoutes(kind: NeedKind) {
  const plural = `${kind}s`;
  const list = defineRoute({
    ...route(
      'get',
      `/api/chains/{code}/${plural}`,
      'need:read',
      `A chain's ${plural}, newest first (quantities, prices and contacts only to the office and the owner)`,
    ),
    request: { params: needChainParamSchema, query: needQuerySchema },
    responses: ok(needListSchema, `The ${plural}`),
  });
  const create = defineRoute({
    example: {
      params: { code: 'biomed' },
      body: {
        enterpriseId: 1,
        product: kind === 'need' ? '无血清培养基' : '药用中硼硅玻璃管',
        quantity: 500,
        unit: kind === 'need' ? '升' : '吨',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    },
    ...route(
      'post',
      `/api/chains/{code}/${plural}`,
      'need:write',
      `Publish a ${kind} (a firm for its own enterprise, the office for any); the node is proposed from the text when left out`,
    ),
    request: { params: needChainParamSchema, ...body(createNeedSchema) },
    responses: created(needSchema),
  });
  const get = defineRoute({
    example: { paramsFrom: { id: `/api/chains/biomed/${plural}` } },
    ...route('get', `/api/chains/{code}/${plural}/{id}`, 'need:read', `One ${kind}`),
    request: { params: needIdParamSchema },
    responses: ok(needSchema, `The ${kind}`),
  });
  const update = defineRoute({
    example: { paramsFrom: { id: `/api/chains/biomed/${plural}` }, body: { status: 'open' } },
    ...route(
      'patch',
      `/api/chains/{code}/${plural}/{id}`,
      'need:write',
      `Change or close a ${kind} (its firm or the office)`,
    ),
    request: { params: needIdParamSchema, ...body(updateNeedSchema) },
    responses: ok(needSchema, `The ${kind}`),
  });
  return { list, create, get, update };
}

const needRoutes = kindRoutes('need');
const offerRoutes = kindRoutes('offer');

const matchesRoute = defineRoute({
  example: { paramsFrom: { id: '/api/chains/biomed/needs' } },
  ...route(
    'get',
    '/api/chains/{code}/needs/{id}/matches',
    'need:read',
    "Proposed suppliers for a need, local first, with reasons (the office and the need's firm)",
  ),
  request: { params: needIdParamSchema },
  responses: ok(needMatchesSchema, 'The proposed matches'),
});
const outcomeRoute = defineRoute({
  example: {
    params: { code: 'biomed', supplierId: 2 },
    paramsFrom: { id: '/api/chains/biomed/needs' },
    body: { outcome: 'contacted', outcomeOn: '2026-01-15', note: '已电话对接' },
    note: 'The newest need is the one the create example made for enterprise 1.',
  },
  ...route(
    'put',
    '/api/chains/{code}/needs/{id}/matches/{supplierId}',
    'match:record',
    'Record what came of a match: contacted, sampled, contracted or dropped, with a date (office)',
  ),
  request: { params: matchParamSchema, ...body(recordOutcomeSchema) },
  responses: ok(matchRecordSchema, 'The recorded outcome'),
});

function viewerOf(c: Context<AppEnv>): NeedViewer {
  const user = currentUser(c);
  return {
    actor: { id: user.id, name: user.username },
    role: user.role,
    enterpriseId: user.enterpriseId,
  };
}

export function registerNeedRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  for (const [kind, routes] of [
    ['need', needRoutes],
    ['offer', offerRoutes],
  ] as const) {
    app.openapi(routes.list, async (c) =>
      c.json(
        await listNeedOffersFor(
          db,
          viewerOf(c),
          c.req.valid('param').code,
          kind,
          c.req.valid('query'),
        ),
        200,
      ),
    );
    app.openapi(routes.create, async (c) =>
      c.json(
        await createNeedOffer(
          db,
          viewerOf(c),
          c.req.valid('param').code,
          kind,
          c.req.valid('json'),
        ),
        201,
      ),
    );
    app.openapi(routes.get, async (c) => {
      const { code, id } = c.req.valid('param');
      return c.json(await getNeedOffer(db, viewerOf(c), code, kind, id), 200);
    });
    app.openapi(routes.update, async (c) => {
      const { code, id } = c.req.valid('param');
      return c.json(
        await updateNeedOffer(db, viewerOf(c), code, kind, id, c.req.valid('json')),
        200,
      );
    });
  }
  app.openapi(matchesRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await proposeMatches(db, viewerOf(c), code, id), 200);
  });
  app.openapi(outcomeRoute, async (c) => {
    const { code, id, supplierId } = c.req.valid('param');
    return c.json(
      await recordMatchOutcome(db, viewerOf(c), code, id, supplierId, c.req.valid('json')),
      200,
    );
  });
}

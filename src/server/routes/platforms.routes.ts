import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createPlatformSchema,
  platformChainParamSchema,
  platformIdParamSchema,
  platformListSchema,
  platformQuerySchema,
  platformSchema,
  platformTargetRequestSchema,
  platformUseSchema,
  platformUserParamSchema,
  updatePlatformSchema,
} from '../../shared/api/platforms.ts';
import {
  createPlatform,
  getPlatform,
  listPlatformsFor,
  recordPlatformUse,
  removePlatformUse,
  setPlatformTarget,
  updatePlatform,
  type PlatformViewer,
} from '../../services/ecology/platforms.service.ts';
import type { Permission } from '../../shared/permissions.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Innovation platforms'];
const LIST = '/api/chains/biomed/platforms';
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

function route<M extends 'get' | 'post' | 'patch' | 'put' | 'delete'>(
  method: M,
  path: string,
  permission: Permission,
  summary: string,
) {
  return { method, path, permission, tags: TAGS, summary };
}

const listRoute = defineRoute({
  ...route(
    'get',
    '/api/chains/{code}/platforms',
    'platform:read',
    "A chain's innovation platforms (创新平台), national first, with the nodes they serve, how many firms use them and their target progress",
  ),
  request: { params: platformChainParamSchema, query: platformQuerySchema },
  responses: ok(platformListSchema, 'The platforms'),
});
const createRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    body: {
      name: '示例区级公共技术服务平台',
      kind: 'public_service',
      level: 'district',
      hostName: '示例研究院',
      regionCode: '320214',
      nodeCodes: ['biomed.up.cro'],
    },
  },
  ...route(
    'post',
    '/api/chains/{code}/platforms',
    'platform:write',
    'Record an innovation platform (the office; a park user in its own park)',
  ),
  request: { params: platformChainParamSchema, ...body(createPlatformSchema) },
  responses: { 201: { description: 'Created', content: json(platformSchema) } },
});
const getRoute = defineRoute({
  example: { paramsFrom: { id: LIST } },
  ...route(
    'get',
    '/api/chains/{code}/platforms/{id}',
    'platform:read',
    'One innovation platform: its nodes, the firms using it (a firm: only its own use), its targets',
  ),
  request: { params: platformIdParamSchema },
  responses: ok(platformSchema, 'The platform'),
});
const updateRoute = defineRoute({
  example: { paramsFrom: { id: LIST }, body: { description: '面向全产业链开放共享。' } },
  ...route(
    'patch',
    '/api/chains/{code}/platforms/{id}',
    'platform:write',
    'Change an innovation platform; nodeCodes replaces the nodes it serves',
  ),
  request: { params: platformIdParamSchema, ...body(updatePlatformSchema) },
  responses: ok(platformSchema, 'The platform'),
});
const useRoute = defineRoute({
  example: {
    params: { code: 'biomed', enterpriseId: 1 },
    paramsFrom: { id: LIST },
    body: { since: '2025-03-01', service: '中试放大' },
  },
  ...route(
    'put',
    '/api/chains/{code}/platforms/{id}/users/{enterpriseId}',
    'platform:write',
    'Record that a firm uses the platform (since when, for what), or change it',
  ),
  request: { params: platformUserParamSchema, ...body(platformUseSchema) },
  responses: ok(platformSchema, 'The platform'),
});
const unuseRoute = defineRoute({
  example: {
    params: { code: 'biomed', enterpriseId: 1 },
    paramsFrom: { id: LIST },
    note: "Runs after the PUT example recorded enterprise 1's use of the same platform.",
  },
  ...route(
    'delete',
    '/api/chains/{code}/platforms/{id}/users/{enterpriseId}',
    'platform:write',
    "Remove a firm's recorded use of the platform",
  ),
  request: { params: platformUserParamSchema },
  responses: ok(platformSchema, 'The platform'),
});
const targetRoute = defineRoute({
  example: {
    paramsFrom: { id: LIST },
    body: { year: 2026, metric: 'firms_served', target: 40, actual: 31 },
  },
  ...route(
    'put',
    '/api/chains/{code}/platforms/{id}/targets',
    'platform:write',
    "Set the platform's own target (and what it reached) for a metric in a year",
  ),
  request: { params: platformIdParamSchema, ...body(platformTargetRequestSchema) },
  responses: ok(platformSchema, 'The platform'),
});

function viewerOf(c: Context<AppEnv>): PlatformViewer {
  const user = currentUser(c);
  return {
    actor: { id: user.id, name: user.username },
    role: user.role,
    enterpriseId: user.enterpriseId,
    parkId: user.parkId,
    chainCodes: user.chainCodes,
  };
}

export function registerPlatformRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(
      await listPlatformsFor(db, viewerOf(c), c.req.valid('param').code, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(createRoute, async (c) =>
    c.json(
      await createPlatform(db, viewerOf(c), c.req.valid('param').code, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await getPlatform(db, viewerOf(c), code, id), 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await updatePlatform(db, viewerOf(c), code, id, c.req.valid('json')), 200);
  });
  app.openapi(useRoute, async (c) => {
    const { code, id, enterpriseId } = c.req.valid('param');
    return c.json(
      await recordPlatformUse(db, viewerOf(c), code, id, enterpriseId, c.req.valid('json')),
      200,
    );
  });
  app.openapi(unuseRoute, async (c) => {
    const { code, id, enterpriseId } = c.req.valid('param');
    return c.json(await removePlatformUse(db, viewerOf(c), code, id, enterpriseId), 200);
  });
  app.openapi(targetRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await setPlatformTarget(db, viewerOf(c), code, id, c.req.valid('json')), 200);
  });
}

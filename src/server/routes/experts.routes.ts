import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  adviseSchema,
  createExpertSchema,
  expertChainParamSchema,
  expertIdParamSchema,
  expertListSchema,
  expertQuerySchema,
  expertSchema,
  nodeExpertsParamSchema,
  updateExpertSchema,
} from '../../shared/api/experts.ts';
import { pageQuerySchema } from '../../shared/api/common.ts';
import {
  adviseExpert,
  createExpert,
  getExpert,
  listExpertsFor,
  updateExpert,
  type ExpertViewer,
} from '../../services/ecology/experts.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Experts'];
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}/experts',
  permission: 'expert:read',
  tags: TAGS,
  summary: "A chain's experts by name, by node or text (contacts only to the office)",
  request: { params: expertChainParamSchema, query: expertQuerySchema },
  responses: ok(expertListSchema, 'The experts'),
});
const createRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    body: {
      name: '示例专家（演示）',
      fields: ['抗体药物'],
      nodeCodes: ['biomed.mid.bio'],
      institution: '示例大学药学院',
      title: '教授',
    },
  },
  method: 'post',
  path: '/api/chains/{code}/experts',
  permission: 'expert:write',
  tags: TAGS,
  summary: 'Record an expert with the fields and chain nodes they cover (office)',
  request: { params: expertChainParamSchema, ...body(createExpertSchema) },
  responses: { 201: { description: 'Created', content: json(expertSchema) } },
});
const getRoute = defineRoute({
  example: { paramsFrom: { id: '/api/chains/biomed/experts' } },
  method: 'get',
  path: '/api/chains/{code}/experts/{id}',
  permission: 'expert:read',
  tags: TAGS,
  summary: 'One expert, with whom they advised',
  request: { params: expertIdParamSchema },
  responses: ok(expertSchema, 'The expert'),
});
const updateRoute = defineRoute({
  example: { paramsFrom: { id: '/api/chains/biomed/experts' }, body: { title: '研究员' } },
  method: 'patch',
  path: '/api/chains/{code}/experts/{id}',
  permission: 'expert:write',
  tags: TAGS,
  summary: 'Change an expert; nodeCodes replaces the nodes they cover (office)',
  request: { params: expertIdParamSchema, ...body(updateExpertSchema) },
  responses: ok(expertSchema, 'The expert'),
});
const adviseRoute = defineRoute({
  example: {
    paramsFrom: { id: '/api/chains/biomed/experts' },
    body: { enterpriseId: 1, advisedOn: '2026-03-01', note: '工艺放大咨询' },
  },
  method: 'post',
  path: '/api/chains/{code}/experts/{id}/advice',
  permission: 'expert:write',
  tags: TAGS,
  summary: 'Record that the expert advised an enterprise or a project on a date (office)',
  request: { params: expertIdParamSchema, ...body(adviseSchema) },
  responses: ok(expertSchema, 'The expert'),
});
const nodeExpertsRoute = defineRoute({
  example: { params: { code: 'biomed', node: 'biomed.mid.bio' } },
  method: 'get',
  path: '/api/chains/{code}/nodes/{node}/experts',
  permission: 'expert:read',
  tags: TAGS,
  summary: 'The experts covering a node (the chain map drawer)',
  request: { params: nodeExpertsParamSchema, query: pageQuerySchema },
  responses: ok(expertListSchema, 'The experts'),
});

function viewerOf(c: Context<AppEnv>): ExpertViewer {
  const user = currentUser(c);
  return { actor: { id: user.id, name: user.username }, role: user.role };
}

export function registerExpertRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(
      await listExpertsFor(db, viewerOf(c), c.req.valid('param').code, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(createRoute, async (c) =>
    c.json(
      await createExpert(db, viewerOf(c), c.req.valid('param').code, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await getExpert(db, viewerOf(c), code, id), 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await updateExpert(db, viewerOf(c), code, id, c.req.valid('json')), 200);
  });
  app.openapi(adviseRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await adviseExpert(db, viewerOf(c), code, id, c.req.valid('json')), 200);
  });
  app.openapi(nodeExpertsRoute, async (c) => {
    const { code, node } = c.req.valid('param');
    return c.json(
      await listExpertsFor(db, viewerOf(c), code, { ...c.req.valid('query'), node }),
      200,
    );
  });
}

import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { decideClassification } from '../../services/classification/classification.service.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  classificationDecisionSchema,
  enterpriseDetailSchema,
  enterpriseQuerySchema,
  enterpriseSummarySchema,
} from '../../shared/api/enterprises.ts';
import {
  getEnterprise,
  searchEnterprises,
} from '../../services/registry/enterprise-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const listEnterprisesRoute = defineRoute({
  method: 'get',
  path: '/api/enterprises',
  permission: 'enterprise:read',
  tags: ['Enterprises'],
  summary: 'Search the enterprise registry by region, tag and text, a page at a time',
  request: { query: enterpriseQuerySchema },
  responses: {
    200: {
      description: 'A page of enterprises',
      content: json(listSchema(enterpriseSummarySchema)),
    },
  },
});

const getEnterpriseRoute = defineRoute({
  method: 'get',
  path: '/api/enterprises/{id}',
  permission: 'enterprise:read',
  tags: ['Enterprises'],
  summary: 'One enterprise with its yearly figures',
  request: { params: idParamSchema },
  responses: { 200: { description: 'The enterprise', content: json(enterpriseDetailSchema) } },
});

const decideRoute = defineRoute({
  method: 'put',
  path: '/api/enterprises/{id}/classifications/{nodeCode}',
  permission: 'enterprise:write',
  tags: ['Enterprises'],
  summary: "Confirm or reject an enterprise's place on a node, or move it to another node",
  description: 'A manual decision is kept when the registry is classified again.',
  request: {
    params: idParamSchema.extend({
      nodeCode: z.string().min(3).meta({ description: 'Node code, e.g. biomed.mid.device.' }),
    }),
    body: { content: json(classificationDecisionSchema), required: true },
  },
  responses: {
    200: {
      description: 'The enterprise after the decision',
      content: json(enterpriseDetailSchema),
    },
  },
});

export function registerEnterpriseRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listEnterprisesRoute, async (c) =>
    c.json(await searchEnterprises(db, c.req.valid('query')), 200),
  );
  app.openapi(getEnterpriseRoute, async (c) =>
    c.json(await getEnterprise(db, c.req.valid('param').id), 200),
  );
  app.openapi(decideRoute, async (c) => {
    const { id, nodeCode } = c.req.valid('param');
    const body = c.req.valid('json');
    const user = currentUser(c);
    await decideClassification(
      db,
      { id: user.id, name: user.username },
      {
        enterpriseId: id,
        chainCode: nodeCode.split('.')[0] ?? '',
        nodeCode,
        decision: body.decision,
        moveTo: body.moveTo,
      },
    );
    return c.json(await getEnterprise(db, id), 200);
  });
}

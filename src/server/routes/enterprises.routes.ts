import type { OpenAPIHono } from '@hono/zod-openapi';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  enterpriseDetailSchema,
  enterpriseQuerySchema,
  enterpriseSummarySchema,
} from '../../shared/api/enterprises.ts';
import {
  getEnterprise,
  searchEnterprises,
} from '../../services/registry/enterprise-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { defineRoute } from '../route-registry.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

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

export function registerEnterpriseRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listEnterprisesRoute, async (c) =>
    c.json(await searchEnterprises(db, c.req.valid('query')), 200),
  );
  app.openapi(getEnterpriseRoute, async (c) =>
    c.json(await getEnterprise(db, c.req.valid('param').id), 200),
  );
}

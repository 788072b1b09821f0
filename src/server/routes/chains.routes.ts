import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  chainCodeParamSchema,
  chainDetailSchema,
  chainSummarySchema,
} from '../../shared/api/chains.ts';
import { listSchema } from '../../shared/api/common.ts';
import { getChainDetail, listChainSummaries } from '../../services/chains/chain-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';
import { filterChainsInScope } from '../../services/auth/chain-scope.ts';

const listChainsRoute = defineRoute({
  method: 'get',
  path: '/api/chains',
  permission: 'chain:read',
  tags: ['Chains'],
  summary: 'Industry chains loaded from templates',
  responses: { 200: { description: 'The chains', content: json(listSchema(chainSummarySchema)) } },
});

const getChainRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}',
  permission: 'chain:read',
  tags: ['Chains'],
  summary: 'A chain: its stages, nodes and supply flows',
  request: { params: chainCodeParamSchema },
  responses: { 200: { description: 'The chain', content: json(chainDetailSchema) } },
});

export function registerChainRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listChainsRoute, async (c) => {
    const all = await listChainSummaries(db);
    const items = filterChainsInScope(currentUser(c), all.items, (chain) => chain.code);
    return c.json({ ...all, items, total: items.length }, 200);
  });
  app.openapi(getChainRoute, async (c) =>
    c.json(await getChainDetail(db, c.req.valid('param').code), 200),
  );
}

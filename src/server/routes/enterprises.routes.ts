import { PassThrough, Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportEnterprises } from '../../services/export/export.service.ts';
import { decideClassification } from '../../services/classification/classification.service.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  classificationDecisionSchema,
  enterpriseDetailSchema,
  enterpriseFilterSchema,
  enterpriseQuerySchema,
  enterpriseSummarySchema,
} from '../../shared/api/enterprises.ts';
import {
  enterpriseFilterOf,
  getEnterprise,
  searchEnterprises,
} from '../../services/registry/enterprise-query.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';
import { shanghaiToday } from '../../shared/shanghai-day.ts';

const listEnterprisesRoute = defineRoute({
  method: 'get',
  path: '/api/enterprises',
  permission: 'enterprise:read',
  tags: ['Enterprises'],
  summary: 'Search the registry by region, tag, text, node, decision and park, sorted, by page',
  request: { query: enterpriseQuerySchema },
  responses: {
    200: {
      description: 'A page of enterprises',
      content: json(listSchema(enterpriseSummarySchema)),
    },
  },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportEnterprisesRoute = defineRoute({
  example: { query: { region: '3202', q: '生物' } },
  method: 'get',
  path: '/api/enterprises/export.xlsx',
  permission: 'enterprise:read',
  tags: ['Enterprises'],
  summary: "Every enterprise matching the list's filter, as Excel in the import's own columns",
  description: 'Streamed; the file imports back unchanged (chainlead import enterprises).',
  request: { query: enterpriseFilterSchema },
  responses: {
    200: {
      description: 'An XLSX workbook',
      content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
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
  example: { params: { id: 1, nodeCode: 'biomed.up.api' }, body: { decision: 'confirmed' } },
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
  // Before /api/enterprises/{id}, which would otherwise take "export.xlsx" for an id.
  app.openapi(exportEnterprisesRoute, (c) => {
    const stream = new PassThrough();
    exportEnterprises(db, {
      format: 'xlsx',
      out: null,
      filter: enterpriseFilterOf(c.req.valid('query')),
      stream,
    }).catch((error: unknown) => {
      // Headers are gone by now: log it, and cut the download short so it is seen as broken.
      console.error(error);
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const stamp = shanghaiToday();
    return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="enterprises-${stamp}.xlsx"`,
    });
  });
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

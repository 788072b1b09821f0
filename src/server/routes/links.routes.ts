import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  chainMasterNetworkSchema,
  chainMasterParamSchema,
  chainMasterQuerySchema,
  chainMastersSchema,
  chainNodeParamSchema,
  chainParamSchema,
  createLinkSchema,
  linkImportResultSchema,
  linkImportUploadSchema,
  linkQuerySchema,
  linkSchema,
  nodeLinksSchema,
} from '../../shared/api/links.ts';
import {
  getChainMasterNetwork,
  getNodeLinks,
  listChainMasters,
} from '../../services/ecology/chain-masters.service.ts';
import { importLinks } from '../../services/ecology/link-import.service.ts';
import {
  createLink,
  deleteLink,
  getLink,
  listLinks,
  type LinkUser,
} from '../../services/ecology/links.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

// Links between enterprises (企业关系) and the chain master view (链主生态). The fixed path
// /api/links/import is registered before /api/links/{id}.

const TAGS = ['Links and chain masters'];
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/links',
  permission: 'link:read',
  tags: TAGS,
  summary: 'Links between enterprises, newest first (a firm: its own enterprise’s)',
  request: { query: linkQuerySchema },
  responses: ok(listSchema(linkSchema), 'A page of links'),
});
const createRoute = defineRoute({
  example: {
    body: { kind: 'supplies', fromId: 2, toId: 1, product: '药用辅料', sharePercent: 5 },
  },
  method: 'post',
  path: '/api/links',
  permission: 'link:write',
  tags: TAGS,
  summary: 'Record a link (office, admin) or declare one of the own enterprise (firm)',
  request: { body: { content: json(createLinkSchema), required: true } },
  responses: { 201: { description: 'Recorded', content: json(linkSchema) } },
});
const getRoute = defineRoute({
  example: { paramsFrom: { id: '/api/links' } },
  method: 'get',
  path: '/api/links/{id}',
  permission: 'link:read',
  tags: TAGS,
  summary: 'One link',
  request: { params: idParamSchema },
  responses: ok(linkSchema, 'The link'),
});
const deleteRoute = defineRoute({
  example: {
    paramsFrom: { id: '/api/links' },
    note: 'Deletes the newest link: the one the example of POST /api/links made.',
  },
  method: 'delete',
  path: '/api/links/{id}',
  permission: 'link:write',
  tags: TAGS,
  summary: 'Delete a link (office, admin; a firm: one it declared)',
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' } },
});

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const importRoute = defineRoute({
  example: {
    upload: {
      fields: { dryRun: 'true' },
      fileName: 'links.csv',
      text: 'kind,from,to,product,share_percent\n供货,2,1,药用辅料,5\n',
    },
  },
  method: 'post',
  path: '/api/links/import',
  permission: 'link:import',
  tags: TAGS,
  summary: 'Import links from a spreadsheet: all rows or none',
  description:
    'Columns (docs/ecology.md): kind (供货/服务/控股/合作), from, to (enterprise id, USCC or ' +
    'registered name), product, share_percent, amount_wan_yuan (万元), valid_from, valid_to. Any ' +
    'bad row: 400 VALIDATION_FAILED with `details.errors` listing file, row, column and reason, ' +
    'and nothing written. `dryRun=true` checks only.',
  request: { body: multipartBody(linkImportUploadSchema) },
  responses: ok(linkImportResultSchema, 'Imported'),
});

const mastersRoute = defineRoute({
  example: { params: { code: 'biomed' }, query: { region: '3202' } },
  method: 'get',
  path: '/api/chains/{code}/chain-masters',
  permission: 'enterprise:read',
  tags: TAGS,
  summary: 'Chain masters of a region with their local supporting rates (本地配套率)',
  request: { params: chainParamSchema, query: chainMasterQuerySchema },
  responses: ok(chainMastersSchema, 'Chain masters and the average rate'),
});
const networkRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    query: { region: '3202' },
    paramsFrom: { id: '/api/chains/biomed/chain-masters?region=3202' },
  },
  method: 'get',
  path: '/api/chains/{code}/chain-masters/{id}',
  permission: 'enterprise:read',
  tags: TAGS,
  summary: "A chain master's suppliers and customers, local or elsewhere, by node",
  request: { params: chainMasterParamSchema, query: chainMasterQuerySchema },
  responses: ok(chainMasterNetworkSchema, 'The network'),
});
const nodeLinksRoute = defineRoute({
  example: { params: { code: 'biomed', node: 'biomed.mid.chem' }, query: { region: '3202' } },
  method: 'get',
  path: '/api/chains/{code}/nodes/{node}/links',
  permission: 'enterprise:read',
  tags: TAGS,
  summary: "Where a node's firms buy and sell along the chain",
  request: { params: chainNodeParamSchema, query: chainMasterQuerySchema },
  responses: ok(nodeLinksSchema, 'Supply links by partner node'),
});

function linkUser(c: Context<AppEnv>): LinkUser {
  const user = currentUser(c);
  return {
    actor: { id: user.id, name: user.username },
    role: user.role,
    enterpriseId: user.enterpriseId,
  };
}

export function registerLinkRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(await listLinks(db, linkUser(c), c.req.valid('query')), 200),
  );
  app.openapi(createRoute, async (c) =>
    c.json(await createLink(db, linkUser(c), c.req.valid('json')), 201),
  );
  openapiUpload(app, importRoute, async (c) => {
    const upload = await readUpload(c, {
      maxBytes: MAX_IMPORT_BYTES,
      envelopeBytes: 64 * 1024,
      details: { field: 'file' },
      defaultName: 'links.xlsx',
      form: linkImportUploadSchema,
    });
    const result = await importLinks(db, linkUser(c), upload, {
      dryRun: upload.text('dryRun') === 'true',
    });
    return c.json(result, 200);
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getLink(db, linkUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(deleteRoute, async (c) => {
    await deleteLink(db, linkUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(mastersRoute, async (c) => {
    const { region, asOf } = c.req.valid('query');
    return c.json(
      await listChainMasters(db, {
        chainCode: c.req.valid('param').code,
        regionCode: region,
        asOf,
      }),
      200,
    );
  });
  app.openapi(networkRoute, async (c) => {
    const { region, asOf } = c.req.valid('query');
    const { code, id } = c.req.valid('param');
    return c.json(
      await getChainMasterNetwork(db, {
        chainCode: code,
        regionCode: region,
        enterpriseId: id,
        asOf,
      }),
      200,
    );
  });
  app.openapi(nodeLinksRoute, async (c) => {
    const { region, asOf } = c.req.valid('query');
    const { code, node } = c.req.valid('param');
    return c.json(
      await getNodeLinks(db, { chainCode: code, nodeCode: node, regionCode: region, asOf }),
      200,
    );
  });
}

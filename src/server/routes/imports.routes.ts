import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../domain/app-error.ts';
import { idParamSchema, listSchema, pageQuerySchema } from '../../shared/api/common.ts';
import {
  duplicateSchema,
  importErrorsQuerySchema,
  importSchema,
  importUploadSchema,
} from '../../shared/api/imports.ts';
import { errorReportCsv } from '../../services/tables/error-report.ts';
import {
  getImport,
  getImportErrors,
  listImports,
  startImport,
} from '../../services/import/import-jobs.service.ts';
import {
  dismissDuplicate,
  listDuplicates,
  mergeDuplicate,
  undoDuplicateMerge,
} from '../../services/registry/duplicates.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

/** Uploads above this are refused: at once when the length is declared, else when reached. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const uploadRoute = defineRoute({
  example: {
    upload: {
      fields: { region: '3202' },
      fileName: 'registry.csv',
      text: '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份\n无锡示例精密医疗器械有限公司,320214,医用成像设备的研发与生产,彩色多普勒超声诊断仪,5000,2024\n江阴市兴和药业有限公司,320281,化学原料药及医药中间体的生产,原料药,800,2024\n坏行企业有限公司,999999,,,-1,2024\n',
    },
    note: 'Makes import 1, with a bad row and a near-duplicate of enterprise 1.',
  },
  method: 'post',
  path: '/api/imports',
  permission: 'enterprise:write',
  tags: ['Imports'],
  summary: 'Upload an enterprise file (multipart) and start importing it',
  description: 'Answers 202 with the import at once; follow it with GET /api/imports/{id}.',
  request: {
    body: multipartBody(importUploadSchema),
  },
  responses: { 202: { description: 'Import started', content: json(importSchema) } },
});

const listImportsRoute = defineRoute({
  method: 'get',
  path: '/api/imports',
  permission: 'enterprise:read',
  tags: ['Imports'],
  summary: 'The latest imports',
  responses: {
    200: { description: 'Imports, newest first', content: json(listSchema(importSchema)) },
  },
});

const getImportRoute = defineRoute({
  method: 'get',
  path: '/api/imports/{id}',
  permission: 'enterprise:read',
  tags: ['Imports'],
  summary: "An import's progress, counts and first 200 errors",
  request: { params: idParamSchema },
  responses: { 200: { description: 'The import', content: json(importSchema) } },
});

const importErrorsRoute = defineRoute({
  example: { params: { id: 1 } },
  method: 'get',
  path: '/api/imports/{id}/errors.csv',
  permission: 'enterprise:read',
  tags: ['Imports'],
  summary: "An import's error report: file,row,column,value,reason",
  description:
    'Headers and reasons in Chinese (文件,行,列,值,原因) unless `lang=en`; the rows as the import recorded them (its first 200 errors).',
  request: { params: idParamSchema, query: importErrorsQuerySchema },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
  },
});

const listDuplicatesRoute = defineRoute({
  method: 'get',
  path: '/api/duplicates',
  permission: 'enterprise:read',
  tags: ['Duplicates'],
  summary: 'Possible duplicate enterprises waiting for review',
  request: {
    query: pageQuerySchema.extend({ status: z.enum(['open', 'merged', 'dismissed']).optional() }),
  },
  responses: {
    200: { description: 'Pairs, oldest first', content: json(listSchema(duplicateSchema)) },
  },
});

const decideDuplicateRoute = defineRoute({
  example: { params: { id: 1, action: 'dismiss' }, note: 'The pair import 1 queued.' },
  method: 'post',
  path: '/api/duplicates/{id}/{action}',
  permission: 'enterprise:write',
  tags: ['Duplicates'],
  summary: 'Merge the pair, dismiss it, or undo its merge',
  description:
    "merge: the registered record (with a USCC), else the first, survives with both names; for each year one figure per measure stays (the registered or more recent record's), the others go to its figure history; placements, projects, problems, firm accounts and leadership records move over. undo: a merged pair comes apart again exactly as it was and opens again; 409 when the kept record changed after the merge (the message says how) or a later merge must be undone first.",
  request: { params: idParamSchema.extend({ action: z.enum(['merge', 'dismiss', 'undo']) }) },
  responses: { 204: { description: 'Done' } },
});

export function registerImportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  openapiUpload(app, uploadRoute, async (c) => {
    const upload = await readUpload(c, {
      maxBytes: MAX_UPLOAD_BYTES,
      instead: 'import it with the CLI',
      defaultName: 'upload.csv',
      form: importUploadSchema,
    });
    const unit = upload.text('revenueUnit');
    if (unit && !['yuan', 'wan', 'yi'].includes(unit)) {
      throw new AppError('VALIDATION_FAILED', 'revenueUnit must be yuan, wan or yi.', {
        field: 'revenueUnit',
      });
    }
    const user = currentUser(c);
    const { id } = await startImport(db, { id: user.id, name: user.username }, upload, {
      source: upload.text('source'),
      region: upload.text('region'),
      revenueUnit: unit as 'yuan' | 'wan' | 'yi' | undefined,
      strict: upload.flag('strict'),
      dryRun: upload.flag('dryRun'),
      // On a server other requests take their own connections: larger batches cost them nothing.
      batching: deps.database.kind === 'postgres' ? 'bulk' : 'interactive',
    });
    return c.json(await getImport(db, id), 202);
  });
  app.openapi(listImportsRoute, async (c) => c.json(await listImports(db), 200));
  app.openapi(getImportRoute, async (c) =>
    c.json(await getImport(db, c.req.valid('param').id), 200),
  );
  app.openapi(importErrorsRoute, async (c) => {
    const { fileName, errors } = await getImportErrors(db, c.req.valid('param').id);
    const body = errorReportCsv(fileName, errors, c.req.valid('query').lang);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${c.req.valid('param').id}-errors.csv"`,
    });
  });
  app.openapi(listDuplicatesRoute, async (c) =>
    c.json(await listDuplicates(db, c.req.valid('query')), 200),
  );
  app.openapi(decideDuplicateRoute, async (c) => {
    const { id, action } = c.req.valid('param');
    const user = currentUser(c);
    const actor = { id: user.id, name: user.username };
    if (action === 'merge') await mergeDuplicate(db, actor, id);
    else if (action === 'undo') await undoDuplicateMerge(db, actor, id);
    else await dismissDuplicate(db, actor, id);
    return c.body(null, 204);
  });
}

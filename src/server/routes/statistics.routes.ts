import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  loadedStatsQuerySchema,
  loadedStatsSchema,
  lqQuerySchema,
  lqTableSchema,
  shiftShareQuerySchema,
  shiftShareTableSchema,
  statsImportSchema,
  statsUploadSchema,
  strengthQuerySchema,
  strengthTableSchema,
} from '../../shared/api/statistics.ts';
import { importStatsUpload } from '../../services/statistics/import-stats.service.ts';
import {
  clusterStrengths,
  listLoadedStats,
  locationQuotients,
  shiftShareAnalysis,
} from '../../services/statistics/regional-analysis.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

/** Statistics files are tables of figures; anything larger goes through the CLI. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const uploadRoute = defineRoute({
  example: {
    upload: {
      fileName: 'stats.csv',
      text: 'region_code,region_name,scheme,industry_code,industry_name,industry_type,year,employment,establishments,payroll,output\nA,Alpha,example,x,Gadgets,traded,2020,8,2,,\nB,Beta,example,x,Gadgets,traded,2020,32,3,,\n',
    },
  },
  method: 'post',
  path: '/api/statistics/imports',
  permission: 'stats:write',
  tags: ['Statistics'],
  summary: 'Upload a regional statistics file (multipart): all rows or none',
  description:
    'Upserts on (region, scheme, industry, year), so uploading a file again changes nothing. With ' +
    'any invalid row nothing is written and the answer is 400 with `error.details.errors`: ' +
    '[{row, column, value, reason}].',
  request: {
    body: multipartBody(statsUploadSchema),
  },
  responses: { 200: { description: 'Imported', content: json(statsImportSchema) } },
});

const loadedRoute = defineRoute({
  method: 'get',
  path: '/api/statistics',
  permission: 'stats:read',
  tags: ['Statistics'],
  summary: 'What is loaded: schemes × years with their sizes, and the regions of each scheme',
  request: { query: loadedStatsQuerySchema },
  responses: { 200: { description: 'Loaded statistics', content: json(loadedStatsSchema) } },
});

const lqRoute = defineRoute({
  example: { query: { scheme: 'gbt4754', year: 2024 } },
  method: 'get',
  path: '/api/statistics/lq',
  permission: 'stats:read',
  tags: ['Statistics'],
  summary: 'Location quotients of every region × industry, with strong-cluster flags',
  request: { query: lqQuerySchema },
  responses: { 200: { description: 'The LQ table', content: json(lqTableSchema) } },
});

const strengthRoute = defineRoute({
  example: { query: { scheme: 'gbt4754', year: 2024 } },
  method: 'get',
  path: '/api/statistics/strength',
  permission: 'stats:read',
  tags: ['Statistics'],
  summary: "Each region's cluster strength: share of traded employment in strong clusters",
  request: { query: strengthQuerySchema },
  responses: {
    200: { description: 'Regions, strongest first', content: json(strengthTableSchema) },
  },
});

const shiftShareRoute = defineRoute({
  example: { query: { scheme: 'gbt4754', from: 2019, to: 2024 } },
  method: 'get',
  path: '/api/statistics/shift-share',
  permission: 'stats:read',
  tags: ['Statistics'],
  summary: 'Shift-share between two years: national share, industry mix, regional share',
  request: { query: shiftShareQuerySchema },
  responses: {
    200: {
      description: 'Per region × industry, and per region',
      content: json(shiftShareTableSchema),
    },
  },
});

export function registerStatisticsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  openapiUpload(app, uploadRoute, async (c) => {
    const upload = await readUpload(c, {
      maxBytes: MAX_UPLOAD_BYTES,
      instead: 'import it with "chainlead import stats"',
      defaultName: 'stats.csv',
      form: statsUploadSchema,
    });
    const user = currentUser(c);
    const result = await importStatsUpload(db, { id: user.id, name: user.username }, upload);
    const { errors: _none, ...imported } = result;
    return c.json({ ...imported, status: 'done' as const }, 200);
  });
  app.openapi(loadedRoute, async (c) =>
    c.json(await listLoadedStats(db, c.req.valid('query').scheme), 200),
  );
  app.openapi(lqRoute, async (c) => c.json(await locationQuotients(db, c.req.valid('query')), 200));
  app.openapi(strengthRoute, async (c) =>
    c.json(await clusterStrengths(db, c.req.valid('query')), 200),
  );
  app.openapi(shiftShareRoute, async (c) =>
    c.json(await shiftShareAnalysis(db, c.req.valid('query')), 200),
  );
}

import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import {
  analysisQuerySchema,
  chainAnalysisSchema,
  chainComparisonSchema,
  chainReportSchema,
  type ChainAnalysis,
  comparisonQuerySchema,
  reportQuerySchema,
  setTargetRequestSchema,
  targetQuerySchema,
  targetSchema,
} from '../../shared/api/analysis.ts';
import { chainCodeParamSchema } from '../../shared/api/chains.ts';
import { listSchema } from '../../shared/api/common.ts';
import { analyzeChainJsonCached } from '../../services/analysis/chain-analysis.service.ts';
import { compareRegions } from '../../services/analysis/chain-comparison.service.ts';
import { listTargetViews, setTarget } from '../../services/analysis/targets.service.ts';
import { renderChainReport } from '../../services/report/report.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const analysisRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}/analysis',
  permission: 'chain:read',
  tags: ['Analysis'],
  summary: "A chain's node metrics, status, targets and completeness in a region",
  description:
    'Per node: confirmed enterprises (counted once, on their primary node), output and share, ' +
    'growth and CAGR, HHI and top share, chain masters, location quotient against the ' +
    "registry's national pool, status (strong, weak, missing) with reasons in zh and en. " +
    'Also chain totals, weighted completeness, target progress and extension candidates.',
  request: { params: chainCodeParamSchema, query: analysisQuerySchema },
  responses: { 200: { description: 'The analysis', content: json(chainAnalysisSchema) } },
});

const comparisonRoute = defineRoute({
  example: { params: { code: 'biomed' }, query: { regions: '3202,3205', year: 2024 } },
  method: 'get',
  path: '/api/chains/{code}/comparison',
  permission: 'chain:read',
  tags: ['Analysis'],
  summary: 'Two or more regions side by side on a chain, node by node',
  request: { params: chainCodeParamSchema, query: comparisonQuerySchema },
  responses: { 200: { description: 'The comparison', content: json(chainComparisonSchema) } },
});

const listTargetsRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}/targets',
  permission: 'chain:read',
  tags: ['Analysis'],
  summary: "A chain's targets in a region (the chain's and its nodes')",
  request: { params: chainCodeParamSchema, query: targetQuerySchema },
  responses: { 200: { description: 'The targets', content: json(listSchema(targetSchema)) } },
});

const setTargetRoute = defineRoute({
  example: { params: { code: 'biomed' }, body: { region: '3202', year: 2030, valueYuan: 400e9 } },
  method: 'put',
  path: '/api/chains/{code}/targets',
  permission: 'chain:write',
  tags: ['Analysis'],
  summary: "Set a chain's (or a node's) target for a region and year",
  description: 'Adds the target or replaces the value of the one with the same key; audited.',
  request: {
    params: chainCodeParamSchema,
    body: { content: json(setTargetRequestSchema), required: true },
  },
  responses: { 200: { description: 'The target as saved', content: json(targetSchema) } },
});

const reportRoute = defineRoute({
  method: 'get',
  path: '/api/chains/{code}/report',
  permission: 'chain:read',
  tags: ['Analysis'],
  summary: 'The chain-leader briefing for a region and year (HTML, Markdown or JSON; zh or en)',
  description:
    'HTML is one self-contained file: inline SVG charts (ECharts server-side rendering), an A4 ' +
    'print stylesheet and no external resources. Chinese by default.',
  request: { params: chainCodeParamSchema, query: reportQuerySchema },
  responses: {
    200: {
      description: 'The briefing',
      content: {
        'text/html': { schema: z.string() },
        'text/markdown': { schema: z.string() },
        'application/json': { schema: chainReportSchema },
      },
    },
  },
});

/**
 * A response whose body is already JSON text (cached): typed as the value it encodes, so the
 * route keeps its contract, and sent as it is.
 */
function jsonText<T>(c: Context, text: string): TypedResponse<T, 200, 'json'> {
  return c.body(text, 200, {
    'content-type': 'application/json; charset=utf-8',
  }) as unknown as TypedResponse<T, 200, 'json'>;
}

export function registerAnalysisRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(analysisRoute, async (c) => {
    const { region, year } = c.req.valid('query');
    const chainCode = c.req.valid('param').code;
    // Served as cached JSON text: the cockpit asks often, and the data rarely changes meanwhile.
    const body = await analyzeChainJsonCached(db, { chainCode, regionCode: region, year });
    return jsonText<ChainAnalysis>(c, body);
  });
  app.openapi(comparisonRoute, async (c) => {
    const { regions, year } = c.req.valid('query');
    const chainCode = c.req.valid('param').code;
    return c.json(
      await compareRegions(db, { chainCode, regionCodes: regions.split(','), year }),
      200,
    );
  });
  app.openapi(reportRoute, async (c) => {
    const { region, year, format, lang } = c.req.valid('query');
    const report = await renderChainReport(db, {
      chainCode: c.req.valid('param').code,
      regionCode: region,
      year,
      format,
      lang,
      cached: true,
    });
    return c.body(report.body, 200, {
      'content-type': report.contentType,
      'content-disposition': `inline; filename="${report.fileName}"`,
    });
  });
  app.openapi(listTargetsRoute, async (c) => {
    const chainCode = c.req.valid('param').code;
    const regionCode = c.req.valid('query').region;
    return c.json(await listTargetViews(db, { chainCode, regionCode }), 200);
  });
  app.openapi(setTargetRoute, async (c) => {
    const body = c.req.valid('json');
    const user = currentUser(c);
    const saved = await setTarget(
      db,
      { id: user.id, name: user.username },
      {
        chainCode: c.req.valid('param').code,
        regionCode: body.region,
        year: body.year,
        valueYuan: body.valueYuan,
        nodeCode: body.node ?? null,
        metric: body.metric,
      },
    );
    return c.json(saved, 200);
  });
}

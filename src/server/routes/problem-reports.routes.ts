import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  problemExportQuerySchema,
  problemFiguresQuerySchema,
  problemSummarySchema,
} from '../../shared/api/problem-figures.ts';
import { exportProblemList } from '../../services/problems/problem-export.service.ts';
import { summarizeProblems } from '../../services/problems/problem-figures.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

// The figures and the 问题清单 of the problem loop. Registered before /api/problems/{id}, which
// would otherwise take "summary" and "export" for an id.

const TAGS = ['Problems'];

const summaryRoute = defineRoute({
  method: 'get',
  path: '/api/problems/summary',
  permission: 'problem:read',
  tags: TAGS,
  summary:
    'Problem figures of a chain × region × period, overall and by department, category, node',
  description:
    'Received, closed, close rate, on-time rate, satisfaction, open and overdue now, average ' +
    'working days to close and reopens, as docs/problems.md defines them, within what the user ' +
    'may see (a firm its own problems, a department its own). Returned problems count nowhere.',
  request: { query: problemFiguresQuerySchema },
  responses: { 200: { description: 'The figures', content: json(problemSummarySchema) } },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/api/problems/export',
  permission: 'problem:read',
  tags: TAGS,
  summary: '问题清单: the problems of a chain × region × period as XLSX or CSV',
  description:
    'One row per problem received in the period or still open at its start. Contacts only ' +
    'for users who may see them; text cells are formula-neutralised.',
  request: { query: problemExportQuerySchema },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
});

/** `attachment; filename*=` with the UTF-8 name (RFC 6266), so Chinese names survive. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerProblemReportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(summaryRoute, async (c) =>
    c.json(await summarizeProblems(db, currentUser(c), c.req.valid('query')), 200),
  );
  app.openapi(exportRoute, async (c) => {
    const query = c.req.valid('query');
    const file = await exportProblemList(db, currentUser(c), query);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type':
        query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition(file.fileName),
    });
  });
}

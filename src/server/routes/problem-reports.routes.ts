import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  problemExportQuerySchema,
  problemFiguresQuerySchema,
  problemSummarySchema,
} from '../../shared/api/problem-figures.ts';
import {
  problemImportResultSchema,
  problemImportUploadSchema,
} from '../../shared/api/problem-import.ts';
import type { ProblemUser } from '../../services/problems/problem-access.ts';
import { exportProblemList } from '../../services/problems/problem-export.service.ts';
import { summarizeProblems } from '../../services/problems/problem-figures.service.ts';
import { importProblems } from '../../services/problems/problem-import.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

// The figures, the 问题清单 and the import of the problem loop. Registered before
// /api/problems/{id}, which would otherwise take "summary", "export" and "import" for an id.

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
    'One row per problem received in the period or still open at its start. Contacts are ' +
    'masked (张** / 138****5678) unless includePersonalData=true, which only roles that see ' +
    'contacts whole may ask for and which the audit log records; roles that see no contacts get ' +
    'no contact columns. CSV text a spreadsheet would run as a formula gets a leading apostrophe; XLSX text is in text cells.',
  request: { query: problemExportQuerySchema },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
});

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const importRoute = defineRoute({
  example: {
    upload: {
      fields: { dryRun: 'true' },
      fileName: 'hotline.csv',
      text: '企业,标题,内容,类别,渠道,受理时间\n913202810M7HXC9W0E,贷款贴息未到账,企业反映贴息迟迟未到,融资,12345 热线转办,2026-11-02 10:30\n',
    },
  },
  method: 'post',
  path: '/api/problems/import',
  permission: 'problem:manage',
  tags: TAGS,
  summary: 'Import problems from a spreadsheet (a 12345 hotline export): all rows or none',
  description:
    'Each row is recorded as the office records a problem (已受理, or 已交办 with a department), ' +
    'its receipt from the file. Any bad row: 400 VALIDATION_FAILED with `details` listing row, ' +
    'column, value and reason of every bad row, and nothing written. A row whose 12345 ticket ' +
    'number (外部编号) the enterprise already has is skipped. `dryRun=true` checks only.',
  request: { body: multipartBody(problemImportUploadSchema) },
  responses: { 200: { description: 'Imported', content: json(problemImportResultSchema) } },
});

/** The signed-in user as the problem services see it. */
function problemUser(user: ReturnType<typeof currentUser>): ProblemUser {
  return {
    id: user.id,
    name: user.username,
    role: user.role,
    parkId: user.parkId,
    departmentId: user.departmentId,
    enterpriseId: user.enterpriseId,
    chainCodes: user.chainCodes,
  };
}

/** `attachment; filename*=` with the UTF-8 name (RFC 6266), so Chinese names survive. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerProblemReportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  openapiUpload(app, importRoute, async (c) => {
    const upload = await readUpload(c, {
      maxBytes: MAX_IMPORT_BYTES,
      envelopeBytes: 64 * 1024,
      details: { field: 'file' },
      defaultName: 'problems.xlsx',
      form: problemImportUploadSchema,
    });
    const result = await importProblems(db, problemUser(currentUser(c)), upload, {
      dryRun: upload.text('dryRun') === 'true',
    });
    return c.json(result, 200);
  });
  app.openapi(summaryRoute, async (c) =>
    c.json(await summarizeProblems(db, currentUser(c), c.req.valid('query')), 200),
  );
  app.openapi(exportRoute, async (c) => {
    const query = c.req.valid('query');
    const user = currentUser(c);
    const file = await exportProblemList(db, user, { id: user.id, name: user.username }, query);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type':
        query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition(file.fileName),
    });
  });
}

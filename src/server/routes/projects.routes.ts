import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { paramIdSchema } from '../../shared/api/fields.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import { reserveSpaceSchema, spaceMatchSchema } from '../../shared/api/parks.ts';
import {
  attachmentSchema,
  attachmentUploadSchema,
  capitalSchema,
  createProjectSchema,
  importProjectsResultSchema,
  moveProjectSchema,
  projectBoardSchema,
  projectDetailSchema,
  projectExportQuerySchema,
  projectImportUploadSchema,
  projectQuerySchema,
  reasonSchema,
  reservationSchema,
  updateProjectSchema,
} from '../../shared/api/projects.ts';
import { matchSpaceForProject } from '../../services/parks/space-matching.service.ts';
import { releaseSpace, reserveSpace } from '../../services/parks/space.service.ts';
import {
  addAttachment,
  deleteAttachment,
  getAttachment,
  MAX_ATTACHMENT_BYTES,
} from '../../services/projects/attachments.service.ts';
import { exportProjects, importProjects } from '../../services/projects/project-io.service.ts';
import { getProject, listProjectBoard } from '../../services/projects/project-query.service.ts';
import {
  createProject,
  moveProject,
  recordCapital,
  setProjectStatus,
  updateProject,
} from '../../services/projects/project.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

const TAGS = ['Projects'];
const detail = { 200: { description: 'The project', content: json(projectDetailSchema) } };
const attachmentParams = idParamSchema.extend({
  attachmentId: paramIdSchema,
});
const reservationParams = idParamSchema.extend({
  reservationId: paramIdSchema,
});
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Project uploads allow 64 KB of form around the file and name the field when too large. */
const PROJECT_UPLOAD = { envelopeBytes: 64 * 1024, details: { field: 'file' } };

const listRoute = defineRoute({
  method: 'get',
  path: '/api/projects',
  permission: 'project:read',
  tags: TAGS,
  summary: 'Projects (leads included) as a kanban board: a list and the same by stage',
  request: { query: projectQuerySchema },
  responses: { 200: { description: 'The board', content: json(projectBoardSchema) } },
});

const createRoute = defineRoute({
  example: {
    body: {
      chainCode: 'biomed',
      regionCode: '3202',
      name: '示例招商项目',
      nodeCode: 'biomed.mid.device',
      stage: 'lead',
    },
  },
  method: 'post',
  path: '/api/projects',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Create a project by hand or from a candidate (enterpriseId)',
  request: { body: { content: json(createProjectSchema), required: true } },
  responses: { 201: { description: 'Created', content: json(projectDetailSchema) } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/projects/{id}',
  permission: 'project:read',
  tags: TAGS,
  summary: 'One project with its stage history, attachments, reservations and allowed moves',
  request: { params: idParamSchema },
  responses: detail,
});

const updateRoute = defineRoute({
  example: {
    params: { id: 1 },
    body: { nextAction: '安排第二轮洽谈', nextActionOn: '2027-01-15' },
  },
  method: 'patch',
  path: '/api/projects/{id}',
  permission: 'project:write',
  tags: TAGS,
  summary: "Change a project's fields (its stage moves through /move)",
  request: { params: idParamSchema, body: { content: json(updateProjectSchema), required: true } },
  responses: detail,
});

const moveRoute = defineRoute({
  example: { params: { id: 1 }, body: { to: 'signed' } },
  method: 'post',
  path: '/api/projects/{id}/move',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Move a project one stage forward, or back with a reason',
  request: { params: idParamSchema, body: { content: json(moveProjectSchema), required: true } },
  responses: detail,
});

const statusRoute = (action: 'drop' | 'reopen') =>
  defineRoute({
    example: {
      params: { id: 2 },
      body: { reason: action === 'drop' ? '投资方转向他地' : '投资方重新表达意向' },
    },
    method: 'post',
    path: `/api/projects/{id}/${action}`,
    permission: 'project:write',
    tags: TAGS,
    summary:
      action === 'drop'
        ? 'Drop a project (no longer pursued), with a reason; it keeps its stage'
        : 'Reopen a dropped project, with a reason',
    request: { params: idParamSchema, body: { content: json(reasonSchema), required: true } },
    responses: detail,
  });
const dropRoute = statusRoute('drop');
const reopenRoute = statusRoute('reopen');

const capitalRoute = defineRoute({
  example: { params: { id: 1 }, body: { amountYuan: 100e6, note: '首期到资' } },
  method: 'post',
  path: '/api/projects/{id}/capital',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Record capital that arrived (到资), once signed',
  request: { params: idParamSchema, body: { content: json(capitalSchema), required: true } },
  responses: detail,
});

const uploadAttachmentRoute = defineRoute({
  example: { params: { id: 1 }, upload: { fileName: 'minutes.txt', text: '洽谈纪要' } },
  method: 'post',
  path: '/api/projects/{id}/attachments',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Attach a file (multipart field "file", at most 10 MB)',
  request: {
    params: idParamSchema,
    body: multipartBody(attachmentUploadSchema),
  },
  responses: { 201: { description: 'Stored', content: json(attachmentSchema) } },
});

const downloadAttachmentRoute = defineRoute({
  example: { params: { id: 1, attachmentId: 1 } },
  method: 'get',
  path: '/api/projects/{id}/attachments/{attachmentId}',
  permission: 'project:read',
  tags: TAGS,
  summary: 'Download an attachment',
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
});

const deleteAttachmentRoute = defineRoute({
  example: { params: { id: 1, attachmentId: 1 } },
  method: 'delete',
  path: '/api/projects/{id}/attachments/{attachmentId}',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Delete an attachment',
  request: { params: attachmentParams },
  responses: { 204: { description: 'Deleted' } },
});

const spaceMatchesRoute = defineRoute({
  method: 'get',
  path: '/api/projects/{id}/space-matches',
  permission: 'project:read',
  tags: TAGS,
  summary: "Parks and units that fit the project's space need, best first, with reasons",
  request: { params: idParamSchema },
  responses: {
    200: { description: 'Matching parks', content: json(listSchema(spaceMatchSchema)) },
  },
});

const reserveRoute = defineRoute({
  example: { params: { id: 1 }, body: { spaceId: 29, areaM2: 500, note: '预留' } },
  method: 'post',
  path: '/api/projects/{id}/reservations',
  permission: 'space:reserve',
  tags: TAGS,
  summary: 'Reserve park space for the project (a unit, or an area of one kind in a park)',
  description:
    'Refused with 409 SPACE_UNAVAILABLE, nothing changed, when the space is not free; a park ' +
    'operator may reserve only in its own park.',
  request: { params: idParamSchema, body: { content: json(reserveSpaceSchema), required: true } },
  responses: {
    201: { description: 'The reservations made', content: json(listSchema(reservationSchema)) },
  },
});

const releaseRoute = defineRoute({
  example: {
    params: { id: 1 },
    paramsFrom: { reservationId: '/api/parks/1/reservations' },
    note: 'The reservation the example of POST /api/projects/{id}/reservations made in park 1.',
  },
  method: 'post',
  path: '/api/projects/{id}/reservations/{reservationId}/release',
  permission: 'space:reserve',
  tags: TAGS,
  summary: 'Release a reservation, returning its area to the unit',
  request: { params: reservationParams },
  responses: { 200: { description: 'The released reservation', content: json(reservationSchema) } },
});

const exportRoute = defineRoute({
  example: { query: { region: '3202', format: 'csv' } },
  method: 'get',
  path: '/api/projects/export',
  permission: 'project:read',
  tags: TAGS,
  summary: 'Projects as a spreadsheet (XLSX or CSV) that imports back unchanged',
  request: { query: projectExportQuerySchema },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
});

const importRoute = defineRoute({
  example: {
    upload: {
      fields: { chain: 'biomed', region: '3202' },
      fileName: 'projects.csv',
      text: '项目名称,产业链,落地区域,环节,阶段,投资额（万元）\n示例导入项目,biomed,3202,biomed.mid.device,线索,50000\n',
    },
  },
  method: 'post',
  path: '/api/projects/import',
  permission: 'project:write',
  tags: TAGS,
  summary: 'Import projects from a spreadsheet: all rows or none',
  description:
    'Rows with an id update that project, others create one. Any bad row: 400 with ' +
    '`details` listing row, column and reason, and nothing written.',
  request: {
    body: multipartBody(projectImportUploadSchema),
  },
  responses: { 200: { description: 'Imported', content: json(importProjectsResultSchema) } },
});

function actorOf(c: Context<AppEnv>) {
  const user = currentUser(c);
  return { id: user.id, name: user.username };
}

/** `attachment; filename*=` with the UTF-8 name (RFC 6266), so Chinese names survive. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerProjectRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  // Fixed paths before /api/projects/{id}, which would otherwise take "export".
  app.openapi(exportRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { bytes } = await exportProjects(db, query, format);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition(`projects.${format}`),
    });
  });
  openapiUpload(app, importRoute, async (c) => {
    const upload = await readUpload(c, {
      ...PROJECT_UPLOAD,
      maxBytes: MAX_IMPORT_BYTES,
      defaultName: 'projects.xlsx',
      form: projectImportUploadSchema,
    });
    const result = await importProjects(db, actorOf(c), upload, {
      chainCode: upload.text('chain') ?? 'biomed',
      regionCode: upload.text('region'),
    });
    return c.json(result, 200);
  });
  app.openapi(listRoute, async (c) =>
    c.json(await listProjectBoard(db, c.req.valid('query'), currentUser(c)), 200),
  );
  app.openapi(createRoute, async (c) =>
    c.json(await createProject(db, actorOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getProject(db, c.req.valid('param').id, currentUser(c)), 200),
  );
  app.openapi(updateRoute, async (c) =>
    c.json(await updateProject(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(moveRoute, async (c) =>
    c.json(await moveProject(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(dropRoute, async (c) =>
    c.json(
      await setProjectStatus(db, actorOf(c), c.req.valid('param').id, {
        status: 'dropped',
        reason: c.req.valid('json').reason,
      }),
      200,
    ),
  );
  app.openapi(reopenRoute, async (c) =>
    c.json(
      await setProjectStatus(db, actorOf(c), c.req.valid('param').id, {
        status: 'active',
        reason: c.req.valid('json').reason,
      }),
      200,
    ),
  );
  app.openapi(capitalRoute, async (c) =>
    c.json(await recordCapital(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  openapiUpload(app, uploadAttachmentRoute, async (c) => {
    const upload = await readUpload(c, {
      ...PROJECT_UPLOAD,
      maxBytes: MAX_ATTACHMENT_BYTES,
      form: attachmentUploadSchema,
    });
    const file = { fileName: upload.fileName, bytes: await upload.allBytes() };
    return c.json(await addAttachment(db, actorOf(c), c.req.valid('param').id, file), 201);
  });
  app.openapi(downloadAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await getAttachment(db, id, attachmentId);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': disposition(file.fileName),
      'x-content-type-options': 'nosniff',
    });
  });
  app.openapi(deleteAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    await deleteAttachment(db, actorOf(c), id, attachmentId);
    return c.body(null, 204);
  });
  app.openapi(spaceMatchesRoute, async (c) =>
    c.json(await matchSpaceForProject(db, c.req.valid('param').id, currentUser(c)), 200),
  );
  app.openapi(reserveRoute, async (c) => {
    const items = await reserveSpace(
      db,
      actorOf(c),
      currentUser(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ items, total: items.length }, 201);
  });
  app.openapi(releaseRoute, async (c) => {
    const { id, reservationId } = c.req.valid('param');
    const released = await releaseSpace(db, actorOf(c), currentUser(c), id, reservationId);
    return c.json(released, 200);
  });
}

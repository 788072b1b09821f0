import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { paramIdSchema } from '../../shared/api/fields.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  createDepartmentSchema,
  departmentSchema,
  problemActionSchema,
  problemAttachmentSchema,
  problemAttachmentUploadSchema,
  problemCategorySchema,
  problemCommentSchema,
  problemDetailSchema,
  problemListQuerySchema,
  problemListSchema,
  raiseProblemSchema,
  updateDepartmentSchema,
  updateProblemCategorySchema,
  updateProblemSchema,
} from '../../shared/api/problems.ts';
import {
  createDepartment,
  listCategories,
  listDepartments,
  updateCategory,
  updateDepartment,
} from '../../services/problems/departments.service.ts';
import type { ProblemUser } from '../../services/problems/problem-access.ts';
import {
  addProblemAttachment,
  deleteProblemAttachmentAs,
  getProblemAttachment,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
} from '../../services/problems/problem-attachments.service.ts';
import { getProblem, listProblems } from '../../services/problems/problem-query.service.ts';
import {
  actOnProblem,
  commentOnProblem,
  raiseProblem,
  recordProblem,
  updateProblem,
} from '../../services/problems/problem.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

// The problem loop (企呼我应). GET /api/problems/summary, /export and /import live in another
// routes file; the fixed paths must be registered before /api/problems/{id}.

const TAGS = ['Problems'];
const detail = { 200: { description: 'The problem', content: json(problemDetailSchema) } };
const attachmentParams = idParamSchema.extend({ attachmentId: paramIdSchema });
const problemParams = idParamSchema;
const codeParams = z.object({ code: z.string().min(1).max(50) });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/problems',
  permission: 'problem:read',
  tags: TAGS,
  summary: 'Problems the user sees, filtered, newest receipt first',
  request: { query: problemListQuerySchema },
  responses: { 200: { description: 'A page of problems', content: json(problemListSchema) } },
});

const raiseRoute = defineRoute({
  example: {
    body: {
      title: '环评审批进度咨询',
      description: '新建车间环评审批进度不明，请协调。',
      categoryCode: 'approval',
      enterpriseId: 1,
      chainCode: 'biomed',
    },
  },
  method: 'post',
  path: '/api/problems',
  permission: 'problem:raise',
  tags: TAGS,
  summary: 'Raise a problem (a firm, online) or record one the office took in',
  description:
    'A firm raises for its own enterprise at 待受理 (submitted). The office or admin records a ' +
    'problem for enterpriseId at 已受理 (accepted), or at 已交办 when departmentId is given.',
  request: { body: { content: json(raiseProblemSchema), required: true } },
  responses: { 201: { description: 'Created', content: json(problemDetailSchema) } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/problems/{id}',
  permission: 'problem:read',
  tags: TAGS,
  summary: 'One problem with its timeline, attachments and the actions the user may take',
  request: { params: problemParams },
  responses: detail,
});

const updateRoute = defineRoute({
  example: { params: { id: 300 }, body: { assigneeName: '周婷' } },
  method: 'patch',
  path: '/api/problems/{id}',
  permission: 'problem:manage',
  tags: TAGS,
  summary: "Edit a problem's fields (not when closed or returned: 409 PROBLEM_CLOSED)",
  request: { params: problemParams, body: { content: json(updateProblemSchema), required: true } },
  responses: detail,
});

const actionRoute = defineRoute({
  example: {
    params: { id: 300 },
    // Answered from in_progress: which demo problem is in progress depends on the demo's data.
    paramsFrom: { id: '/api/problems?stage=in_progress&pageSize=1' },
    body: { action: 'answer', note: '已协调审评部门，预计两周内完成。' },
  },
  method: 'post',
  path: '/api/problems/{id}/actions',
  permission: 'problem:act',
  tags: TAGS,
  summary: 'Take an action of the transition table (docs/problems.md)',
  description:
    '403 when the problem is outside your scope or the table does not name your role; 409 ' +
    'PROBLEM_TRANSITION_INVALID when the stage is not one the action starts from.',
  request: { params: problemParams, body: { content: json(problemActionSchema), required: true } },
  responses: detail,
});

const commentRoute = defineRoute({
  example: { params: { id: 300 }, body: { note: '已电话联系企业，约定下周走访。' } },
  method: 'post',
  path: '/api/problems/{id}/comments',
  permission: 'problem:act',
  tags: TAGS,
  summary: "Comment on a problem's timeline (its stage stays)",
  request: { params: problemParams, body: { content: json(problemCommentSchema), required: true } },
  responses: { 201: { description: 'The problem', content: json(problemDetailSchema) } },
});

const listAttachmentsRoute = defineRoute({
  method: 'get',
  path: '/api/problems/{id}/attachments',
  permission: 'problem:read',
  tags: TAGS,
  summary: "A problem's attachments (not for redacted roles)",
  request: { params: problemParams },
  responses: {
    200: { description: 'Attachments', content: json(listSchema(problemAttachmentSchema)) },
  },
});

const uploadRoute = defineRoute({
  example: { params: { id: 300 }, upload: { fileName: 'reply.txt', text: '办理情况' } },
  method: 'post',
  path: '/api/problems/{id}/attachments',
  permission: 'problem:act',
  tags: TAGS,
  summary: 'Attach a file (multipart field "file", at most 10 MB)',
  request: { params: problemParams, body: multipartBody(problemAttachmentUploadSchema) },
  responses: { 201: { description: 'Stored', content: json(problemAttachmentSchema) } },
});

const downloadRoute = defineRoute({
  example: { params: { id: 300, attachmentId: 1 } },
  method: 'get',
  path: '/api/problems/{id}/attachments/{attachmentId}',
  permission: 'problem:read',
  tags: TAGS,
  summary: 'Download an attachment (not for redacted roles)',
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
});

const deleteRoute = defineRoute({
  example: { params: { id: 300, attachmentId: 1 } },
  method: 'delete',
  path: '/api/problems/{id}/attachments/{attachmentId}',
  permission: 'problem:act',
  tags: TAGS,
  summary: 'Delete an attachment',
  request: { params: attachmentParams },
  responses: { 204: { description: 'Deleted' } },
});

const categoriesRoute = defineRoute({
  method: 'get',
  path: '/api/problem-categories',
  permission: 'problem:read',
  tags: TAGS,
  summary: 'Problem categories with their SLA in working days',
  responses: {
    200: { description: 'Categories', content: json(listSchema(problemCategorySchema)) },
  },
});

const updateCategoryRoute = defineRoute({
  example: { params: { code: 'finance' }, body: { slaWorkingDays: 12 } },
  method: 'patch',
  path: '/api/problem-categories/{code}',
  permission: 'problem:manage',
  tags: TAGS,
  summary: "Change a category's names, SLA, order or whether it is offered",
  request: {
    params: codeParams,
    body: { content: json(updateProblemCategorySchema), required: true },
  },
  responses: { 200: { description: 'The category', content: json(problemCategorySchema) } },
});

const departmentsRoute = defineRoute({
  method: 'get',
  path: '/api/departments',
  permission: 'problem:read',
  tags: TAGS,
  summary: 'Departments problems are assigned to',
  responses: { 200: { description: 'Departments', content: json(listSchema(departmentSchema)) } },
});

const createDepartmentRoute = defineRoute({
  example: {
    body: {
      name: '无锡市示例协调办公室',
      nameEn: 'Wuxi Example Coordination Office',
      regionCode: '3202',
    },
  },
  method: 'post',
  path: '/api/departments',
  permission: 'department:manage',
  tags: TAGS,
  summary: 'Add a department',
  request: { body: { content: json(createDepartmentSchema), required: true } },
  responses: { 201: { description: 'Created', content: json(departmentSchema) } },
});

const updateDepartmentRoute = defineRoute({
  example: { params: { id: 1 }, body: { nameEn: 'Wuxi Development and Reform Commission' } },
  method: 'patch',
  path: '/api/departments/{id}',
  permission: 'department:manage',
  tags: TAGS,
  summary: 'Rename, re-region or (de)activate a department',
  request: {
    params: problemParams,
    body: { content: json(updateDepartmentSchema), required: true },
  },
  responses: { 200: { description: 'The department', content: json(departmentSchema) } },
});

/** The signed-in user as the problem services see it. */
function problemUser(c: Context<AppEnv>): ProblemUser {
  const user = currentUser(c);
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

export function registerProblemRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(await listProblems(db, problemUser(c), c.req.valid('query')), 200),
  );
  app.openapi(raiseRoute, async (c) => {
    const user = problemUser(c);
    const input = c.req.valid('json');
    const created =
      user.role === 'firm'
        ? await raiseProblem(db, user, input)
        : await recordProblem(db, user, input);
    return c.json(created, 201);
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getProblem(db, problemUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(updateRoute, async (c) =>
    c.json(
      await updateProblem(db, problemUser(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(actionRoute, async (c) =>
    c.json(
      await actOnProblem(db, problemUser(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(commentRoute, async (c) =>
    c.json(
      await commentOnProblem(db, problemUser(c), c.req.valid('param').id, c.req.valid('json').note),
      201,
    ),
  );
  app.openapi(listAttachmentsRoute, async (c) => {
    const items = await listAttachments(db, problemUser(c), c.req.valid('param').id);
    return c.json({ items, total: items.length }, 200);
  });
  openapiUpload(app, uploadRoute, async (c) => {
    const upload = await readUpload(c, {
      envelopeBytes: 64 * 1024,
      details: { field: 'file' },
      maxBytes: MAX_ATTACHMENT_BYTES,
      form: problemAttachmentUploadSchema,
    });
    const file = { fileName: upload.fileName, bytes: await upload.allBytes() };
    return c.json(
      await addProblemAttachment(db, problemUser(c), c.req.valid('param').id, file),
      201,
    );
  });
  app.openapi(downloadRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await getProblemAttachment(db, problemUser(c), id, attachmentId);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': disposition(file.fileName),
      'x-content-type-options': 'nosniff',
    });
  });
  app.openapi(deleteRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    await deleteProblemAttachmentAs(db, problemUser(c), id, attachmentId);
    return c.body(null, 204);
  });
  app.openapi(categoriesRoute, async (c) => {
    const items = await listCategories(db);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(updateCategoryRoute, async (c) =>
    c.json(
      await updateCategory(db, problemUser(c), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(departmentsRoute, async (c) => {
    const items = await listDepartments(db);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(createDepartmentRoute, async (c) =>
    c.json(await createDepartment(db, problemUser(c), c.req.valid('json')), 201),
  );
  app.openapi(updateDepartmentRoute, async (c) =>
    c.json(
      await updateDepartment(db, problemUser(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { listSchema } from '../../shared/api/common.ts';
import {
  createUserRequestSchema,
  firmAccountsQuerySchema,
  firmAccountsResultSchema,
  firmAccountsUploadSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userSchema,
  type User,
} from '../../shared/api/users.ts';
import {
  changePassword,
  requireUserDetail,
  userDetail,
} from '../../services/auth/users.service.ts';
import { addUser, listUserDetails, type UserDetail } from '../../services/auth/users.service.ts';
import { updateUserAccount } from '../../services/auth/user-admin.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { createFirmAccounts, firmAccountsCsv } from '../../services/auth/firm-accounts.service.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

const listUsersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  permission: 'user:manage',
  tags: ['Users'],
  summary: 'Local user accounts',
  responses: { 200: { description: 'The users', content: json(listSchema(userSchema)) } },
});

const createUserRoute = defineRoute({
  example: {
    body: {
      username: 'newofficer',
      password: 'amber-meadow-violin-81',
      role: 'office',
      displayName: '链办新同事',
    },
  },
  method: 'post',
  path: '/api/users',
  permission: 'user:manage',
  tags: ['Users'],
  summary: 'Create a local user',
  request: { body: { content: json(createUserRequestSchema), required: true } },
  responses: { 201: { description: 'Created', content: json(userSchema) } },
});

const getUserRoute = defineRoute({
  method: 'get',
  path: '/api/users/{id}',
  permission: 'user:manage',
  tags: ['Users'],
  summary: 'One user with its bindings by name',
  request: { params: userIdParamsSchema },
  responses: { 200: { description: 'The user', content: json(userSchema) } },
});

const updateUserRoute = defineRoute({
  example: { params: { id: 2 }, body: { displayName: '链办分析员' } },
  method: 'patch',
  path: '/api/users/{id}',
  permission: 'user:manage',
  tags: ['Users'],
  summary: "Change a user's role, bindings (park, department, enterprise, chains), name or state",
  request: {
    params: userIdParamsSchema,
    body: { content: json(updateUserRequestSchema), required: true },
  },
  responses: { 200: { description: 'The user after the change', content: json(userSchema) } },
});

const resetPasswordRoute = defineRoute({
  example: { params: { id: 3 }, body: { password: 'copper-river-sunset-19', oneTime: true } },
  method: 'post',
  path: '/api/users/{id}/password',
  permission: 'user:manage',
  tags: ['Users'],
  summary: "Set a user's password (one-time unless oneTime is false); ends their sessions",
  request: {
    params: userIdParamsSchema,
    body: { content: json(resetPasswordRequestSchema), required: true },
  },
  responses: { 204: { description: 'Changed' } },
});

const firmAccountsRoute = defineRoute({
  example: {
    query: { format: 'json' },
    upload: {
      fileName: 'accounts.csv',
      text: 'enterprise,username,displayName\n1,xinghe,兴和医药联络人\n',
    },
  },
  method: 'post',
  path: '/api/users/firm-accounts',
  permission: 'firm-account:create',
  tags: ['Users'],
  summary: 'Open firm accounts in bulk from a spreadsheet: all rows or none',
  description:
    'Each account gets a random one-time password, returned only in this answer. Any bad row: ' +
    '400 with `details` listing row, column, value and reason, and nothing written.',
  request: { query: firmAccountsQuerySchema, body: multipartBody(firmAccountsUploadSchema) },
  responses: {
    201: {
      description: 'Opened',
      content: {
        ...json(firmAccountsResultSchema),
        'text/csv': { schema: { type: 'string' as const } },
      },
    },
  },
});

/** The most a list of accounts may weigh: a few thousand rows. */
const MAX_FIRM_ACCOUNTS_BYTES = 4 * 1024 * 1024;

/** A user as every answer presents it: bindings with their names, never the hash. */
export function presentUser(user: UserDetail): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    parkId: user.parkId,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    enterpriseId: user.enterpriseId,
    enterpriseName: user.enterpriseName,
    chainCodes: user.chainCodes,
    mustChangePassword: user.mustChangePassword,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listUsersRoute, async (c) => {
    const items = (await listUserDetails(db)).map(presentUser);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(createUserRoute, async (c) => {
    const actor = currentUser(c);
    const created = await addUser(db, { id: actor.id, name: actor.username }, c.req.valid('json'));
    return c.json(presentUser(await userDetail(db, created)), 201);
  });
  app.openapi(getUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(presentUser(await requireUserDetail(db, id)), 200);
  });
  app.openapi(updateUserRoute, async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const updated = await updateUserAccount(
      db,
      { id: actor.id, name: actor.username },
      id,
      c.req.valid('json'),
    );
    return c.json(presentUser(await userDetail(db, updated)), 200);
  });
  app.openapi(resetPasswordRoute, async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await changePassword(db, { id: actor.id, name: actor.username }, id, body.password, {
      oneTime: body.oneTime ?? true,
    });
    return c.body(null, 204);
  });
  openapiUpload(app, firmAccountsRoute, async (c) => {
    const actor = currentUser(c);
    const upload = await readUpload(c, {
      maxBytes: MAX_FIRM_ACCOUNTS_BYTES,
      envelopeBytes: 64 * 1024,
      details: { field: 'file' },
      defaultName: 'firm-accounts.csv',
      form: firmAccountsUploadSchema,
    });
    const created = await createFirmAccounts(db, { id: actor.id, name: actor.username }, upload);
    // The passwords are in this answer only: no cache may keep them.
    c.header('cache-control', 'no-store');
    if (c.req.valid('query').format === 'csv') {
      return c.body(firmAccountsCsv(created), 201, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="firm-accounts.csv"',
      });
    }
    return c.json({ created }, 201);
  });
}

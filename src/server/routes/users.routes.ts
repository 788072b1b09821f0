import type { OpenAPIHono } from '@hono/zod-openapi';
import { listSchema } from '../../shared/api/common.ts';
import { createUserRequestSchema, userSchema, type User } from '../../shared/api/users.ts';
import { addUser, listUserViews, type UserView } from '../../services/auth/users.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const listUsersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  permission: 'user:manage',
  tags: ['Users'],
  summary: 'Local user accounts',
  responses: { 200: { description: 'The users', content: json(listSchema(userSchema)) } },
});

const createUserRoute = defineRoute({
  method: 'post',
  path: '/api/users',
  permission: 'user:manage',
  tags: ['Users'],
  summary: 'Create a local user',
  request: { body: { content: json(createUserRequestSchema), required: true } },
  responses: { 201: { description: 'Created', content: json(userSchema) } },
});

function presentUser(user: UserView): User {
  return { ...user, createdAt: user.createdAt.toISOString() };
}

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listUsersRoute, async (c) => {
    const items = (await listUserViews(db)).map(presentUser);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(createUserRoute, async (c) => {
    const actor = currentUser(c);
    const created = await addUser(db, { id: actor.id, name: actor.username }, c.req.valid('json'));
    return c.json(presentUser(created), 201);
  });
}

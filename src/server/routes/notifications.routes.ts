import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  notificationIdParamsSchema,
  notificationListSchema,
  readAllResponseSchema,
} from '../../shared/api/notifications.ts';
import {
  listMyNotifications,
  readAllNotifications,
  readNotification,
} from '../../services/notifications/notifications.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/notifications',
  permission: 'authenticated',
  tags: ['Notifications'],
  summary: 'My notifications (the bell), newest first, with the unread count',
  responses: { 200: { description: 'The notifications', content: json(notificationListSchema) } },
});

const readRoute = defineRoute({
  example: {
    as: { username: 'office', password: 'chainlead-office' },
    paramsFrom: { id: '/api/notifications' },
  },
  method: 'post',
  path: '/api/notifications/{id}/read',
  permission: 'authenticated',
  tags: ['Notifications'],
  summary: 'Mark one of my notifications read',
  request: { params: notificationIdParamsSchema },
  responses: { 204: { description: 'Marked read' } },
});

const readAllRoute = defineRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  permission: 'authenticated',
  tags: ['Notifications'],
  summary: 'Mark all my notifications read',
  responses: { 200: { description: 'How many were unread', content: json(readAllResponseSchema) } },
});

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) => {
    const { items, unread } = await listMyNotifications(db, currentUser(c).id, new Date());
    return c.json(
      {
        items: items.map(({ userId: _userId, ...item }) => ({
          ...item,
          createdAt: item.createdAt.toISOString(),
        })),
        unread,
      },
      200,
    );
  });
  app.openapi(readAllRoute, async (c) => {
    const marked = await readAllNotifications(db, currentUser(c).id, new Date());
    return c.json({ marked }, 200);
  });
  app.openapi(readRoute, async (c) => {
    await readNotification(db, currentUser(c).id, c.req.valid('param').id, new Date());
    return c.body(null, 204);
  });
}

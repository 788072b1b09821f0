import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  calendarQuerySchema,
  calendarSchema,
  calendarYearParamsSchema,
  setCalendarYearRequestSchema,
  setCalendarYearResponseSchema,
} from '../../shared/api/calendar.ts';
import { getCalendar, setCalendarYear } from '../../services/problems/calendar-admin.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const getCalendarRoute = defineRoute({
  method: 'get',
  path: '/api/calendar',
  permission: 'authenticated',
  tags: ['Calendar'],
  summary: 'The working-day calendar: the years covered (with source) and the moved days of ?year=',
  request: { query: calendarQuerySchema },
  responses: { 200: { description: 'The calendar', content: json(calendarSchema) } },
});

const putCalendarYearRoute = defineRoute({
  example: {
    params: { year: 2035 },
    body: {
      source: '国务院办公厅通知（示例）',
      days: [{ day: '2035-01-01', kind: 'holiday', name: '元旦' }],
    },
  },
  method: 'put',
  path: '/api/calendar/{year}',
  permission: 'calendar:manage',
  tags: ['Calendar'],
  summary:
    "Replace a year's holidays and days worked in lieu, then recount every open problem's due date",
  request: {
    params: calendarYearParamsSchema,
    body: { content: json(setCalendarYearRequestSchema), required: true },
  },
  responses: {
    200: {
      description: 'Set, with how many due dates moved',
      content: json(setCalendarYearResponseSchema),
    },
  },
});

export function registerCalendarRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(getCalendarRoute, async (c) => {
    const view = await getCalendar(db, c.req.valid('query').year);
    return c.json(
      {
        years: view.years.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
        year: view.year,
        days: view.days,
      },
      200,
    );
  });
  app.openapi(putCalendarYearRoute, async (c) => {
    const actor = currentUser(c);
    const result = await setCalendarYear(
      db,
      { id: actor.id, name: actor.username },
      c.req.valid('param').year,
      c.req.valid('json'),
    );
    return c.json(result, 200);
  });
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditPageSchema, auditQuerySchema } from '../../shared/api/audit.ts';
import { searchAuditLog } from '../../services/audit/audit-log.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { defineRoute, json } from '../route-registry.ts';

const listAuditRoute = defineRoute({
  example: { query: { entity: 'target', from: '2026-01-01', to: '2026-12-31' } },
  method: 'get',
  path: '/api/audit',
  permission: 'audit:read',
  tags: ['Audit'],
  summary: 'The audit log, newest first: who did what to which entity, before and after',
  description:
    'Filter by user (username), entity kind and id, and days (Asia/Shanghai, both included); ' +
    'paged. Entries older than the retention (`chainlead audit retention`) are purged.',
  request: { query: auditQuerySchema },
  responses: { 200: { description: 'A page of entries', content: json(auditPageSchema) } },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listAuditRoute, async (c) =>
    c.json(await searchAuditLog(db, c.req.valid('query')), 200),
  );
}

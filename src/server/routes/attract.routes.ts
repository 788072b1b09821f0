import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  candidateListSchema,
  candidateQuerySchema,
  roadQuerySchema,
  roadToTargetSchema,
} from '../../shared/api/attract.ts';
import { chainCodeParamSchema } from '../../shared/api/chains.ts';
import { pipelineSettingsSchema } from '../../shared/api/projects.ts';
import { rankCandidates } from '../../services/attract/candidates.service.ts';
import { roadToTarget } from '../../services/attract/road-to-target.service.ts';
import {
  getPipelineSettings,
  savePipelineSettings,
} from '../../services/projects/pipeline-settings.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const candidatesRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    query: { region: '3202', node: 'biomed.mid.vaccine', top: 10 },
  },
  method: 'get',
  path: '/api/chains/{code}/candidates',
  permission: 'enterprise:read',
  tags: ['Investment'],
  summary: 'Candidate enterprises elsewhere for the nodes a region should fill, with reasons',
  description:
    'Without `node`, every missing and weak node of the region. Enterprises an active project ' +
    'already courts are left out. Each score is the sum of its components’ points.',
  request: { params: chainCodeParamSchema, query: candidateQuerySchema },
  responses: { 200: { description: 'Candidates by node', content: json(candidateListSchema) } },
});

const roadRoute = defineRoute({
  example: { params: { code: 'biomed' }, query: { region: '3202' } },
  method: 'get',
  path: '/api/chains/{code}/road-to-target',
  permission: 'project:read',
  tags: ['Investment'],
  summary: 'Actual output plus the weighted pipeline against the target, by year and node',
  description: 'What-if: `exclude` leaves projects out, `include` counts dropped ones.',
  request: { params: chainCodeParamSchema, query: roadQuerySchema },
  responses: { 200: { description: 'The road to the target', content: json(roadToTargetSchema) } },
});

const getSettingsRoute = defineRoute({
  method: 'get',
  path: '/api/settings/pipeline',
  permission: 'project:read',
  tags: ['Investment'],
  summary: 'Stage probabilities and the days after which a project counts as stalled',
  responses: { 200: { description: 'The settings', content: json(pipelineSettingsSchema) } },
});

const putSettingsRoute = defineRoute({
  example: { body: { stalledDays: 45 } },
  method: 'put',
  path: '/api/settings/pipeline',
  permission: 'project:write',
  tags: ['Investment'],
  summary: 'Change stage probabilities (non-decreasing, 0 to 1) or the stalled threshold',
  request: {
    body: { content: json(pipelineSettingsSchema.partial()), required: true },
  },
  responses: { 200: { description: 'The settings now', content: json(pipelineSettingsSchema) } },
});

export function registerAttractRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(candidatesRoute, async (c) => {
    const query = c.req.valid('query');
    const list = await rankCandidates(db, {
      chainCode: c.req.valid('param').code,
      regionCode: query.region,
      nodeCode: query.node,
      top: query.top,
    });
    return c.json(list, 200);
  });
  app.openapi(roadRoute, async (c) => {
    const query = c.req.valid('query');
    const road = await roadToTarget(db, {
      chainCode: c.req.valid('param').code,
      regionCode: query.region,
      exclude: query.exclude,
      include: query.include,
      baseline: query.baseline,
    });
    return c.json(road, 200);
  });
  app.openapi(getSettingsRoute, async (c) => c.json(await getPipelineSettings(db), 200));
  app.openapi(putSettingsRoute, async (c) => {
    const user = currentUser(c);
    const saved = await savePipelineSettings(
      db,
      { id: user.id, name: user.username },
      c.req.valid('json'),
    );
    return c.json(saved, 200);
  });
}

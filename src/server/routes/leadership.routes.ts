import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { paramIdSchema } from '../../shared/api/fields.ts';
import { idParamSchema, listSchema } from '../../shared/api/common.ts';
import {
  activityQuerySchema,
  activitySchema,
  chainCodeParamSchema,
  chainLeadershipSchema,
  completeSupervisionSchema,
  createActivitySchema,
  createSharedProblemSchema,
  createSupervisionSchema,
  escalateSchema,
  leadershipQuerySchema,
  linkProblemSchema,
  putLeadershipSchema,
  scorecardQuerySchema,
  scorecardSchema,
  sharedProblemQuerySchema,
  sharedProblemSchema,
  supervisionDetailSchema,
  supervisionItemSchema,
  supervisionNoteSchema,
  supervisionQuerySchema,
  updateActivitySchema,
} from '../../shared/api/leadership.ts';
import {
  createLeaderActivity,
  deleteLeaderActivity,
  getChainLeadership,
  listChainLeaderships,
  removeChainLeadership,
  getLeaderActivity,
  listLeaderActivities,
  putChainLeadership,
  updateLeaderActivity,
} from '../../services/leadership/leadership.service.ts';
import { buildScorecard } from '../../services/leadership/scorecard.service.ts';
import {
  createSharedProblem,
  escalateProblem,
  escalateSharedProblem,
  getSharedProblem,
  linkSharedProblem,
  listSharedProblemViews,
} from '../../services/leadership/shared-problems.service.ts';
import {
  addSupervisionNote,
  completeSupervisionItem,
  createSupervisionItem,
  getSupervisionItem,
  listSupervisionItems,
  type LeaderViewer,
} from '../../services/leadership/supervision.service.ts';
import type { Permission } from '../../shared/permissions.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const TAGS = ['Chain leader'];
const id = paramIdSchema;
const idParams = idParamSchema;
const ok = <T>(schema: T, description: string) => ({ 200: { description, content: json(schema) } });
const created = <T>(schema: T) => ({ 201: { description: 'Created', content: json(schema) } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

function route<M extends 'get' | 'post' | 'put' | 'patch' | 'delete'>(
  method: M,
  path: string,
  permission: Permission,
  summary: string,
) {
  return { method, path, permission, tags: TAGS, summary };
}

const getLeadershipRoute = defineRoute({
  ...route(
    'get',
    '/api/chains/{code}/leadership',
    'leader:read',
    "A chain's leader, office and 总链长",
  ),
  request: { params: chainCodeParamSchema, query: leadershipQuerySchema },
  responses: ok(chainLeadershipSchema, 'The leadership'),
});
const putLeadershipRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    query: { region: '3202' },
    body: {
      leader: { name: '链长（演示）', title: '市长' },
      officeName: '生物医药产业链链长办公室',
    },
  },
  ...route(
    'put',
    '/api/chains/{code}/leadership',
    'leader:write',
    'Set the chain leader and office (office, admin)',
  ),
  request: {
    params: chainCodeParamSchema,
    query: leadershipQuerySchema,
    ...body(putLeadershipSchema),
  },
  responses: ok(chainLeadershipSchema, 'The leadership'),
});
const listLeadershipsRoute = defineRoute({
  example: { query: { region: '3202' } },
  ...route(
    'get',
    '/api/leadership',
    'leader:read',
    "Every chain's leader and office in a region (null where none is set), with its 总链长",
  ),
  request: { query: leadershipQuerySchema },
  responses: ok(listSchema(chainLeadershipSchema), 'One row per loaded chain the user may see'),
});
const deleteLeadershipRoute = defineRoute({
  example: {
    params: { code: 'biomed' },
    query: { region: '3201' },
    note: 'Nanjing has none in the demo: removing it changes nothing.',
  },
  ...route(
    'delete',
    '/api/chains/{code}/leadership',
    'leader:write',
    "Remove a chain's leader and office in a region (office, admin); the 总链长 stays",
  ),
  request: { params: chainCodeParamSchema, query: leadershipQuerySchema },
  responses: { 204: { description: 'Removed (or there was none)' } },
});
const listActivitiesRoute = defineRoute({
  ...route('get', '/api/leader/activities', 'leader:read', 'Visits, meetings and decisions'),
  request: { query: activityQuerySchema },
  responses: ok(listSchema(activitySchema), 'Activities, newest first'),
});
const createActivityRoute = defineRoute({
  example: {
    body: {
      chainCode: 'biomed',
      regionCode: '3202',
      kind: 'visit',
      heldOn: '2026-11-30',
      title: '走访江阴市兴和医药有限公司',
      enterpriseIds: [1],
    },
  },
  ...route(
    'post',
    '/api/leader/activities',
    'leader:write',
    'Record a visit, meeting or decision with its 督办 follow-ups',
  ),
  request: body(createActivitySchema),
  responses: created(activitySchema),
});
const getActivityRoute = defineRoute({
  ...route('get', '/api/leader/activities/{id}', 'leader:read', 'One activity'),
  request: { params: idParams },
  responses: ok(activitySchema, 'The activity'),
});
const updateActivityRoute = defineRoute({
  example: { params: { id: 1 }, body: { summary: '了解企业生产经营和发展诉求。' } },
  ...route('patch', '/api/leader/activities/{id}', 'leader:write', 'Change an activity'),
  request: { params: idParams, ...body(updateActivitySchema) },
  responses: ok(activitySchema, 'The activity'),
});
const deleteActivityRoute = defineRoute({
  example: {
    params: { id: 51 },
    note: 'The activity the example of POST /api/leader/activities made.',
  },
  ...route(
    'delete',
    '/api/leader/activities/{id}',
    'leader:write',
    'Delete an activity (its 督办 items stay)',
  ),
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' } },
});
const listSupervisionRoute = defineRoute({
  ...route('get', '/api/supervision', 'leader:read', '督办 items (a department sees its own)'),
  request: { query: supervisionQuerySchema },
  responses: ok(listSchema(supervisionItemSchema), '督办 items by deadline'),
});
const createSupervisionRoute = defineRoute({
  example: {
    body: {
      title: '协调兴和医药新车间环评',
      ownerDepartmentId: 2,
      deadline: '2027-03-31',
      chainCode: 'biomed',
      regionCode: '3202',
    },
  },
  ...route('post', '/api/supervision', 'leader:write', 'Assign a 督办 item'),
  request: body(createSupervisionSchema),
  responses: created(supervisionDetailSchema),
});
const getSupervisionRoute = defineRoute({
  ...route('get', '/api/supervision/{id}', 'leader:read', 'One 督办 item with its notes'),
  request: { params: idParams },
  responses: ok(supervisionDetailSchema, 'The item'),
});
const noteSupervisionRoute = defineRoute({
  example: { params: { id: 9 }, body: { note: '已召开协调会。' } },
  ...route(
    'post',
    '/api/supervision/{id}/notes',
    'supervision:progress',
    'Report progress (a department: its own items only)',
  ),
  request: { params: idParams, ...body(supervisionNoteSchema) },
  responses: created(supervisionDetailSchema),
});
const completeSupervisionRoute = defineRoute({
  example: {
    params: { id: 9 },
    // Completed from open: which demo item is still open depends on the demo's dates.
    paramsFrom: { id: '/api/supervision?state=open&pageSize=1' },
    body: { note: '已办结。' },
  },
  ...route(
    'post',
    '/api/supervision/{id}/complete',
    'supervision:progress',
    'Mark a 督办 item done',
  ),
  request: { params: idParams, ...body(completeSupervisionSchema) },
  responses: ok(supervisionDetailSchema, 'The item'),
});
const listSharedRoute = defineRoute({
  ...route('get', '/api/shared-problems', 'leader:read', 'Shared problems (共性问题)'),
  request: { query: sharedProblemQuerySchema },
  responses: ok(listSchema(sharedProblemSchema), 'Shared problems, newest first'),
});
const createSharedRoute = defineRoute({
  example: {
    body: { problemIds: [35, 38], title: '共性问题示例', summary: '多家企业反映同类问题。' },
  },
  ...route(
    'post',
    '/api/shared-problems',
    'problem:manage',
    'Group ≥2 problems of one chain as a shared problem',
  ),
  request: body(createSharedProblemSchema),
  responses: created(sharedProblemSchema),
});
const getSharedRoute = defineRoute({
  ...route(
    'get',
    '/api/shared-problems/{id}',
    'leader:read',
    'One shared problem with its problems',
  ),
  request: { params: idParams },
  responses: ok(sharedProblemSchema, 'The shared problem'),
});
const linkSharedRoute = defineRoute({
  example: { params: { id: 1 }, body: { problemId: 57 } },
  ...route(
    'post',
    '/api/shared-problems/{id}/problems',
    'problem:manage',
    'Add a problem to a shared problem',
  ),
  request: { params: idParams, ...body(linkProblemSchema) },
  responses: ok(sharedProblemSchema, 'The shared problem'),
});
const unlinkSharedRoute = defineRoute({
  example: { params: { id: 1, problemId: 57 } },
  ...route(
    'delete',
    '/api/shared-problems/{id}/problems/{problemId}',
    'problem:manage',
    'Take a problem out of a shared problem',
  ),
  request: { params: idParams.extend({ problemId: id }) },
  responses: ok(sharedProblemSchema, 'The shared problem'),
});
const escalateSharedRoute = defineRoute({
  example: {
    params: { id: 2 },
    body: { ownerDepartmentId: 2, deadline: '2027-03-31' },
    note: 'The shared problem the example of POST /api/shared-problems made.',
  },
  ...route(
    'post',
    '/api/shared-problems/{id}/escalate',
    'leader:write',
    'Escalate to the chain leader: a 督办 item',
  ),
  request: { params: idParams, ...body(escalateSchema) },
  responses: ok(sharedProblemSchema, 'The shared problem'),
});
const escalateProblemRoute = defineRoute({
  example: { params: { id: 4 }, body: { ownerDepartmentId: 2, deadline: '2027-03-31' } },
  ...route(
    'post',
    '/api/problems/{id}/escalate',
    'leader:write',
    'Escalate one problem to the chain leader: a 督办 item',
  ),
  request: { params: idParams, ...body(escalateSchema) },
  responses: created(supervisionDetailSchema),
});
const scorecardRoute = defineRoute({
  example: { query: { chain: 'biomed', region: '3202', year: 2025 } },
  ...route(
    'get',
    '/api/scorecard',
    'leader:read',
    "The chain leader's yearly scorecard (考核看板)",
  ),
  request: { query: scorecardQuerySchema },
  responses: ok(scorecardSchema, 'The scorecard'),
});

function viewerOf(c: Context<AppEnv>): LeaderViewer {
  const user = currentUser(c);
  return {
    actor: { id: user.id, name: user.username },
    role: user.role,
    departmentId: user.departmentId,
    chainCodes: user.chainCodes,
  };
}

export function registerLeadershipRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(getLeadershipRoute, async (c) =>
    c.json(
      await getChainLeadership(
        db,
        viewerOf(c),
        c.req.valid('param').code,
        c.req.valid('query').region,
      ),
      200,
    ),
  );
  app.openapi(putLeadershipRoute, async (c) =>
    c.json(
      await putChainLeadership(
        db,
        viewerOf(c),
        c.req.valid('param').code,
        c.req.valid('query').region,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(listLeadershipsRoute, async (c) =>
    c.json(await listChainLeaderships(db, viewerOf(c), c.req.valid('query').region), 200),
  );
  app.openapi(deleteLeadershipRoute, async (c) => {
    await removeChainLeadership(
      db,
      viewerOf(c),
      c.req.valid('param').code,
      c.req.valid('query').region,
    );
    return c.body(null, 204);
  });
  app.openapi(listActivitiesRoute, async (c) =>
    c.json(await listLeaderActivities(db, viewerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(createActivityRoute, async (c) =>
    c.json(await createLeaderActivity(db, viewerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getActivityRoute, async (c) =>
    c.json(await getLeaderActivity(db, viewerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(updateActivityRoute, async (c) =>
    c.json(
      await updateLeaderActivity(db, viewerOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(deleteActivityRoute, async (c) => {
    await deleteLeaderActivity(db, viewerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(listSupervisionRoute, async (c) =>
    c.json(await listSupervisionItems(db, viewerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(createSupervisionRoute, async (c) =>
    c.json(await createSupervisionItem(db, viewerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getSupervisionRoute, async (c) =>
    c.json(await getSupervisionItem(db, viewerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(noteSupervisionRoute, async (c) =>
    c.json(
      await addSupervisionNote(db, viewerOf(c), c.req.valid('param').id, c.req.valid('json').note),
      201,
    ),
  );
  app.openapi(completeSupervisionRoute, async (c) =>
    c.json(
      await completeSupervisionItem(
        db,
        viewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json').note,
      ),
      200,
    ),
  );
  app.openapi(listSharedRoute, async (c) =>
    c.json(await listSharedProblemViews(db, viewerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(createSharedRoute, async (c) =>
    c.json(await createSharedProblem(db, viewerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getSharedRoute, async (c) =>
    c.json(await getSharedProblem(db, viewerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(linkSharedRoute, async (c) =>
    c.json(
      await linkSharedProblem(
        db,
        viewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json').problemId,
        true,
      ),
      200,
    ),
  );
  app.openapi(unlinkSharedRoute, async (c) => {
    const { id: sharedId, problemId } = c.req.valid('param');
    return c.json(await linkSharedProblem(db, viewerOf(c), sharedId, problemId, false), 200);
  });
  app.openapi(escalateSharedRoute, async (c) =>
    c.json(
      await escalateSharedProblem(db, viewerOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(escalateProblemRoute, async (c) =>
    c.json(
      await escalateProblem(db, viewerOf(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(scorecardRoute, async (c) =>
    c.json(await buildScorecard(db, viewerOf(c), c.req.valid('query')), 200),
  );
}

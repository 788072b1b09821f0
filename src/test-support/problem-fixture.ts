import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { chainNode, classification } from '../db/schema.ts';
import type { App } from '../server/app.ts';
import type { Department, ProblemDetail } from '../shared/api/problems.ts';
import type { ProblemAction, ProblemStage } from '../shared/problem-stages.ts';
import { ApiClient } from './api-client.ts';
import { startTestApp } from './api-app.ts';
import { makeEnterprise } from './factories.ts';

/** The roles a problem test signs in as, each with its own client. */
export interface ProblemWorld {
  database: Database;
  app: App;
  admin: ApiClient;
  office: ApiClient;
  leader: ApiClient;
  /** A department user of department A (every fixture problem is assigned to A). */
  department: ApiClient;
  /** A department user of department B. */
  otherDepartment: ApiClient;
  /** A firm user of enterprise 1 (every fixture problem is enterprise 1's). */
  firm: ApiClient;
  /** A firm user of enterprise 2. */
  otherFirm: ApiClient;
  analyst: ApiClient;
  viewer: ApiClient;
  investment: ApiClient;
  enterpriseId: number;
  otherEnterpriseId: number;
  departmentA: number;
  departmentB: number;
  /** The node of enterprise 1's primary placement. */
  nodeCode: string;
}

async function signIn(
  world: { app: App; admin: ApiClient; database: Database },
  username: string,
  role: string,
  binding: { departmentId?: number; enterpriseId?: number } = {},
): Promise<ApiClient> {
  const password = `${username}-password`;
  const created = await world.admin.json('POST', '/api/users', {
    username,
    password,
    role,
    ...binding,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const client = new ApiClient(world.app);
  await client.login(username, password);
  return client;
}

/** Places an enterprise on a node of the biomed chain, confirmed and primary. */
export async function placeEnterprise(
  database: Database,
  enterpriseId: number,
  nodeCode: string,
): Promise<void> {
  const [node] = await database.db.select().from(chainNode).where(eq(chainNode.code, nodeCode));
  if (!node) throw new Error(`no node ${nodeCode}`);
  await database.db.insert(classification).values({
    enterpriseId,
    nodeId: node.id,
    regionCode: '320214',
    score: 0.9,
    decision: 'confirmed',
    isPrimary: true,
    method: 'manual',
  });
}

/** An installation with two enterprises, two departments and a user of every problem role. */
export async function startProblemWorld(): Promise<ProblemWorld> {
  const { database, app, admin } = await startTestApp();
  const [enterpriseId = 0, otherEnterpriseId = 0] = await insertEnterprises(database.db, [
    makeEnterprise({ name: '无锡测试生物有限公司' }),
    makeEnterprise({ name: '无锡另一家企业有限公司' }),
  ]);
  const nodeCode = 'biomed.mid.bio';
  await placeEnterprise(database, enterpriseId, nodeCode);
  await placeEnterprise(database, otherEnterpriseId, 'biomed.mid.chem');
  const departments: number[] = [];
  for (const name of ['市发改委', '市工信局']) {
    const created = await admin.json<Department>('POST', '/api/departments', { name });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    departments.push(created.body.id);
  }
  const [departmentA = 0, departmentB = 0] = departments;
  const world = { database, app, admin };
  return {
    ...world,
    office: await signIn(world, 'office1', 'office'),
    leader: await signIn(world, 'leader1', 'chain_leader'),
    department: await signIn(world, 'dept-a', 'department', { departmentId: departmentA }),
    otherDepartment: await signIn(world, 'dept-b', 'department', { departmentId: departmentB }),
    firm: await signIn(world, 'firm1', 'firm', { enterpriseId }),
    otherFirm: await signIn(world, 'firm2', 'firm', { enterpriseId: otherEnterpriseId }),
    analyst: await signIn(world, 'analyst1', 'analyst'),
    viewer: await signIn(world, 'viewer1', 'viewer'),
    investment: await signIn(world, 'invest1', 'investment'),
    enterpriseId,
    otherEnterpriseId,
    departmentA,
    departmentB,
    nodeCode,
  };
}

/** A valid body for an action (the reason, department, days or rating it needs). */
export function actionBody(action: ProblemAction, departmentId: number): Record<string, unknown> {
  switch (action) {
    case 'return':
    case 'decline':
    case 'suspend':
    case 'reject_extension':
    case 'answer':
      return { action, note: `${action} 的理由` };
    case 'assign':
      return { action, departmentId, assigneeName: '张三' };
    case 'request_extension':
      return { action, workingDays: 3, note: '等待企业补充材料' };
    case 'rate':
      return { action, satisfaction: 'dissatisfied', note: '问题没有解决' };
    case 'accept':
    case 'start':
    case 'resume':
    case 'approve_extension':
    case 'close':
    case 'reopen':
      return { action };
  }
}

/** Takes an action as `client`, expecting success. */
export async function act(
  client: ApiClient,
  id: number,
  body: Record<string, unknown>,
): Promise<ProblemDetail> {
  const response = await client.json<ProblemDetail>('POST', `/api/problems/${id}/actions`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The path through the table to each stage, from a recorded (accepted) problem. */
const PATH_TO: Readonly<Record<ProblemStage, readonly ProblemAction[]>> = {
  submitted: [],
  accepted: [],
  assigned: ['assign'],
  in_progress: ['assign', 'start'],
  suspended: ['assign', 'start', 'suspend'],
  answered: ['assign', 'start', 'answer'],
  closed: ['assign', 'start', 'answer', 'close'],
  returned: ['return'],
};

/**
 * A problem of enterprise 1 at `stage` (raised by the firm for submitted, recorded by the office
 * otherwise), walked there by the admin; `extra` actions follow (e.g. a pending extension).
 */
export async function problemAt(
  world: ProblemWorld,
  stage: ProblemStage,
  extra: readonly ProblemAction[] = [],
): Promise<ProblemDetail> {
  const body = { title: `诉求 ${stage}`, description: '企业反映的问题', categoryCode: 'finance' };
  const created =
    stage === 'submitted'
      ? await world.firm.json<ProblemDetail>('POST', '/api/problems', body)
      : await world.office.json<ProblemDetail>('POST', '/api/problems', {
          ...body,
          enterpriseId: world.enterpriseId,
          contactName: '李四',
          contactPhone: '13800000000',
        });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let detail = created.body;
  for (const action of [...PATH_TO[stage], ...extra]) {
    detail = await act(world.admin, detail.id, actionBody(action, world.departmentA));
  }
  expect(detail.stage).toBe(stage);
  return detail;
}

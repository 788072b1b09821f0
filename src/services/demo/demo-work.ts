import type { Tx } from '../../db/connection.ts';
import { mapNodeIdsByCode } from '../../db/chain.repository.ts';
import {
  bindUserScope,
  insertActivities,
  insertChainLeadership,
  insertDepartments,
  insertProblemEvents,
  insertProblems,
  insertSharedProblem,
  insertSupervisionItems,
  type NewProblemEvent,
} from '../../db/demo-work.repository.ts';
import { findUserByUsername, insertUser } from '../../db/user.repository.ts';
import { SeededRandom } from '../../domain/random.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import { hashPassword } from '../auth/password.ts';
import { loadWorkingCalendar, seedOfficialCalendar } from '../problems/working-calendar.service.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { DEMO_LEADERSHIP, generateDemoLeadership, supervise } from './demo-leadership.ts';
import { WUXI } from './demo-plan.ts';
import { DEMO_DEPARTMENTS, generateDemoProblems } from './demo-problems.ts';

// The chain office's demo work: departments, one user per role of the problem loop, ~300
// problems with their full history, the chain leader's visits, meetings and 督办 items, and a
// shared problem of the precision-medicine node escalated to the chain leader. All marked demo.

/** The demo logins of the problem loop (README lists them beside the others). */
export const DEMO_WORK_USERS = [
  {
    username: 'office',
    password: 'chainlead-office',
    role: 'office',
    displayName: '链办专员（演示）',
  },
  {
    username: 'leader',
    password: 'chainlead-leader',
    role: 'chain_leader',
    displayName: '链长（演示）',
  },
  {
    username: 'dept',
    password: 'chainlead-dept',
    role: 'department',
    displayName: '工信局经办人（演示）',
  },
  { username: 'firm', password: 'chainlead-firm', role: 'firm', displayName: '企业联络员（演示）' },
] as const;

/** The department the demo `dept` user works for (无锡市工业和信息化局). */
const DEPT_USER_DEPARTMENT = 1;
const SHARED_NODE = 'biomed.down.precision';
const DEMO_WORK_SEED = 20250102;

const ACTOR_NAMES = {
  firm: '企业联络员（演示）',
  office: '链办专员（演示）',
  department: '责任部门经办人（演示）',
} as const;
const ACTOR_ROLES = { firm: 'firm', office: 'office', department: 'department' } as const;

export interface DemoWorkContext {
  chainId: number;
  enterprises: readonly DemoEnterprise[];
  enterpriseIds: readonly number[];
  now?: Date;
}

/** Writes the demo's problem loop and chain-leader work; returns the logins it created. */
export async function loadDemoWork(
  tx: Tx,
  context: DemoWorkContext,
): Promise<{ username: string; password: string; role: string }[]> {
  const now = context.now ?? new Date();
  await seedOfficialCalendar(tx);
  const calendar = await loadWorkingCalendar(tx);
  const random = new SeededRandom(DEMO_WORK_SEED);
  const wuxi = context.enterprises.flatMap((e, index) =>
    e.regionCode.startsWith(WUXI) && e.nodeCode && !e.tags.includes('illustrative')
      ? [{ index, name: e.name, nodeCode: e.nodeCode }]
      : [],
  );
  const departmentIds = await insertDepartments(
    tx,
    DEMO_DEPARTMENTS.map((d) => ({ ...d, regionCode: WUXI, isDemo: true })),
  );
  const nodeIds = await mapNodeIdsByCode(tx, context.chainId, [
    ...new Set(wuxi.map((e) => e.nodeCode)),
  ]);
  const enterpriseId = (index: number) => context.enterpriseIds[index] ?? 0;
  const regionOf = (index: number) => context.enterprises[index]?.regionCode ?? WUXI;
  const departmentId = (index: number | null) =>
    index === null ? null : (departmentIds[index] ?? null);

  // The firm user speaks for one enterprise with a history of its own.
  const problems = generateDemoProblems(random, calendar, wuxi, now, 300, SHARED_NODE);
  const firmEnterprise = problems.find((p) => p.channel === 'online' && !p.shared)?.enterpriseIndex;

  const sharedId = await insertSharedProblem(tx, {
    chainId: context.chainId,
    nodeId: nodeIds.get(SHARED_NODE) ?? null,
    regionCode: WUXI,
    title: '伴随诊断试剂注册审评周期长',
    summary: '精准医学环节多家企业反映伴随诊断试剂注册检验和审评排队时间长，影响新药同步上市。',
    escalatedAt: problems.find((p) => p.shared)?.receivedAt ?? now,
    escalatedBy: ACTOR_NAMES.office,
    createdBy: ACTOR_NAMES.office,
    isDemo: true,
  });

  const perYear = new Map<number, number>();
  const ids = await insertProblems(
    tx,
    problems.map((p) => {
      const year = Number(shanghaiDate(p.receivedAt).slice(0, 4));
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const { events: _events, shared, enterpriseIndex, nodeCode, departmentIndex, ...fields } = p;
      return {
        ...fields,
        reference: `${year}-${String(seq).padStart(4, '0')}`,
        enterpriseId: enterpriseId(enterpriseIndex),
        chainId: context.chainId,
        nodeId: nodeIds.get(nodeCode) ?? null,
        regionCode: regionOf(enterpriseIndex),
        departmentId: departmentId(departmentIndex),
        sharedProblemId: shared ? sharedId : null,
        isDemo: true,
      };
    }),
  );
  const events: NewProblemEvent[] = problems.flatMap((p, i) =>
    p.events.map((e) => ({
      problemId: ids[i] ?? 0,
      action: e.action,
      fromStage: e.fromStage,
      toStage: e.toStage,
      note: e.note,
      satisfaction: e.satisfaction,
      workingDays: e.workingDays,
      departmentId: departmentId(e.departmentIndex),
      dueOn: e.dueOn,
      actorName: ACTOR_NAMES[e.actor],
      actorRole: ACTOR_ROLES[e.actor],
      at: e.at,
    })),
  );
  await insertProblemEvents(tx, events);

  await insertChainLeadership(tx, [
    {
      chainId: context.chainId,
      regionCode: WUXI,
      leaderName: DEMO_LEADERSHIP.leaderName,
      leaderTitle: DEMO_LEADERSHIP.leaderTitle,
      officeName: DEMO_LEADERSHIP.officeName,
      isDemo: true,
    },
    {
      chainId: null,
      regionCode: WUXI,
      leaderName: DEMO_LEADERSHIP.chiefName,
      leaderTitle: DEMO_LEADERSHIP.chiefTitle,
      officeName: null,
      isDemo: true,
    },
  ]);
  const work = generateDemoLeadership(random, calendar, wuxi, now);
  const activityIds = await insertActivities(
    tx,
    work.activities.map((a) => ({
      activity: {
        chainId: context.chainId,
        regionCode: WUXI,
        kind: a.kind,
        heldOn: a.heldOn,
        title: a.title,
        people: a.people,
        summary: a.summary,
        createdBy: ACTOR_NAMES.office,
        isDemo: true,
      },
      enterpriseIds: a.enterpriseIndexes.map(enterpriseId),
      nodeIds: a.nodeCodes.flatMap((code) => nodeIds.get(code) ?? []),
    })),
  );
  const firstShared = problems.find((p) => p.shared);
  const escalation = firstShared
    ? [
        supervise(
          random,
          calendar,
          shanghaiDate(now),
          null,
          shanghaiDate(firstShared.receivedAt),
          { title: '协调缩短伴随诊断试剂注册审评周期', department: 7 },
          true,
        ),
      ]
    : [];
  await insertSupervisionItems(
    tx,
    [...work.items, ...escalation].map((item) => ({
      item: {
        chainId: context.chainId,
        regionCode: WUXI,
        title: item.title,
        detail: item.detail,
        ownerDepartmentId: departmentId(item.departmentIndex),
        deadline: item.deadline,
        state: item.completedAt ? 'done' : 'open',
        completedAt: item.completedAt,
        activityId: item.activityIndex === null ? null : (activityIds[item.activityIndex] ?? null),
        sharedProblemId: item.fromSharedProblem ? sharedId : null,
        assignedBy: DEMO_LEADERSHIP.leaderName,
        isDemo: true,
        createdAt: item.createdAt,
      },
      notes: item.notes.map((n) => ({ note: n.note, authorName: n.author, at: n.at })),
    })),
  );

  const logins: { username: string; password: string; role: string }[] = [];
  for (const user of DEMO_WORK_USERS) {
    if (await findUserByUsername(tx, user.username)) continue;
    const row = await insertUser(tx, {
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      role: user.role,
    });
    if (user.role === 'department') {
      await bindUserScope(tx, row.id, { departmentId: departmentId(DEPT_USER_DEPARTMENT) });
    }
    if (user.role === 'firm' && firmEnterprise !== undefined) {
      await bindUserScope(tx, row.id, { enterpriseId: enterpriseId(firmEnterprise) });
    }
    logins.push({ username: user.username, password: user.password, role: user.role });
  }
  return logins;
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { insertEnterprises } from '../../db/enterprise.repository.ts';
import {
  appUser,
  chain,
  department,
  notification,
  problem,
  problemCategory,
  problemEvent,
  supervisionItem,
} from '../../db/schema.ts';
import type { ErrorResponse } from '../../shared/api/common.ts';
import type { NotificationList } from '../../shared/api/notifications.ts';
import { ApiClient } from '../../test-support/api-client.ts';
import { startTestApp } from '../../test-support/api-app.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import { testDatabaseKind } from '../../test-support/test-database.ts';
import type { App } from '../../server/app.ts';
import { addUser } from '../auth/users.service.ts';
import { sweepNotifications } from './notification-sweep.service.ts';

// Wednesday 2026-06-10, 10:00 in Shanghai.
const NOW = new Date('2026-06-10T02:00:00Z');
const SYSTEM = { id: null, name: 'test' };

describe(`notification sweep and the bell (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ database, app } = await startTestApp());
    const db = database.db;
    const depts = await db
      .insert(department)
      .values([{ name: '工信局' }, { name: '发改委' }])
      .returning({ id: department.id });
    ids.deptA = depts[0]?.id ?? 0;
    ids.deptB = depts[1]?.id ?? 0;
    const [biomed] = await db.select().from(chain).where(eq(chain.code, 'biomed'));
    ids.chain = biomed?.id ?? 0;
    [ids.enterprise = 0] = await insertEnterprises(db, [
      makeEnterprise({ regionCode: '320214', name: '通知测试企业' }),
    ]);
    await db
      .insert(problemCategory)
      .values({ code: 'notify-test', nameZh: '测试', nameEn: 'Test', slaWorkingDays: 10 })
      .onConflictDoNothing();
    const users: [string, string, Record<string, unknown>][] = [
      ['dept-a1', 'department', { departmentId: ids.deptA }],
      ['dept-a2', 'department', { departmentId: ids.deptA }],
      ['dept-b', 'department', { departmentId: ids.deptB }],
      ['office-all', 'office', {}],
      ['office-ic', 'office', { chainCodes: ['biomed'] }],
      ['leader-biomed', 'chain_leader', { chainCodes: ['biomed'] }],
      ['leader-ic', 'chain_leader', { chainCodes: ['ic'] }],
      ['viewer1', 'viewer', {}],
    ];
    for (const [username, role, bindings] of users) {
      const user = await addUser(db, SYSTEM, {
        username,
        role,
        password: `${username}-password`,
        ...bindings,
      });
      ids[username] = user.id;
    }
    const base = {
      enterpriseId: ids.enterprise,
      chainId: ids.chain,
      regionCode: '320214',
      description: 'd',
      channel: 'online',
      categoryCode: 'notify-test',
      receivedAt: new Date('2026-05-20T02:00:00Z'),
      clockStartsOn: '2026-05-20',
      slaWorkingDays: 10,
    };
    const problems = await db
      .insert(problem)
      .values([
        // Assigned to A and due on Friday: due soon.
        {
          ...base,
          reference: 'T-1',
          title: '用地指标',
          stage: 'assigned',
          departmentId: ids.deptA,
          dueOn: '2026-06-12',
        },
        // Overdue, department A.
        {
          ...base,
          reference: 'T-2',
          title: '融资难',
          stage: 'in_progress',
          departmentId: ids.deptA,
          dueOn: '2026-06-01',
        },
        // Overdue but suspended: no notification.
        {
          ...base,
          reference: 'T-3',
          title: '暂停',
          stage: 'suspended',
          departmentId: ids.deptA,
          dueOn: '2026-06-01',
        },
        // Answered and rated, department B.
        {
          ...base,
          reference: 'T-4',
          title: '电力',
          stage: 'closed',
          departmentId: ids.deptB,
          dueOn: '2026-07-01',
        },
      ])
      .returning({ id: problem.id });
    [ids.p1 = 0, ids.p2 = 0, ids.p3 = 0, ids.p4 = 0] = problems.map((p) => p.id);
    const actor = { actorName: 'office', actorRole: 'office' };
    await db.insert(problemEvent).values([
      {
        ...actor,
        problemId: ids.p1,
        action: 'assign',
        toStage: 'assigned',
        departmentId: ids.deptA,
        at: NOW,
      },
      {
        ...actor,
        problemId: ids.p4,
        action: 'rate',
        toStage: 'closed',
        satisfaction: 'satisfied',
        at: NOW,
      },
    ]);
    const items = await db
      .insert(supervisionItem)
      .values([
        {
          chainId: ids.chain,
          regionCode: '3202',
          title: '推进土地收储',
          ownerDepartmentId: ids.deptB,
          deadline: '2026-05-30',
          assignedBy: '链长',
        },
      ])
      .returning({ id: supervisionItem.id });
    ids.item = items[0]?.id ?? 0;
  });
  afterAll(async () => {
    await database.close();
  });

  async function kindsOf(username: string): Promise<string[]> {
    const rows = await database.db
      .select({
        kind: notification.kind,
        problemId: notification.problemId,
        item: notification.supervisionItemId,
      })
      .from(notification)
      .where(eq(notification.userId, ids[username] ?? 0));
    return rows.map((row) => `${row.kind}:${row.problemId ?? `s${row.item ?? ''}`}`).sort();
  }

  it('notifies each recipient of what concerns them, once however often it sweeps', async () => {
    const first = await sweepNotifications(database.db, NOW, { webhookUrl: '' });
    expect(first.created).toBeGreaterThan(0);
    const p = (key: string) => String(ids[key]);
    expect(await kindsOf('dept-a1')).toEqual(
      [`assigned:${p('p1')}`, `due_soon:${p('p1')}`, `overdue:${p('p2')}`].sort(),
    );
    expect(await kindsOf('dept-a2')).toEqual(await kindsOf('dept-a1'));
    expect(await kindsOf('dept-b')).toEqual(
      [
        `rated:${p('p4')}`,
        `supervision_assigned:s${p('item')}`,
        `supervision_overdue:s${p('item')}`,
      ].sort(),
    );
    const office = [
      `due_soon:${p('p1')}`,
      `overdue:${p('p2')}`,
      `rated:${p('p4')}`,
      `supervision_overdue:s${p('item')}`,
    ].sort();
    expect(await kindsOf('office-all')).toEqual(office);
    expect(await kindsOf('office-ic')).toEqual(office);
    // The chain leader hears of the 督办 items of its chain past their deadline, not of each problem.
    expect(await kindsOf('leader-biomed')).toEqual([`supervision_overdue:s${p('item')}`]);
    expect(await kindsOf('leader-ic')).toEqual([]);
    expect(await kindsOf('viewer1')).toEqual([]);

    const again = await sweepNotifications(database.db, NOW, { webhookUrl: '' });
    expect(again.created).toBe(0);
    // A disabled user is notified of nothing new.
    await database.db
      .update(appUser)
      .set({ disabled: true })
      .where(eq(appUser.id, ids['dept-b'] ?? 0));
    expect((await sweepNotifications(database.db, new Date('2026-06-11T02:00:00Z'))).created).toBe(
      // The next day: due-soon and overdue again for dept A's two users, and those plus the
      // overdue 督办 for the two office users, and the 督办 for biomed's chain leader.
      2 * 2 + 2 * 3 + 1,
    );
  });

  it('lists my notifications newest first with what I read, and marks them read', async () => {
    const me = new ApiClient(app);
    await me.login('dept-a1', 'dept-a1-password');
    const list = await me.json<NotificationList>('GET', '/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(list.body.items.length);
    const assigned = list.body.items.find((item) => item.kind === 'assigned');
    expect(assigned).toMatchObject({
      reference: 'T-1',
      title: '用地指标',
      link: `/problems/${ids.p1}`,
      read: false,
    });
    const times = list.body.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const other = new ApiClient(app);
    await other.login('office-all', 'office-all-password');
    const foreign = await other.json<ErrorResponse>(
      'POST',
      `/api/notifications/${assigned?.id}/read`,
    );
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);

    expect((await me.request('POST', `/api/notifications/${assigned?.id}/read`)).status).toBe(204);
    const after = await me.json<NotificationList>('GET', '/api/notifications');
    expect(after.body.unread).toBe(list.body.unread - 1);
    const all = await me.json<{ marked: number }>('POST', '/api/notifications/read-all');
    expect(all.body.marked).toBe(after.body.unread);
    expect((await me.json<NotificationList>('GET', '/api/notifications')).body.unread).toBe(0);

    const board = await other.json<NotificationList>('GET', '/api/notifications');
    expect(board.body.items.find((item) => item.kind === 'supervision_overdue')).toMatchObject({
      title: '推进土地收储',
      reference: null,
      link: `/leader/supervision/${ids.item}`,
    });
  });

  it('posts each new notification to the webhook, and a dead hook breaks nothing', async () => {
    const received: { kind: string; link: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body) as { kind: string; link: string });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const later = new Date('2026-06-12T02:00:00Z');
      const { created } = await sweepNotifications(database.db, later, { webhookUrl: url });
      expect(created).toBeGreaterThan(0);
      await expect.poll(() => received.length, { timeout: 5_000 }).toBe(created);
      expect(received[0]?.link).toMatch(/^\/(problems|leader\/supervision)\/\d+$/);
    } finally {
      server.close();
    }
    // Nothing listens there any more: the sweep still succeeds.
    const dead = await sweepNotifications(database.db, new Date('2026-06-15T02:00:00Z'), {
      webhookUrl: 'http://127.0.0.1:9/none',
    });
    expect(dead.created).toBeGreaterThan(0);
  });
});

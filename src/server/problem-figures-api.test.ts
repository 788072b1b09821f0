import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import {
  appUser,
  chain,
  chainNode,
  department,
  problem,
  problemCategory,
  problemEvent,
} from '../db/schema.ts';
import {
  addWorkingDays,
  clockStartDay,
  isWorkingDay,
  type WorkingCalendar,
} from '../domain/working-calendar.ts';
import { loadWorkingCalendar } from '../services/problems/working-calendar.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemFiguresView, ProblemSummary } from '../shared/api/problem-figures.ts';
import type { ProblemStage, Satisfaction } from '../shared/problem-stages.ts';
import { startTestApp, signInNewUser } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import type { App } from './app.ts';

// A realistic year of problems seeded straight into the tables, and every figure recomputed here
// from those rows with the formulas of docs/problems.md ("Figures"), independently of
// computeProblemFigures, then compared with what the API answers.

type Ent = 'E1' | 'E2' | 'E3' | 'EX';
type Dept = 'D1' | 'D2' | 'D3';
type Category = 'land' | 'finance' | 'permit';
const SLA: Record<Category, number> = { land: 10, finance: 5, permit: 3 };

interface Spec {
  ref: string;
  ent: Ent;
  node: string | null;
  category: Category;
  dept: Dept | null;
  stage: ProblemStage;
  /** Receipt, Shanghai time unless it says Z. */
  received: string;
  extension?: number;
  suspended?: number;
  firstClose?: string;
  /** The latest close, when a reopened problem was closed again. */
  close?: string;
  ratings?: [string, Satisfaction][];
  reopens?: string[];
  title?: string;
}

// prettier-ignore
const SPECS: Spec[] = [
  // Received in 2024, closed late in January 2025, rated then.
  { ref: 'P01', ent: 'E1', node: 'biomed.mid.blood', category: 'land', dept: 'D1', stage: 'closed', received: '2024-12-20T10:00', firstClose: '2025-01-08T16:00', ratings: [['2025-01-10T09:00', 'satisfied']] },
  { ref: 'P02', ent: 'E1', node: 'biomed.mid.blood', category: 'finance', dept: 'D1', stage: 'closed', received: '2025-03-03T09:00', firstClose: '2025-03-07T11:00', ratings: [['2025-03-10T09:00', 'basically_satisfied']], title: '=SUM(1,2) 融资担保' },
  // docs/problems.md's example: due Saturday 11 Oct 2025; closed on time, rated 不满意, reopened, closed again.
  { ref: 'P03', ent: 'E2', node: 'biomed.mid.device', category: 'finance', dept: 'D2', stage: 'closed', received: '2025-09-26T18:30', firstClose: '2025-10-10T10:00', close: '2025-11-05T10:00', ratings: [['2025-10-12T09:00', 'dissatisfied'], ['2025-11-06T09:00', 'satisfied']], reopens: ['2025-10-13T10:00'] },
  // Closed late, rated 不满意, reopened, in progress again and overdue on its new clock.
  { ref: 'P04', ent: 'E2', node: 'biomed.mid.device', category: 'land', dept: 'D2', stage: 'in_progress', received: '2025-05-12T10:00', firstClose: '2025-06-10T10:00', ratings: [['2025-06-15T09:00', 'dissatisfied']], reopens: ['2025-06-20T10:00'] },
  // Suspended long past its due date: not overdue.
  { ref: 'P05', ent: 'E3', node: 'biomed.mid.vaccine', category: 'permit', dept: 'D3', stage: 'suspended', received: '2025-07-01T10:00' },
  { ref: 'P06', ent: 'E3', node: 'biomed.mid.vaccine', category: 'permit', dept: 'D3', stage: 'in_progress', received: '2025-08-04T10:00' },
  // Not yet accepted: no department, no node.
  { ref: 'P07', ent: 'E1', node: null, category: 'land', dept: null, stage: 'submitted', received: '2025-11-20T15:00' },
  // Returned: counts nowhere.
  { ref: 'P08', ent: 'E2', node: 'biomed.mid.blood', category: 'finance', dept: null, stage: 'returned', received: '2025-04-01T10:00' },
  { ref: 'P09', ent: 'E3', node: 'biomed.mid.device', category: 'land', dept: 'D2', stage: 'answered', received: '2025-12-30T16:00' },
  // After the period: not loaded for 2025.
  { ref: 'P10', ent: 'E1', node: 'biomed.mid.blood', category: 'finance', dept: 'D1', stage: 'closed', received: '2026-01-05T10:00', firstClose: '2026-01-09T10:00' },
  // Another city (Suzhou): outside region 3202.
  { ref: 'P11', ent: 'EX', node: 'biomed.mid.blood', category: 'finance', dept: 'D1', stage: 'closed', received: '2025-05-05T10:00', firstClose: '2025-05-08T10:00' },
  // On time only thanks to an extension of 5 and 3 days suspended.
  { ref: 'P12', ent: 'E2', node: 'biomed.mid.vaccine', category: 'permit', dept: 'D3', stage: 'closed', received: '2025-10-20T10:00', extension: 5, suspended: 3, firstClose: '2025-11-03T10:00', ratings: [['2025-11-04T10:00', 'basically_satisfied']] },
  // Closed in 2024, rated by phone in 2025: the rating counts in 2025.
  { ref: 'P13', ent: 'E1', node: 'biomed.mid.blood', category: 'land', dept: 'D1', stage: 'closed', received: '2024-06-03T10:00', firstClose: '2024-06-20T10:00', ratings: [['2025-02-01T10:00', 'dissatisfied']] },
  // Received on New Year's Eve at night, closed in 2026.
  { ref: 'P14', ent: 'E3', node: 'biomed.mid.device', category: 'finance', dept: 'D2', stage: 'closed', received: '2025-12-31T20:00', firstClose: '2026-01-08T10:00' },
  // 17:30 UTC on 31 Dec 2024 is 01:30 on 1 Jan 2025 in Shanghai: received in 2025.
  { ref: 'P15', ent: 'E1', node: 'biomed.mid.vaccine', category: 'permit', dept: 'D3', stage: 'closed', received: '2024-12-31T17:30Z', firstClose: '2025-01-10T10:00', ratings: [['2025-01-13T10:00', 'satisfied']] },
];

const instant = (text: string) => new Date(text.endsWith('Z') ? text : `${text}:00+08:00`);
/** The Shanghai date, written independently of the domain's helper. */
const day = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

interface Seeded {
  spec: Spec;
  receivedAt: Date;
  firstStart: string;
  firstDue: string;
  dueOn: string;
  firstClosedAt: Date | null;
  ratings: { at: Date; satisfaction: Satisfaction }[];
  reopens: Date[];
}

function derive(spec: Spec, calendar: WorkingCalendar): Seeded {
  const receivedAt = instant(spec.received);
  const firstStart = clockStartDay(calendar, receivedAt);
  const days = SLA[spec.category] + (spec.extension ?? 0) + (spec.suspended ?? 0);
  const firstDue = addWorkingDays(calendar, firstStart, days).date;
  const reopens = (spec.reopens ?? []).map(instant);
  const lastReopen = reopens.at(-1);
  // A reopen starts a new clock with the category's SLA.
  const dueOn = lastReopen
    ? addWorkingDays(calendar, clockStartDay(calendar, lastReopen), SLA[spec.category]).date
    : firstDue;
  return {
    spec,
    receivedAt,
    firstStart,
    firstDue,
    dueOn,
    firstClosedAt: spec.firstClose ? instant(spec.firstClose) : null,
    ratings: (spec.ratings ?? []).map(([at, satisfaction]) => ({ at: instant(at), satisfaction })),
    reopens,
  };
}

/** The working days after `from` up to and including `to`. */
function workingDaysAfter(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  const cursor = new Date(`${from}T00:00:00Z`);
  for (;;) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    const iso = cursor.toISOString().slice(0, 10);
    if (iso > to) return count;
    if (isWorkingDay(calendar, iso)) count += 1;
  }
}

/** docs/problems.md, "Figures", written out. */
function expectedFigures(
  seeded: readonly Seeded[],
  period: { from: string; to: string },
  today: string,
  calendar: WorkingCalendar,
): ProblemFiguresView {
  const counted = seeded.filter((p) => p.spec.stage !== 'returned');
  const within = (at: Date) => day(at) >= period.from && day(at) <= period.to;
  const received = counted.filter((p) => within(p.receivedAt));
  const closed = counted.filter((p) => p.firstClosedAt !== null && within(p.firstClosedAt));
  const receivedAndClosed = received.filter(
    (p) => p.firstClosedAt !== null && day(p.firstClosedAt) <= period.to,
  );
  const onTime = closed.filter((p) => p.firstClosedAt && day(p.firstClosedAt) <= p.firstDue);
  const ratings = counted.flatMap((p) => p.ratings).filter((r) => within(r.at));
  const satisfied = ratings.filter((r) => r.satisfaction !== 'dissatisfied');
  const open = counted.filter(
    (p) => day(p.receivedAt) <= period.to && !['closed', 'returned'].includes(p.spec.stage),
  );
  const overdue = open.filter((p) => p.spec.stage !== 'suspended' && today > p.dueOn);
  const toClose = closed.map((p) =>
    workingDaysAfter(calendar, p.firstStart, day(p.firstClosedAt ?? new Date())),
  );
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    received: received.length,
    closed: closed.length,
    receivedAndClosed: receivedAndClosed.length,
    closeRate: rate(receivedAndClosed.length, received.length),
    closedOnTime: onTime.length,
    onTimeRate: rate(onTime.length, closed.length),
    ratings: ratings.length,
    satisfiedRatings: satisfied.length,
    satisfactionRate: rate(satisfied.length, ratings.length),
    openNow: open.length,
    overdueNow: overdue.length,
    averageWorkingDaysToClose:
      toClose.length === 0 ? null : toClose.reduce((a, b) => a + b, 0) / toClose.length,
    reopened: counted.flatMap((p) => p.reopens).filter(within).length,
  };
}

/** Figures with ratios rounded, so a different summing order does not fail the comparison. */
const rounded = (f: ProblemFiguresView) =>
  Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v]),
  );

describe('problem figures and the 问题清单 over the API', () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let calendar: WorkingCalendar;
  let seeded: Seeded[];
  /** The API's today, checked to be the test's (either side of a midnight crossed meanwhile). */
  async function summary(client: ApiClient, url: string) {
    const before = day(new Date());
    const answer = await client.json<ProblemSummary>('GET', url);
    expect([before, day(new Date())]).toContain(answer.body.asOf);
    return { ...answer, today: answer.body.asOf };
  }
  const entIds = {} as Record<Ent, number>;
  const deptIds = {} as Record<Dept, number>;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    const db = database.db;
    calendar = await loadWorkingCalendar(db);
    const [e1, e2, e3, ex] = await insertEnterprises(db, [
      makeEnterprise({ regionCode: '320214', name: '无锡甲生物有限公司' }),
      makeEnterprise({ regionCode: '320206', name: '无锡乙医疗器械有限公司' }),
      makeEnterprise({ regionCode: '320205', name: '无锡丙疫苗有限公司' }),
      makeEnterprise({ regionCode: '320506', name: '苏州丁药业有限公司' }),
    ]);
    Object.assign(entIds, { E1: e1, E2: e2, E3: e3, EX: ex });
    await db.insert(problemCategory).values([
      {
        code: 'land',
        nameZh: '用地/厂房',
        nameEn: 'Land and premises',
        slaWorkingDays: 10,
        sortOrder: 1,
      },
      { code: 'finance', nameZh: '融资', nameEn: 'Finance', slaWorkingDays: 5, sortOrder: 2 },
      { code: 'permit', nameZh: '审批许可', nameEn: 'Permits', slaWorkingDays: 3, sortOrder: 3 },
    ]);
    const depts = await db
      .insert(department)
      .values([
        { name: '市发改委', nameEn: 'Development and Reform Commission' },
        { name: '市工信局', nameEn: 'Industry and IT Bureau' },
        { name: '高新区管委会', nameEn: null },
      ])
      .returning({ id: department.id });
    Object.assign(deptIds, { D1: depts[0]?.id, D2: depts[1]?.id, D3: depts[2]?.id });
    const [biomed] = await db.select().from(chain).where(eq(chain.code, 'biomed'));
    const nodes = await db
      .select()
      .from(chainNode)
      .where(eq(chainNode.chainId, biomed?.id ?? 0));
    const nodeId = new Map(nodes.map((n) => [n.code, n.id]));
    seeded = SPECS.map((spec) => derive(spec, calendar));
    for (const p of seeded) {
      const { spec } = p;
      const lastReopen = p.reopens.at(-1);
      const closedAt =
        spec.stage === 'closed' ? instant(spec.close ?? spec.firstClose ?? '') : null;
      const lastRating = p.ratings.at(-1);
      const [row] = await db
        .insert(problem)
        .values({
          reference: `2025-${spec.ref}`,
          enterpriseId: entIds[spec.ent],
          chainId: biomed?.id ?? 0,
          nodeId: spec.node === null ? null : (nodeId.get(spec.node) ?? null),
          regionCode: spec.ent === 'EX' ? '320506' : spec.ent === 'E1' ? '320214' : '320206',
          title: spec.title ?? `问题 ${spec.ref}`,
          description: '企业反映的情况',
          channel: spec.ent === 'E2' ? 'visit' : 'online',
          categoryCode: spec.category,
          departmentId: spec.dept === null ? null : deptIds[spec.dept],
          assigneeName: spec.dept === null ? null : '王科长',
          contactName: '李经理',
          contactPhone: '13800000000',
          stage: spec.stage,
          receivedAt: p.receivedAt,
          // After a reopen the clock (and so its start) is the reopen's.
          clockStartsOn: lastReopen ? clockStartDay(calendar, lastReopen) : p.firstStart,
          slaWorkingDays: SLA[spec.category],
          extensionWorkingDays: spec.extension ?? 0,
          suspendedWorkingDays: spec.suspended ?? 0,
          suspendedAt: spec.stage === 'suspended' ? instant('2025-07-02T10:00') : null,
          dueOn: p.dueOn,
          closedAt,
          firstClosedAt: p.firstClosedAt,
          firstClosedOnTime: p.firstClosedAt ? day(p.firstClosedAt) <= p.firstDue : null,
          reopenCount: p.reopens.length,
          satisfaction: lastRating?.satisfaction ?? null,
        })
        .returning({ id: problem.id });
      const events = [
        { action: 'raise', toStage: 'submitted', at: p.receivedAt },
        ...(p.firstClosedAt ? [{ action: 'close', toStage: 'closed', at: p.firstClosedAt }] : []),
        ...p.ratings.map((r) => ({
          action: 'rate',
          toStage: 'closed',
          at: r.at,
          satisfaction: r.satisfaction,
        })),
        ...p.reopens.map((at) => ({ action: 'reopen', toStage: 'assigned', at })),
      ];
      await db.insert(problemEvent).values(
        events.map((e) => ({
          problemId: row?.id ?? 0,
          actorName: 'seed',
          actorRole: 'office',
          ...e,
        })),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await database.close();
  });

  const inWuxi = () => seeded.filter((p) => p.spec.ent !== 'EX');

  it('answers the 2025 figures overall and by node, department and category as recomputed', async () => {
    const { status, body, today } = await summary(
      admin,
      '/api/problems/summary?chain=biomed&region=3202&year=2025',
    );
    expect(status).toBe(200);
    const period = { from: '2025-01-01', to: '2025-12-31' };
    expect(body.period).toEqual(period);
    expect(body.calendarYearsCovered).toEqual([2025]);
    // The worked example of docs/problems.md, on the real calendar.
    expect(seeded.find((p) => p.spec.ref === 'P03')?.firstDue).toBe('2025-10-11');
    const wuxi = inWuxi();
    const overall = expectedFigures(wuxi, period, today, calendar);
    expect(rounded(body.overall)).toEqual(rounded(overall));
    // The data set reaches every case the definitions name.
    expect(overall).toMatchObject({
      received: 10, // P02–P07, P09, P12, P14, P15 and not P08 (returned)
      closed: 6, // P01, P02, P03, P04, P12, P15
      reopened: 2,
      openNow: 5, // P04, P05, P06, P07, P09
      overdueNow: 4, // not P05 (suspended)
    });
    expect(overall.closedOnTime).toBeGreaterThan(0);
    expect(overall.closedOnTime).toBeLessThan(overall.closed);

    const byNode = new Map(body.byNode.map((g) => [g.node?.code ?? null, g]));
    const nodeKeys = [...new Set(wuxi.map((p) => p.spec.node))];
    expect([...byNode.keys()].sort()).toEqual([...nodeKeys].sort());
    for (const key of nodeKeys) {
      const group = wuxi.filter((p) => p.spec.node === key);
      expect(rounded(byNode.get(key)?.figures as ProblemFiguresView), `node ${key}`).toEqual(
        rounded(expectedFigures(group, period, today, calendar)),
      );
    }
    expect(byNode.get('biomed.mid.blood')?.node?.name.zh).toBe('血液制品');

    const byDept = new Map(body.byDepartment.map((g) => [g.department?.id ?? null, g]));
    const deptKeys = [...new Set(wuxi.map((p) => p.spec.dept))];
    expect(byDept.size).toBe(deptKeys.length);
    for (const key of deptKeys) {
      const group = wuxi.filter((p) => p.spec.dept === key);
      const id = key === null ? null : deptIds[key];
      expect(rounded(byDept.get(id)?.figures as ProblemFiguresView), `dept ${key}`).toEqual(
        rounded(expectedFigures(group, period, today, calendar)),
      );
    }
    expect(byDept.get(deptIds.D2)?.department).toEqual({
      id: deptIds.D2,
      name: '市工信局',
      nameEn: 'Industry and IT Bureau',
    });

    const byCategory = new Map(body.byCategory.map((g) => [g.category.code, g]));
    expect(body.byCategory.map((g) => g.category.code)).toEqual(['land', 'finance', 'permit']);
    for (const key of ['land', 'finance', 'permit'] as const) {
      const group = wuxi.filter((p) => p.spec.category === key);
      expect(rounded(byCategory.get(key)?.figures as ProblemFiguresView), key).toEqual(
        rounded(expectedFigures(group, period, today, calendar)),
      );
    }
  });

  it('takes a period from two dates, and defaults to the current year', async () => {
    const period = { from: '2025-10-01', to: '2026-01-31' };
    const { body, today } = await summary(
      admin,
      `/api/problems/summary?region=3202&from=${period.from}&to=${period.to}`,
    );
    expect(body.period).toEqual(period);
    expect(body.calendarYearsCovered).toEqual([2025, 2026]);
    const all = inWuxi();
    expect(rounded(body.overall)).toEqual(rounded(expectedFigures(all, period, today, calendar)));
    const current = await summary(admin, '/api/problems/summary?region=3202');
    expect(current.body.period.from).toBe(`${today.slice(0, 4)}-01-01`);
  });

  it('refuses a malformed period or an unknown field with 400, and an unknown region with 404', async () => {
    for (const query of [
      'region=3202&year=2025&from=2025-01-01&to=2025-02-01',
      'region=3202&from=2025-02-30&to=2025-03-01',
      'region=3202&from=2025-03-01',
      'region=3202&from=2025-03-01&to=2025-02-01',
      'region=3202&colour=red',
      'region=32x',
    ]) {
      const { status, body } = await admin.json<ErrorResponse>(
        'GET',
        `/api/problems/summary?${query}`,
      );
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await admin.json<ErrorResponse>('GET', '/api/problems/summary?region=9999');
    expect(unknown.status).toBe(404);
  });

  it("gives a firm its own enterprise's figures and a department its own", async () => {
    const firm = await signInNewUser(app, admin, 'firm-e1', 'firm');
    await database.db
      .update(appUser)
      .set({ enterpriseId: entIds.E1 })
      .where(eq(appUser.username, 'firm-e1'));
    const dept = await signInNewUser(app, admin, 'dept-d2', 'department');
    await database.db
      .update(appUser)
      .set({ departmentId: deptIds.D2 })
      .where(eq(appUser.username, 'dept-d2'));
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const url = '/api/problems/summary?chain=biomed&region=3202&year=2025';
    const own = await summary(firm, url);
    expect(own.status).toBe(200);
    const e1 = inWuxi().filter((p) => p.spec.ent === 'E1');
    expect(rounded(own.body.overall)).toEqual(
      rounded(expectedFigures(e1, period, own.today, calendar)),
    );
    const d2 = await summary(dept, url);
    const mine = inWuxi().filter((p) => p.spec.dept === 'D2');
    expect(rounded(d2.body.overall)).toEqual(
      rounded(expectedFigures(mine, period, d2.today, calendar)),
    );
    expect(d2.body.byDepartment.map((g) => g.department?.id)).toEqual([deptIds.D2]);
  });

  it('downloads the 问题清单 as XLSX: one row per problem, Chinese headers over English', async () => {
    const response = await admin.request(
      'GET',
      '/api/problems/export?chain=biomed&region=3202&year=2025',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('问题清单-biomed-3202-2025-01-01_2025-12-31.xlsx')}`,
    );
    const rows = await sheetRows(new Uint8Array(await response.arrayBuffer()));
    const [zh, en, ...data] = rows;
    expect(zh?.slice(0, 3)).toEqual(['编号', '企业', '链条环节']);
    expect(zh).toContain('联系电话');
    expect(zh).toContain('超出日历');
    expect(en?.slice(0, 3)).toEqual(['Reference', 'Enterprise', 'Chain node']);
    // Received in 2025, or received before and still open at its start (P01); not P13 (closed
    // in 2024), P10 (2026) or P11 (Suzhou). The returned P08 is listed with its stage.
    const expected = SPECS.filter((s) => !['P10', 'P11', 'P13'].includes(s.ref)).map(
      (s) => `2025-${s.ref}`,
    );
    expect(data.map((r) => r[0]).sort()).toEqual(expected.sort());
    const column = (name: string) => zh?.indexOf(name) ?? -1;
    const p02 = data.find((r) => r[0] === '2025-P02');
    expect(p02?.[column('标题')]).toBe("'=SUM(1,2) 融资担保");
    expect(p02?.[column('满意度')]).toBe('基本满意');
    expect(p02?.[column('是否按期')]).toBe('是');
    expect(p02?.[column('链条环节')]).toBe('血液制品');
    const p06 = data.find((r) => r[0] === '2025-P06');
    expect(p06?.[column('是否逾期')]).toBe('是');
    expect(data.find((r) => r[0] === '2025-P05')?.[column('是否逾期')]).toBe('否');
    expect(data.find((r) => r[0] === '2025-P03')?.[column('重新办理次数')]).toBe(1);
    expect(data.find((r) => r[0] === '2025-P08')?.[column('阶段')]).toBe('已退回');
  });

  it('writes English headers with lang=en, CSV on request, and no contacts for a viewer', async () => {
    const english = await admin.request(
      'GET',
      '/api/problems/export?region=3202&year=2025&lang=en',
    );
    const [header, first] = await sheetRows(new Uint8Array(await english.arrayBuffer()));
    expect(header?.[0]).toBe('Reference');
    expect(first?.[0]).toMatch(/^2025-P/);
    const csv = await admin.request('GET', '/api/problems/export?region=3202&year=2025&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // The byte-order mark, so Excel reads the UTF-8 right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\n');
    expect(lines[0]).toMatch(/^编号,企业,/);
    expect(lines[1]).toMatch(/^Reference,Enterprise,/);
    expect(lines).toHaveLength(2 + 12);
    expect(lines.find((l) => l.startsWith('2025-P02'))).toContain("'=SUM(1,2) 融资担保");
    const viewer = await signInNewUser(app, admin, 'viewer-1', 'viewer');
    const redacted = await viewer.request('GET', '/api/problems/export?region=3202&year=2025');
    expect(redacted.status).toBe(200);
    const [zh, , ...data] = await sheetRows(new Uint8Array(await redacted.arrayBuffer()));
    expect(zh).not.toContain('联系人');
    expect(zh).not.toContain('联系电话');
    expect(data).toHaveLength(12);
    expect(JSON.stringify(data)).not.toContain('13800000000');
  });
});

/** The first sheet's rows as plain values (row 1 first). */
async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

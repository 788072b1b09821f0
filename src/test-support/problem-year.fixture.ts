import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import {
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
import type { ProblemFiguresView } from '../shared/api/problem-figures.ts';
import type { ProblemStage, Satisfaction } from '../shared/problem-stages.ts';
import { makeEnterprise } from './factories.ts';

// A realistic stretch of enterprise problems (2024–2026) seeded straight into the tables, and
// the figures of docs/problems.md ("Figures") written out from those rows, independently of
// computeProblemFigures, for the tests that compare the two.

export type Ent = 'E1' | 'E2' | 'E3' | 'EX';
export type Dept = 'D1' | 'D2' | 'D3';
type Category = 'land' | 'finance' | 'permit';
const SLA: Record<Category, number> = { land: 10, finance: 5, permit: 3 };

export interface Spec {
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
export const SPECS: Spec[] = [
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

export const instant = (text: string) => new Date(text.endsWith('Z') ? text : `${text}:00+08:00`);
/** The Shanghai date, written independently of the domain's helper. */
export const day = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

export interface Seeded {
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
export function expectedFigures(
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
export const rounded = (f: ProblemFiguresView) =>
  Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v]),
  );

/** Seeds the problems of SPECS (with their enterprises, categories and departments). */
export async function seedProblemYear(database: Database): Promise<{
  calendar: WorkingCalendar;
  seeded: Seeded[];
  entIds: Record<Ent, number>;
  deptIds: Record<Dept, number>;
}> {
  const db = database.db;
  const entIds = {} as Record<Ent, number>;
  const deptIds = {} as Record<Dept, number>;
  const calendar = await loadWorkingCalendar(db);
  const [e1, e2, e3, ex] = await insertEnterprises(db, [
    makeEnterprise({ regionCode: '320214', name: '无锡甲生物有限公司' }),
    makeEnterprise({ regionCode: '320206', name: '无锡乙医疗器械有限公司' }),
    makeEnterprise({ regionCode: '320205', name: '无锡丙疫苗有限公司' }),
    makeEnterprise({ regionCode: '320506', name: '苏州丁药业有限公司' }),
  ]);
  Object.assign(entIds, { E1: e1, E2: e2, E3: e3, EX: ex });
  await db
    .insert(problemCategory)
    .values([
      {
        code: 'land',
        nameZh: '用地/厂房',
        nameEn: 'Land and premises',
        slaWorkingDays: 10,
        sortOrder: 1,
      },
      { code: 'finance', nameZh: '融资', nameEn: 'Finance', slaWorkingDays: 5, sortOrder: 2 },
      { code: 'permit', nameZh: '审批许可', nameEn: 'Permits', slaWorkingDays: 3, sortOrder: 3 },
    ])
    // The setup seeds the default categories; the fixture's own SLAs replace theirs.
    .onConflictDoUpdate({
      target: problemCategory.code,
      set: {
        slaWorkingDays: sql`excluded.sla_working_days`,
        nameZh: sql`excluded.name_zh`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
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
  const seeded = SPECS.map((spec) => derive(spec, calendar));
  for (const p of seeded) {
    const { spec } = p;
    const lastReopen = p.reopens.at(-1);
    const closedAt = spec.stage === 'closed' ? instant(spec.close ?? spec.firstClose ?? '') : null;
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
  return { calendar, seeded, entIds, deptIds };
}

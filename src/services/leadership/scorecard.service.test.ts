import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { Database } from '../../db/connection.ts';
import { insertEnterpriseYears, insertEnterprises } from '../../db/enterprise.repository.ts';
import {
  classification,
  leaderActivity,
  problemEvent,
  project,
  projectStageEvent,
  supervisionItem,
} from '../../db/schema.ts';
import type { ChainAnalysis } from '../../shared/api/analysis.ts';
import type { Scorecard } from '../../shared/api/leadership.ts';
import { projectQuerySchema } from '../../shared/api/projects.ts';
import { seedChainFixture } from '../../test-support/chain-fixture.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import {
  biomedIds,
  seedDepartments,
  seedEnterprise,
  seedProblem,
} from '../../test-support/leadership-fixture.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { analyzeChain } from '../analysis/chain-analysis.service.ts';
import { setTarget } from '../analysis/targets.service.ts';
import { listProjectBoard } from '../projects/project-query.service.ts';
import { loadReportProblems } from '../report/report-problems.ts';
import { prepareInstallation } from '../setup.service.ts';
import { buildScorecard } from './scorecard.service.ts';

const YEAR = 2024;
const at = (iso: string) => new Date(iso);
const inYear = (day: string) => day.startsWith(`${YEAR}-`);
const quarter = (day: string) => Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;

/** A problem seeded: region, receipt, first close (on time?), stage, ratings, reopens. */
interface ProblemSpec {
  region: string;
  received: string;
  closed?: string;
  onTime?: boolean;
  stage: string;
  rated: [string, 'satisfied' | 'basically_satisfied' | 'dissatisfied'][];
  reopened?: string;
}

const PROBLEMS: ProblemSpec[] = [
  {
    region: '320214',
    received: '2024-02-10T02:00:00Z',
    closed: '2024-02-20T03:00:00Z',
    onTime: true,
    stage: 'closed',
    rated: [['2024-02-21T03:00:00Z', 'satisfied']],
  },
  {
    region: '320206',
    received: '2024-05-05T02:00:00Z',
    closed: '2024-07-01T03:00:00Z',
    onTime: false,
    stage: 'assigned',
    rated: [['2024-07-02T03:00:00Z', 'dissatisfied']],
    reopened: '2024-07-03T03:00:00Z',
  },
  { region: '320214', received: '2024-11-30T02:00:00Z', stage: 'in_progress', rated: [] },
  { region: '320214', received: '2024-03-01T02:00:00Z', stage: 'returned', rated: [] },
  {
    region: '320214',
    received: '2023-12-30T02:00:00Z',
    closed: '2024-01-05T03:00:00Z',
    onTime: true,
    stage: 'closed',
    rated: [['2024-01-06T03:00:00Z', 'basically_satisfied']],
  },
  { region: '320506', received: '2024-04-01T02:00:00Z', stage: 'accepted', rated: [] },
  // 01:00 on 1 January 2025 in Shanghai: next year's.
  { region: '320214', received: '2024-12-31T17:00:00Z', stage: 'accepted', rated: [] },
];

const ACTIVITIES = [
  { kind: 'visit', heldOn: '2024-01-15', region: '3202' },
  { kind: 'visit', heldOn: '2024-08-01', region: '320214' },
  { kind: 'visit', heldOn: '2023-12-31', region: '3202' },
  { kind: 'visit', heldOn: '2024-03-03', region: '3205' },
  { kind: 'chain_meeting', heldOn: '2024-04-10', region: '3202' },
  { kind: 'coordination_meeting', heldOn: '2024-10-10', region: '3202' },
  { kind: 'decision', heldOn: '2024-05-01', region: '3202' },
] as const;

const ITEMS = [
  { deadline: '2024-03-31', completedAt: '2024-03-20T08:00:00Z' },
  { deadline: '2024-06-30', completedAt: '2024-07-05T08:00:00Z' },
  { deadline: '2024-09-30', completedAt: null },
  { deadline: '2025-03-31', completedAt: '2024-12-01T08:00:00Z' },
  { deadline: '2099-03-31', completedAt: null },
  // Due in 2024 but done early, in 2023: 2024's, as its deadline says.
  { deadline: '2024-01-31', completedAt: '2023-12-20T08:00:00Z' },
  // Due in 2023 and still open: overdue, but 2023's, not 2024's.
  { deadline: '2023-12-31', completedAt: null },
] as const;

/** Projects: region and their stage arrivals. */
const PROJECTS: { region: string; events: [string, string][] }[] = [
  {
    region: '320214',
    events: [
      ['lead', '2023-11-01T02:00:00Z'],
      ['signed', '2024-02-01T02:00:00Z'],
      ['started', '2024-09-01T02:00:00Z'],
    ],
  },
  {
    region: '320206',
    events: [
      ['signed', '2023-12-01T02:00:00Z'],
      ['started', '2024-03-01T02:00:00Z'],
    ],
  },
  { region: '320506', events: [['signed', '2024-05-01T02:00:00Z']] },
];

/**
 * Four Wuxi vaccine makers reporting output from 2024 only: the node is weak in 2023 (no output
 * to judge) and strong in 2024, a weak link filled.
 */
async function seedVaccineCluster(db: Database['db']): Promise<void> {
  const { node } = await biomedIds(db);
  const ids = await insertEnterprises(
    db,
    [1, 2, 3, 4].map((n) => makeEnterprise({ name: `疫苗${n}有限公司`, regionCode: '320214' })),
  );
  await insertEnterpriseYears(
    db,
    ids.map((enterpriseId) => ({
      enterpriseId,
      regionCode: '320214',
      year: 2024,
      outputYuan: 300,
      revenueYuan: 300,
    })),
  );
  await db.insert(classification).values(
    ids.map((enterpriseId) => ({
      enterpriseId,
      nodeId: node('biomed.mid.vaccine'),
      regionCode: '320214',
      score: 0.9,
      decision: 'confirmed',
      isPrimary: true,
      method: 'rule',
    })),
  );
}

describe(`the scorecard recomputed from its rows (${testDatabaseKind()})`, () => {
  let database: Database;
  let card: Scorecard;
  let current: ChainAnalysis;
  let previous: ChainAnalysis;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'admin-password-s' });
    const db = database.db;
    await seedChainFixture(db);
    await seedVaccineCluster(db);
    const [dep] = await seedDepartments(db);
    const firm = await seedEnterprise(db, '记分企业有限公司');
    const { chainId } = await biomedIds(db);
    for (const p of PROBLEMS) {
      const closed = p.closed;
      const id = await seedProblem(db, {
        enterpriseId: firm,
        chainId,
        regionCode: p.region,
        stage: p.stage,
        receivedAt: at(p.received),
        dueOn: '2099-01-01',
        firstClosedAt: closed ? at(closed) : null,
        firstClosedOnTime: p.onTime ?? null,
      });
      const events = [
        ...p.rated.map(([when, satisfaction]) => ({ action: 'rate', at: at(when), satisfaction })),
        ...(p.reopened ? [{ action: 'reopen', at: at(p.reopened), satisfaction: null }] : []),
      ];
      for (const e of events) {
        await db.insert(problemEvent).values({
          problemId: id,
          toStage: p.stage,
          actorName: 't',
          actorRole: 'firm',
          ...e,
        });
      }
    }
    await db.insert(leaderActivity).values(
      ACTIVITIES.map((a) => ({
        chainId,
        regionCode: a.region,
        kind: a.kind,
        heldOn: a.heldOn,
        title: a.kind,
        createdBy: 't',
      })),
    );
    await db.insert(supervisionItem).values(
      ITEMS.map((i) => ({
        chainId,
        regionCode: '3202',
        title: i.deadline,
        ownerDepartmentId: dep,
        deadline: i.deadline,
        state: i.completedAt ? 'done' : 'open',
        completedAt: i.completedAt ? at(i.completedAt) : null,
        assignedBy: 't',
      })),
    );
    for (const p of PROJECTS) {
      const [row] = await db
        .insert(project)
        .values({
          chainId,
          regionCode: p.region,
          name: `项目${p.region}`,
          stage: p.events.at(-1)?.[0] ?? 'lead',
        })
        .returning({ id: project.id });
      await db.insert(projectStageEvent).values(
        p.events.map(([stage, when], index) => ({
          projectId: row?.id ?? 0,
          kind: index === 0 ? 'create' : 'stage',
          toStage: stage,
          actorName: 't',
          at: at(when),
        })),
      );
    }
    await setTarget(
      db,
      { id: null, name: 't' },
      { chainCode: 'biomed', regionCode: '3202', year: 2026, valueYuan: 5000 },
    );
    card = await buildScorecard(db, null, { chain: 'biomed', region: '3202', year: YEAR });
    current = await analyzeChain(db, { chainCode: 'biomed', regionCode: '3202', year: YEAR });
    previous = await analyzeChain(db, { chainCode: 'biomed', regionCode: '3202', year: YEAR - 1 });
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('takes output, target and completeness from the chain analysis of the year', () => {
    const target = current.targets.find((t) => t.nodeCode === null);
    expect(card.output).toMatchObject({
      outputYuan: { value: current.totals.outputYuan, records: current.totals.reporting },
      targetYuan: 5000,
      targetYear: 2026,
      gapYuan: target?.gapYuan,
      requiredGrowth: target?.requiredGrowth,
      note: null,
    });
    // The chain map of the year lists the nodes by status: what these figures count.
    expect(card.output.outputYuan.link).toBe('/chain-map?chain=biomed&region=3202&year=2024');
    expect(card.completeness.link).toBe(card.output.outputYuan.link);
    expect(card.weakLinksFilled.link).toBe(card.output.outputYuan.link);
    expect(card.weakLinksFilled.note).toBeNull();
    expect(card.completeness.value).toBe(current.completeness.weighted);
    const rank = { missing: 0, weak: 1, strong: 2 };
    const filled = current.nodes.filter((n) => {
      const before = previous.nodes.find((p) => p.code === n.code);
      return before !== undefined && rank[before.status] < rank[n.status];
    });
    expect(card.weakLinksFilled.nodes.map((n) => n.code)).toEqual(filled.map((n) => n.code));
    expect(card.weakLinksFilled.value).toBe(filled.length);
    // The vaccine cluster reported no output in 2023 (weak) and is strong in 2024.
    expect(filled.map((n) => n.code)).toEqual(['biomed.mid.vaccine']);
  });

  it('counts problems of the chain in the region as computeProblemFigures defines them', () => {
    const counted = PROBLEMS.filter((p) => p.region.startsWith('3202') && p.stage !== 'returned');
    const received = counted.filter((p) => inYear(shanghaiDate(at(p.received))));
    const closed = counted.filter(
      (p) => p.closed !== undefined && inYear(shanghaiDate(at(p.closed))),
    );
    const ratings = counted
      .flatMap((p) => p.rated)
      .filter(([when]) => inYear(shanghaiDate(at(when))));
    expect(card.problemsReceived).toMatchObject({
      value: received.length,
      link: '/problems?chain=biomed&region=3202&returned=false&receivedFrom=2024-01-01&receivedTo=2024-12-31',
    });
    expect(card.problemsClosed.value).toBe(closed.length);
    expect(card.onTimeRate).toMatchObject({
      value: closed.filter((p) => p.onTime === true).length / closed.length,
      records: closed.length,
    });
    expect(card.satisfactionRate).toMatchObject({
      value: ratings.filter(([, s]) => s !== 'dissatisfied').length / ratings.length,
      records: ratings.length,
    });
    for (const q of card.quarters) {
      expect(q.problemsReceived, `Q${q.q}`).toBe(
        received.filter((p) => quarter(shanghaiDate(at(p.received))) === q.q).length,
      );
      expect(q.problemsClosed, `Q${q.q}`).toBe(
        closed.filter((p) => p.closed !== undefined && quarter(shanghaiDate(at(p.closed))) === q.q)
          .length,
      );
    }
  });

  it('counts visits, meetings, 督办 items and projects of the year, by quarter', () => {
    const mine = ACTIVITIES.filter((a) => a.region.startsWith('3202') && inYear(a.heldOn));
    const visits = mine.filter((a) => a.kind === 'visit');
    const meetings = mine.filter(
      (a) => a.kind === 'chain_meeting' || a.kind === 'coordination_meeting',
    );
    expect(card.visits).toMatchObject({
      value: visits.length,
      link: '/leader?chain=biomed&region=3202&kind=visit&from=2024-01-01&to=2024-12-31',
    });
    expect(card.meetings.value).toBe(meetings.length);
    const due = ITEMS.filter((i) => inYear(i.deadline));
    const today = shanghaiDate(new Date());
    expect(card.supervisionDue.value).toBe(due.length);
    expect(card.supervisionClosedOnTime.value).toBe(
      due.filter((i) => i.completedAt && shanghaiDate(at(i.completedAt)) <= i.deadline).length,
    );
    expect(card.supervisionOverdue.value).toBe(
      due.filter((i) => !i.completedAt && today > i.deadline).length,
    );
    const arrivals = PROJECTS.filter((p) => p.region.startsWith('3202')).flatMap((p) => p.events);
    const signed = arrivals.filter(([s, when]) => s === 'signed' && inYear(shanghaiDate(at(when))));
    const started = arrivals.filter(
      ([s, when]) => s === 'started' && inYear(shanghaiDate(at(when))),
    );
    expect(card.projectsSigned.value).toBe(signed.length);
    expect(card.projectsStarted.value).toBe(started.length);
    for (const q of card.quarters) {
      expect(q.visits).toBe(visits.filter((a) => quarter(a.heldOn) === q.q).length);
      expect(q.meetings).toBe(meetings.filter((a) => quarter(a.heldOn) === q.q).length);
      expect(q.projectsSigned).toBe(
        signed.filter(([, when]) => quarter(shanghaiDate(at(when))) === q.q).length,
      );
      expect(q.supervisionDone).toBe(
        ITEMS.filter(
          (i) =>
            i.completedAt &&
            inYear(shanghaiDate(at(i.completedAt))) &&
            quarter(shanghaiDate(at(i.completedAt))) === q.q,
        ).length,
      );
    }
    // The hand count, so a wrong filter on both sides cannot agree by accident.
    expect([card.visits.value, card.meetings.value, card.supervisionDue.value]).toEqual([2, 2, 4]);
    expect([
      card.problemsReceived.value,
      card.problemsClosed.value,
      card.projectsSigned.value,
    ]).toEqual([3, 3, 1]);
  });

  it('shows the latest year with figures while the scorecard year has none yet, and says so', async () => {
    const next = await buildScorecard(database.db, null, {
      chain: 'biomed',
      region: '3202',
      year: YEAR + 1,
    });
    const card = await buildScorecard(database.db, null, {
      chain: 'biomed',
      region: '3202',
      year: YEAR,
    });
    expect(next.output.dataYear).toBe(YEAR);
    expect(next.output.outputYuan.value).toBe(card.output.outputYuan.value);
    expect(next.completeness.value).toBe(card.completeness.value);
    expect(next.output.note).toContain(`${YEAR + 1} yet; ${YEAR} is shown`);
    expect(card.output.dataYear).toBe(YEAR);
    // Links filled in 2024 are 2024's: the 2025 card does not credit them to 2025.
    expect(card.weakLinksFilled.value).toBe(1);
    expect(next.weakLinksFilled).toMatchObject({ value: null, records: 0, nodes: [] });
    expect(next.weakLinksFilled.note).toContain(`no figures for ${YEAR + 1} yet`);
    expect(next.completeness.link).toBe(`/chain-map?chain=biomed&region=3202&year=${YEAR}`);
  });

  it('counts 督办 items as the briefing does, on the same rows and day', async () => {
    const now = new Date('2024-11-15T12:00:00+08:00');
    const [scored, briefed] = await Promise.all([
      buildScorecard(database.db, null, { chain: 'biomed', region: '3202', year: YEAR }, now),
      loadReportProblems(database.db, { chainCode: 'biomed', regionCode: '3202', now }),
    ]);
    expect(briefed.year).toBe(YEAR);
    const s = briefed.supervision;
    expect([
      scored.supervisionDue.value,
      scored.supervisionClosedOnTime.value,
      scored.supervisionClosedOnTime.records,
      scored.supervisionOverdue.value,
    ]).toEqual([s.due, s.doneOnTime, s.done, s.overdue]);
    // By hand: due in 2024 are 03-31 (on time), 06-30 (late), 09-30 (open, overdue on 11-15) and
    // 01-31 (done early, in 2023); the open 2023 item is past its deadline but not 2024's.
    expect([s.due, s.doneOnTime, s.done, s.overdue]).toEqual([4, 2, 3, 1]);
    expect([s.openNow, s.pastDeadlineNow]).toEqual([3, 2]);
    expect(scored.quarters.reduce((sum, q) => sum + q.supervisionDone, 0)).toBe(
      s.completedInPeriod,
    );
  });

  it('links projects signed and started to a board of exactly the projects counted', async () => {
    for (const figure of [card.projectsSigned, card.projectsStarted]) {
      const [path, search] = figure.link.split('?');
      expect(path).toBe('/projects');
      const query = projectQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
      const board = await listProjectBoard(database.db, query);
      expect(board.total).toBe(figure.records);
      expect(board.total).toBe(figure.value);
    }
    // The project signed in 2024 has moved on to started: the board still finds it as signed.
    const signed = card.projectsSigned.link.split('?')[1];
    const query = projectQuerySchema.parse(Object.fromEntries(new URLSearchParams(signed)));
    const board = await listProjectBoard(database.db, query);
    expect(board.items.map((p) => p.stage)).toEqual(['started']);
  });

  it('says why output is missing for a year without figures', async () => {
    const empty = await buildScorecard(database.db, null, {
      chain: 'biomed',
      region: '3202',
      year: 2030,
    });
    expect(empty.output.outputYuan.value).toBeNull();
    expect(empty.output.note).toContain('2030');
    expect(empty.weakLinksFilled.value).toBeNull();
  });
});

import type { Scorecard } from '../shared/api/leadership.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { appUser } from '../db/schema.ts';
import type { WorkingCalendar } from '../domain/working-calendar.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ProblemFiguresView, ProblemSummary } from '../shared/api/problem-figures.ts';
import { startTestApp, signInNewUser } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import {
  SPECS,
  day,
  expectedFigures,
  rounded,
  seedProblemYear,
  type Dept,
  type Ent,
  type Seeded,
} from '../test-support/problem-year.fixture.ts';
import type { App } from './app.ts';

// A realistic year of problems seeded straight into the tables, and every figure recomputed here
// from those rows with the formulas of docs/problems.md ("Figures"), independently of
// computeProblemFigures, then compared with what the API answers.

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
  let entIds: Record<Ent, number>;
  let deptIds: Record<Dept, number>;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    ({ calendar, seeded, entIds, deptIds } = await seedProblemYear(database));
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

  it("links the scorecard's problem figures to exactly the problems they count", async () => {
    const card = await admin.json<Scorecard>(
      'GET',
      '/api/scorecard?chain=biomed&region=3202&year=2025',
    );
    expect(card.status).toBe(200);
    for (const figure of [card.body.problemsReceived, card.body.problemsClosed]) {
      expect(figure.link).toMatch(/^\/problems\?/);
      const listed = await admin.json<{ total: number }>('GET', `/api${figure.link}&pageSize=500`);
      expect(listed.status, figure.link).toBe(200);
      expect(listed.body.total, figure.link).toBe(figure.records);
      expect(figure.records).toBeGreaterThan(0);
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
    const firm = await signInNewUser(app, admin, 'firm-e1', 'firm', { enterpriseId: entIds.E1 });
    const dept = await signInNewUser(app, admin, 'dept-d2', 'department', {
      departmentId: deptIds.D2,
    });
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
    expect(zh).toContain('应办结日期待节假日安排确认');
    expect(en?.slice(0, 3)).toEqual(['Reference', 'Enterprise', 'Chain node']);
    // Received in 2025, or received before and still open at its start (P01); not P13 (closed
    // in 2024), P10 (2026) or P11 (Suzhou). The returned P08 is listed with its stage.
    const expected = SPECS.filter((s) => !['P10', 'P11', 'P13'].includes(s.ref)).map(
      (s) => `2025-${s.ref}`,
    );
    expect(data.map((r) => r[0]).sort()).toEqual(expected.sort());
    const column = (name: string) => zh?.indexOf(name) ?? -1;
    const p02 = data.find((r) => r[0] === '2025-P02');
    // A text cell, as written: a spreadsheet shows it and never runs it (a formula cell would
    // read as an object here), and no apostrophe is added to the title.
    expect(p02?.[column('标题')]).toBe('=SUM(1,2) 融资担保');
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
    // Bound to another chain: told so, not shown zeros.
    await database.db
      .update(appUser)
      .set({ chainCodes: ['ic'] })
      .where(eq(appUser.username, 'viewer-1'));
    const elsewhere = await viewer.json<ErrorResponse>('GET', '/api/problems/summary?region=3202');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('FORBIDDEN');
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

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { auditLog, chain, chainNode, department, problem, problemCategory } from '../db/schema.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ProblemSummary } from '../shared/api/problem-figures.ts';
import { run } from '../test-support/cli-runner.ts';
import { makeEnterprise } from '../test-support/factories.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-problem-cli-'));
const db = join(work, 'db');

describe('problem commands, as a user runs them', () => {
  beforeAll(async () => {
    const database = await openMigratedDatabase({ db });
    try {
      await prepareInstallation(database, { adminPassword: 'cli-admin-pw' });
      const d = database.db;
      const [firm] = await insertEnterprises(d, [makeEnterprise({ name: '无锡甲生物有限公司' })]);
      const [biomed] = await d.select().from(chain).where(eq(chain.code, 'biomed'));
      const nodes = await d
        .select()
        .from(chainNode)
        .where(eq(chainNode.chainId, biomed?.id ?? 0));
      const blood = nodes.find((n) => n.code === 'biomed.mid.blood')?.id ?? null;
      await d
        .insert(problemCategory)
        .values({ code: 'land', nameZh: '用地/厂房', nameEn: 'Land', slaWorkingDays: 10 })
        .onConflictDoNothing(); // the setup seeds it already
      const [dept] = await d
        .insert(department)
        .values({ name: '市发改委' })
        .returning({ id: department.id });
      const base = {
        enterpriseId: firm ?? 0,
        chainId: biomed?.id ?? 0,
        regionCode: '320214',
        description: '情况',
        channel: 'visit',
        categoryCode: 'land',
        departmentId: dept?.id ?? null,
        slaWorkingDays: 10,
        contactName: '王小明',
        contactPhone: '13912345678',
      };
      await d.insert(problem).values([
        // Closed on time on 14 Mar 2025 (due 17 Mar).
        {
          ...base,
          reference: '2025-0001',
          nodeId: blood,
          title: '厂房扩建用地',
          stage: 'closed',
          receivedAt: new Date('2025-03-03T01:00:00Z'),
          clockStartsOn: '2025-03-03',
          dueOn: '2025-03-17',
          closedAt: new Date('2025-03-14T02:00:00Z'),
          firstClosedAt: new Date('2025-03-14T02:00:00Z'),
          firstClosedOnTime: true,
        },
        // Open and overdue.
        {
          ...base,
          reference: '2025-0002',
          nodeId: blood,
          title: '环评审批',
          stage: 'in_progress',
          receivedAt: new Date('2025-06-02T01:00:00Z'),
          clockStartsOn: '2025-06-03',
          dueOn: '2025-06-17',
        },
        // No node yet, open, not due for centuries.
        {
          ...base,
          reference: '2025-0003',
          nodeId: null,
          title: '人才公寓',
          stage: 'accepted',
          receivedAt: new Date('2025-11-03T01:00:00Z'),
          clockStartsOn: '2025-11-03',
          dueOn: '2999-01-01',
        },
      ]);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('prints the figures and the by-node table, or JSON, or writes a file', SPAWNING, async () => {
    const args = ['--db', db, 'problem', 'summary', '--chain', 'biomed', '--region', '3202'];
    const zh = await run([...args, '--year', '2025']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/^生物医药产业链 · 无锡市（3202）· 2025-01-01 – 2025-12-31 · 截至 /);
    expect(zh.stdout).toContain('受理 3 件 · 办结 1 件 · 办结率 33.3% · 按期办结率 100.0%');
    expect(zh.stdout).toContain('未办结 2 件，其中逾期 1 件');
    expect(zh.stdout).toMatch(/biomed\.mid\.blood\s+血液制品\s+2\s+1\s+50\.0%/);
    expect(zh.stdout).toMatch(/—\s+（未定环节）\s+1\s+0/);
    const en = await run([...args, '--from', '2025-01-01', '--to', '2025-03-31', '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('1 received · 1 closed · close rate 100.0%');
    const out = join(work, 'summary.json');
    const json = await run([...args, '--year', '2025', '--json', '--out', out]);
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as ProblemSummary;
    expect(summary.overall).toMatchObject({ received: 3, closed: 1, openNow: 2, overdueNow: 1 });
    expect(summary.byDepartment[0]?.department?.name).toBe('市发改委');
  });

  it('exports the 问题清单 and refuses bad options with exit code 2', SPAWNING, async () => {
    const file = join(work, '问题清单.xlsx');
    const done = await run([
      '--db',
      db,
      'problem',
      'export',
      '--region',
      '3202',
      '--year',
      '2025',
      '--out',
      file,
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('Wrote 3 problems');
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2 + 3);
    expect(sheet?.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet?.getRow(2).getCell(1).value).toBe('Reference');
    // Contacts masked by default.
    const cells = JSON.stringify(sheet?.getRow(3).values);
    expect(cells).toContain('139****5678');
    expect(cells).toContain('王**');
    expect(cells).not.toContain('13912345678');
    const bad = await run([
      '--db',
      db,
      'problem',
      'summary',
      '--region',
      '3202',
      '--year',
      '2025',
      '--from',
      '2025-02-30',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from: is not a real calendar date/);
    const help = await run(['problem', 'summary', '--help']);
    expect(help.stdout).toContain(
      '$ chainlead problem summary --chain biomed --region 3202 --year 2025',
    );
  });

  it(
    'includes contacts whole only with --include-personal-data, and audits it',
    SPAWNING,
    async () => {
      const file = join(work, 'contacts.csv');
      const args = ['--db', db, 'problem', 'export', '--region', '3202', '--year', '2025'];
      const done = await run([...args, '--out', file, '--include-personal-data']);
      expect(done.code, done.stderr).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('13912345678');
      expect(text).toContain('王小明');
      const database = await openMigratedDatabase({ db });
      try {
        const audits = await database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'problem.export-personal-data'));
        expect(audits).toHaveLength(1);
        expect(audits[0]?.actorName).toMatch(/^cli:/);
        expect(audits[0]?.after).toMatchObject({ region: '3202', format: 'csv', rows: 3 });
      } finally {
        await database.close();
      }
    },
  );
});

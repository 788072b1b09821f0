import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { chainNode, classification, department, problem } from '../db/schema.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ProblemImportResult } from '../shared/api/problem-import.ts';
import type { ProblemSummary } from '../shared/api/problems.ts';
import { run } from '../test-support/cli-runner.ts';
import { makeEnterprise } from '../test-support/factories.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-problem-import-cli-'));
const db = join(work, 'db');
const GOOD = join(work, '12345.csv');
const BAD = join(work, 'bad.csv');

async function problemCount(): Promise<number> {
  const database = await openMigratedDatabase({ db });
  try {
    return (await database.db.select().from(problem)).length;
  } finally {
    await database.close();
  }
}

describe('problem import and list, as a user runs them', () => {
  beforeAll(async () => {
    const database = await openMigratedDatabase({ db });
    try {
      await prepareInstallation(database, { adminPassword: 'cli-admin-pw' });
      const d = database.db;
      const [firm = 0] = await insertEnterprises(d, [
        makeEnterprise({ name: '无锡甲生物有限公司' }),
      ]);
      const [node] = await d.select().from(chainNode).where(eq(chainNode.code, 'biomed.mid.blood'));
      await d.insert(classification).values({
        enterpriseId: firm,
        nodeId: node?.id ?? 0,
        regionCode: '320214',
        score: 0.9,
        decision: 'confirmed',
        isPrimary: true,
        method: 'manual',
      });
      await d.insert(department).values({ name: '市发改委' });
    } finally {
      await database.close();
    }
    writeFileSync(
      GOOD,
      [
        '企业,标题,内容,类别,受理时间,责任部门,外部编号',
        '无锡甲生物有限公司,贷款贴息未到账,贴息迟迟未到,融资,2025-09-26 18:30,市发改委,GD-1',
        '无锡甲生物有限公司,厂房漏水,屋顶漏水,用地/厂房,2025-03-03,,GD-2',
      ].join('\n'),
    );
    writeFileSync(
      BAD,
      [
        '企业,标题,内容,类别,受理时间',
        '无锡甲生物有限公司,好的一行,内容,融资,2025-06-02',
        '无锡乙公司,坏的一行,内容,融资,2025-02-30',
      ].join('\n'),
    );
  }, 300_000);

  it(
    'imports all rows or none, prints bad rows as a table, and skips known tickets',
    SPAWNING,
    async () => {
      const bad = await run(['--db', db, 'problem', 'import', BAD]);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toMatch(/row\s+column\s+value\s+reason/);
      expect(bad.stdout).toMatch(
        /3\s+企业\s+无锡乙公司\s+no enterprise has this USCC or registered name/,
      );
      expect(bad.stdout).toMatch(/3\s+受理时间\s+2025-02-30\s+no such date: 2025-02-30/);
      expect(bad.stderr).toMatch(/2 errors in bad\.csv, so nothing was imported/);
      expect(await problemCount()).toBe(0);

      const dry = await run(['--db', db, 'problem', 'import', GOOD, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('2 rows read: 2 would be imported, 0 skipped');
      expect(await problemCount()).toBe(0);

      const done = await run(['--db', db, 'problem', 'import', GOOD]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toContain('2 rows read: 2 imported, 0 skipped');

      // --file, as the command once took the file, still works.
      const again = await run(['--db', db, 'problem', 'import', '--file', GOOD, '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout) as ProblemImportResult).toMatchObject({
        imported: 0,
        skipped: 2,
      });
      expect(await problemCount()).toBe(2);
    },
  );

  it('lists problems with filters, as JSON or CSV, and shows examples', SPAWNING, async () => {
    const args = ['--db', db, 'problem', 'list', '--chain', 'biomed', '--region', '3202'];
    const all = await run(args);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/编号\s+企业\s+环节\s+类别\s+责任部门\s+阶段\s+办理期限\s+逾期/);
    expect(all.stdout).toMatch(
      /2025-\d{4}\s+无锡甲生物有限公司\s+血液制品\s+融资\s+市发改委\s+已交办\s+2025-10-17\s+逾期/,
    );
    expect(all.stdout).toMatch(
      /无锡甲生物有限公司\s+血液制品\s+用地\/厂房\s+—\s+已受理\s+2025-03-24/,
    );
    expect(all.stdout).toContain('2 problems, 2 overdue.');

    const assigned = await run([
      ...args,
      '--stage',
      '已交办',
      '--department',
      '市发改委',
      '--overdue',
      '--category',
      'finance',
      '--json',
    ]);
    expect(assigned.code, assigned.stderr).toBe(0);
    const items = JSON.parse(assigned.stdout) as ProblemSummary[];
    expect(items.map((p) => p.title)).toEqual(['贷款贴息未到账']);

    const out = join(work, '问题.csv');
    const file = await run([...args, '--stage', 'accepted', '--out', out]);
    expect(file.code, file.stderr).toBe(0);
    expect(file.stderr).toContain('Wrote 1 problems');
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('编号,企业,环节,类别,责任部门,阶段,办理期限,逾期');
    expect(csv).toContain('用地/厂房,—,已受理,2025-03-24,逾期');

    // The list is CSV: a file named .xlsx would hold CSV text Excel refuses to open.
    const asXlsx = await run([...args, '--out', join(work, '问题.xlsx')]);
    expect(asXlsx.code).toBe(2);
    expect(asXlsx.stderr).toMatch(/--out .*问题\.xlsx: this command writes \.csv files/);

    const unknown = await run([...args, '--department', '市不存在局']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/No department has id or name "市不存在局"/);
    // A chain or region that does not exist is refused like a department, not an empty list.
    const noChain = await run(['--db', db, 'problem', 'list', '--chain', 'nosuch']);
    expect(noChain.code).toBe(4);
    expect(noChain.stderr).toMatch(/No chain has code "nosuch"/);
    const noRegion = await run(['--db', db, 'problem', 'list', '--region', '9999']);
    expect(noRegion.code).toBe(4);
    expect(noRegion.stderr).toMatch(/No region has code 9999/);

    const help = await run(['problem', 'list', '--help']);
    expect(help.stdout).toContain(
      '$ chainlead problem list --chain biomed --region 3202 --stage in_progress',
    );
    const importHelp = await run(['problem', 'import', '--help']);
    expect(importHelp.stdout).toContain('$ chainlead problem import 12345-2025-06.xlsx --dry-run');
  });
});

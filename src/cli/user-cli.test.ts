import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-support/cli-runner.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-user-cli-'));
const db = join(work, 'db');

describe('user commands for the new roles', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code).toBe(0);
    const registry = join(work, 'registry.csv');
    writeFileSync(
      registry,
      [
        '企业名称,行政区划代码,经营范围,年份',
        '无锡命令行账号测试有限公司,320214,生物制品,2024',
      ].join('\n'),
    );
    expect((await run(['--db', db, 'import', 'enterprises', registry])).code).toBe(0);
  }, 240_000);

  it('opens firm accounts from a file, writing the one-time passwords out', SPAWNING, async () => {
    const list = join(work, 'list.csv');
    writeFileSync(list, 'enterprise,username,displayName\n无锡命令行账号测试有限公司,wxzh,王五\n');
    const out = join(work, 'passwords.csv');
    const opened = await run(['--db', db, 'user', 'firm-accounts', '--file', list, '--out', out]);
    expect([opened.code, opened.stderr]).toEqual([0, '']);
    expect(opened.stdout).toMatch(/Opened 1 firm account/);
    expect(readFileSync(out, 'utf8')).toMatch(
      /wxzh,\w{4}-\w{4}-\w{4}-\w{4},王五,\d+,无锡命令行账号测试有限公司/,
    );

    const bad = join(work, 'bad.csv');
    writeFileSync(bad, 'enterprise\n没有这家公司\n');
    const refused = await run(['--db', db, 'user', 'firm-accounts', '--file', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/row 2, enterprise: no enterprise has this USCC/);
  });

  it(
    'adds scoped users, marks a generated password one-time, and names a missing binding',
    SPAWNING,
    async () => {
      const added = await run([
        '--db',
        db,
        'user',
        'add',
        'li.office',
        '--role',
        'office',
        '--chains',
        'biomed',
      ]);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/one-time/);
      const users = await run(['--db', db, 'user', 'list', '--json']);
      const office = (
        JSON.parse(users.stdout) as {
          username: string;
          chainCodes: string[] | null;
          mustChangePassword: boolean;
        }[]
      ).find((u) => u.username === 'li.office');
      expect(office).toMatchObject({ chainCodes: ['biomed'], mustChangePassword: true });
      const weak = await run(['--db', db, 'user', 'passwd', 'li.office', '--password-stdin'], {
        input: 'password2025!',
      });
      expect(weak.code).toBe(2);
      expect(weak.stderr).toMatch(/too weak: it is a common password/);
      const noDepartment = await run(['--db', db, 'user', 'add', 'gxj', '--role', 'department']);
      expect(noDepartment.code).toBe(2);
      expect(noDepartment.stderr).toMatch(/department user works for one department/);
    },
  );

  it('sets a calendar year from a file and shows it', SPAWNING, async () => {
    const days = join(work, 'days.csv');
    writeFileSync(days, 'day,kind,name\n2027-01-01,holiday,元旦\n2027-01-09,workday,调休\n');
    const set = await run(['--db', db, 'calendar', 'set', '--year', '2027', '--file', days]);
    expect([set.code, set.stderr]).toEqual([0, '']);
    expect(set.stdout).toMatch(/Set 2027: 2 moved day\(s\); 0 of 0 open problem/);
    const show = await run(['--db', db, 'calendar', 'show', '--year', '2027', '--json']);
    const view = JSON.parse(show.stdout) as { days: { day: string; kind: string }[] };
    expect(view.days.map((d) => `${d.day} ${d.kind}`)).toEqual([
      '2027-01-01 holiday',
      '2027-01-09 workday',
    ]);

    // A file with headers only would clear the year: refused, and the year keeps its days.
    const empty = join(work, 'empty.csv');
    writeFileSync(empty, 'day,kind,name\n');
    const refused = await run(['--db', db, 'calendar', 'set', '--year', '2027', '--file', empty]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no days: .*Nothing was changed/);
    // Chinese headers, kinds and dates as people write them.
    const chinese = join(work, 'days-zh.csv');
    writeFileSync(
      chinese,
      '日期,类型,名称\n2027/1/1,放假,元旦\n2027年2月10日,放假,春节\n2027-01-09,上班,\n',
    );
    const setZh = await run(['--db', db, 'calendar', 'set', '--year', '2027', '--file', chinese]);
    expect([setZh.code, setZh.stderr]).toEqual([0, '']);
    expect(setZh.stdout).toMatch(/Set 2027: 3 moved day\(s\)/);
    const badDate = join(work, 'days-bad.csv');
    writeFileSync(badDate, '日期,类型\n2027/2/30,放假\n2027-10-01,休假\n');
    const refusedDate = await run([
      '--db',
      db,
      'calendar',
      'set',
      '--year',
      '2027',
      '--file',
      badDate,
    ]);
    // Every bad row at once, each said once: the table on stdout, the count on stderr.
    expect(refusedDate.code).toBe(2);
    expect(refusedDate.stdout).toMatch(/2\s+日期\s+2027\/2\/30\s+not a date; use YYYY-MM-DD/);
    expect(refusedDate.stdout).toMatch(/3\s+类型\s+休假\s+the kind is holiday \(放假\) or workday/);
    expect(refusedDate.stderr).toMatch(/2 errors in days-bad\.csv, so nothing was imported/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { importBatch } from '../db/schema.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-project-import-cli-'));
const db = join(work, 'db');
const file = (name: string, lines: string[]) => {
  const path = join(work, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

describe('project import as a user runs it', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code).toBe(0);
  }, 240_000);

  it('creates, then matches a re-run by name; a bad row writes nothing', SPAWNING, async () => {
    const good = file('leads.csv', [
      '项目名称,落地区域,阶段,投资方',
      '命令行项目甲,3202,线索,甲方',
      '命令行项目乙,320214,线索,乙方',
      '命令行项目丙,320206,在谈,丙方',
    ]);
    const first = await run(['--db', db, 'project', 'import', good]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/3 rows read: 3 created, 0 updated, 0 unchanged\./);
    const again = await run(['--db', db, 'project', 'import', good]);
    expect(again.stdout).toMatch(/3 rows read: 0 created, 0 updated, 3 unchanged\./);

    const bad = file('bad.csv', [
      '编号,项目名称,落地区域,阶段',
      ',命令行项目丁,3202,线索',
      '987654,不存在,3202,线索',
    ]);
    const refused = await run(['--db', db, 'project', 'import', bad]);
    expect(refused.code).toBe(2);
    // Each refused row once: in the table on stdout, not again in the error on stderr.
    expect(refused.stdout).toMatch(/row\s+column\s+value\s+reason/);
    expect(refused.stdout).toMatch(/\n\s*3\s+编号\s+987654\s+/);
    expect(refused.stderr).toMatch(/1 error in bad\.csv, so nothing was imported \(listed above\)/);
    expect(refused.stderr).not.toContain('987654');
    const after = await run(['--db', db, 'project', 'import', good]);
    expect(after.stdout).toMatch(/0 created, 0 updated, 3 unchanged/);
  });

  it(
    'marks an import left running by a killed process failed at the next start',
    SPAWNING,
    async () => {
      const database = await openDatabase({ path: db });
      const [row] = await database.db
        .insert(importBatch)
        .values({
          kind: 'projects',
          fileName: 'big.csv',
          source: 'big.csv',
          status: 'running',
          rowsRead: 1200,
          counts: { total: 5000 },
          actorName: 'cli',
        })
        .returning({ id: importBatch.id });
      await database.close();
      const init = await run(['--db', db, 'init']);
      expect(init.code).toBe(0);
      const reopened = await openDatabase({ path: db });
      try {
        const [after] = await reopened.db
          .select()
          .from(importBatch)
          .where(eq(importBatch.id, row?.id ?? 0));
        expect(after).toMatchObject({
          status: 'failed',
          message:
            'stopped after 1,200 of 5,000 rows (the server stopped); run the same file again: ' +
            'rows already written are matched, not duplicated',
        });
      } finally {
        await reopened.close();
      }
    },
  );
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { EventDetail, EventList } from '../shared/api/events.ts';
import type { Expert, ExpertList } from '../shared/api/experts.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = 240_000;

const work = mkdtempSync(join(tmpdir(), 'chainlead-expert-cli-'));
const db = join(work, 'db');
let ids: Record<string, number> = {};

describe('expert and event commands, as a user runs them', () => {
  beforeAll(async () => {
    const database = await openMigratedDatabase({ db });
    try {
      await prepareInstallation(database, { adminPassword: 'cli-admin-pw' });
      ids = await seedChainFixture(database.db);
    } finally {
      await database.close();
    }
  }, 120_000);

  it(
    'adds an expert on two nodes, lists them by node, records advice, an event and its signed project',
    async () => {
      const added = await run([
        'expert',
        'add',
        '--db',
        db,
        '--name',
        '陈测试',
        '--field',
        '体外诊断试剂,质量体系',
        '--node',
        'biomed.mid.ivd,biomed.up.reagent',
        '--institution',
        '测试研究院',
        '--json',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const expert = JSON.parse(added.stdout) as Expert;
      expect(expert.fields).toEqual(['体外诊断试剂', '质量体系']);
      expect(expert.nodes.map((n) => n.code).sort()).toEqual([
        'biomed.mid.ivd',
        'biomed.up.reagent',
      ]);

      const listed = await run([
        'expert',
        'list',
        '--db',
        db,
        '--node',
        'biomed.mid.ivd',
        '--json',
      ]);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as ExpertList).items.map((e) => e.id)).toEqual([expert.id]);

      const advised = await run([
        'expert',
        'advise',
        String(expert.id),
        '--db',
        db,
        '--enterprise',
        String(ids.ivdMaster),
        '--on',
        '2026-05-20',
        '--note',
        '注册申报辅导',
      ]);
      expect(advised.code, advised.stderr).toBe(0);
      expect(advised.stdout).toContain('advised enterprise');

      const event = await run([
        'event',
        'add',
        '--db',
        db,
        '--kind',
        'signing',
        '--title',
        '测试签约仪式',
        '--on',
        '2026-06-18',
        '--region',
        '320214',
        '--enterprise',
        String(ids.ivdMaster),
        '--expert',
        String(expert.id),
        '--json',
      ]);
      expect(event.code, event.stderr).toBe(0);
      const created = JSON.parse(event.stdout) as EventDetail;
      expect(created.experts.map((e) => e.id)).toEqual([expert.id]);

      const outcome = await run([
        'event',
        'outcome',
        String(created.id),
        '--db',
        db,
        '--signed-project-name',
        '测试诊断试剂产业化项目',
        '--node',
        'biomed.mid.ivd',
        '--json',
      ]);
      expect(outcome.code, outcome.stderr).toBe(0);
      const signed = (JSON.parse(outcome.stdout) as EventDetail).outcomes[0]?.project;
      expect(signed).toMatchObject({ name: '测试诊断试剂产业化项目', stage: 'signed' });

      const list = await run(['event', 'list', '--db', db, '--json']);
      expect((JSON.parse(list.stdout) as EventList).items[0]?.signedProjects).toBe(1);
      const projects = await run(['project', 'list', '--db', db, '--stage', 'signed']);
      expect(projects.code, projects.stderr).toBe(0);
      expect(projects.stdout).toContain('测试诊断试剂产业化项目');
    },
    SPAWNING,
  );

  it(
    'refuses a bad date and an unknown node, naming them',
    async () => {
      const badDate = await run([
        'event',
        'add',
        '--db',
        db,
        '--kind',
        'other',
        '--title',
        't',
        '--on',
        '2026-02-30',
      ]);
      expect(badDate.code).not.toBe(0);
      expect(badDate.stderr).toContain('--on: is not a real calendar date');
      const badNode = await run([
        'expert',
        'add',
        '--db',
        db,
        '--name',
        '甲',
        '--node',
        'biomed.mid.none',
      ]);
      expect(badNode.code).not.toBe(0);
      expect(badNode.stderr).toContain('biomed.mid.none');
    },
    SPAWNING,
  );
});

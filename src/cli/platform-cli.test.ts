import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { Platform, PlatformList } from '../shared/api/platforms.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = 240_000;

const work = mkdtempSync(join(tmpdir(), 'chainlead-platform-cli-'));
const db = join(work, 'db');
let ids: Record<string, number> = {};

describe('platform commands, as a user runs them', () => {
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
    'adds a platform, records a firm using it and a target, lists and shows it',
    async () => {
      const added = await run([
        'platform',
        'add',
        '--db',
        db,
        '--name',
        '器械检测公共服务平台',
        '--kind',
        'public_service',
        '--level',
        'municipal',
        '--region',
        '320214',
        '--node',
        'biomed.mid.device,biomed.mid.ivd',
        '--json',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const platform = JSON.parse(added.stdout) as Platform;
      expect(platform.nodes.map((n) => n.code)).toEqual(['biomed.mid.device', 'biomed.mid.ivd']);
      const id = String(platform.id);

      const used = await run([
        'platform',
        'use',
        id,
        '--db',
        db,
        '--enterprise',
        String(ids.deviceA),
        '--since',
        '2025-06-01',
        '--service',
        '电磁兼容测试',
        '--json',
      ]);
      expect(used.code, used.stderr).toBe(0);
      expect((JSON.parse(used.stdout) as Platform).firmsUsing).toBe(1);

      const target = await run([
        'platform',
        'target',
        id,
        '--db',
        db,
        '--year',
        '2026',
        '--metric',
        'services_delivered',
        '--target',
        '200',
        '--actual',
        '150',
      ]);
      expect(target.code, target.stderr).toBe(0);
      expect(target.stdout).toContain('75%');

      const list = JSON.parse(
        (await run(['platform', 'list', '--db', db, '--node', 'biomed.mid.ivd', '--json'])).stdout,
      ) as PlatformList;
      expect(list.items.map((p) => [p.name, p.firmsUsing, p.progress?.ratio])).toEqual([
        ['器械检测公共服务平台', 1, 0.75],
      ]);
      const table = await run(['platform', 'list', '--db', db, '--node', 'biomed.mid.ivd']);
      expect(table.stdout).toMatch(/器械检测公共服务平台\s+public service\s+\w+\s+\S*体外诊断/);
      expect(table.stdout).not.toContain('biomed.');
      const shown = await run(['platform', 'show', id, '--db', db]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('电磁兼容测试');
      expect(shown.stdout).toContain('biomed.mid.device');

      const bad = await run([
        'platform',
        'target',
        id,
        '--db',
        db,
        '--year',
        '2026',
        '--metric',
        'mood',
        '--target',
        '-1',
      ]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('--metric');
      expect(bad.stderr).toContain('--target');
      const missing = await run(['platform', 'show', '999999', '--db', db]);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('999999');
    },
    SPAWNING,
  );
});

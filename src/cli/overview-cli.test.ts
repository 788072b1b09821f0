import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../services/database.service.ts';
import type { ChainAnalysis, TargetView } from '../shared/api/analysis.ts';
import type { RegionOverview } from '../shared/api/overview.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { bundledChainCodes } from '../test-support/bundled-chains.ts';
import { run } from '../test-support/cli-runner.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
const SENSOR_TEMPLATE = fileURLToPath(
  new URL('../test-support/templates/sensor.yaml', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'chainlead-overview-cli-'));
const db = join(work, 'db');

describe('chainlead overview, as a user runs it', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code, init.stderr).toBe(0);
    const load = await run(['--db', db, 'template', 'load', SENSOR_TEMPLATE]);
    expect(load.code, load.stderr).toBe(0);
    const database = await openMigratedDatabase({ db });
    try {
      await seedChainFixture(database.db);
    } finally {
      await database.close();
    }
  }, 300_000);

  it(
    "prints every loaded chain, as a table or JSON, with each chain's analysis figures",
    SPAWNING,
    async () => {
      const json = await run(['--db', db, 'overview', '--region', '3202', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const overview = JSON.parse(json.stdout) as RegionOverview;
      const codes = [...bundledChainCodes(), 'sensor'].sort();
      expect(overview.items.map((i) => i.chain.code)).toEqual(codes);
      const analysis = await run(['--db', db, 'analyze', 'chain', '--region', '3202', '--json']);
      expect(analysis.code, analysis.stderr).toBe(0);
      const biomed = JSON.parse(analysis.stdout) as ChainAnalysis;
      expect(overview.items.find((i) => i.chain.code === 'biomed')).toMatchObject({
        outputYuan: biomed.totals.outputYuan,
        statusCounts: biomed.statusCounts,
        chainMasters: biomed.totals.chainMasters,
      });

      const table = await run(['--db', db, 'overview', '--region', '3202']);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toContain(`无锡市（3202）市级总览 · ${codes.length} 条产业链`);
      expect(table.stdout).toContain('biomed 生物医药');
      expect(table.stdout).toContain('sensor 传感器');
    },
  );

  it(
    'takes the chain from --node when --chain is not given, and biomed when neither is',
    SPAWNING,
    async () => {
      const set = await run(
        [
          '--db',
          db,
          'target',
          'set',
          '--region',
          '3202',
          '--year',
          '2026',
          '--value',
          '5e9',
        ].concat(['--node', 'ic.mid.design', '--json']),
      );
      expect(set.code, set.stderr).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ chainCode: 'ic', nodeCode: 'ic.mid.design' });
      const list = await run(['--db', db, 'target', 'list', '--region', '3202', '--json']);
      expect(list.code, list.stderr).toBe(0);
      const items = (JSON.parse(list.stdout) as { items: TargetView[] }).items;
      expect(items.every((t) => t.chainCode === 'biomed')).toBe(true);
    },
  );

  it('says what is wrong with the region, with the usual exit codes', SPAWNING, async () => {
    const bad = await run(['--db', db, 'overview', '--region', 'wuxi']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region');
    const unknown = await run(['--db', db, 'overview', '--region', '9999']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('REGION_NOT_FOUND');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ChainTemplate } from '../domain/chain-template.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import { run } from '../test-support/cli-runner.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
const SENSOR_TEMPLATE = fileURLToPath(
  new URL('../test-support/templates/sensor.yaml', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'chainlead-multi-chain-cli-'));
const db = join(work, 'db');

interface PlacementRow {
  enterprise: string;
  node: string;
  decision: string;
  primary: boolean;
  decidedAt: string;
}

/** Every classification row of a chain, as the database holds it (the node code names the chain). */
async function placements(chain: string): Promise<PlacementRow[]> {
  const database = await openMigratedDatabase({ db });
  try {
    const result: unknown = await database.db.execute(sql`
      select e.name as enterprise, n.code as node, c.decision, c.is_primary as primary,
        c.decided_at::text as "decidedAt"
      from classification c
      join chain_node n on n.id = c.node_id
      join enterprise e on e.id = c.enterprise_id
      where n.code like ${`${chain}.%`}
      order by e.name, n.code`);
    return (result as { rows: PlacementRow[] }).rows;
  } finally {
    await database.close();
  }
}

async function analysis(chain: string): Promise<ChainAnalysis> {
  const result = await run([
    '--db',
    db,
    'analyze',
    'chain',
    '--chain',
    chain,
    '--region',
    '3202',
    '--json',
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ChainAnalysis;
}

describe('an enterprise on two chains, as a user runs the CLI', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code, init.stderr).toBe(0);
    const load = await run(['--db', db, 'template', 'load', SENSOR_TEMPLATE]);
    expect(load.code, load.stderr).toBe(0);
    const file = join(work, 'firms.csv');
    writeFileSync(
      file,
      [
        '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份',
        '无锡双链传感医疗有限公司,320214,传感器制造；医疗器械生产,压力传感器；多参数监护仪,3000,2024',
        '无锡单链芯感科技有限公司,320206,传感芯片设计,MEMS芯片,1000,2024',
      ].join('\n'),
    );
    const imported = await run(['--db', db, 'import', 'enterprises', file]);
    expect(imported.code, imported.stderr).toBe(0);
  }, 300_000);

  it(
    'classifies an import on every chain and counts the firm in both analyses',
    SPAWNING,
    async () => {
      expect(
        (await placements('sensor')).filter((p) => p.primary && p.decision === 'confirmed'),
      ).toMatchObject([
        { enterprise: '无锡单链芯感科技有限公司', node: 'sensor.up.chip' },
        { enterprise: '无锡双链传感医疗有限公司', node: 'sensor.mid.device' },
      ]);
      expect(
        (await placements('biomed')).filter((p) => p.primary && p.decision === 'confirmed'),
      ).toMatchObject([{ enterprise: '无锡双链传感医疗有限公司', node: 'biomed.mid.device' }]);
      expect((await analysis('sensor')).totals.enterprises).toBe(2);
      expect((await analysis('biomed')).totals.enterprises).toBe(1);
    },
  );

  it(
    'reclassifies one chain after a template revision and leaves the other untouched',
    SPAWNING,
    async () => {
      const biomedRows = await placements('biomed');
      const biomedAnalysis = await analysis('biomed');
      // Version 2 of the sensor template no longer knows pressure sensors.
      const revised = YAML.parse(readFileSync(SENSOR_TEMPLATE, 'utf8')) as ChainTemplate;
      revised.version = 2;
      const device = revised.stages[1]?.nodes[0];
      if (!device) throw new Error('the sensor template changed shape');
      device.rules.products.zh = ['温度传感器'];
      device.rules.scope.zh = ['温度传感器制造'];
      const file = join(work, 'sensor-v2.yaml');
      writeFileSync(file, YAML.stringify(revised));
      expect((await run(['--db', db, 'template', 'load', file])).code).toBe(0);

      const classify = await run(['--db', db, 'classify', '--chain', 'sensor']);
      expect(classify.code, classify.stderr).toBe(0);

      expect(
        (await placements('sensor')).filter((p) => p.enterprise === '无锡双链传感医疗有限公司'),
      ).toEqual([]);
      expect((await analysis('sensor')).totals.enterprises).toBe(1);
      // The biomed rows are the very same rows (not rewritten: same decision time).
      expect(await placements('biomed')).toEqual(biomedRows);
      expect(await analysis('biomed')).toEqual(biomedAnalysis);
    },
  );
});

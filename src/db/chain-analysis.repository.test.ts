import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { validateChainTemplate } from '../domain/chain-template.ts';
import { hhi } from '../domain/chain-metrics.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import {
  listFigureYears,
  listLeadingEnterprises,
  listNationalNodeFigures,
  listRegionalNodeFigures,
  listRegionalNodeSeries,
  readDataVersion,
  ANY_WRITE,
} from './chain-analysis.repository.ts';
import { findChainByCode, listChainNodes, saveChainTemplate } from './chain.repository.ts';
import type { Database } from './connection.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { saveSetting } from './setting.repository.ts';

describe(`chain analysis SQL on real rows (${testDatabaseKind()})`, () => {
  let database: Database;
  let ids: Record<string, number>;
  let nodeIds: number[];
  let nodeId: (code: string) => number;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The repository alone, without the setup service: the real template, validated and saved.
    const file = new URL('../../templates/biomed.yaml', import.meta.url);
    const checked = validateChainTemplate(YAML.parse(readFileSync(file, 'utf8')));
    if (!checked.ok) throw new Error('templates/biomed.yaml is invalid');
    await saveChainTemplate(database.db, checked.template, 'test');
    ids = await seedChainFixture(database.db);
    const chainRow = await findChainByCode(database.db, 'biomed');
    const nodes = (await listChainNodes(database.db, chainRow?.id ?? 0)).filter(
      (n) => n.level !== 'stage',
    );
    nodeIds = nodes.map((n) => n.id);
    nodeId = (code) => nodes.find((n) => n.code === code)?.id ?? -1;
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts each confirmed enterprise once nationally, on its primary or best confirmed node', async () => {
    const rows = await listNationalNodeFigures(database.db, { nodeIds, year: 2024 });
    const byNode = new Map(rows.map((r) => [r.nodeId, r]));
    // device: 600 + 300 + 100 (revenue only) in Wuxi, 1,000 in Suzhou; the rejected firm is out.
    expect(byNode.get(nodeId('biomed.mid.device'))).toEqual({
      nodeId: nodeId('biomed.mid.device'),
      enterprises: 4,
      reporting: 4,
      outputYuan: 2000,
    });
    expect(byNode.get(nodeId('biomed.mid.ivd'))).toMatchObject({ enterprises: 1, outputYuan: 200 });
    // Primary only uncertain: counted on its best confirmed node (API, 0.8), not reagents (0.7).
    expect(byNode.get(nodeId('biomed.up.api'))).toMatchObject({ enterprises: 1, outputYuan: 50 });
    expect(byNode.has(nodeId('biomed.up.reagent'))).toBe(false);
    expect(byNode.has(nodeId('biomed.mid.vaccine'))).toBe(false);
    expect(rows.reduce((sum, r) => sum + r.enterprises, 0)).toBe(7);
    expect(rows.reduce((sum, r) => sum + r.outputYuan, 0)).toBe(2750);
  });

  it('computes regional node figures, HHI and secondary placements for several regions at once', async () => {
    const rows = await listRegionalNodeFigures(database.db, {
      nodeIds,
      regionCodes: ['3202', '3205'],
      year: 2024,
    });
    const find = (region: string, code: string) =>
      rows.find((r) => r.regionCode === region && r.nodeId === nodeId(code));
    const device = find('3202', 'biomed.mid.device');
    expect(device).toMatchObject({
      enterprises: 3,
      alsoOnNode: 0,
      reporting: 3,
      outputYuan: 1000,
      topOutputYuan: 600,
      chainMasters: 0,
    });
    // The SQL HHI is the domain's HHI over the same enterprises.
    expect(device?.hhi).toBeCloseTo(hhi([600, 300, 100]) ?? 0, 6);
    expect(device?.hhi).toBeCloseTo(4600, 6);
    expect(find('3202', 'biomed.mid.ivd')).toMatchObject({
      enterprises: 1,
      alsoOnNode: 1,
      outputYuan: 200,
      hhi: 10_000,
      chainMasters: 1,
    });
    expect(find('3202', 'biomed.up.reagent')).toMatchObject({ enterprises: 0, alsoOnNode: 1 });
    expect(find('3202', 'biomed.mid.blood')).toBeUndefined();
    expect(find('3205', 'biomed.mid.device')).toMatchObject({ enterprises: 1, outputYuan: 1000 });
    expect(find('3205', 'biomed.mid.blood')).toMatchObject({ enterprises: 1, outputYuan: 500 });
    const county = await listRegionalNodeFigures(database.db, {
      nodeIds,
      regionCodes: ['320206'],
      year: 2024,
    });
    expect(county).toEqual([
      expect.objectContaining({
        nodeId: nodeId('biomed.mid.device'),
        enterprises: 1,
        outputYuan: 100,
      }),
    ]);
  });

  it('gives each node its yearly series for growth and CAGR', async () => {
    const series = await listRegionalNodeSeries(database.db, {
      nodeIds,
      regionCode: '3202',
      toYear: 2024,
    });
    const of = (code: string) =>
      series.filter((s) => s.nodeId === nodeId(code)).map(({ nodeId: _n, ...rest }) => rest);
    expect(of('biomed.mid.device')).toEqual([
      { year: 2023, reporting: 2, outputYuan: 750 },
      { year: 2024, reporting: 3, outputYuan: 1000 },
    ]);
    expect(of('biomed.mid.ivd')).toEqual([
      { year: 2023, reporting: 1, outputYuan: 150 },
      { year: 2024, reporting: 1, outputYuan: 200 },
    ]);
    const upTo2023 = await listRegionalNodeSeries(database.db, {
      nodeIds,
      regionCode: '3202',
      toYear: 2023,
    });
    expect(upTo2023.every((s) => s.year === 2023)).toBe(true);
  });

  it('lists the leading enterprises per node and for the chain, and every chain master', async () => {
    const leaders = await listLeadingEnterprises(database.db, {
      nodeIds,
      regionCode: '3202',
      year: 2024,
      perNode: 1,
      top: 2,
    });
    expect(leaders.map((l) => [l.id, l.chainRank, l.nodeRank])).toEqual([
      [ids.deviceA, 1, 1],
      [ids.deviceB, 2, 2],
      [ids.ivdMaster, 3, 1],
      [ids.apiFallback, 5, 1],
    ]);
    expect(leaders[0]).toMatchObject({ outputYuan: 600, previousOutputYuan: 500 });
    expect(leaders[2]?.tags).toContain('chain_master');
  });

  // On Citus the workers' snapshots version every table written there, whichever was written (a
  // setting too: docs/scaling.md); the per-table property is tested in data-version-cache.test.ts.
  it.skipIf(testDatabaseKind() === 'citus')(
    'knows the years with figures; its data version follows input writes, not others',
    async () => {
      expect(await listFigureYears(database.db)).toEqual([2024, 2023]);
      const before = await readDataVersion(database.db);
      const wal = await readDataVersion(database.db, ANY_WRITE);
      expect(await readDataVersion(database.db)).toBe(before);
      // A setting is no analysis input: the broad version moves, the inputs' version does not.
      await saveSetting(database.db, 'test_write', { at: 1 });
      expect(await readDataVersion(database.db)).toBe(before);
      expect(await readDataVersion(database.db, ANY_WRITE)).not.toBe(wal);
      await database.db.execute(sql`update enterprise set name = name where id = ${ids.deviceA}`);
      const moved = await readDataVersion(database.db);
      expect(moved).not.toBe(before);
      // Only the tables asked about: the yearly figures moved nothing for targets.
      const targets = await readDataVersion(database.db, ['target']);
      await database.db.execute(sql`update enterprise_year set year = year where false`);
      expect(await readDataVersion(database.db, ['target'])).toBe(targets);
    },
  );
});

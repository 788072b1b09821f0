import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { validateChainTemplate } from '../domain/chain-template.ts';
import { SeededRandom } from '../domain/random.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import {
  countAnalysisAggregates,
  diffAnalysisAggregates,
  rebuildAnalysisAggregates,
} from './analysis-aggregates.repository.ts';
import {
  keepDataVersionInTransaction,
  listNationalNodeFigures,
  listNationalNodeFiguresFromPlacements,
} from './chain-analysis.repository.ts';
import { findChainByCode, listChainNodes, saveChainTemplate } from './chain.repository.ts';
import type { Database, DbOrTx } from './connection.ts';
import { insertEnterpriseYears, insertEnterprises } from './enterprise.repository.ts';

// The aggregates the national benchmark reads (migration 0014) against their full recompute,
// after random statements of every shape the writers issue on the two inputs: single and
// multi-row inserts, decisions flipped, primaries moved, placements moved between nodes, regions
// and enterprises, figures changed, nulled, moved to another firm or year, rows and firms deleted
// (cascades), several statements in one transaction, a rolled-back transaction.

const REGIONS = ['320214', '320206', '320505', '110105', '440305'];
const YEARS = [2022, 2023, 2024];
async function rowsOf(db: DbOrTx, query: SQL): Promise<unknown[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: unknown[] }).rows;
}

const DECISIONS = ['confirmed', 'confirmed', 'uncertain', 'rejected'];

// On Citus the aggregates are views of their full recompute (scripts/citus/distribute.sql): the
// triggers tested here are not there.
describe.skipIf(testDatabaseKind() === 'citus')(
  `analysis aggregates equal a full recompute after every statement (${testDatabaseKind()})`,
  () => {
    let database: Database;
    let nodeIds: number[];
    let firms: number[];

    beforeAll(async () => {
      database = await createTestDatabase();
      const file = new URL('../../templates/biomed.yaml', import.meta.url);
      const checked = validateChainTemplate(YAML.parse(readFileSync(file, 'utf8')));
      if (!checked.ok) throw new Error('templates/biomed.yaml is invalid');
      await saveChainTemplate(database.db, checked.template, 'test');
      const chain = await findChainByCode(database.db, 'biomed');
      nodeIds = (await listChainNodes(database.db, chain?.id ?? 0))
        .filter((n) => n.level !== 'stage')
        .map((n) => n.id)
        .slice(0, 6);
      const random = new SeededRandom(15);
      firms = await insertEnterprises(
        database.db,
        Array.from({ length: 40 }, (_, i) =>
          makeEnterprise({ name: `聚合测试企业${i}有限公司`, regionCode: random.pick(REGIONS) }),
        ),
      );
      await insertEnterpriseYears(
        database.db,
        firms.flatMap((id) =>
          YEARS.filter(() => random.chance(0.8)).map((year) => ({
            enterpriseId: id,
            regionCode: '320214',
            year,
            outputYuan: random.chance(0.2) ? null : random.int(1, 1_000_000) / 100,
            revenueYuan: random.chance(0.3) ? null : random.int(1, 1_000_000) / 100,
          })),
        ),
      );
    });
    afterAll(async () => {
      await database.close();
    });

    async function expectEqualToRecompute(step: string) {
      expect(await diffAnalysisAggregates(database.db), step).toEqual([]);
      for (const year of YEARS) {
        const byNode = (rows: { nodeId: number }[]) =>
          [...rows].sort((a, b) => a.nodeId - b.nodeId);
        expect(
          byNode(await listNationalNodeFigures(database.db, { nodeIds, year })),
          `${step}: national ${year}`,
        ).toEqual(
          byNode(await listNationalNodeFiguresFromPlacements(database.db, { nodeIds, year })),
        );
      }
    }

    it('keeps them equal through 120 random statements', async () => {
      const random = new SeededRandom(3);
      const db = database.db;
      const ids = () => sql`${sql.param(firms.filter(() => random.chance(0.3)))}::bigint[]`;
      const node = () => random.pick(nodeIds);
      const money = () => (random.chance(0.2) ? null : random.int(1, 1_000_000) / 100);
      const statements: [string, () => SQL][] = [
        [
          'insert placements',
          () => sql`
          insert into classification (enterprise_id, node_id, region_code, score, decision, is_primary, method)
          select e.id, ${node()}, e.region_code, random(), ${random.pick(DECISIONS)}, ${random.chance(0.7)}, 'rule'
          from enterprise e where e.id = any(${ids()})
          on conflict do nothing`,
        ],
        [
          'decide',
          () => sql`update classification set decision = ${random.pick(DECISIONS)}
                  where enterprise_id = any(${ids()})`,
        ],
        [
          'move the primary',
          () => sql`update classification set is_primary = not is_primary
                  where enterprise_id = any(${ids()}) and node_id = ${node()}`,
        ],
        [
          'move to another node',
          () => sql`update classification c set node_id = ${node()}
                  where enterprise_id = any(${ids()})
                    and not exists (select 1 from classification o
                                    where o.enterprise_id = c.enterprise_id and o.node_id <> c.node_id)`,
        ],
        [
          'move to another region',
          () => sql`update classification set region_code = ${random.pick(REGIONS)}
                  where enterprise_id = any(${ids()})`,
        ],
        [
          'change only the score',
          () => sql`update classification set score = random() where enterprise_id = any(${ids()})`,
        ],
        [
          'delete placements',
          () =>
            sql`delete from classification where enterprise_id = any(${ids()}) and node_id = ${node()}`,
        ],
        [
          'insert figures',
          () => sql`
          insert into enterprise_year (enterprise_id, region_code, year, output_yuan, revenue_yuan)
          select id, region_code, ${random.pick(YEARS)}, ${money()}, ${money()}
          from enterprise where id = any(${ids()})
          on conflict (enterprise_id, year) do update set output_yuan = excluded.output_yuan`,
        ],
        [
          'change figures',
          () => sql`update enterprise_year set output_yuan = ${money()}, revenue_yuan = ${money()}
                  where enterprise_id = any(${ids()}) and year = ${random.pick(YEARS)}`,
        ],
        [
          'change the employees only',
          () => sql`update enterprise_year set employees = ${random.int(1, 99)}
                  where enterprise_id = any(${ids()})`,
        ],
        [
          'move figures to another firm',
          () => {
            const to = random.pick(firms);
            return sql`update enterprise_year y set enterprise_id = ${to}
                     where y.enterprise_id = ${random.pick(firms)} and y.enterprise_id <> ${to}
                       and not exists (select 1 from enterprise_year t
                                       where t.enterprise_id = ${to} and t.year = y.year)`;
          },
        ],
        [
          'delete figures',
          () =>
            sql`delete from enterprise_year where enterprise_id = any(${ids()}) and year = ${random.pick(YEARS)}`,
        ],
      ];
      let largest = 0;
      for (let step = 0; step < 120; step++) {
        // Placements inserted one step in three, so that the sums are seldom empty.
        const [name, statement] =
          step % 3 === 0 ? (statements[0] ?? random.pick(statements)) : random.pick(statements);
        await db.execute(statement());
        await expectEqualToRecompute(`step ${step}: ${name}`);
        largest = Math.max(largest, (await countAnalysisAggregates(db)).nodeRegionYears);
      }
      // The sums held something worth comparing along the way.
      expect(largest).toBeGreaterThan(20);
    });

    it('keeps them through a transaction of several statements, and a rollback leaves them', async () => {
      const db = database.db;
      const [a, b] = firms;
      await db.transaction(async (tx) => {
        await tx.execute(sql`update classification set decision = 'confirmed', is_primary = true
                           where enterprise_id = ${a}`);
        await tx.execute(
          sql`update enterprise_year set output_yuan = output_yuan * 2 where enterprise_id = ${a}`,
        );
        await tx.execute(sql`delete from classification where enterprise_id = ${b}`);
      });
      await expectEqualToRecompute('a transaction');
      const yearRows = sql`select * from analysis_node_region_year order by 1, 2, 3`;
      const before = await rowsOf(db, yearRows);
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(
            sql`update enterprise_year set output_yuan = 1 where enterprise_id = ${a}`,
          );
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await rowsOf(db, yearRows)).toEqual(before);
      await expectEqualToRecompute('a rollback');
    });

    it('keeps them when firms are deleted (the cascades) and rebuilds them after a truncate', async () => {
      const db = database.db;
      await db.execute(
        sql`delete from enterprise where id = any(${sql.param(firms.slice(0, 5))}::bigint[])`,
      );
      await expectEqualToRecompute('firms deleted');
      await db.execute(sql`truncate enterprise_year`);
      await expectEqualToRecompute('figures truncated');
      await rebuildAnalysisAggregates(db);
      await expectEqualToRecompute('rebuilt');
    });

    it('leaves them alone in a transaction that copies a backup’s rows (the data version off)', async () => {
      const db = database.db;
      const read = (tx: DbOrTx) =>
        rowsOf(tx, sql`select * from analysis_node_region order by 1, 2`);
      const before = await read(db);
      await db.transaction(async (tx) => {
        await keepDataVersionInTransaction(tx);
        await tx.execute(sql`delete from classification where decision = 'confirmed'`);
        // A restore copies the aggregates' rows with the rest: the triggers must not move them.
        expect(await read(tx)).toEqual(before);
        await tx.execute(sql`select analysis_aggregates_rebuild()`);
      });
      await expectEqualToRecompute('restore-like copy');
    });
  },
);

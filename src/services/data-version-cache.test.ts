import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like, notInArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataVersion } from '../db/chain-analysis.repository.ts';
import type { Database } from '../db/connection.ts';
import { chainNode, classification, enterprise, problem } from '../db/schema.ts';
import { saveSetting } from '../db/setting.repository.ts';
import { buildUscc } from '../domain/uscc.ts';
import type { App } from '../server/app.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { startTestApp } from '../test-support/api-app.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import { TOY_STATS } from '../test-support/toy-stats.ts';
import {
  analyzeChain,
  analyzeChainCached,
  nationalBenchmark,
} from './analysis/chain-analysis.service.ts';
import { classifyEnterprises } from './classification/classification.service.ts';
import { loadDemo } from './demo/demo.service.ts';
import { loadChainContext } from './lookup/lookup.service.ts';
import { importEnterprises } from './import/import-enterprises.service.ts';
import { sweepNotifications } from './notifications/notification-sweep.service.ts';
import { importStats } from './statistics/import-stats.service.ts';

const actor = { id: null, name: 'test-version' };
const input = { chainCode: 'biomed', regionCode: '3202' };
const dir = mkdtempSync(join(tmpdir(), 'chainlead-version-'));

// On Citus the version is the nodes' snapshots (docs/scaling.md): every write in the cluster moves
// it, so results are recomputed after each input write as here, but also after any other write.
const onCitus = testDatabaseKind() === 'citus';

describe(
  `cached analyses follow their inputs, not other writes (${testDatabaseKind()})`,
  () => {
    let database: Database;
    let app: App;
    let admin: ApiClient;
    let cached: ChainAnalysis;

    beforeAll(async () => {
      ({ database, app, admin } = await startTestApp(async (db) => {
        await loadDemo(db.db, actor);
        await classifyEnterprises(db.db, { chainCode: 'biomed' });
      }));
      cached = await analyzeChainCached(database.db, input);
    });
    afterAll(async () => {
      await database.close();
    });

    /** The analysis after an input write: computed afresh, and equal to an uncached one. */
    async function expectRecomputed(): Promise<ChainAnalysis> {
      const next = await analyzeChainCached(database.db, input);
      expect(next).not.toBe(cached);
      expect(next).toEqual(await analyzeChain(database.db, input));
      // Reused at once (on Citus only the figures: any write in the cluster moves the version).
      const again = await analyzeChainCached(database.db, input);
      if (onCitus) expect(again).toEqual(next);
      else expect(again).toBe(next);
      cached = next;
      return next;
    }

    it.skipIf(onCitus)('is reused after logins, failed logins, notifications, read marks, comments, the audit log and settings', async () => {
      const nodes = (await loadChainContext(database.db, 'biomed')).nodes.map((n) => n.id);
      const benchmark = await nationalBenchmark(database.db, { nodeIds: nodes, year: cached.year });
      const version = await readDataVersion(database.db);

      // A session and login counters: a second sign-in, and a failed one.
      const other = new ApiClient(app);
      await other.login('admin', 'admin-password-x');
      const refused = await new ApiClient(app).json('POST', '/api/auth/login', {
        username: 'admin',
        password: 'wrong-password',
      });
      expect(refused.status).toBe(401);
      // Notifications made by the sweep, listed and marked read.
      await sweepNotifications(database.db, new Date());
      expect((await other.json('GET', '/api/notifications')).status).toBe(200);
      expect((await other.json('POST', '/api/notifications/read-all')).status).toBe(200);
      // A comment on a problem: its timeline and the audit log, not the problem's row.
      const [open] = await database.db
        .select({ id: problem.id })
        .from(problem)
        .where(notInArray(problem.stage, ['closed', 'returned']))
        .limit(1);
      const comment = await admin.json('POST', `/api/problems/${open?.id ?? 0}/comments`, {
        note: '已电话联系企业。',
      });
      expect(comment.status).toBe(201);
      await saveSetting(database.db, 'test_version', { at: 1 });
      // A write to an input that rolls back moves nothing either.
      await database.db
        .transaction(async (tx) => {
          await tx.update(enterprise).set({ name: sql`${enterprise.name} || '!'` });
          throw new Error('rolled back');
        })
        .catch(() => undefined);

      expect(await readDataVersion(database.db)).toBe(version);
      expect(await analyzeChainCached(database.db, input)).toBe(cached);
      expect(await nationalBenchmark(database.db, { nodeIds: nodes, year: cached.year })).toBe(
        benchmark,
      );
    });

    it('is recomputed, and right, after a target change (the API answers the new target)', async () => {
      const nodes = (await loadChainContext(database.db, 'biomed')).nodes.map((n) => n.id);
      const benchmark = await nationalBenchmark(database.db, { nodeIds: nodes, year: cached.year });
      const saved = await admin.json('PUT', '/api/chains/biomed/targets', {
        region: '3202',
        year: 2031,
        valueYuan: 401e9,
      });
      expect(saved.status).toBe(200);
      const next = await expectRecomputed();
      expect(next.targets.find((t) => t.year === 2031)?.valueYuan).toBe(401e9);
      const api = await admin.json<ChainAnalysis>('GET', '/api/chains/biomed/analysis?region=3202');
      expect(api.body.targets.find((t) => t.year === 2031)?.valueYuan).toBe(401e9);
      // The national benchmark reads only the registry: a target leaves it (on one server; on
      // Citus every write moves the version, and it is recomputed, to the same figures).
      const again = await nationalBenchmark(database.db, { nodeIds: nodes, year: cached.year });
      if (onCitus) expect(again).toEqual(benchmark);
      else expect(again).toBe(benchmark);
    });

    it('is recomputed, and right, after a classification decision', async () => {
      const [placed] = await database.db
        .select({ id: classification.enterpriseId, node: chainNode.code })
        .from(classification)
        .innerJoin(chainNode, eq(chainNode.id, classification.nodeId))
        .where(
          and(
            like(classification.regionCode, '3202%'),
            eq(classification.decision, 'confirmed'),
            eq(classification.isPrimary, true),
            // The cached analysis is biomed's; the demo places firms on the other chains too.
            like(chainNode.code, 'biomed.%'),
          ),
        )
        .limit(1);
      if (!placed) throw new Error('the demo has no confirmed placement in Wuxi');
      const before = cached.nodes.find((n) => n.code === placed.node)?.enterprises ?? 0;
      const decided = await admin.json(
        'PUT',
        `/api/enterprises/${placed.id}/classifications/${placed.node}`,
        { decision: 'rejected' },
      );
      expect(decided.status).toBe(200);
      const next = await expectRecomputed();
      expect(next.nodes.find((n) => n.code === placed.node)?.enterprises).toBe(before - 1);
    });

    it('is recomputed, and right, after an import of enterprises', async () => {
      const file = join(dir, 'firms.csv');
      writeFileSync(
        file,
        [
          '统一社会信用代码,企业名称,行政区划代码,成立日期,注册资本（万元）,行业代码,经营范围,主营产品,从业人数,营业收入（万元）,年份,标签',
          `${buildUscc('320214', 'MA1XMP77')},无锡版本测试生物科技有限公司,320214,2019/3/5,500,2761,体外诊断试剂的研发、生产和销售,化学发光检测试剂盒,120,8000,2024,`,
        ].join('\r\n'),
      );
      const result = await importEnterprises(database.db, actor, { file });
      expect(result.counts).toMatchObject({ inserted: 1 });
      await expectRecomputed();
    });

    it('is recomputed, and right, after a statistics import and after a problem closes', async () => {
      const file = join(dir, 'stats.csv');
      writeFileSync(file, `${TOY_STATS}\n`);
      await importStats(database.db, actor, { file });
      await expectRecomputed();
      // Open problems per node are an input: one closing moves the analysis.
      const [open] = await database.db
        .select({ id: problem.id })
        .from(problem)
        .where(
          and(like(problem.regionCode, '3202%'), notInArray(problem.stage, ['closed', 'returned'])),
        )
        .limit(1);
      await database.db
        .update(problem)
        .set({ stage: 'closed', closedAt: new Date() })
        .where(eq(problem.id, open?.id ?? 0));
      await expectRecomputed();
    });

    it.skipIf(testDatabaseKind() !== 'postgres')(
      'lets writers of the same table work side by side, and counts each at its commit (server)',
      async () => {
        const pool = (database.db as unknown as { $client: pg.Pool }).$client;
        const [first, second] = await Promise.all([pool.connect(), pool.connect()]);
        try {
          const ids = await database.db.select({ id: enterprise.id }).from(enterprise).limit(2);
          const before = await readDataVersion(database.db, ['enterprise']);
          await first.query('begin');
          await first.query('update enterprise set name = name where id = $1', [ids[0]?.id]);
          // The second writer commits while the first is still open: no wait on a counter.
          await second.query('begin');
          await second.query('update enterprise set name = name where id = $1', [ids[1]?.id]);
          await second.query('commit');
          const afterSecond = await readDataVersion(database.db, ['enterprise']);
          expect(afterSecond).not.toBe(before);
          await first.query('commit');
          expect(await readDataVersion(database.db, ['enterprise'])).not.toBe(afterSecond);
        } finally {
          first.release();
          second.release();
        }
      },
    );
  },
);

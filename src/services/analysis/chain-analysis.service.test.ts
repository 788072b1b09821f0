import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/app-error.ts';
import { OPEN_PROBLEMS_NOTICE_AT_LEAST, hhi, requiredGrowth } from '../../domain/chain-metrics.ts';
import type { Database } from '../../db/connection.ts';
import { readDataVersion } from '../../db/chain-analysis.repository.ts';
import {
  auditLog,
  chain,
  chainNode,
  enterprise,
  problem,
  problemCategory,
} from '../../db/schema.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import type { ChainAnalysis } from '../../shared/api/analysis.ts';
import { WUXI_CHAIN_OUTPUT_YUAN } from '../demo/demo-plan.ts';
import { prepareInstallation } from '../setup.service.ts';
import { analyzeChain, analyzeChainCached } from './chain-analysis.service.ts';
import { compareRegions } from './chain-comparison.service.ts';
import { listTargetViews, setTarget } from './targets.service.ts';

const actor = { id: null, name: 'test-analyst' };

describe(`chain analysis of the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let wuxi: ChainAnalysis;
  const node = (code: string) => {
    const found = wuxi.nodes.find((n) => n.code === code);
    if (!found) throw new Error(`no node ${code}`);
    return found;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-1',
      demoOnFirstRun: true,
    });
    wuxi = await analyzeChain(database.db, { chainCode: 'biomed', regionCode: '3202', year: 2024 });
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows blood products missing and the thin, dominated nodes weak, with reasons', () => {
    expect(node('biomed.mid.blood')).toMatchObject({
      enterprises: 0,
      outputYuan: null,
      status: 'missing',
      // The demo's needs for blood products find no local supplier (补链 from real demand).
      reasons: [{ code: 'no_enterprises' }, { code: 'no_local_supplier' }],
    });
    for (const code of ['biomed.mid.vaccine', 'biomed.mid.vet']) {
      const n = node(code);
      expect(n.enterprises, code).toBeLessThanOrEqual(3);
      expect(n.status, code).toBe('weak');
      expect(n.topShare ?? 0, code).toBeGreaterThan(0.7);
      expect(n.hhi ?? 0, code).toBeGreaterThan(5_000);
      expect(n.lq ?? 1, code).toBeLessThan(0.5);
      expect(
        n.reasons.map((r) => r.code),
        code,
      ).toEqual(expect.arrayContaining(['low_lq', 'dominant_enterprise', 'concentrated']));
    }
    const precision = node('biomed.down.precision');
    expect(precision.enterprises).toBeLessThanOrEqual(8);
    expect(precision.focus).toBe(true);
    expect(precision.status).toBe('weak');
    expect(precision.lq ?? 1).toBeLessThan(1);
    expect(precision.reasons[0]).toMatchObject({
      code: 'low_lq',
      zh: expect.stringMatching(/^区位熵 0\.\d\d，低于 1/) as string,
      en: expect.stringMatching(/^Location quotient 0\.\d\d is below 1/) as string,
    });
    expect(wuxi.nodes.some((n) => n.status === 'strong')).toBe(true);
    expect(wuxi.statusCounts.missing).toBe(1);
  });

  it('adds node figures up to the chain, calibrated to the demo, with shares summing to one', () => {
    const sum = wuxi.nodes.reduce((total, n) => total + (n.outputYuan ?? 0), 0);
    expect(wuxi.totals.outputYuan).toBeCloseTo(sum, 2);
    expect(wuxi.totals.enterprises).toBe(wuxi.nodes.reduce((t, n) => t + n.enterprises, 0));
    expect(wuxi.nodes.reduce((t, n) => t + (n.share ?? 0), 0)).toBeCloseTo(1, 9);
    // The classifier places nearly every generated firm where the generator put it.
    expect(wuxi.totals.outputYuan / (WUXI_CHAIN_OUTPUT_YUAN[2024] ?? 1)).toBeGreaterThan(0.97);
    expect(wuxi.totals.outputYuan / (WUXI_CHAIN_OUTPUT_YUAN[2024] ?? 1)).toBeLessThan(1.03);
    expect(wuxi.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const device = node('biomed.mid.device');
    const previous = device.series.find((s) => s.year === 2023)?.outputYuan ?? 0;
    expect(device.growth).toBeCloseTo((device.outputYuan ?? 0) / previous - 1, 12);
    const first = device.series[0];
    expect(device.cagrFromYear).toBe(first?.year);
    expect(device.cagr).toBeCloseTo(
      ((device.outputYuan ?? 0) / (first?.outputYuan ?? 1)) ** (1 / (2024 - (first?.year ?? 0))) -
        1,
      12,
    );
    expect(device.chainMasters.length).toBeGreaterThan(0);
    expect(device.topEnterprise?.outputYuan).toBeCloseTo(
      (device.topShare ?? 0) * (device.outputYuan ?? 0),
      2,
    );
  });

  it('computes location quotients against the whole registry and completeness by weight', () => {
    const chainNational = wuxi.totals.national.outputYuan;
    for (const n of wuxi.nodes.filter((x) => x.outputYuan !== null)) {
      const expected =
        (n.outputYuan ?? 0) / wuxi.totals.outputYuan / (n.national.outputYuan / chainNational);
      expect(n.lq, n.code).toBeCloseTo(expected, 9);
    }
    const weights = wuxi.nodes.reduce((t, n) => t + n.weight, 0);
    const blood = node('biomed.mid.blood').weight;
    expect(wuxi.completeness).toEqual({
      weighted: (weights - blood) / weights,
      present: wuxi.nodes.length - 1,
      total: wuxi.nodes.length,
    });
    expect(wuxi.extensionCandidates[0]).toMatchObject({
      code: 'biomed.mid.blood',
      links: [expect.objectContaining({ code: 'biomed.down.distribution', direction: 'supplies' })],
    });
    expect(wuxi.extensionCandidates[0]?.reason.zh).toMatch(/医药流通/);
  });

  it('gets the target arithmetic right: progress, needed growth, trend projection and gap', () => {
    const chainTarget = wuxi.targets.find((t) => t.nodeCode === null);
    const actual = wuxi.totals.outputYuan;
    const series = wuxi.totals.series;
    const from2021 = series.find((s) => s.year === 2021)?.outputYuan ?? 0;
    const trend = (actual / from2021) ** (1 / 3) - 1;
    expect(chainTarget).toMatchObject({
      year: 2025,
      valueYuan: 250e9,
      actualYear: 2024,
      state: 'off_track',
    });
    expect(chainTarget?.actualYuan).toBeCloseTo(actual, 2);
    expect(chainTarget?.progress).toBeCloseTo(actual / 250e9, 12);
    expect(chainTarget?.requiredGrowth).toBeCloseTo(
      requiredGrowth({ value: actual, year: 2024, target: 250e9, targetYear: 2025 }) ?? 0,
      12,
    );
    expect(chainTarget?.trendGrowth).toBeCloseTo(trend, 12);
    expect(chainTarget?.projectedYuan).toBeCloseTo(actual * (1 + trend), 0);
    expect(chainTarget?.gapYuan).toBeCloseTo(250e9 - actual, 0);
    expect(chainTarget?.summary.zh).toMatch(/2025 年目标 2,500\.0 亿元/);
    expect(chainTarget?.summary.en).toMatch(/gap /);
    expect(chainTarget?.summary.en).toMatch(/off track/);
    expect(wuxi.targets.map((t) => t.nodeCode)).toEqual([
      null,
      'biomed.mid.device',
      'biomed.down.precision',
      'biomed.down.digital',
    ]);
    // From the published 2020 figure the plan needs the famous ~20.1% a year.
    const in2020 = series.find((s) => s.year === 2020)?.outputYuan ?? 0;
    expect(
      requiredGrowth({ value: in2020, year: 2020, target: 250e9, targetYear: 2025 }),
    ).toBeCloseTo(0.201, 2);
  });

  it('gives no national share and no location quotient where the pool is this region alone', async () => {
    // The demo's other chains have Wuxi firms only: the "national pool" is Wuxi itself.
    const ic = await analyzeChain(database.db, { chainCode: 'ic', regionCode: '3202', year: 2024 });
    expect(ic.totals.outputYuan).toBeGreaterThan(0);
    expect(ic.totals.national.outputYuan).toBeCloseTo(ic.totals.outputYuan, 2);
    expect(ic.totals.nationalShare).toBeNull();
    const reporting = ic.nodes.filter((n) => n.outputYuan !== null && n.outputYuan > 0);
    expect(reporting.length).toBeGreaterThan(0);
    for (const n of ic.nodes) expect(n.lq, n.code).toBeNull();
    // A strong node says why it has no LQ (a weak one gives only what makes it weak).
    for (const n of reporting) {
      const codes = n.reasons.map((r) => r.code);
      expect(codes, n.code).not.toContain('lq_at_least_one');
      expect(codes, n.code).not.toContain('low_lq');
      if (n.status === 'strong') expect(codes, n.code).toContain('lq_no_benchmark');
    }
    expect(reporting.some((n) => n.status === 'strong')).toBe(true);
    // Biomed's pool holds other regions: its share is a real fraction.
    expect(wuxi.totals.nationalShare).toBeGreaterThan(0);
    expect(wuxi.totals.nationalShare).toBeLessThan(1);
  });

  it('compares regions with the same figures the single-region analysis gives', async () => {
    const comparison = await compareRegions(database.db, {
      chainCode: 'biomed',
      regionCodes: ['3202', '3205'],
      year: 2024,
    });
    expect(comparison.regions.map((r) => r.code)).toEqual(['3202', '3205']);
    const suzhou = await analyzeChain(database.db, {
      chainCode: 'biomed',
      regionCode: '3205',
      year: 2024,
    });
    for (const [index, analysis] of [wuxi, suzhou].entries()) {
      for (const [i, n] of analysis.nodes.entries()) {
        const cell = comparison.nodes[i]?.cells[index];
        expect(cell, n.code).toMatchObject({
          regionCode: analysis.region.code,
          enterprises: n.enterprises,
          outputYuan: n.outputYuan,
          lq: n.lq,
          status: n.status,
        });
      }
      expect(comparison.regions[index]?.statusCounts).toEqual(analysis.statusCounts);
    }
    expect(node('biomed.mid.vaccine').hhi).toBeCloseTo(
      hhi([
        node('biomed.mid.vaccine').topEnterprise?.outputYuan ?? 0,
        (node('biomed.mid.vaccine').outputYuan ?? 0) -
          (node('biomed.mid.vaccine').topEnterprise?.outputYuan ?? 0),
      ]) ?? 0,
      6,
    );
  });

  it('refuses unknown chains and regions, years without figures, and lone comparisons', async () => {
    const attempt = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);
    expect(
      isAppError(
        await attempt(analyzeChain(database.db, { chainCode: 'nope', regionCode: '3202' })),
        'CHAIN_NOT_FOUND',
      ),
    ).toBe(true);
    expect(
      isAppError(
        await attempt(analyzeChain(database.db, { chainCode: 'biomed', regionCode: '9999' })),
        'REGION_NOT_FOUND',
      ),
    ).toBe(true);
    const noYear = await attempt(
      analyzeChain(database.db, { chainCode: 'biomed', regionCode: '3202', year: 2031 }),
    );
    expect(isAppError(noYear, 'VALIDATION_FAILED')).toBe(true);
    expect((noYear as Error).message).toBe(
      'The registry holds no figures for 2031; years with figures are 2019–2024.',
    );
    expect(
      isAppError(
        await attempt(
          compareRegions(database.db, { chainCode: 'biomed', regionCodes: ['3202', '3202'] }),
        ),
        'VALIDATION_FAILED',
      ),
    ).toBe(true);
    const latest = await analyzeChain(database.db, { chainCode: 'biomed', regionCode: '3202' });
    expect(latest.year).toBe(2024);
  });

  it('sets targets with an audit entry, and the cached analysis follows every write', async () => {
    const versionBefore = await readDataVersion(database.db);
    const first = await analyzeChainCached(database.db, {
      chainCode: 'biomed',
      regionCode: '3202',
    });
    const second = await analyzeChainCached(database.db, {
      chainCode: 'biomed',
      regionCode: '3202',
    });
    // Reused while no input was written: the version is this database's own (other databases'
    // writes on a shared server leave it). On Citus it is the nodes' snapshots, which any write
    // in the cluster moves (other test files' databases too): there only the figures must hold.
    if (testDatabaseKind() === 'citus') expect(second).toEqual(first);
    else {
      expect(await readDataVersion(database.db)).toBe(versionBefore);
      expect(second).toBe(first);
    }
    const saved = await setTarget(database.db, actor, {
      chainCode: 'biomed',
      regionCode: '3202',
      year: 2025,
      valueYuan: 230e9,
    });
    expect(saved).toMatchObject({ nodeCode: null, year: 2025, valueYuan: 230e9, demo: false });
    const again = await setTarget(database.db, actor, {
      chainCode: 'biomed',
      regionCode: '3202',
      year: 2026,
      valueYuan: 5e9,
      nodeCode: 'biomed.mid.blood',
    });
    expect(again.nodeCode).toBe('biomed.mid.blood');
    const after = await analyzeChainCached(database.db, {
      chainCode: 'biomed',
      regionCode: '3202',
    });
    expect(after).not.toBe(first);
    expect(after.targets.find((t) => t.nodeCode === null)?.valueYuan).toBe(230e9);
    expect(after.targets.find((t) => t.nodeCode === 'biomed.mid.blood')).toMatchObject({
      state: 'no_data',
      year: 2026,
    });
    const list = await listTargetViews(database.db, { chainCode: 'biomed', regionCode: '3202' });
    expect(list.total).toBe(5);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'target.set'));
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorName: 'test-analyst',
      before: expect.objectContaining({ valueYuan: 250e9, demo: true }) as unknown,
      after: expect.objectContaining({ valueYuan: 230e9, demo: false }) as unknown,
    });
    const bad = await setTarget(database.db, actor, {
      chainCode: 'biomed',
      regionCode: '3202',
      year: 2025,
      valueYuan: 1,
      nodeCode: 'biomed.mid.nope',
    }).catch((e: unknown) => e);
    expect(isAppError(bad, 'VALIDATION_FAILED')).toBe(true);
  });

  it('counts open and overdue problems per node, with a reason where several are open and one overdue', async () => {
    const db = database.db;
    const input = { chainCode: 'biomed', regionCode: '3202', year: 2024 };
    const before = await analyzeChain(db, input);
    const [firm] = await db.select({ id: enterprise.id }).from(enterprise).limit(1);
    const [biomed] = await db.select().from(chain).where(eq(chain.code, 'biomed'));
    const nodes = await db
      .select()
      .from(chainNode)
      .where(eq(chainNode.chainId, biomed?.id ?? 0));
    const nodeId = (code: string) => nodes.find((n) => n.code === code)?.id ?? null;
    await db
      .insert(problemCategory)
      .values({ code: 'land', nameZh: '用地', nameEn: 'Land', slaWorkingDays: 10 })
      .onConflictDoNothing(); // the setup seeds it already
    let serial = 0;
    const add = (node: string, stage: string, dueOn: string, regionCode = '320214') => {
      serial += 1;
      return {
        reference: `T-${serial}`,
        enterpriseId: firm?.id ?? 0,
        chainId: biomed?.id ?? 0,
        nodeId: nodeId(node),
        regionCode,
        title: '问题',
        description: '情况',
        channel: 'online',
        categoryCode: 'land',
        stage,
        receivedAt: new Date('2020-01-02T02:00:00Z'),
        clockStartsOn: '2020-01-02',
        slaWorkingDays: 10,
        dueOn,
      };
    };
    const past = '2020-01-16';
    const future = '2999-12-31';
    await db.insert(problem).values([
      // Vaccines: three open, one overdue (a suspended one past its date is not).
      add('biomed.mid.vaccine', 'in_progress', past),
      add('biomed.mid.vaccine', 'assigned', future),
      add('biomed.mid.vaccine', 'suspended', past),
      add('biomed.mid.vaccine', 'closed', past),
      add('biomed.mid.vaccine', 'returned', past),
      // Suzhou's: another region.
      add('biomed.mid.vaccine', 'in_progress', past, '320506'),
      // Devices: three open, none overdue.
      add('biomed.mid.device', 'answered', future),
      add('biomed.mid.device', 'suspended', past),
      add('biomed.mid.device', 'submitted', future),
      // Chemicals: two overdue, but fewer than the threshold open.
      add('biomed.mid.chem', 'in_progress', past),
      add('biomed.mid.chem', 'accepted', past),
    ]);
    const after = await analyzeChain(db, input);
    const delta = (code: string) => {
      const was = before.nodes.find((n) => n.code === code);
      const now = after.nodes.find((n) => n.code === code);
      return {
        open: (now?.openProblems ?? 0) - (was?.openProblems ?? 0),
        overdue: (now?.overdueProblems ?? 0) - (was?.overdueProblems ?? 0),
      };
    };
    expect(delta('biomed.mid.vaccine')).toEqual({ open: 3, overdue: 1 });
    expect(delta('biomed.mid.device')).toEqual({ open: 3, overdue: 0 });
    expect(delta('biomed.mid.chem')).toEqual({ open: 2, overdue: 2 });
    expect(OPEN_PROBLEMS_NOTICE_AT_LEAST).toBe(3);
    for (const n of after.nodes) {
      const flagged = n.reasons.some((r) => r.code === 'open_problems_overdue');
      expect(flagged, n.code).toBe(
        n.openProblems >= OPEN_PROBLEMS_NOTICE_AT_LEAST && n.overdueProblems >= 1,
      );
    }
    const vaccine = after.nodes.find((n) => n.code === 'biomed.mid.vaccine');
    expect(vaccine?.reasons.at(-1)).toEqual({
      code: 'open_problems_overdue',
      zh: `企业诉求 ${vaccine?.openProblems} 件未办结，其中 ${vaccine?.overdueProblems} 件已逾期`,
      en: `${vaccine?.openProblems} enterprise problems open, ${vaccine?.overdueProblems} of them overdue`,
    });
    // The reason explains; the node's status still judges the industry.
    expect(vaccine?.status).toBe(before.nodes.find((n) => n.code === 'biomed.mid.vaccine')?.status);
  });
});

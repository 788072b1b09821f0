import { describe, expect, it } from 'vitest';
import {
  HHI_WEAK_ABOVE,
  cagr,
  completeness,
  growthRate,
  hhi,
  nodeStatus,
  projectTrend,
  rankExtensionCandidates,
  recentTrend,
  requiredGrowth,
  targetOutlook,
  topShare,
  type ExtensionNode,
} from './chain-metrics.ts';

describe('hhi and topShare', () => {
  it('is 10,000 for one enterprise and 10,000/n for n equal ones', () => {
    expect(hhi([42])).toBe(10_000);
    expect(hhi([5, 5, 5, 5])).toBeCloseTo(2_500, 9);
    expect(hhi(Array.from({ length: 100 }, () => 1))).toBeCloseTo(100, 9);
  });

  it('sums squared percentage shares', () => {
    // shares 50%, 30%, 20%: 2,500 + 900 + 400
    expect(hhi([50, 30, 20])).toBeCloseTo(3_800, 9);
    expect(topShare([50, 30, 20])).toBeCloseTo(0.5, 12);
  });

  it('stays within 0–10,000 and is undefined with nothing to share', () => {
    for (const values of [
      [1, 2, 3],
      [1e12, 1],
      [0, 0, 7],
      Array.from({ length: 50 }, (_, i) => i + 1),
    ]) {
      const value = hhi(values) ?? -1;
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(10_000);
      expect(value).toBeGreaterThanOrEqual(10_000 / values.length - 1e-9);
    }
    expect(hhi([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
    expect(hhi([3, -1])).toBeNull();
    expect(topShare([])).toBeNull();
  });
});

describe('growth', () => {
  it('computes year-on-year growth and CAGR', () => {
    expect(growthRate(100, 110)).toBeCloseTo(0.1, 12);
    expect(growthRate(0, 110)).toBeNull();
    expect(growthRate(null, 110)).toBeNull();
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(cagr(100, 121, 0)).toBeNull();
    expect(cagr(0, 121, 2)).toBeNull();
  });

  it('needs about 20.1% a year to go from 100 billion in 2020 to 250 billion in 2025 (Wuxi)', () => {
    const rate = requiredGrowth({ value: 100e9, year: 2020, target: 250e9, targetYear: 2025 });
    expect(rate).toBeCloseTo(0.2011, 4);
    expect(100e9 * (1 + (rate ?? 0)) ** 5).toBeCloseTo(250e9, 0);
    expect(
      requiredGrowth({ value: 100e9, year: 2025, target: 250e9, targetYear: 2025 }),
    ).toBeNull();
  });

  it('projects the recent trend: the last three years, not the whole series', () => {
    const series = [
      { year: 2019, value: 10 },
      { year: 2020, value: 100 },
      { year: 2021, value: 100 },
      { year: 2022, value: 110 },
      { year: 2023, value: 121 },
      { year: 2024, value: 133.1 },
    ];
    const trend = recentTrend(series);
    expect(trend).toMatchObject({ fromYear: 2021, toYear: 2024 });
    expect(trend?.rate).toBeCloseTo(0.1, 9);
    const projected = projectTrend(series, 2026);
    expect(projected?.value).toBeCloseTo(161.051, 6);
    expect(recentTrend([{ year: 2024, value: 5 }])).toBeNull();
  });
});

describe('targetOutlook', () => {
  // The demo's published shape: 162.2 bn in 2022, 191.8 bn in 2024, 250 bn targeted for 2025.
  const wuxi = [
    { year: 2020, value: 100e9 },
    { year: 2021, value: 128.6e9 },
    { year: 2022, value: 162.2e9 },
    { year: 2023, value: 176.5e9 },
    { year: 2024, value: 191.8e9 },
  ];

  it('says how far off track the recent trend leaves a target, and what growth it needs', () => {
    const outlook = targetOutlook(wuxi, { year: 2025, value: 250e9 });
    expect(outlook.state).toBe('off_track');
    expect(outlook.actual).toEqual({ year: 2024, value: 191.8e9 });
    expect(outlook.progress).toBeCloseTo(191.8 / 250, 12);
    expect(outlook.requiredGrowth).toBeCloseTo(250 / 191.8 - 1, 12);
    const trend = (191.8 / 128.6) ** (1 / 3) - 1;
    expect(outlook.trendGrowth).toBeCloseTo(trend, 12);
    expect(outlook.trendFromYear).toBe(2021);
    expect(outlook.projected).toBeCloseTo(191.8e9 * (1 + trend), 0);
    // The gap is target − latest actual, whatever the trend says.
    expect(outlook.gap).toBeCloseTo(250e9 - 191.8e9, 0);
    expect(outlook.gapShare).toBeCloseTo((250 - 191.8) / 250, 12);
  });

  it('is on track when the trend reaches the target, and judged on the actual in its year', () => {
    const outlook = targetOutlook(wuxi.slice(0, 2), { year: 2025, value: 250e9 });
    expect(outlook.state).toBe('on_track');
    expect(outlook.gap ?? 0).toBeGreaterThan(0); // on track, yet still short today
    expect(targetOutlook(wuxi, { year: 2022, value: 160e9 }).state).toBe('achieved');
    expect(targetOutlook(wuxi, { year: 2022, value: 170e9 })).toMatchObject({
      state: 'missed',
      gap: 7.8e9,
      requiredGrowth: null,
    });
    expect(targetOutlook([], { year: 2025, value: 1 }).state).toBe('no_data');
  });
});

describe('nodeStatus', () => {
  const base = { enterprises: 40, outputYuan: 5e9, lq: 1.4, hhi: 600, topShare: 0.2 };

  it('is missing without a confirmed local enterprise', () => {
    const result = nodeStatus({ ...base, enterprises: 0, outputYuan: null, lq: null, hhi: null });
    expect(result.status).toBe('missing');
    expect(result.reasons.map((r) => r.code)).toEqual(['no_enterprises']);
    expect(result.reasons[0]?.zh).toMatch(/没有/);
  });

  it('is weak, not missing, when firms mainly on other nodes are confirmed on it too', () => {
    const result = nodeStatus({ ...base, enterprises: 0, alsoOnNode: 2, outputYuan: null, lq: 0 });
    expect(result.status).toBe('weak');
    expect(result.reasons[0]).toMatchObject({ code: 'secondary_only' });
    expect(result.reasons[0]?.en).toMatch(/^Only 2 enterprise\(s\) mainly on other nodes/);
  });

  it('is strong at LQ ≥ 1 and moderate concentration, and says so in both languages', () => {
    const result = nodeStatus({ ...base, lq: 1 });
    expect(result.status).toBe('strong');
    expect(result.reasons.map((r) => r.code)).toEqual(['lq_at_least_one', 'diverse']);
    expect(result.reasons[0]?.en).toBe('Location quotient 1.00 is at least 1');
  });

  it('is weak below LQ 1, above the HHI threshold, or with one dominant enterprise', () => {
    expect(nodeStatus({ ...base, lq: 0.99 })).toMatchObject({
      status: 'weak',
      reasons: [{ code: 'low_lq', zh: expect.stringMatching(/区位熵 0\.99/) as string }],
    });
    expect(
      nodeStatus({ ...base, hhi: HHI_WEAK_ABOVE + 1, topShare: 0.45 }).reasons[0],
    ).toMatchObject({
      code: 'concentrated',
      en: 'HHI 2,501 is above 2,500 (highly concentrated)',
    });
    expect(nodeStatus({ ...base, hhi: HHI_WEAK_ABOVE, topShare: 0.45 }).status).toBe('strong');
    const dominated = nodeStatus({ ...base, lq: 4, hhi: 9_200, topShare: 0.96 });
    expect(dominated.status).toBe('weak');
    expect(dominated.reasons.map((r) => r.code)).toEqual(['dominant_enterprise', 'concentrated']);
    expect(dominated.reasons[0]?.en).toMatch(/96%/);
  });

  it('is weak when no output is reported, since strength cannot be judged', () => {
    expect(
      nodeStatus({ ...base, outputYuan: null, lq: null, hhi: null, topShare: null }),
    ).toMatchObject({
      status: 'weak',
      reasons: [{ code: 'no_output' }],
    });
  });
});

describe('completeness and extension candidates', () => {
  it('weights present nodes by node weight', () => {
    expect(
      completeness([
        { weight: 2, enterprises: 5 },
        { weight: 1, enterprises: 0 },
        { weight: 1, enterprises: 1 },
      ]),
    ).toEqual({ weighted: 0.75, present: 2, total: 3 });
    expect(
      completeness([
        { weight: 2, enterprises: 0, alsoOnNode: 1 },
        { weight: 2, enterprises: 0 },
      ]).weighted,
    ).toBe(0.5);
    expect(completeness([]).weighted).toBe(0);
  });

  it('ranks missing nodes by supply links to strong, then weak, local nodes', () => {
    const node = (code: string, status: ExtensionNode['status'], weight = 1): ExtensionNode => ({
      code,
      name: { zh: `环节${code}`, en: `Node ${code}` },
      weight,
      status,
    });
    const nodes = [
      node('a', 'strong'),
      node('b', 'weak'),
      node('x', 'missing'),
      node('y', 'missing', 2),
      node('z', 'missing', 3),
    ];
    const flows = [
      { from: 'a', to: 'x' },
      { from: 'x', to: 'b' },
      { from: 'y', to: 'b' },
      { from: 'z', to: 'x' },
    ];
    const ranked = rankExtensionCandidates(nodes, flows);
    expect(ranked.map((c) => [c.code, c.score])).toEqual([
      ['x', 1.5],
      ['y', 0.5],
      ['z', 0],
    ]);
    expect(ranked[0]?.links.map((l) => `${l.code}:${l.direction}`)).toEqual([
      'a:supplied_by',
      'b:supplies',
    ]);
    expect(ranked[0]?.reason.zh).toBe('可为本地环节b（弱）供货；可采购本地环节a（强）的产品');
    expect(ranked[0]?.reason.en).toBe(
      'Would supply local Node b (weak); would buy from local Node a (strong)',
    );
    expect(ranked[2]?.reason.en).toMatch(/No direct supply link/);
  });
});

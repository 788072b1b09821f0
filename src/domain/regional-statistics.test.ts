import { describe, expect, it } from 'vitest';
import {
  clusterStrength,
  locationQuotientTable,
  percentile,
  shiftShare,
  shiftShareTotals,
  type StatFigure,
} from './regional-statistics.ts';
import { TOY_SHIFT_SHARE_A_X } from '../test-support/toy-stats.ts';

const figure = (
  regionCode: string,
  industryCode: string,
  employment: number | null,
  more: Partial<StatFigure> = {},
): StatFigure => ({
  regionCode,
  industryCode,
  industryType: null,
  employment,
  establishments: null,
  output: null,
  ...more,
});

describe('percentile', () => {
  // Expected values printed by numpy 2.4: np.percentile(xs, p) with the default (linear) method.
  it.each([
    [
      [1, 2, 3, 4],
      [1, 1.3, 1.75, 2.5, 3.25, 3.7, 4],
    ],
    [
      [15, 20, 35, 40, 50],
      [15, 17, 20, 35, 40, 46, 50],
    ],
    [
      [3.5, -1, 10, 7, 7, 2.25],
      [-1, 0.625, 2.5625, 5.25, 7, 8.5, 10],
    ],
    [[5], [5, 5, 5, 5, 5, 5, 5]],
    [
      [0.5, 0.25],
      [0.25, 0.275, 0.3125, 0.375, 0.4375, 0.475, 0.5],
    ],
  ])('matches numpy for %j', (values, expected) => {
    const got = [0, 10, 25, 50, 75, 90, 100].map((p) => percentile(values, p));
    // numpy prints the shortest repr of the same doubles, so equality is exact.
    expect(got).toEqual(expected);
  });

  it('is null for no values and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('locationQuotientTable', () => {
  const figures = [
    figure('A', 'x', 30, { industryType: 'traded' }),
    figure('A', 'y', 10, { industryType: 'traded' }),
    figure('A', 'z', 60, { industryType: 'local' }),
    figure('B', 'x', 10, { industryType: 'traded' }),
    figure('B', 'y', 90, { industryType: 'traded' }),
    figure('B', 'z', 100, { industryType: 'local' }),
  ];

  it('divides by all industries of the region with the total denominator', () => {
    const rows = locationQuotientTable(figures, { denominator: 'total', measure: 'employment' });
    const ax = rows.find((r) => r.regionCode === 'A' && r.industryCode === 'x');
    // A: 30 of 100; all regions: 40 of 300. LQ = 0.3 / (40/300) = 2.25
    expect(ax).toMatchObject({ value: 30, regionShare: 0.3 });
    expect(ax?.nationalShare).toBeCloseTo(40 / 300, 15);
    expect(ax?.lq).toBeCloseTo(2.25, 12);
  });

  it('divides by the industries of the same type with the same-type denominator', () => {
    const rows = locationQuotientTable(figures, {
      denominator: 'same-type',
      measure: 'employment',
    });
    const ax = rows.find((r) => r.regionCode === 'A' && r.industryCode === 'x');
    // A traded: 30 of 40; all traded: 40 of 140. LQ = 0.75 / (40/140) = 2.625
    expect(ax?.lq).toBeCloseTo(2.625, 12);
    const bz = rows.find((r) => r.regionCode === 'B' && r.industryCode === 'z');
    // Local: B 100 of 100; all 160 of 160.
    expect(bz?.lq).toBeCloseTo(1, 12);
  });

  it('compares with a named benchmark region, which it leaves out of the table', () => {
    const rows = locationQuotientTable(figures, {
      denominator: 'total',
      measure: 'employment',
      benchmarkRegion: 'B',
    });
    expect(new Set(rows.map((r) => r.regionCode))).toEqual(new Set(['A']));
    // A: 30/100 vs B: 10/200.
    expect(rows.find((r) => r.industryCode === 'x')?.lq).toBeCloseTo(6, 12);
  });

  it('uses output as the measure and skips regions without a figure', () => {
    const rows = locationQuotientTable(
      [
        figure('A', 'x', 1, { output: 50 }),
        figure('A', 'y', 1, { output: 50 }),
        figure('B', 'x', 1, { output: null }),
        figure('B', 'y', 1, { output: 100 }),
      ],
      { denominator: 'total', measure: 'output' },
    );
    expect(rows.map((r) => `${r.regionCode}${r.industryCode}`)).toEqual(['Ax', 'Ay', 'By']);
    expect(rows[0]?.lq).toBeCloseTo(0.5 / (50 / 200), 12);
  });

  it('gives a null LQ, not Infinity, when the benchmark has none of the industry', () => {
    const rows = locationQuotientTable([figure('A', 'x', 5), figure('N', 'y', 10)], {
      denominator: 'total',
      measure: 'employment',
      benchmarkRegion: 'N',
    });
    expect(rows).toEqual([expect.objectContaining({ lq: null, strong: false })]);
  });

  it('flags strong clusters by the US Cluster Mapping rule', () => {
    // One traded industry "c" across 8 regions plus a filler industry "f" that sets region size.
    const sizes: [string, number, number][] = [
      // region, employment in c, establishments in c
      ['r1', 0, 0],
      ['r2', 10, 1],
      ['r3', 20, 2],
      ['r4', 40, 4],
      ['r5', 80, 8],
      ['r6', 160, 3],
      ['r7', 320, 32],
      ['r8', 300, 30],
    ];
    const all = sizes.flatMap(([region, employment, establishments]) => [
      figure(region, 'c', employment, { establishments, industryType: 'traded' }),
      figure(region, 'f', 1000, { establishments: 100, industryType: 'traded' }),
    ]);
    const rows = locationQuotientTable(all, { denominator: 'total', measure: 'employment' });
    const c = rows.filter((r) => r.industryCode === 'c');
    const lqs = c.filter((r) => r.value > 0).map((r) => r.lq ?? 0);
    const lq75 = percentile(lqs, 75) ?? 0;
    // The 75th percentile of the 7 positive LQs lies between r6's and r8's.
    expect(lq75).toBeGreaterThan(c.find((r) => r.regionCode === 'r6')?.lq ?? 0);
    const strong = c.filter((r) => r.strong).map((r) => r.regionCode);
    // r7 and r8 clear the LQ bar; r1 (no employment) is not ranked at all.
    expect(strong).toEqual(['r7', 'r8']);
    expect(c.filter((r) => r.strong10).map((r) => r.regionCode)).toEqual(['r7']);
  });

  it('requires employment and establishments above their 25th percentiles', () => {
    const all = [
      ['a', 200, 1],
      ['b', 200, 20],
      ['c', 100, 10],
      ['d', 100, 10],
      ['e', 50, 10],
    ].flatMap(([region, employment, establishments]) => [
      figure(String(region), 'c', Number(employment), { establishments: Number(establishments) }),
      figure(String(region), 'f', 1000, { establishments: 10 }),
    ]);
    const rows = locationQuotientTable(all, { denominator: 'total', measure: 'employment' });
    // a and b share the top LQ (the 75th percentile, about 1.45) and employment above its 25th
    // percentile (100); a has 1 establishment against a 25th percentile of 10, so only b is strong.
    expect(rows.filter((r) => r.strong).map((r) => r.regionCode)).toEqual(['b']);
  });
});

describe('clusterStrength', () => {
  it('is the share of traded employment in strong traded clusters', () => {
    const rows = clusterStrength([
      lqRow('A', 'x', 30, 'traded', true),
      lqRow('A', 'y', 10, 'traded', false),
      lqRow('A', 'z', 60, 'local', true),
      lqRow('B', 'x', 10, 'traded', false),
      lqRow('C', 'z', 10, 'local', false),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        regionCode: 'A',
        tradedEmployment: 40,
        strongEmployment: 30,
        strongClusters: 1,
        strength: 0.75,
      }),
      expect.objectContaining({ regionCode: 'B', strength: 0 }),
      expect.objectContaining({ regionCode: 'C', tradedEmployment: 0, strength: null }),
    ]);
  });
});

function lqRow(
  regionCode: string,
  industryCode: string,
  value: number,
  industryType: string,
  strong: boolean,
) {
  return {
    regionCode,
    industryCode,
    industryType,
    value,
    lq: 1,
    regionShare: null,
    nationalShare: null,
    strong,
    strong10: false,
  };
}

describe('shiftShare', () => {
  // National economy grows 100 → 125 (gN = 0.25); industry x grows 40 → 60 (gi = 0.5), y 60 → 65.
  const base = [
    figure('A', 'x', 8),
    figure('A', 'y', 32),
    figure('B', 'x', 32),
    figure('B', 'y', 28),
  ];
  const end = [
    figure('A', 'x', 14),
    figure('A', 'y', 36),
    figure('B', 'x', 46),
    figure('B', 'y', 29),
  ];

  it('splits each change into national share, industry mix and regional share', () => {
    const rows = shiftShare(base, end, { measure: 'employment' });
    const ax = rows.find((r) => r.regionCode === 'A' && r.industryCode === 'x');
    // E0 = 8, gN = 0.25, gi = 0.5, gir = 0.75: 2 + 2 + 2 = 6
    expect(ax).toEqual({ regionCode: 'A', industryCode: 'x', ...TOY_SHIFT_SHARE_A_X });
    const ay = rows.find((r) => r.regionCode === 'A' && r.industryCode === 'y');
    // E0 = 32, gi = 5/60: national 8, mix 32·(1/12 − 1/4) = −16/3, regional 4 − 8 + 16/3
    expect(ay?.nationalShare).toBe(8);
    expect(ay?.industryMix).toBeCloseTo(-16 / 3, 12);
    expect(ay?.regionalShare).toBeCloseTo(4 / 3, 12);
    for (const row of rows) {
      expect(row.nationalShare + row.industryMix + row.regionalShare).toBe(row.change);
      const gir = (row.end - row.base) / row.base;
      const gi = row.industryCode === 'x' ? 0.5 : 5 / 60;
      expect(row.regionalShare).toBeCloseTo(row.base * (gir - gi), 10);
    }
  });

  it('sums exactly to the change on awkward numbers too', () => {
    const from = [figure('A', 'x', 1234.5), figure('A', 'y', 77), figure('B', 'x', 0.3)];
    const to = [figure('A', 'x', 999.9), figure('A', 'y', 101.1), figure('B', 'x', 7.7)];
    for (const row of shiftShare(from, to, { measure: 'employment' }))
      expect(row.nationalShare + row.industryMix + row.regionalShare).toBe(row.change);
  });

  it('gives all of a new industry to the regional share, and totals per region', () => {
    const rows = shiftShare(base, [...end, figure('A', 'n', 5)], { measure: 'employment' });
    expect(rows.find((r) => r.industryCode === 'n')).toMatchObject({
      base: 0,
      change: 5,
      nationalShare: 0,
      industryMix: 0,
      regionalShare: 5,
    });
    const [a] = shiftShareTotals(rows);
    expect(a).toMatchObject({ regionCode: 'A', base: 40, end: 55, change: 15 });
    expect((a?.nationalShare ?? 0) + (a?.industryMix ?? 0) + (a?.regionalShare ?? 0)).toBeCloseTo(
      15,
      12,
    );
  });

  it('takes national growth from a named benchmark region', () => {
    const rows = shiftShare(
      [figure('A', 'x', 10), figure('N', 'x', 100), figure('N', 'y', 100)],
      [figure('A', 'x', 20), figure('N', 'x', 150), figure('N', 'y', 100)],
      { measure: 'employment', benchmarkRegion: 'N' },
    );
    expect(rows).toEqual([
      {
        regionCode: 'A',
        industryCode: 'x',
        base: 10,
        end: 20,
        change: 10,
        nationalShare: 2.5,
        industryMix: 2.5,
        regionalShare: 5,
      },
    ]);
  });
});

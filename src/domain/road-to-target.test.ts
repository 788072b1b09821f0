import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_PROBABILITIES } from '../shared/api/projects.ts';
import {
  computeRoad,
  trendGrowth,
  type RoadInput,
  type RoadProjectInput,
} from './road-to-target.ts';

const actual = new Map([
  [
    2022,
    new Map([
      ['a', 80],
      ['b', 20],
    ]),
  ],
  [
    2023,
    new Map([
      ['a', 90],
      ['b', 20],
    ]),
  ],
  [
    2024,
    new Map([
      ['a', 100],
      ['b', 21],
    ]),
  ],
]);

const project = (p: Partial<RoadProjectInput> & { id: number }): RoadProjectInput => ({
  name: `p${p.id}`,
  nodeCode: 'b',
  stage: 'lead',
  status: 'active',
  expectedOutputYuan: 10,
  outputStartYear: 2025,
  ...p,
});

function input(overrides: Partial<RoadInput> = {}): RoadInput {
  return {
    actual,
    targets: [
      { year: 2026, nodeCode: null, valueYuan: 200 },
      { year: 2026, nodeCode: 'b', valueYuan: 40 },
    ],
    projects: [
      project({ id: 1, stage: 'negotiating', expectedOutputYuan: 20, outputStartYear: 2025 }),
      project({ id: 2, stage: 'signed', expectedOutputYuan: 10, outputStartYear: 2026 }),
      project({
        id: 3,
        stage: 'started',
        expectedOutputYuan: 100,
        outputStartYear: 2026,
        status: 'dropped',
      }),
      project({ id: 4, stage: 'producing', expectedOutputYuan: 5, outputStartYear: 2023 }),
    ],
    probabilities: DEFAULT_STAGE_PROBABILITIES,
    exclude: [],
    include: [],
    baseline: 'flat',
    nodeCodes: ['a', 'b'],
    ...overrides,
  };
}

describe('the road to the target', () => {
  it('adds the pipeline weighted by stage probability after the latest record only', () => {
    const road = computeRoad(input());
    expect(road.latestActualYear).toBe(2024);
    expect(road.targetYear).toBe(2026);
    expect(road.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    const byYear = new Map(road.years.map((y) => [y.year, y]));
    expect(byYear.get(2024)).toMatchObject({
      actualYuan: 121,
      pipelineYuan: 0,
      projectedYuan: 121,
    });
    // 2025: negotiating 20 × 0.3; the project producing since 2023 is in the record already.
    expect(byYear.get(2025)?.pipelineYuan).toBeCloseTo(6, 10);
    expect(byYear.get(2025)?.pipelineByStage).toMatchObject({ negotiating: 6, producing: 0 });
    expect(road.projects.find((p) => p.id === 4)).toMatchObject({
      alreadyRecorded: true,
      counted: false,
    });
    // 2026 adds signed 10 × 0.6; the dropped project counts nothing.
    const y2026 = byYear.get(2026);
    expect(y2026?.pipelineYuan).toBeCloseTo(6 + 6, 10);
    expect(y2026?.baselineYuan).toBe(121);
    expect(y2026?.projectedYuan).toBeCloseTo(121 + 12, 10);
    expect(y2026?.targetYuan).toBe(200);
    expect(y2026?.shortfallYuan).toBeCloseTo(200 - 133, 10);
  });

  it('counts a producing project whose output starts after the record', () => {
    const road = computeRoad(
      input({ projects: [project({ id: 5, stage: 'producing', expectedOutputYuan: 7 })] }),
    );
    expect(road.years.find((y) => y.year === 2025)?.pipelineByStage.producing).toBe(7);
  });

  it('leaves excluded projects out and counts included dropped ones (what-if)', () => {
    const road = computeRoad(input({ exclude: [1], include: [3] }));
    const y2026 = road.years.find((y) => y.year === 2026);
    // signed 6 + the dropped started one 100 × 0.85.
    expect(y2026?.pipelineYuan).toBeCloseTo(6 + 85, 10);
    expect(road.projects.find((p) => p.id === 1)?.counted).toBe(false);
    expect(road.projects.find((p) => p.id === 3)?.counted).toBe(true);
  });

  it('grows the baseline by the recent trend when asked', () => {
    const road = computeRoad(input({ baseline: 'trend' }));
    const rate = Math.pow(121 / 100, 1 / 2) - 1;
    expect(road.trendGrowth).toBeCloseTo(rate, 12);
    const y2026 = road.years.find((y) => y.year === 2026);
    expect(y2026?.baselineYuan).toBeCloseTo(121 * (1 + rate) ** 2, 8);
  });

  it('gives the gap by node at the target year', () => {
    const road = computeRoad(input());
    const b = road.nodes.find((n) => n.code === 'b');
    // node b: 21 recorded + pipeline on b by 2026 (6 + 6).
    expect(b).toMatchObject({ actualYuan: 21, targetYuan: 40 });
    expect(b?.pipelineYuan).toBeCloseTo(12, 10);
    expect(b?.shortfallYuan).toBeCloseTo(40 - 33, 10);
    expect(road.nodes.find((n) => n.code === 'a')?.gapYuan).toBeNull();
  });

  it('runs on to the last counted start year when that is after the target', () => {
    const road = computeRoad(
      input({ projects: [project({ id: 9, stage: 'signed', outputStartYear: 2028 })] }),
    );
    expect(road.years.at(-1)?.year).toBe(2028);
    expect(road.years.at(-1)?.pipelineYuan).toBeCloseTo(6, 10);
    expect(road.years.at(-1)?.targetYuan).toBeNull();
  });

  it('computes the trend over at most the last three years', () => {
    const series = new Map([
      [2019, 10],
      [2021, 50],
      [2024, 100],
    ]);
    expect(trendGrowth(series)).toBeCloseTo(Math.pow(100 / 50, 1 / 3) - 1, 12);
    expect(trendGrowth(new Map([[2024, 5]]))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_WEIGHTS,
  latestFigure,
  rankCandidates,
  recentGrowth,
  scoreCandidate,
  type CandidateFacts,
  type NodeLinks,
} from './candidate-ranking.ts';

const BLOOD: NodeLinks = {
  code: 'biomed.mid.blood',
  name: { zh: '血液制品', en: 'Blood products' },
  suppliers: [
    {
      code: 'biomed.up.reagent',
      name: { zh: '生物试剂与培养基', en: 'Reagents' },
      localEnterprises: 60,
    },
    {
      code: 'biomed.up.equipment',
      name: { zh: '制药与实验设备', en: 'Equipment' },
      localEnterprises: 0,
    },
  ],
  customers: [
    {
      code: 'biomed.down.distribution',
      name: { zh: '医药流通', en: 'Distribution' },
      localEnterprises: 80,
    },
    {
      code: 'biomed.down.medical',
      name: { zh: '医疗服务', en: 'Medical services' },
      localEnterprises: 0,
    },
  ],
};

function firm(overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    enterpriseId: 1,
    name: '天津测试血液制品有限公司',
    regionCode: '120111',
    nodeCode: 'biomed.mid.blood',
    decision: 'confirmed',
    classificationScore: 0.6,
    primary: true,
    tags: [],
    years: [
      { year: 2021, outputYuan: 1e9, revenueYuan: 1.1e9 },
      { year: 2024, outputYuan: 1.331e9, revenueYuan: 1.4e9 },
    ],
    ...overrides,
  };
}

describe('candidate scoring', () => {
  it('weights sum to 1 so scores run 0 to 100', () => {
    const sum = Object.values(CANDIDATE_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
  });

  it('computes each component exactly and the score as the sum of their points', () => {
    const scored = scoreCandidate(firm({ tags: ['listed', 'high_tech'] }), BLOOD);
    const by = Object.fromEntries(scored.components.map((c) => [c.key, c]));
    // fit: confirmed 0.5 + 0.5 × 0.6 = 0.8, main business.
    expect(by.fit?.value).toBeCloseTo(0.8, 6);
    // size: (log10(1.331e9) − 7) / 3.
    expect(by.size?.value).toBeCloseTo((Math.log10(1.331e9) - 7) / 3, 4);
    // growth: 1.331e9 / 1e9 over 3 years is 10% a year → (0.10 + 0.10) / 0.40 = 0.5.
    expect(by.growth?.value).toBeCloseTo(0.5, 4);
    // innovation: listed 0.4 + high-tech 0.3.
    expect(by.innovation?.value).toBeCloseTo(0.7, 6);
    // links: 2 of 4 neighbouring nodes have local enterprises.
    expect(by.links?.value).toBeCloseTo(0.5, 6);
    const points = scored.components.reduce((s, c) => s + c.points, 0);
    expect(scored.score).toBeCloseTo(points, 2);
    for (const c of scored.components) expect(c.points).toBeCloseTo(c.value * c.weight * 100, 2);
  });

  it('explains every component in Chinese and English', () => {
    const scored = scoreCandidate(firm({ tags: ['specialized_new'] }), BLOOD);
    const reasons = Object.fromEntries(scored.components.map((c) => [c.key, c.reason]));
    expect(reasons.fit).toEqual({
      zh: '已确认属于血液制品（主营，分类得分 0.60）',
      en: 'confirmed on Blood products (main business, classification score 0.60)',
    });
    expect(reasons.size?.zh).toBe('2024 年产值 13.3 亿元');
    expect(reasons.size?.en).toBe('output 1.3 bn yuan in 2024');
    expect(reasons.growth?.zh).toBe('2021–2024 年均增长 10.0%');
    expect(reasons.innovation).toEqual({ zh: '专精特新', en: 'specialized-and-new' });
    expect(reasons.links?.zh).toBe(
      '本地已有上游 生物试剂与培养基（60 家）；下游 医药流通（80 家）',
    );
    expect(reasons.links?.en).toBe('local suppliers Reagents (60); customers Distribution (80)');
  });

  it('ranks an uncertain or side-line placement below a confirmed main business', () => {
    const confirmed = scoreCandidate(firm(), BLOOD).components[0]?.value ?? 0;
    const sideLine = scoreCandidate(firm({ primary: false }), BLOOD).components[0]?.value ?? 0;
    const uncertain =
      scoreCandidate(firm({ decision: 'uncertain' }), BLOOD).components[0]?.value ?? 0;
    expect(confirmed).toBeGreaterThan(sideLine);
    expect(sideLine).toBeCloseTo(0.64, 6);
    expect(uncertain).toBeCloseTo(0.3, 6);
  });

  it('treats missing figures as no size and flat growth, and says so', () => {
    const scored = scoreCandidate(firm({ years: [] }), BLOOD);
    const by = Object.fromEntries(scored.components.map((c) => [c.key, c]));
    expect(by.size?.value).toBe(0);
    expect(by.size?.reason.en).toBe('no output or revenue figures');
    expect(by.growth?.value).toBeCloseTo(0.25, 6);
    expect(scored.latestOutputYuan).toBeNull();
  });

  it('falls back to revenue when a year has no output', () => {
    const years = [
      { year: 2023, outputYuan: null, revenueYuan: 2e8 },
      { year: 2024, outputYuan: null, revenueYuan: 2.4e8 },
    ];
    expect(latestFigure(years)).toEqual({ year: 2024, yuan: 2.4e8, measure: 'revenue' });
    expect(recentGrowth(years)?.rate).toBeCloseTo(0.2, 10);
  });

  it('clamps size and growth to 0–1', () => {
    const huge = firm({
      years: [
        { year: 2023, outputYuan: 1e11, revenueYuan: null },
        { year: 2024, outputYuan: 3e11, revenueYuan: null },
      ],
    });
    const by = Object.fromEntries(scoreCandidate(huge, BLOOD).components.map((c) => [c.key, c]));
    expect(by.size?.value).toBe(1);
    expect(by.growth?.value).toBe(1);
  });
});

describe('candidate ranking', () => {
  const VET: NodeLinks = { ...BLOOD, code: 'biomed.mid.vet', name: { zh: '兽用药品', en: 'Vet' } };
  const nodes = new Map([
    [BLOOD.code, BLOOD],
    [VET.code, VET],
  ]);

  it('keeps the best `top` per node, in node order, best first, ranks from 1', () => {
    const candidates = [
      firm({ enterpriseId: 1, classificationScore: 0.4 }),
      firm({ enterpriseId: 2, classificationScore: 0.9 }),
      firm({ enterpriseId: 3, classificationScore: 0.7 }),
      firm({ enterpriseId: 4, nodeCode: VET.code }),
      firm({ enterpriseId: 5, nodeCode: 'biomed.other' }),
    ];
    const ranked = rankCandidates(candidates, nodes, 2);
    expect(ranked.map((c) => [c.facts.enterpriseId, c.node.code, c.rank])).toEqual([
      [2, BLOOD.code, 1],
      [3, BLOOD.code, 2],
      [4, VET.code, 1],
    ]);
  });

  it('breaks ties by size, then by id, the same on every run', () => {
    const small = firm({
      enterpriseId: 9,
      years: [{ year: 2024, outputYuan: 5e7, revenueYuan: null }],
    });
    const twin = firm({
      enterpriseId: 7,
      years: [{ year: 2024, outputYuan: 5e7, revenueYuan: null }],
    });
    const ranked = rankCandidates([small, twin], nodes, 10);
    expect(ranked.map((c) => c.facts.enterpriseId)).toEqual([7, 9]);
  });
});

import { describe, expect, it } from 'vitest';
import { matchSpace, suggestUnits, type MatchPark, type MatchUnit } from './space-matching.ts';

let nextId = 1;
const unit = (
  kind: MatchUnit['kind'],
  freeM2: number,
  availableFrom: string | null = null,
): MatchUnit => ({
  spaceId: nextId++,
  code: `U${nextId}`,
  building: null,
  floor: 1,
  kind,
  freeM2,
  availableFrom,
  rentYuanPerM2Month: 50,
});

describe('unit suggestions', () => {
  it('takes the smallest single unit that covers the need', () => {
    const units = [unit('wet_lab', 5000), unit('wet_lab', 2100), unit('wet_lab', 1500)];
    expect(suggestUnits(units, 2000).map((u) => u.freeM2)).toEqual([2100]);
  });

  it('takes the largest units first when no single one covers it', () => {
    const units = [unit('wet_lab', 800), unit('wet_lab', 1200), unit('wet_lab', 1000)];
    expect(suggestUnits(units, 2000).map((u) => u.freeM2)).toEqual([1200, 1000]);
  });
});

describe('matching space to parks', () => {
  const parks: MatchPark[] = [
    {
      id: 1,
      name: 'Focus park, short of space',
      nameEn: null,
      focusNodeCodes: ['biomed.mid.blood'],
      units: [unit('gmp_plant', 3000)],
    },
    {
      id: 2,
      name: 'Roomy park, other focus',
      nameEn: null,
      focusNodeCodes: ['biomed.mid.device'],
      units: [unit('gmp_plant', 9000), unit('office', 2000)],
    },
    {
      id: 3,
      name: 'Space only later',
      nameEn: null,
      focusNodeCodes: ['biomed.mid.blood'],
      units: [unit('gmp_plant', 20000, '2027-01-01')],
    },
  ];
  const need = {
    need: [
      { kind: 'gmp_plant' as const, areaM2: 8000 },
      { kind: 'office' as const, areaM2: 1000 },
    ],
    neededFrom: '2026-06-01',
    nodeCode: 'biomed.mid.blood',
  };

  it('ranks by coverage, focus and compactness, leaving out parks with nothing in time', () => {
    const matches = matchSpace(need, parks);
    expect(matches.map((m) => m.parkId)).toEqual([2, 1]);
    const [roomy, focus] = matches;
    expect(roomy).toMatchObject({ coversNeed: true, focusNode: false });
    // coverage 1 × 60 + focus 0 + compactness (2 kinds / 2 units) × 15.
    expect(roomy?.score).toBe(75);
    // coverage (3000/8000 + 0) / 2 × 60 + focus 25 + (1 kind served / 1 unit) × 15.
    expect(focus).toMatchObject({ coversNeed: false, focusNode: true });
    expect(focus?.score).toBeCloseTo(((3000 / 8000 + 0) / 2) * 60 + 25 + 15, 2);
    expect(roomy?.reasons[0]).toEqual({
      zh: 'GMP 厂房：需 8,000 m²，按期可用 9,000 m²（1 个单元即可）',
      en: 'GMP plant: needs 8,000 m², 9,000 m² free in time (1 unit suffice)',
    });
  });

  it('counts space available later when the need is later', () => {
    const later = matchSpace({ ...need, neededFrom: '2027-06-01' }, parks);
    expect(later.map((m) => m.parkId)).toContain(3);
  });
});

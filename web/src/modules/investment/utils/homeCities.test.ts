import { describe, expect, it } from 'vitest';
import { homeCities } from './homeCities.ts';

const at = (enterpriseId: number, ...steps: [string, string][]) => ({
  enterpriseId,
  regionPath: steps.map(([code, name]) => ({ code, name })),
});

describe('homeCities', () => {
  it('counts each enterprise once by province and city, a municipality as its own city', () => {
    const js: [string, string] = ['32', '江苏省'];
    const sz: [string, string] = ['3205', '苏州市'];
    expect(
      homeCities([
        at(1, js, sz, ['320506', '吴中区']),
        at(2, js, sz, ['320583', '昆山市']),
        at(1, js, sz, ['320506', '吴中区']),
        at(3, ['11', '北京市'], ['110108', '海淀区']),
      ]),
    ).toEqual([
      { province: '江苏省', city: '苏州市', count: 2 },
      { province: '北京市', city: '北京市', count: 1 },
    ]);
  });
});

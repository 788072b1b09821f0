import { describe, expect, it } from 'vitest';
import { locationQuotient } from './location-quotient.js';

describe('locationQuotient', () => {
  it('divides the regional share by the benchmark share', () => {
    // 20 of 100 jobs locally, 50 of 1,000 nationally: 0.2 / 0.05 = 4
    expect(
      locationQuotient({
        regionValue: 20,
        regionTotal: 100,
        benchmarkValue: 50,
        benchmarkTotal: 1000,
      }),
    ).toBeCloseTo(4, 12);
  });

  it('is null rather than infinite when a share is undefined', () => {
    expect(
      locationQuotient({
        regionValue: 5,
        regionTotal: 100,
        benchmarkValue: 0,
        benchmarkTotal: 1000,
      }),
    ).toBeNull();
    expect(
      locationQuotient({ regionValue: 0, regionTotal: 0, benchmarkValue: 5, benchmarkTotal: 1000 }),
    ).toBeNull();
  });
});

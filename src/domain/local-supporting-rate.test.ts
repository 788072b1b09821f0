import { describe, expect, it } from 'vitest';
import { averageLocalSupportingRate, localSupportingRate } from './local-supporting-rate.ts';

describe('the local supporting rate (本地配套率)', () => {
  it('counts local links among all, and local amounts among the known amounts only', () => {
    const rate = localSupportingRate([
      { local: true, amountYuan: 3e6 },
      { local: true, amountYuan: null },
      { local: false, amountYuan: 1e6 },
      { local: false, amountYuan: null },
    ]);
    expect(rate).toEqual({
      total: 4,
      local: 2,
      byCount: 0.5,
      withAmount: 2,
      amountYuan: 4e6,
      localAmountYuan: 3e6,
      byAmount: 0.75,
    });
  });

  it('has no rate without links, and none by amount without amounts', () => {
    expect(localSupportingRate([]).byCount).toBeNull();
    expect(localSupportingRate([{ local: true, amountYuan: null }]).byAmount).toBeNull();
  });

  it('averages over the masters that have a rate', () => {
    const a = localSupportingRate([{ local: true, amountYuan: 1 }]);
    const b = localSupportingRate([
      { local: false, amountYuan: null },
      { local: true, amountYuan: null },
    ]);
    const none = localSupportingRate([]);
    expect(averageLocalSupportingRate([a, b, none])).toEqual({
      masters: 2,
      byCount: 0.75,
      byAmount: 1,
    });
  });
});

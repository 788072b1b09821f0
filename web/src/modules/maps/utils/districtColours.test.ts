import { describe, expect, it } from 'vitest';
import { DISTRICT_EMPTY, DISTRICT_STEPS, districtColours } from './districtColours.ts';

describe('districtColours', () => {
  it('gives the largest the darkest step, a small one a light step, none the empty colour', () => {
    const colours = districtColours([
      { code: 'a', value: 100 },
      { code: 'b', value: 10 },
      { code: 'c', value: 0 },
      { code: 'd', value: null },
    ]);
    expect([...colours.values()]).toEqual([
      DISTRICT_STEPS[4],
      DISTRICT_STEPS[0],
      DISTRICT_EMPTY,
      DISTRICT_EMPTY,
    ]);
  });

  it('colours nothing when every value is empty', () => {
    expect([...districtColours([{ code: 'a', value: 0 }]).values()]).toEqual([DISTRICT_EMPTY]);
  });
});

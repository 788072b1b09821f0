import { describe, expect, it } from 'vitest';
import { GBT4754_2017_NAMES } from './gbt4754-2017.gen.ts';
import { gbt4754Name, isGbt4754Scheme } from './industry-names.ts';

describe('GB/T 4754-2017 names', () => {
  it('names every level of the standard and nothing else', () => {
    expect(gbt4754Name('C')).toBe('制造业');
    expect(gbt4754Name('27')).toBe('医药制造业');
    expect(gbt4754Name('276')).toBe('生物药品制品制造');
    expect(gbt4754Name('2761')).toBe('生物药品制造');
    expect(gbt4754Name('3741')).toBe('飞机制造');
    expect(gbt4754Name('2760')).toBeNull(); // a 2011 code, split in 2017
    expect(gbt4754Name('x')).toBeNull();
  });

  it('holds the counts the standard publishes: 20 sections, 97 divisions, 473 groups, 1381 classes', () => {
    const lengths = GBT4754_2017_NAMES.map(([code]) => (/^[A-T]$/.test(code) ? 1 : code.length));
    expect([1, 2, 3, 4].map((n) => lengths.filter((l) => l === n).length)).toEqual([
      20, 97, 473, 1381,
    ]);
  });

  it('recognises the spellings of the scheme', () => {
    expect(['gbt4754', 'GBT4754-2017', 'GB/T 4754'].every(isGbt4754Scheme)).toBe(true);
    expect(isGbt4754Scheme('naics')).toBe(false);
  });
});

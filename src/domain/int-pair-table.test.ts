import { describe, expect, it } from 'vitest';
import { IntPairTable } from './int-pair-table.ts';

describe('IntPairTable', () => {
  it('finds every pair it holds, the later value of a pair set twice, and -1 for the rest', () => {
    const table = new IntPairTable(3_000);
    // Pairs that share a first or a second number, so that probing sequences cross.
    for (let a = 1; a <= 50; a++) for (let b = 0; b < 50; b++) table.set(a, b * 977, a * 100 + b);
    table.set(7, 7 * 977, 0);
    expect(table.get(7, 7 * 977)).toBe(0);
    expect(table.get(50, 49 * 977)).toBe(5_049);
    expect(table.get(1, 0)).toBe(100);
    expect(table.get(51, 0)).toBe(-1);
    expect(table.get(1, 1)).toBe(-1);
    expect(table.get(0, 0)).toBe(-1);
    let found = 0;
    for (let a = 1; a <= 50; a++)
      for (let b = 0; b < 50; b++) if (table.get(a, b * 977) >= 0) found++;
    expect(found).toBe(2_500);
  });

  it('tells pairs apart that share their first number when the table is full to half', () => {
    const table = new IntPairTable(64);
    for (let b = 0; b < 64; b++) table.set(9, b, b + 1);
    expect(Array.from({ length: 64 }, (_, b) => table.get(9, b))).toEqual(
      Array.from({ length: 64 }, (_, b) => b + 1),
    );
    expect(table.get(9, 64)).toBe(-1);
  });
});

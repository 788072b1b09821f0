import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.ts';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws log-normals around the median', () => {
    const random = new SeededRandom(7);
    const draws = Array.from({ length: 4001 }, () => random.logNormal(100, 2)).sort(
      (x, y) => x - y,
    );
    expect(draws[2000]).toBeGreaterThan(90);
    expect(draws[2000]).toBeLessThan(110);
  });
});

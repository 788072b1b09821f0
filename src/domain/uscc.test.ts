import { describe, expect, it } from 'vitest';
import { buildUscc, isValidUscc, orgCodeCheckCharacter, usccProblem } from './uscc.ts';

// USCCs printed on real business licences (public registry records).
const PUBLISHED = [
  '91440300708461136T',
  '914403001922038216',
  '91330100799655058B',
  '91350100M000100Y43',
];

describe('USCC check character (GB 32100-2015)', () => {
  it('accepts codes published on real licences', () => {
    for (const code of PUBLISHED) expect(usccProblem(code), code).toBeNull();
  });

  it('rejects any single changed character of a valid code', () => {
    const code = '91440300708461136T';
    for (let i = 0; i < code.length; i++) {
      const replacement = code[i] === '1' ? '2' : '1';
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(isValidUscc(changed), changed).toBe(false);
    }
  });

  it('says why a code is invalid', () => {
    expect(usccProblem('9144030070846113')).toBe('length');
    expect(usccProblem('91440300708461136I')).toBe('character');
    expect(usccProblem('91440300708461136A')).toBe('check');
  });

  it('builds valid codes with a valid organisation code inside', () => {
    const code = buildUscc('320214', 'MA1XYW12');
    expect(code).toHaveLength(18);
    expect(code.slice(2, 8)).toBe('320214');
    expect(isValidUscc(code)).toBe(true);
    expect(code.charAt(16)).toBe(orgCodeCheckCharacter('MA1XYW12'));
  });

  it('refuses to build from characters a USCC cannot hold', () => {
    expect(() => buildUscc('320214', 'MA1XYZ12')).toThrow(/bad length or character/);
  });

  it('computes GB 11714 organisation code checks', () => {
    // 70846113-6 is the organisation code inside Tencent's USCC above.
    expect(orgCodeCheckCharacter('70846113')).toBe('6');
    expect(orgCodeCheckCharacter('19220382')).toBe('1');
  });
});

import { describe, expect, it } from 'vitest';
import { textCellProblem } from './cell-text.ts';

describe('textCellProblem', () => {
  it('passes text within the limit, and blank cells', () => {
    expect(textCellProblem('  培养基  ', 3)).toBeNull();
    expect(textCellProblem('', 3, { visible: true })).toBeNull();
  });

  it('refuses a NUL anywhere, showing it', () => {
    expect(textCellProblem('培养\u0000基', 200)).toEqual({
      value: '培养␀基',
      reason: 'contains the NUL character; remove it',
      code: 'TEXT_HAS_NUL',
    });
  });

  it('refuses text past the limit, cut for the report', () => {
    const problem = textCellProblem('药'.repeat(201), 200);
    expect(problem).toMatchObject({ code: 'TEXT_TOO_LONG', params: { max: 200 } });
    expect(problem?.value).toBe(`${'药'.repeat(50)}…`);
  });

  it('refuses invisible-only text where a name is wanted, and only there', () => {
    expect(textCellProblem('\u200b\u200e', 200, { visible: true })?.code).toBe('TEXT_INVISIBLE');
    expect(textCellProblem('\u200b\u200e', 200)).toBeNull();
  });
});

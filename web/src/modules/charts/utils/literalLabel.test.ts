import { describe, expect, it } from 'vitest';
import { literalLabel } from './literalLabel.ts';

describe('literalLabel', () => {
  it('gives ECharts a function, so template marks in a name are shown as written', () => {
    const formatter = literalLabel('{b} {c|x} <b>');
    expect(typeof formatter).toBe('function');
    expect(formatter()).toBe('{b} {c|x} <b>');
  });
});

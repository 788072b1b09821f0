import { describe, expect, it } from 'vitest';
import {
  figuresWinner,
  importMatchAction,
  importYearFigures,
  mergeYearFigures,
  mergedAliases,
  survivorOf,
} from './enterprise-merge.ts';

const at = (iso: string) => new Date(iso);

describe('the rules of putting two records of one enterprise together', () => {
  it('never lets a row without USCC rewrite a registered record', () => {
    const base = { recordUscc: null, existingUscc: '91320214MA1XYW12XU' };
    expect(importMatchAction({ ...base, how: 'fuzzy', sameName: false })).toBe('queue');
    expect(importMatchAction({ ...base, how: 'name', sameName: false })).toBe('queue');
    expect(importMatchAction({ ...base, how: 'name', sameName: true })).toBe('fill');
    expect(importMatchAction({ ...base, existingUscc: null, how: 'fuzzy', sameName: false })).toBe(
      'merge',
    );
    expect(
      importMatchAction({ ...base, recordUscc: base.existingUscc, how: 'uscc', sameName: false }),
    ).toBe('merge');
  });

  it('keeps the registered record, refuses two different USCCs, and lets it win the figures', () => {
    const registered = { id: 2, uscc: 'A', updatedAt: at('2024-01-01') };
    const loose = { id: 1, uscc: null, updatedAt: at('2025-01-01') };
    expect(survivorOf(loose, registered)).toBe('second');
    expect(survivorOf(registered, loose)).toBe('first');
    expect(survivorOf(registered, { ...loose, uscc: 'B' })).toBeNull();
    expect(figuresWinner(registered, loose)).toBe('kept');
    // Between records alike, the more recently updated one.
    expect(figuresWinner({ ...registered, uscc: null }, loose)).toBe('other');
  });

  it('keeps one figure per year and measure and returns every differing loser', () => {
    const { years, overridden } = mergeYearFigures(
      [{ year: 2024, outputYuan: 6.2e8 }],
      [
        { year: 2024, outputYuan: 1e7, employees: 40 },
        { year: 2023, revenueYuan: 5e6 },
      ],
      'kept',
    );
    expect(years).toEqual([
      expect.objectContaining({ year: 2023, revenueYuan: 5e6, outputYuan: null }),
      expect.objectContaining({ year: 2024, outputYuan: 6.2e8, employees: 40 }),
    ]);
    expect(overridden).toEqual([
      { year: 2024, measure: 'outputYuan', value: 1e7, keptValue: 6.2e8, from: 'other' },
    ]);
  });

  it('writes an import over a record or only fills it, keeping what loses', () => {
    const existing = { year: 2024, outputYuan: 6.2e8, revenueYuan: null };
    const incoming = { year: 2024, outputYuan: 1e7, revenueYuan: 3e6 };
    expect(importYearFigures(existing, incoming, false)).toEqual({
      set: { revenueYuan: 3e6 },
      overridden: [
        { year: 2024, measure: 'outputYuan', value: 1e7, keptValue: 6.2e8, from: 'other' },
      ],
    });
    expect(importYearFigures(existing, incoming, true)).toEqual({
      set: { outputYuan: 1e7, revenueYuan: 3e6 },
      overridden: [
        { year: 2024, measure: 'outputYuan', value: 6.2e8, keptValue: 1e7, from: 'kept' },
      ],
    });
  });

  it('answers to every name once, never its own', () => {
    expect(mergedAliases('甲有限公司', ['乙'], '甲有限公司', ' 丙 ', ['乙', ''])).toEqual([
      '乙',
      '丙',
    ]);
  });
});

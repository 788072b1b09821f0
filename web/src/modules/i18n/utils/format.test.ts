import {
  formatArea,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRatio,
  formatShare,
  formatYuan,
  moneyAxisUnit,
  moneyColumnFormat,
} from '@shared/format.ts';
import { describe, expect, it } from 'vitest';

// The web app formats through @shared/format.ts; these tests run in the web's own folder so the
// alias and the interface's locales ('zh-CN', 'en') are exercised as the components use them.
describe('formatYuan', () => {
  it('writes money one way per language', () => {
    expect(formatYuan(250_000_000_000, 'zh-CN')).toBe('2,500.0 亿元');
    expect(formatYuan(250_000_000_000, 'en')).toBe('250.0 bn yuan');
    expect(formatYuan(8_500_000, 'zh-CN')).toBe('850.0 万元');
    expect(formatYuan(8_500_000, 'en')).toBe('8.5 m yuan');
    expect(formatYuan(3_200, 'zh')).toBe('3,200 元');
    expect(formatYuan(3_200, 'en')).toBe('3,200 yuan');
  });

  it('handles zero, negatives, null and non-numbers', () => {
    expect(formatYuan(0, 'zh-CN')).toBe('0 元');
    expect(formatYuan(0, 'en')).toBe('0 yuan');
    expect(formatYuan(-29_059_000_000, 'zh-CN')).toBe('-290.6 亿元');
    expect(formatYuan(-29_059_000_000, 'en')).toBe('-29.1 bn yuan');
    expect(formatYuan(null, 'en')).toBe('—');
    expect(formatYuan(undefined, 'zh-CN')).toBe('—');
    expect(formatYuan(Number.NaN, 'zh-CN')).toBe('—');
  });

  it('chooses the unit on the rounded figure and keeps tiny and huge values readable', () => {
    expect(formatYuan(99_999_999, 'zh-CN')).toBe('1.0 亿元');
    expect(formatYuan(999_999_999, 'en')).toBe('1.0 bn yuan');
    expect(formatYuan(0.4, 'zh-CN')).toBe('0 元');
    expect(formatYuan(1e16, 'zh-CN')).toBe('100,000,000.0 亿元');
    expect(formatYuan(123_456_789, 'zh-CN', 2)).toBe('1.23 亿元');
  });
});

describe('moneyAxisUnit', () => {
  it('uses 万元 when a bar would round to nothing in 亿元', () => {
    expect(moneyAxisUnit([5e9, 3e6, null], 'zh-CN')).toEqual({ divisor: 1e4, label: '万元' });
    expect(moneyAxisUnit([5e9, 2e8], 'zh-CN')).toEqual({ divisor: 1e8, label: '亿元' });
    expect(moneyAxisUnit([5e9, 3e6], 'en')).toEqual({ divisor: 1e6, label: 'm yuan' });
    expect(moneyAxisUnit([], 'en')).toEqual({ divisor: 1e6, label: 'm yuan' });
  });
});

describe('moneyColumnFormat', () => {
  it('writes every cell of a column in one unit', () => {
    const column = moneyColumnFormat([7.2e8, 3e7, null], 'zh-CN');
    expect([column(7.2e8), column(3e7), column(null)]).toEqual(['7.2 亿元', '0.3 亿元', '—']);
    const small = moneyColumnFormat([7.2e8, 3e6], 'zh-CN');
    expect([small(7.2e8), small(3e6)]).toEqual(['72,000.0 万元', '300.0 万元']);
  });
});

describe('numbers, percentages and ratios', () => {
  it('groups thousands and never writes -0', () => {
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-1234.56, 1)).toBe('-1,234.6');
    expect(formatNumber(null)).toBe('—');
    expect(formatArea(12_000)).toBe('12,000 m²');
  });

  it('writes shares as percentages, signed on request', () => {
    expect(formatPercent(0.2011)).toBe('20.1%');
    expect(formatPercent(0.052, 1, true)).toBe('+5.2%');
    expect(formatPercent(-0.052, 1, true)).toBe('-5.2%');
    expect(formatPercent(0, 1, true)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(0.0014)).toBe('0.14%');
    expect(formatRatio(1.234)).toBe('1.23');
    expect(formatRatio(undefined)).toBe('—');
  });
});

describe('dates and times, always in Asia/Shanghai', () => {
  it('writes a date and a time in each language', () => {
    expect(formatDateTime('2026-12-02T03:29:20Z', 'zh-CN')).toBe('2026-12-02 11:29');
    expect(formatDateTime('2026-12-02T03:29:20Z', 'en')).toBe('2 Dec 2026 11:29');
    expect(formatDate('2026-12-02T03:29:20Z', 'zh-CN')).toBe('2026-12-02');
    expect(formatDate('2026-12-02T03:29:20Z', 'en')).toBe('2 Dec 2026');
  });

  it('crosses midnight by Shanghai time, not by the server or the browser', () => {
    // 17:30 UTC on 1 December is 01:30 on 2 December in Shanghai.
    expect(formatDateTime('2026-12-01T17:30:00Z', 'zh-CN')).toBe('2026-12-02 01:30');
    expect(formatDate('2026-12-01T17:30:00Z', 'en')).toBe('2 Dec 2026');
    // 15:59 UTC on 31 December is 23:59 in Shanghai; a minute later it is the new year.
    expect(formatDate(new Date('2026-12-31T15:59:00Z'), 'zh-CN')).toBe('2026-12-31');
    expect(formatDate(new Date('2026-12-31T16:00:00Z'), 'zh-CN')).toBe('2027-01-01');
  });

  it('takes a bare calendar date as is, whatever the zone', () => {
    expect(formatDate('2026-01-05', 'zh-CN')).toBe('2026-01-05');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
  });

  it('answers a dash for nothing and for nonsense', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('', 'en')).toBe('—');
    expect(formatDateTime('not a date', 'zh-CN')).toBe('—');
  });

  it('never writes a US date', () => {
    const text = formatDateTime(Date.UTC(2026, 11, 2, 3, 29), 'en');
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
  });
});

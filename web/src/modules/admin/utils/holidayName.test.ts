import { describe, expect, it } from 'vitest';
import { holidayName } from './holidayName.ts';

describe('holidayName', () => {
  it('gives the official holidays their English names in English only', () => {
    expect(holidayName('春节', 'en')).toBe('Spring Festival');
    expect(holidayName('清明', 'en')).toBe('Tomb-sweeping Day');
    expect(holidayName('春节', 'zh-CN')).toBe('春节');
    expect(holidayName('厂庆日', 'en')).toBe('厂庆日');
  });
});

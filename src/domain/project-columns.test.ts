import { describe, expect, it } from 'vitest';
import {
  formatSpaceNeed,
  mapProjectHeaders,
  parseProjectDate,
  parseProjectMoney,
  parseProjectYear,
  parseSpaceNeed,
  parseStage,
} from './project-columns.ts';

describe('project spreadsheet cells', () => {
  it('maps Chinese headers, canonical keys and units, and reports unknown ones', () => {
    const mapped = mapProjectHeaders(['项目名称', 'stage', '投资额（亿元）', '预计年产值', '颜色']);
    expect(mapped.columns).toEqual(['name', 'stage', 'investment', 'expected_output', null]);
    expect(mapped.units).toEqual([null, null, 'yi', null, null]);
    expect(mapped.unknown).toEqual(['颜色']);
  });

  it('reads stages by code or Chinese name', () => {
    expect(parseStage('签约')).toEqual({ ok: true, value: 'signed' });
    expect(parseStage('Negotiating')).toEqual({ ok: true, value: 'negotiating' });
    expect(parseStage('')).toEqual({ ok: true, value: null });
    expect(parseStage('谈判中')).toMatchObject({ ok: false });
  });

  it('reads and writes space needs by kind, and refuses what it cannot read', () => {
    expect(parseSpaceNeed('湿实验室 2000；办公:500')).toEqual({
      ok: true,
      value: [
        { kind: 'wet_lab', areaM2: 2000 },
        { kind: 'office', areaM2: 500 },
      ],
    });
    expect(parseSpaceNeed('gmp_plant:3000, GMP 厂房 1000')).toEqual({
      ok: true,
      value: [{ kind: 'gmp_plant', areaM2: 4000 }],
    });
    expect(parseSpaceNeed('车间 2000')).toMatchObject({ ok: false });
    const need = [
      { kind: 'gmp_plant' as const, areaM2: 8000 },
      { kind: 'office' as const, areaM2: 1000 },
    ];
    expect(formatSpaceNeed(need)).toBe('GMP 厂房 8000；办公 1000');
    expect(parseSpaceNeed(formatSpaceNeed(need))).toEqual({ ok: true, value: need });
  });

  it('reads money in 万元 unless stated, future dates and planning years', () => {
    expect(parseProjectMoney('5000', null)).toEqual({ ok: true, value: 5e7 });
    expect(parseProjectMoney('5亿', null)).toEqual({ ok: true, value: 5e8 });
    expect(parseProjectMoney('2', 'yi')).toEqual({ ok: true, value: 2e8 });
    expect(parseProjectDate('2027年3月1日')).toEqual({ ok: true, value: '2027-03-01' });
    expect(parseProjectDate('2027-02-30')).toMatchObject({ ok: false });
    expect(parseProjectYear('2028年')).toEqual({ ok: true, value: 2028 });
    expect(parseProjectYear('1999')).toMatchObject({ ok: false });
  });
});

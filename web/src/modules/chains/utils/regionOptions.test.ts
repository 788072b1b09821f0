import { describe, expect, it } from 'vitest';
import { regionSelectOptions } from './regionOptions.ts';

const cities = [
  { code: '3201', name: '南京市', nameEn: 'Nanjing', level: 'city' as const, parentCode: '32' },
  { code: '3202', name: '无锡市', nameEn: 'Wuxi', level: 'city' as const, parentCode: '32' },
];

describe('regionSelectOptions', () => {
  it("names the cities in the reader's language, with a region in view that is not one first, found by name, pinyin or code", () => {
    expect(regionSelectOptions(cities, { code: '3202', name: '无锡市' }, 'en')).toEqual([
      { value: '3201', label: 'Nanjing', search: '南京市 Nanjing 3201' },
      { value: '3202', label: 'Wuxi', search: '无锡市 Wuxi 3202' },
    ]);
    expect(regionSelectOptions(cities, { code: '320214', name: '新吴区' }, 'zh-CN')).toEqual([
      { value: '320214', label: '新吴区', search: '新吴区  320214' },
      { value: '3201', label: '南京市', search: '南京市 Nanjing 3201' },
      { value: '3202', label: '无锡市', search: '无锡市 Wuxi 3202' },
    ]);
  });
});

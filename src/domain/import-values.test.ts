import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_COLUMNS,
  isFormulaLike,
  isSpreadsheetError,
  mapHeaders,
  neutralizeFormula,
  normalizeIndustryCode,
  normalizeUscc,
  parseCount,
  parseDate,
  parseMoney,
  parseMoneyUnit,
  parseYear,
  joinList,
  splitProducts,
  splitTags,
  type CanonicalColumn,
} from './import-values.ts';

// A fixed "today" keeps the future-date and year-range checks stable.
const TODAY = new Date('2025-06-15T08:00:00Z');

describe('ENTERPRISE_COLUMNS', () => {
  it('never lets one header name two columns', () => {
    const seen = new Map<string, CanonicalColumn>();
    for (const [column, spec] of Object.entries(ENTERPRISE_COLUMNS)) {
      for (const header of [column, spec.label, ...spec.aliases]) {
        const mapped = mapHeaders([header]).columns[0];
        expect(mapped, header).toBe(column);
        expect(seen.get(header) ?? column, header).toBe(column);
        seen.set(header, column as CanonicalColumn);
      }
    }
  });

  it('requires only the name', () => {
    const required = Object.entries(ENTERPRISE_COLUMNS).filter(([, spec]) => spec.required);
    expect(required.map(([column]) => column)).toEqual(['name']);
  });
});

describe('mapHeaders', () => {
  it('maps the headers registries write, ignoring case, spaces, width and unit brackets', () => {
    const mapping = mapHeaders([
      ' 统一社会信用代码 ',
      '企业名称',
      'ＵＳＣＣ',
      '营业收入（万元）',
      '注册资本(亿元)',
      'revenue (10k yuan)',
      '从业人数（人）',
      '*成立日期',
      'Registered Capital',
    ]);
    expect(mapping.columns).toEqual([
      'uscc',
      'name',
      null,
      'revenue',
      'registered_capital',
      null,
      'employees',
      'founded_on',
      null,
    ]);
    expect(mapping.units).toEqual([null, null, null, 'wan', 'yi', null, null, null, null]);
    expect(mapping.duplicates).toEqual(['ＵＳＣＣ', 'revenue (10k yuan)', 'Registered Capital']);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.missingRequired).toEqual([]);
  });

  it('reads past the names an export writes beside codes, and still reports other headers', () => {
    const mapping = mapHeaders(['name', 'region_code', 'region_name', '行业名称', '地区', '备注']);
    expect(mapping.columns).toEqual(['name', 'region_code', null, null, null, null]);
    expect(mapping.unknown).toEqual(['备注']);
    expect(mapping.duplicates).toEqual([]);
  });

  it('reads English headers and their units', () => {
    const mapping = mapHeaders(['name', 'Revenue (10k yuan)', 'output [100m yuan]', 'Name_EN']);
    expect(mapping.columns).toEqual(['name', 'revenue', 'output', 'name_en']);
    expect(mapping.units).toEqual([null, 'wan', 'yi', null]);
  });

  it('reports unknown headers, skips blank ones and names missing required columns', () => {
    const mapping = mapHeaders(['统一社会信用代码', '法定代表人', '', '  ']);
    expect(mapping.columns).toEqual(['uscc', null, null, null]);
    expect(mapping.unknown).toEqual(['法定代表人']);
    expect(mapping.missingRequired).toEqual(['name']);
  });

  it('refuses money headers in a currency or unit it cannot convert', () => {
    const mapping = mapHeaders([
      '企业名称',
      '注册资本（万美元）',
      '营业收入（千元）',
      '产值（2023年）',
    ]);
    expect(mapping.columns).toEqual(['name', null, null, 'output']);
    expect(mapping.units).toEqual([null, null, null, null]);
    expect(mapping.badUnits).toEqual([
      {
        header: '注册资本（万美元）',
        unit: '万美元',
        message: 'currency USD is not supported; convert to 元',
      },
      {
        header: '营业收入（千元）',
        unit: '千元',
        message: 'unit 千元 is not supported; use 元, 万元 or 亿元',
      },
    ]);
    // A refused header still takes its column: a later 注册资本 is a duplicate, not a fallback.
    expect(mapHeaders(['注册资本（万美元）', '注册资本']).duplicates).toEqual(['注册资本']);
  });
});

describe('parseMoneyUnit', () => {
  it('knows 元, 万元 and 亿元 in Chinese and English', () => {
    expect(parseMoneyUnit('元')).toBe('yuan');
    expect(parseMoneyUnit('yuan')).toBe('yuan');
    expect(parseMoneyUnit('万')).toBe('wan');
    expect(parseMoneyUnit('万元')).toBe('wan');
    expect(parseMoneyUnit('10k yuan')).toBe('wan');
    expect(parseMoneyUnit('wan yuan')).toBe('wan');
    expect(parseMoneyUnit('亿')).toBe('yi');
    expect(parseMoneyUnit('100m yuan')).toBe('yi');
    expect(parseMoneyUnit('万元人民币')).toBe('wan');
    expect(parseMoneyUnit('万美元')).toBeNull();
    expect(parseMoneyUnit('吨')).toBeNull();
  });
});

describe('parseMoney', () => {
  const yuan = (text: string, header: 'yuan' | 'wan' | 'yi' | null = null) =>
    parseMoney(text, header, 'yuan');

  it('reads plain, grouped and full-width numbers', () => {
    expect(yuan('1,234.5')).toEqual({ ok: true, yuan: 1234.5 });
    expect(yuan('１２３４')).toEqual({ ok: true, yuan: 1234 });
    expect(yuan('１，２３４．５')).toEqual({ ok: true, yuan: 1234.5 });
    expect(yuan(' 0 ')).toEqual({ ok: true, yuan: 0 });
    expect(yuan('1.5E+07')).toEqual({ ok: true, yuan: 15_000_000 });
    expect(yuan('¥1,000')).toEqual({ ok: true, yuan: 1000 });
  });

  it('treats blank cells and dashes as no figure', () => {
    for (const text of ['', '  ', '-', '—', '/'])
      expect(yuan(text), text).toEqual({ ok: true, yuan: null });
  });

  it('applies the unit in the cell over the header unit over the default', () => {
    expect(parseMoney('1234.5万元', 'yi', 'yuan')).toEqual({ ok: true, yuan: 12_345_000 });
    expect(parseMoney('3亿', null, 'wan')).toEqual({ ok: true, yuan: 300_000_000 });
    expect(parseMoney('500万元人民币', null, 'yuan')).toEqual({ ok: true, yuan: 5_000_000 });
    expect(parseMoney('人民币500万（元）', null, 'yuan')).toEqual({ ok: true, yuan: 5_000_000 });
    expect(parseMoney('12', 'wan', 'yuan')).toEqual({ ok: true, yuan: 120_000 });
    expect(parseMoney('12', null, 'wan')).toEqual({ ok: true, yuan: 120_000 });
    expect(parseMoney('12元', 'wan', 'wan')).toEqual({ ok: true, yuan: 12 });
  });

  it('keeps decimal amounts exact after scaling', () => {
    expect(yuan('1.1', 'wan')).toEqual({ ok: true, yuan: 11_000 });
    expect(yuan('0.07', 'yi')).toEqual({ ok: true, yuan: 7_000_000 });
    expect(yuan('1234.5678万')).toEqual({ ok: true, yuan: 12_345_678 });
  });

  it('rejects negatives, text, bad grouping and foreign currencies', () => {
    expect(yuan('-5')).toEqual({ ok: false, reason: 'must not be negative', code: 'NOT_NEGATIVE' });
    expect(yuan('(1,234)')).toEqual({
      ok: false,
      reason: 'must not be negative',
      code: 'NOT_NEGATIVE',
    });
    expect(yuan('不详')).toEqual({ ok: false, reason: 'not a number', code: 'NOT_A_NUMBER' });
    expect(yuan('1,5')).toEqual({ ok: false, reason: 'not a number', code: 'NOT_A_NUMBER' });
    expect(yuan('1 234')).toEqual({ ok: false, reason: 'not a number', code: 'NOT_A_NUMBER' });
    expect(yuan('5000万美元')).toEqual({
      ok: false,
      reason: 'currency USD is not supported; convert to 元',
      code: 'CURRENCY_UNSUPPORTED',
      params: { currency: 'USD' },
    });
    expect(yuan('200万港元')).toMatchObject({ ok: false, reason: /currency HKD/ });
    expect(yuan('$500')).toMatchObject({ ok: false, reason: /currency USD/ });
    expect(yuan('US$500')).toMatchObject({ ok: false, reason: /currency USD/ });
    expect(yuan('HK$500')).toMatchObject({ ok: false, reason: /currency HKD/ });
    expect(yuan('3000千元')).toMatchObject({ ok: false, reason: /unit "千元" is not supported/ });
    expect(yuan('12吨')).toMatchObject({ ok: false, reason: /unit "吨" is not supported/ });
  });
});

describe('parseDate', () => {
  const date = (text: string) => parseDate(text, TODAY);

  it('reads the spellings registries use', () => {
    for (const text of [
      '2020-01-05',
      '2020/1/5',
      '2020.1.5',
      '2020年1月5日',
      '2020 年 01 月 05 日',
      '20200105',
      '２０２０－０１－０５',
      '2020-01-05 00:00:00',
      '2020-01-05T00:00:00.000Z',
    ])
      expect(date(text), text).toEqual({ ok: true, date: '2020-01-05' });
  });

  it('reads Excel serial numbers across the fictitious 1900-02-29', () => {
    expect(date('43835')).toEqual({ ok: true, date: '2020-01-05' });
    expect(date('43835.75')).toEqual({ ok: true, date: '2020-01-05' });
    expect(date('1')).toEqual({ ok: true, date: '1900-01-01' });
    expect(date('59')).toEqual({ ok: true, date: '1900-02-28' });
    expect(date('60')).toMatchObject({ ok: false, reason: /no such date: 1900-02-29/ });
    expect(date('61')).toEqual({ ok: true, date: '1900-03-01' });
    expect(date('18264')).toEqual({ ok: true, date: '1950-01-01' });
  });

  it('treats blank cells as no date', () => {
    expect(date(' ')).toEqual({ ok: true, date: null });
  });

  it('rejects impossible, early, future and ambiguous dates', () => {
    expect(date('2020-02-30')).toEqual({
      ok: false,
      reason: 'no such date: 2020-02-30',
      code: 'NO_SUCH_DATE',
      params: { date: '2020-02-30' },
    });
    expect(date('2019-02-29')).toMatchObject({ ok: false });
    expect(date('2020-02-29')).toEqual({ ok: true, date: '2020-02-29' });
    expect(date('2020-13-01')).toMatchObject({ ok: false, reason: /no such date/ });
    expect(date('1899-12-31')).toMatchObject({ ok: false, reason: /before 1900/ });
    expect(date('2025-06-16')).toEqual({ ok: true, date: '2025-06-16' });
    expect(date('2025-06-17')).toEqual({
      ok: false,
      reason: '2025-06-17 is in the future',
      code: 'DATE_IN_FUTURE',
      params: { date: '2025-06-17' },
    });
    expect(date('2020')).toMatchObject({ ok: false, reason: /looks like a year/ });
    expect(date('1/5/2020')).toMatchObject({ ok: false, reason: /not a date/ });
    expect(date('2020-1/5')).toMatchObject({ ok: false });
    expect(date('2020年1月')).toMatchObject({ ok: false });
  });
});

describe('parseCount and parseYear', () => {
  it("refuses amounts and counts past what the database's columns hold", () => {
    const tooLarge = { ok: false, reason: 'too large', code: 'TOO_LARGE' };
    expect(parseCount('2,147,483,647')).toEqual({ ok: true, count: 2_147_483_647 });
    expect(parseCount('2147483648')).toEqual(tooLarge);
    expect(parseMoney('1e20', null, 'yuan')).toEqual(tooLarge);
    expect(parseMoney('99999999999999999999', null, 'yuan')).toEqual(tooLarge);
    expect(parseMoney('100000000000', 'yi', 'yuan')).toEqual(tooLarge);
    expect(parseMoney('9000000000', 'yi', 'yuan')).toEqual({ ok: true, yuan: 9e17 });
  });

  it('reads whole, non-negative counts', () => {
    expect(parseCount('1,200')).toEqual({ ok: true, count: 1200 });
    expect(parseCount('１２０')).toEqual({ ok: true, count: 120 });
    expect(parseCount('120人')).toEqual({ ok: true, count: 120 });
    expect(parseCount('120.0')).toEqual({ ok: true, count: 120 });
    expect(parseCount('')).toEqual({ ok: true, count: null });
    expect(parseCount('-3')).toEqual({
      ok: false,
      reason: 'must not be negative',
      code: 'NOT_NEGATIVE',
    });
    expect(parseCount('12.5')).toEqual({
      ok: false,
      reason: 'not a whole number',
      code: 'NOT_WHOLE_NUMBER',
    });
    expect(parseCount('约100')).toEqual({
      ok: false,
      reason: 'not a number',
      code: 'NOT_A_NUMBER',
    });
  });

  it('reads years from 1900 to next year', () => {
    expect(parseYear('2023', TODAY)).toEqual({ ok: true, year: 2023 });
    expect(parseYear('2023年', TODAY)).toEqual({ ok: true, year: 2023 });
    expect(parseYear('2023.0', TODAY)).toEqual({ ok: true, year: 2023 });
    expect(parseYear('2026', TODAY)).toEqual({ ok: true, year: 2026 });
    expect(parseYear('', TODAY)).toEqual({ ok: true, year: null });
    expect(parseYear('2027', TODAY)).toEqual({
      ok: false,
      reason: 'year must be between 1900 and 2026',
      code: 'YEAR_OUT_OF_RANGE',
      params: { last: 2026 },
    });
    expect(parseYear('1899', TODAY)).toMatchObject({ ok: false });
    expect(parseYear('二〇二三', TODAY)).toEqual({
      ok: false,
      reason: 'not a year',
      code: 'NOT_A_YEAR',
    });
  });
});

describe('splitProducts and splitTags', () => {
  it('splits on Chinese and ASCII separators and line breaks, dropping blanks and repeats', () => {
    expect(splitProducts('锂电池、电解液,隔膜，正极材料、锂电池、、')).toEqual([
      '锂电池',
      '电解液',
      '隔膜',
      '正极材料',
    ]);
    expect(splitProducts('锂电池；电解液;隔膜\n铝箔\r\n锂电池；；')).toEqual([
      '锂电池',
      '电解液',
      '隔膜',
      '铝箔',
    ]);
  });

  it('separates items at ； when a cell has it, keeping 、 and commas inside an item', () => {
    expect(splitProducts('维生素、激素检测试剂；血液透析器，透析管路；注射剂')).toEqual([
      '维生素、激素检测试剂',
      '血液透析器，透析管路',
      '注射剂',
    ]);
  });

  it('never splits inside brackets, unless a bracket never closes', () => {
    expect(splitProducts('质谱检测（维生素、激素）、试剂盒[PCR,qPCR]')).toEqual([
      '质谱检测（维生素、激素）',
      '试剂盒[PCR,qPCR]',
    ]);
    expect(splitProducts('抗体（单抗、双抗')).toEqual(['抗体（单抗', '双抗']);
  });

  it('drops the numbers of numbered lists but keeps numbers inside names', () => {
    expect(splitProducts('1、锂电池；2、电解液；（3）1.5T磁共振；④5G模组')).toEqual([
      '锂电池',
      '电解液',
      '1.5T磁共振',
      '5G模组',
    ]);
  });

  it('splits tags at every separator: a tag never holds 、', () => {
    expect(splitTags('高新技术企业、专精特新；瞪羚企业')).toEqual([
      '高新技术企业',
      '专精特新',
      '瞪羚企业',
    ]);
    expect(splitTags(' 专精特新 | 高新技术企业，AI、ai ，ＡＩ')).toEqual([
      '专精特新',
      '高新技术企业',
      'AI',
    ]);
  });

  it('treats case and width variants of one tag as the same tag', () => {
    expect(splitTags(' 专精特新 | 高新技术企业｜AI | ai ｜ＡＩ')).toEqual([
      '专精特新',
      '高新技术企业',
      'AI',
    ]);
    expect(splitTags('')).toEqual([]);
  });

  it('joins a list into a cell that splits back into the same list', () => {
    const lists = [
      ['注射剂', '口服液'],
      ['维生素、激素检测试剂'],
      ['质谱检测（维生素、激素）', '试剂盒'],
      ['血液透析器，透析管路', '1.5T磁共振'],
      ['单抗'],
      [],
    ];
    for (const list of lists) expect(splitProducts(joinList(list))).toEqual(list);
    expect(joinList(['维生素、激素检测试剂'])).toBe('维生素、激素检测试剂；');
    expect(joinList(['注射剂', '口服液'])).toBe('注射剂；口服液');
  });
});

describe('normalizeUscc', () => {
  it('folds width and case and removes spaces, dashes and an Excel apostrophe', () => {
    expect(normalizeUscc(' ９１４４０３００７０８４６１１３６ｔ ')).toBe('91440300708461136T');
    expect(normalizeUscc('9144 0300-7084 6113 6t')).toBe('91440300708461136T');
    expect(normalizeUscc("'91440300708461136T")).toBe('91440300708461136T');
  });
});

describe('neutralizeFormula', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeFormula('+86 138 0000 0000')).toBe(`'+86 138 0000 0000`);
    expect(neutralizeFormula('-2+3')).toBe(`'-2+3`);
    expect(neutralizeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralizeFormula('\t=1')).toBe(`'\t=1`);
    expect(neutralizeFormula('\r=1')).toBe(`'\r=1`);
  });

  it('leaves ordinary text and plain numbers alone', () => {
    expect(neutralizeFormula('无锡药明康德')).toBe('无锡药明康德');
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('+1.5')).toBe('+1.5');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(isFormulaLike('=1+1')).toBe(true);
    expect(isFormulaLike('1+1')).toBe(false);
  });

  it('recognises spreadsheet error values', () => {
    expect(isSpreadsheetError('#N/A')).toBe(true);
    expect(isSpreadsheetError(' #DIV/0! ')).toBe(true);
    expect(isSpreadsheetError('#1 product')).toBe(false);
  });
});

describe('normalizeIndustryCode', () => {
  it('reads 4-digit class codes however they are written', () => {
    for (const text of ['2710', ' 2710 ', 'C2710', 'c 2710', '2710.0', '２７１０', "'2710"])
      expect(normalizeIndustryCode(text), text).toEqual({ ok: true, code: '2710' });
    expect(normalizeIndustryCode('A0111')).toEqual({ ok: true, code: '0111' });
    expect(normalizeIndustryCode('')).toEqual({ ok: true, code: null });
  });

  it('rejects wrong lengths, unknown divisions and mismatched sections', () => {
    expect(normalizeIndustryCode('271')).toMatchObject({
      ok: false,
      reason: /format the column as text/,
    });
    expect(normalizeIndustryCode('27')).toMatchObject({ ok: false, reason: /has 2 digits/ });
    expect(normalizeIndustryCode('9910')).toMatchObject({ ok: false, reason: /no division 99/ });
    expect(normalizeIndustryCode('A2710')).toMatchObject({
      ok: false,
      reason: /section A has no division 27/,
    });
    expect(normalizeIndustryCode('2710.5')).toMatchObject({ ok: false });
    expect(normalizeIndustryCode('医药制造')).toMatchObject({ ok: false });
  });
});

/**
 * Cell values of enterprise registries as Chinese registries, statistics bureaus and park operators
 * export them: header names, money with 元/万元/亿元 units, dates in every common spelling, counts,
 * product lists, USCCs and GB/T 4754-2017 industry codes. Pure functions; the reader is elsewhere.
 */

import type { ReasonParams, RowReason } from '../shared/row-reasons.ts';
import { fold, isEmptyCell, refuse } from './cell-text.ts';

/** How a column's cells are parsed; the importer picks the parser by kind. */
export type ColumnKind =
  'uscc' | 'text' | 'region' | 'date' | 'money' | 'industry' | 'count' | 'year' | 'list';

export interface EnterpriseColumnSpec {
  /** The header we write in templates and exports. */
  label: string;
  aliases: readonly string[];
  kind: ColumnKind;
  required: boolean;
}

/** The canonical enterprise columns and the headers accepted for each (the key itself is one). */
export const ENTERPRISE_COLUMNS = {
  uscc: {
    label: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码', 'USCC'],
    kind: 'uscc',
    required: false,
  },
  name: {
    label: '企业名称',
    aliases: ['名称', '公司名称', '单位名称'],
    kind: 'text',
    required: true,
  },
  name_en: { label: '英文名称', aliases: [], kind: 'text', required: false },
  region_code: {
    label: '行政区划代码',
    aliases: ['区划代码', '地区代码'],
    kind: 'region',
    required: false,
  },
  address: {
    label: '地址',
    aliases: ['注册地址', '住所', '企业地址'],
    kind: 'text',
    required: false,
  },
  founded_on: {
    label: '成立日期',
    aliases: ['注册日期', '成立时间'],
    kind: 'date',
    required: false,
  },
  registered_capital: { label: '注册资本', aliases: [], kind: 'money', required: false },
  industry_code: {
    label: '行业代码',
    aliases: ['国民经济行业代码', '行业分类代码'],
    kind: 'industry',
    required: false,
  },
  business_scope: { label: '经营范围', aliases: [], kind: 'text', required: false },
  products: { label: '主营产品', aliases: ['主要产品'], kind: 'list', required: false },
  employees: {
    label: '从业人数',
    aliases: ['员工人数', '职工人数'],
    kind: 'count',
    required: false,
  },
  revenue: {
    label: '营业收入',
    aliases: ['营收', '主营业务收入'],
    kind: 'money',
    required: false,
  },
  output: { label: '工业总产值', aliases: ['产值'], kind: 'money', required: false },
  year: { label: '年份', aliases: ['年度'], kind: 'year', required: false },
  tags: { label: '标签', aliases: ['资质', '企业资质'], kind: 'list', required: false },
} as const satisfies Record<string, EnterpriseColumnSpec>;

export type CanonicalColumn = keyof typeof ENTERPRISE_COLUMNS;

/**
 * Columns an export writes beside a code so a person can read it (the region's and the industry
 * class's names). The code is what counts: an import reads past these headers without a word.
 */
export const REFERENCE_COLUMNS = {
  region_name: { label: '地区', aliases: ['地区名称'] },
  industry_name: { label: '行业名称', aliases: [] },
  chain_nodes: { label: '产业链环节', aliases: ['所属环节'] },
} as const satisfies Record<string, { label: string; aliases: readonly string[] }>;
export type ReferenceColumn = keyof typeof REFERENCE_COLUMNS;

const CANONICAL_COLUMNS = Object.keys(ENTERPRISE_COLUMNS) as CanonicalColumn[];

/** The largest count an integer column holds. */
const MAX_STORED_COUNT = 2_147_483_647;
/** Money columns are numeric(20, 2): an amount must stay below 10^18 元. */
const MAX_STORED_YUAN = 1e18;

/** Money units a cell or header may state; everything is stored in 元. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** How many 元 one of each unit is. */
export const MONEY_UNIT_YUAN: Readonly<Record<MoneyUnit, number>> = {
  yuan: 1,
  wan: 10_000,
  yi: 100_000_000,
};

/** A refused cell: the English sentence (CLI, errors.csv) and its code with parameters (web). */
export type ParseFailure = { ok: false; reason: string; code: RowReason; params?: ReasonParams };
export type MoneyParse = { ok: true; yuan: number | null } | ParseFailure;
export type DateParse = { ok: true; date: string | null } | ParseFailure;
export type CountParse = { ok: true; count: number | null } | ParseFailure;
export type YearParse = { ok: true; year: number | null } | ParseFailure;

export interface HeaderMapping {
  /** The canonical column of each header, or null for unknown, empty, duplicate or bad-unit ones. */
  columns: (CanonicalColumn | null)[];
  /** The money unit a money column's header states, e.g. 营业收入（万元） → 'wan'. */
  units: (MoneyUnit | null)[];
  /** Headers that match no column, as written. */
  unknown: string[];
  /** Headers naming a column an earlier header already took, as written; their cells are ignored. */
  duplicates: string[];
  /** Required columns no header names. */
  missingRequired: CanonicalColumn[];
  /**
   * Money headers whose unit we cannot convert (万美元, 千元): the header as written, the unit its
   * brackets state, and what to do; the column is ignored rather than read in the wrong unit.
   */
  badUnits: BadUnitHeader[];
}

export interface BadUnitHeader {
  header: string;
  /** The unit as the header's brackets write it: 万美元, 千元. */
  unit: string;
  /** In English, for the CLI and errors.csv: what is wrong and what to do. */
  message: string;
}

const TRAILING_BRACKET = /[([【{<《]([^()[\]【】{}<>《》]*)[)\]】}>》]$/;

/** Lower-cased, without spaces, underscores or dashes: 'Registered Capital' = registered_capital. */
function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s_\-*]+/g, '');
}

const HEADER_INDEX: ReadonlyMap<string, CanonicalColumn> = (() => {
  const index = new Map<string, CanonicalColumn>();
  for (const column of CANONICAL_COLUMNS) {
    const spec: EnterpriseColumnSpec = ENTERPRISE_COLUMNS[column];
    for (const header of [column, spec.label, ...spec.aliases]) {
      index.set(headerKey(fold(header)), column);
    }
  }
  return index;
})();

const REFERENCE_HEADERS: ReadonlySet<string> = new Set(
  Object.entries(REFERENCE_COLUMNS).flatMap(([column, spec]) =>
    [column, spec.label, ...spec.aliases].map((header) => headerKey(fold(header))),
  ),
);

/** Splits '营业收入（万元）' into its name and the bracketed suffix ('万元'), if any. */
function splitHeader(header: string): { name: string; suffix: string | null } {
  // Templates mark required headers with asterisks (*企业名称); they are not part of the name.
  const text = fold(header)
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .trim();
  const match = TRAILING_BRACKET.exec(text);
  if (!match) return { name: text, suffix: null };
  return { name: text.slice(0, match.index).trim(), suffix: (match[1] ?? '').trim() };
}

/** Maps a registry's header row to canonical columns and the money unit each header states. */
export function mapHeaders(headers: string[]): HeaderMapping {
  const columns: (CanonicalColumn | null)[] = [];
  const units: (MoneyUnit | null)[] = [];
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const badUnits: BadUnitHeader[] = [];
  const taken = new Set<CanonicalColumn>();

  for (const header of headers) {
    const { name, suffix } = splitHeader(header);
    const matched = name === '' ? null : (HEADER_INDEX.get(headerKey(name)) ?? null);
    let column: CanonicalColumn | null = null;
    let unit: MoneyUnit | null = null;
    if (name === '') {
      // Blank headers are the padding Excel leaves after the last column; nothing to report.
    } else if (matched === null && REFERENCE_HEADERS.has(headerKey(name))) {
      // A name an export wrote beside its code, for people: the code is read instead.
    } else if (matched === null) {
      unknown.push(header);
    } else if (taken.has(matched)) {
      duplicates.push(header);
    } else {
      // Taken even when its unit is bad, so a later duplicate is not silently read instead.
      taken.add(matched);
      column = matched;
      if (ENTERPRISE_COLUMNS[matched].kind === 'money' && suffix !== null) {
        const stated = classifyMoneyUnit(suffix);
        if (stated.kind === 'unit') {
          unit = stated.unit;
        } else if (stated.kind === 'currency') {
          badUnits.push({
            header,
            unit: suffix ?? '',
            message: `currency ${stated.code} is not supported; convert to 元`,
          });
          column = null;
        } else if (stated.kind === 'unsupported') {
          badUnits.push({
            header,
            unit: suffix ?? '',
            message: `unit ${suffix} is not supported; use 元, 万元 or 亿元`,
          });
          column = null;
        }
        // Anything else in brackets (a year, a note) says nothing about the unit.
      }
    }
    columns.push(column);
    units.push(unit);
  }

  const missingRequired = CANONICAL_COLUMNS.filter(
    (column) => ENTERPRISE_COLUMNS[column].required && !taken.has(column),
  );
  return { columns, units, unknown, duplicates, missingRequired, badUnits };
}

type UnitClass =
  | { kind: 'unit'; unit: MoneyUnit }
  | { kind: 'currency'; code: string }
  | { kind: 'unsupported' }
  | { kind: 'unknown' }
  | { kind: 'none' };

// Checked in order: the bare '$' is last because 'hk$', 'us$', 's$' and friends contain it.
const FOREIGN_CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/港元|港币|hkd|hk\$/, 'HKD'],
  [/us\$/, 'USD'],
  [/澳门元|澳门币|澳门幣|mop/, 'MOP'],
  [/新台币|台币|twd|nt\$/, 'TWD'],
  [/新加坡元|sgd|s\$/, 'SGD'],
  [/澳元|澳大利亚元|aud|a\$/, 'AUD'],
  [/加元|加拿大元|cad|c\$/, 'CAD'],
  [/美元|美金|usd|us\$|\$/, 'USD'],
  [/欧元|eur|€/, 'EUR'],
  [/日元|日圆|jpy|円/, 'JPY'],
  [/英镑|gbp|£/, 'GBP'],
  [/韩元|krw|₩/, 'KRW'],
  [/瑞士法郎|法郎|chf/, 'CHF'],
  [/卢布|rub|₽/, 'RUB'],
];

const YUAN_WORDS = new Set(['元', 'yuan']);
const WAN_WORDS = new Set(['万', '万元', 'wan', 'wanyuan', '10k', '10kyuan']);
const YI_WORDS = new Set([
  '亿',
  '亿元',
  'yi',
  'yiyuan',
  '100m',
  '100myuan',
  '100million',
  '100millionyuan',
]);
const UNSUPPORTED_WORD = /千|百万|千万|十万|thousand|million|billion|^k|^m|^bn/;

function classifyMoneyUnit(text: string): UnitClass {
  const raw = fold(text)
    .toLowerCase()
    .replace(/[\s()[\]【】]+/g, '');
  for (const [pattern, code] of FOREIGN_CURRENCIES)
    if (pattern.test(raw)) return { kind: 'currency', code };
  // 人民币, RMB, CNY and ¥ only say the currency we already assume.
  const word = raw.replace(/人民币|rmb|cny|¥/g, '');
  if (word === '') return raw === '' ? { kind: 'none' } : { kind: 'unit', unit: 'yuan' };
  if (YUAN_WORDS.has(word)) return { kind: 'unit', unit: 'yuan' };
  if (WAN_WORDS.has(word)) return { kind: 'unit', unit: 'wan' };
  if (YI_WORDS.has(word)) return { kind: 'unit', unit: 'yi' };
  if (UNSUPPORTED_WORD.test(word)) return { kind: 'unsupported' };
  return { kind: 'unknown' };
}

/** The money unit a text such as '万元', '亿', '10k yuan' or '100m yuan' names, or null. */
export function parseMoneyUnit(text: string): MoneyUnit | null {
  const stated = classifyMoneyUnit(text);
  return stated.kind === 'unit' ? stated.unit : null;
}

// Thousands separators must group by three, so a European '1,5' is not read as 15.
const NUMBER_PART = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const MONEY_PATTERN = new RegExp(
  String.raw`^([+-]?)\s*(${NUMBER_PART})(?:e([+-]?\d+))?\s*(.*)$`,
  'i',
);

/** Fixes binary noise such as 1.1 × 10000 = 11000.000000000002; 15 digits is all Excel keeps. */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * Reads an amount of money in 元 from a cell such as '1,234.5', '１２３４', '1234.5万元', '3亿' or
 * '500万元人民币'; a unit in the cell wins over the header's, which wins over the default.
 */
export function parseMoney(
  text: string,
  headerUnit: MoneyUnit | null,
  defaultUnit: MoneyUnit,
): MoneyParse {
  let value = fold(text).trim();
  if (isEmptyCell(value)) return { ok: true, yuan: null };
  // Accounting notation writes negatives in brackets.
  if (/^\(.*\)$/.test(value)) return refuse('NOT_NEGATIVE', 'must not be negative');
  value = value.replace(/^(?:人民币|rmb|cny|¥)\s*/i, '');
  const foreignPrefix = /^(us\$|hk\$|\$|€|£|₩)/i.exec(value);
  if (foreignPrefix) return classifyAsCurrencyError(foreignPrefix[1] ?? '');

  const match = MONEY_PATTERN.exec(value);
  if (!match) return refuse('NOT_A_NUMBER', 'not a number');
  const [, sign, digits = '', exponent, unitText = ''] = match;
  if (/^[\d,.]/.test(unitText)) return refuse('NOT_A_NUMBER', 'not a number');

  let unit = headerUnit ?? defaultUnit;
  if (unitText !== '') {
    const stated = classifyMoneyUnit(unitText);
    switch (stated.kind) {
      case 'unit':
        unit = stated.unit;
        break;
      case 'currency':
        return refuse(
          'CURRENCY_UNSUPPORTED',
          `currency ${stated.code} is not supported; convert to 元`,
          {
            currency: stated.code,
          },
        );
      case 'unsupported':
      case 'unknown':
        return refuse(
          'UNIT_UNSUPPORTED',
          `unit "${unitText}" is not supported; use 元, 万元 or 亿元`,
          { unit: unitText },
        );
      case 'none':
        break;
    }
  }

  const amount = Number(digits.replace(/,/g, '')) * 10 ** Number(exponent ?? 0);
  if (!Number.isFinite(amount)) return refuse('NOT_A_NUMBER', 'not a number');
  if (sign === '-' && amount !== 0) return refuse('NOT_NEGATIVE', 'must not be negative');
  const yuan = clean(amount * MONEY_UNIT_YUAN[unit]);
  // Money is stored as numeric(20, 2): below 10^18 元 (a billion times the largest firm's revenue).
  if (yuan >= MAX_STORED_YUAN) return refuse('TOO_LARGE', 'too large');
  return { ok: true, yuan };
}

function classifyAsCurrencyError(symbol: string): ParseFailure {
  const stated = classifyMoneyUnit(symbol);
  const code = stated.kind === 'currency' ? stated.code : symbol;
  return refuse('CURRENCY_UNSUPPORTED', `currency ${code} is not supported; convert to 元`, {
    currency: code,
  });
}

const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isoOfUtc(ms: number): string {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function checkDate(year: number, month: number, day: number, today: Date): DateParse {
  if (year < 1900) return refuse('DATE_BEFORE_1900', `year ${year} is before 1900`, { year });
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return refuse('NO_SUCH_DATE', `no such date: ${isoDate(year, month, day)}`, {
      date: isoDate(year, month, day),
    });
  const iso = isoDate(year, month, day);
  // One day of slack: a record made this morning in Beijing is still "yesterday" in UTC.
  if (iso > isoOfUtc(today.getTime() + DAY_MS))
    return refuse('DATE_IN_FUTURE', `${iso} is in the future`, { date: iso });
  return { ok: true, date: iso };
}

const SEPARATED_DATE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/i;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^(\d{1,5})(?:\.\d+)?$/;

/** Converts an Excel 1900-system serial day number (with its fictitious 1900-02-29) to a date. */
function excelSerialDate(serial: number, today: Date): DateParse {
  if (serial === 60)
    return refuse('NO_SUCH_DATE', 'no such date: 1900-02-29 (an Excel serial)', {
      date: '1900-02-29',
    });
  if (serial < 1) return refuse('NOT_A_DATE', 'not a date');
  // Lotus 1-2-3 counted 1900 as a leap year and Excel kept the bug, so from serial 61 on the epoch
  // is 1899-12-30; before the fictitious day it is 1899-12-31.
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + serial * DAY_MS);
  return checkDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), today);
}

/**
 * Reads a date such as 2020-01-05, 2020/1/5, 2020.1.5, 2020年1月5日, 20200105 or an Excel serial
 * (43835) as ISO 'YYYY-MM-DD'; rejects impossible dates, years before 1900 and future dates.
 */
export function parseDate(text: string, today: Date = new Date()): DateParse {
  const value = fold(text).trim();
  if (isEmptyCell(value)) return { ok: true, date: null };
  const separated = SEPARATED_DATE.exec(value);
  if (separated)
    return checkDate(Number(separated[1]), Number(separated[3]), Number(separated[4]), today);
  const written = CHINESE_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (written) return checkDate(Number(written[1]), Number(written[2]), Number(written[3]), today);
  const serial = EXCEL_SERIAL.exec(value);
  if (serial) {
    const days = Number(serial[1]);
    // '2020' alone is a year, not Excel's 1905-07-12; refuse rather than guess.
    if (days >= 1900 && days <= today.getUTCFullYear() + 1)
      return refuse(
        'DATE_LOOKS_LIKE_YEAR',
        `${value} looks like a year; give the full date as YYYY-MM-DD`,
        { value },
      );
    return excelSerialDate(days, today);
  }
  return refuse('NOT_A_DATE', 'not a date; use YYYY-MM-DD');
}

/** Reads a whole number such as a head count, strictly digits with thousands separators. */
function parseWholeNumber(text: string, suffix: RegExp): CountParse {
  const value = fold(text).trim().replace(suffix, '').trim();
  if (isEmptyCell(value)) return { ok: true, count: null };
  const match = new RegExp(String.raw`^([+-]?)(${NUMBER_PART})$`).exec(value);
  if (!match) return refuse('NOT_A_NUMBER', 'not a number');
  const [, sign, digits = ''] = match;
  const number = Number(digits.replace(/,/g, ''));
  if (sign === '-' && number !== 0) return refuse('NOT_NEGATIVE', 'must not be negative');
  // Excel numbers arrive as '120.0'; a real fraction is a mistake.
  if (!Number.isInteger(number)) return refuse('NOT_WHOLE_NUMBER', 'not a whole number');
  // Counts are stored in PostgreSQL integer columns (2,147,483,647 at most).
  if (number > MAX_STORED_COUNT) return refuse('TOO_LARGE', 'too large');
  return { ok: true, count: number };
}

/** Reads a non-negative whole count such as employees ('1,200', '１２０', '120人'). */
export function parseCount(text: string): CountParse {
  return parseWholeNumber(text, /[人名]$/);
}

/** Reads a statistics year ('2023', '2023年', '2023.0') between 1900 and next year. */
export function parseYear(text: string, today: Date = new Date()): YearParse {
  const parsed = parseWholeNumber(text, /[年度]+$/);
  if (!parsed.ok) return refuse('NOT_A_YEAR', 'not a year');
  if (parsed.count === null) return { ok: true, year: null };
  const last = today.getUTCFullYear() + 1;
  if (parsed.count < 1900 || parsed.count > last)
    return refuse('YEAR_OUT_OF_RANGE', `year must be between 1900 and ${last}`, { last });
  return { ok: true, year: parsed.count };
}

// Numbered lists ("1、锂电池；2、电解液", "（1）…", "①…") are common in 主营产品; the numbers are not items.
const ENUMERATOR =
  /(^|[;；,，、\n\r|｜])\s*(?:\d{1,2}[、.．)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])\s*/g;
// As Chinese punctuation ranks them: ；(and a line break, a bar) separates items, 、 and commas
// separate words, which may be inside an item ("维生素、激素检测；试剂"). Items keep their own
// characters: an export must re-import unchanged.
const ITEM_SEPARATORS = new Set([';', '；', '\n', '\r', '|', '｜']);
const WORD_SEPARATORS = new Set([...ITEM_SEPARATORS, '、', ',', '，']);
const OPENING_BRACKETS = '（([【［〔｛{';
const CLOSING_BRACKETS = '）)]】］〕｝}';

/**
 * Cuts `text` at the separators that stand outside brackets ("质谱检测（维生素、激素）" is one
 * item); when a bracket never closes, at every separator, as if there were no brackets.
 */
function cutOutsideBrackets(text: string, separators: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const ch = text[at] ?? '';
    if (OPENING_BRACKETS.includes(ch)) depth++;
    else if (CLOSING_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(ch)) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  if (depth > 0) return text.split(new RegExp(`[${[...separators].join('')}]`));
  return parts;
}

function splitList(text: string, itemsFirst: boolean): string[] {
  const separated = text.replace(ENUMERATOR, '$1');
  const byItem = itemsFirst ? cutOutsideBrackets(separated, ITEM_SEPARATORS) : [];
  const parts = byItem.length > 1 ? byItem : cutOutsideBrackets(separated, WORD_SEPARATORS);
  const items: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const item = part.trim();
    const key = fold(item).toLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/**
 * Splits a 主营产品 cell into trimmed, distinct products: on ；; | and line breaks when the cell
 * has them, else also on 、 and commas; never inside brackets.
 */
export function splitProducts(text: string): string[] {
  return splitList(text, true);
}

/**
 * Splits a 标签 cell into trimmed, distinct tags at every separator (；; | 、 commas, line
 * breaks) outside brackets: a tag is a short label, never a phrase with 、 in it
 * ("高新技术企业、专精特新；瞪羚企业" is three tags).
 */
export function splitTags(text: string): string[] {
  return splitList(text, false);
}

/**
 * Writes products or tags into one cell that splitProducts/splitTags read back as the same list:
 * joined with ；, and a lone item that holds 、 or a comma ends with ； so that it stays whole.
 */
export function joinList(items: readonly string[]): string {
  const joined = items.join('；');
  const [only] = items;
  return items.length === 1 && only !== undefined && splitList(only, true).length > 1
    ? `${joined}；`
    : joined;
}

/** A USCC as registries print it made comparable: half-width, upper-case, no spaces or dashes. */
export function normalizeUscc(text: string): string {
  // A leading apostrophe is how people force Excel to keep long digit strings as text.
  return fold(text)
    .trim()
    .replace(/^'/, '')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―]+/g, '');
}

export { normalizeIndustryCode, type IndustryCodeParse } from './industry-code.ts';
export { isFormulaLike, isSpreadsheetError, neutralizeFormula } from './cell-text.ts';

import { refuse, textCellProblem } from '../../domain/cell-text.ts';
import { parseYear, type ParseFailure } from '../../domain/import-values.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';
import { REQUIRED_STAT_COLUMNS, STAT_COLUMNS, type StatColumn } from '../../shared/stat-columns.ts';
import type { RowError } from '../tables/error-report.ts';

/**
 * The columns of a regional statistics file and the validation of one of its rows. Any industry
 * scheme goes (GB/T 4754 classes, NAICS, US benchmark clusters), so codes are checked for shape,
 * not against a list.
 */

export { STAT_COLUMNS, type StatColumn };
const NUMBER_COLUMNS = ['employment', 'establishments', 'payroll', 'output'] as const;
/**
 * The largest figure each column takes: headcounts and establishments as an integer column holds
 * (beyond any region's), money below 10^18 as the registry's money columns. A figure past them is a
 * typing slip (an extra row of digits) that would top every location quotient.
 */
const FIGURE_MAX: Readonly<Record<(typeof NUMBER_COLUMNS)[number], number>> = {
  employment: 2_147_483_647,
  establishments: 2_147_483_647,
  payroll: 1e18,
  output: 1e18,
};
/** The longest region or industry name kept (a name, not a paragraph). */
const MAX_NAME = 200;

/** Chinese headers statistics bureaus use, accepted beside the canonical names. */
const ALIASES: Readonly<Record<StatColumn, readonly string[]>> = {
  region_code: ['地区代码', '行政区划代码', '区划代码'],
  region_name: ['地区名称', '地区', '行政区划名称'],
  scheme: ['分类标准', '行业分类标准'],
  industry_code: ['行业代码'],
  industry_name: ['行业名称', '行业'],
  industry_type: ['行业类型', '产业类型'],
  year: ['年份', '年度'],
  employment: ['从业人数', '就业人数', '从业人员'],
  establishments: ['单位数', '法人单位数', '企业数'],
  payroll: ['工资总额'],
  output: ['产值', '总产值', '工业总产值', '营业收入'],
};

/** A column as a person looks for it: its usual Chinese header and the canonical name. */
export function statColumnLabel(column: StatColumn): string {
  const chinese = ALIASES[column][0];
  return chinese ? `${chinese}（${column}）` : column;
}

function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-*]+/g, '');
}

const HEADER_INDEX: ReadonlyMap<string, StatColumn> = new Map(
  STAT_COLUMNS.flatMap((column) =>
    [column, ...ALIASES[column]].map((name) => [headerKey(name), column] as const),
  ),
);

export interface StatHeaderMapping {
  /** The column each header stands for, or null when unknown or repeated. */
  columns: (StatColumn | null)[];
  unknown: string[];
  duplicates: string[];
  missing: StatColumn[];
}

/** Maps a statistics file's headers to its columns by canonical name or Chinese header. */
export function mapStatHeaders(headers: readonly string[]): StatHeaderMapping {
  const taken = new Set<StatColumn>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const columns = headers.map((header) => {
    const column = HEADER_INDEX.get(headerKey(header)) ?? null;
    if (column === null) {
      if (header.trim() !== '') unknown.push(header);
      return null;
    }
    if (taken.has(column)) {
      duplicates.push(header);
      return null;
    }
    taken.add(column);
    return column;
  });
  return {
    columns,
    unknown,
    duplicates,
    missing: REQUIRED_STAT_COLUMNS.filter((c) => !taken.has(c)),
  };
}

/** A validated row of a statistics file, as `region_stat` stores it. */
export interface StatRecord {
  row: number;
  regionCode: string;
  regionName: string | null;
  scheme: string;
  industryCode: string;
  industryName: string | null;
  industryType: string | null;
  year: number;
  employment: number | null;
  establishments: number | null;
  payroll: number | null;
  output: number | null;
}

// Statistical yearbooks print a dash or slash where a figure is withheld or not applicable.
const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '/', '\\', '…', 'na', 'n/a', '(d)']);
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+$/i;
// A code names an industry or region in any scheme: letters, digits and . - / _ only.
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
const MAX_CODE = 40;

/** Reads a non-negative figure such as '1,234', '1234.5' or '１２３'; a dash or NA is empty. */
export function parseFigure(
  text: string,
  max = Number.MAX_VALUE,
): { ok: true; value: number | null } | ParseFailure {
  const value = text.normalize('NFKC').trim();
  if (EMPTY_MARKS.has(value.toLowerCase())) return { ok: true, value: null };
  if (/^-\s*[\d.]/.test(value) && Number(value.replace(/,/g, '')) !== 0)
    return refuse('NOT_NEGATIVE', 'must not be negative');
  const plain = value.replace(/^[+-]/, '');
  if (!NUMBER.test(plain))
    return refuse(
      'NOT_A_NUMBER',
      'not a number (write digits such as 1234.5; leave it empty if unknown)',
    );
  const number = Number(plain.replace(/,/g, ''));
  if (!Number.isFinite(number) || number >= max) return refuse('TOO_LARGE', 'too large');
  return { ok: true, value: number };
}

function codeProblem(text: string): { text: string; code: RowReason } | null {
  if (text.length > MAX_CODE)
    return { text: `longer than ${MAX_CODE} characters`, code: 'CODE_TOO_LONG' };
  if (!CODE.test(text))
    return {
      text: 'use letters, digits and . - / _ only, with no spaces',
      code: 'CODE_CHARACTERS',
    };
  return null;
}

/**
 * Validates one row of a statistics file into a record, or lists every problem of the row (row,
 * column as headed in the file, value, reason) so a file is fixed in one pass.
 */
export function buildStatRecord(
  row: number,
  cells: readonly string[],
  headers: readonly string[],
  mapping: StatHeaderMapping,
): { record: StatRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (column: StatColumn): { text: string; header: string } => {
    const index = mapping.columns.indexOf(column);
    return index < 0
      ? { text: '', header: column }
      : { text: (cells[index] ?? '').trim(), header: headers[index] ?? column };
  };
  const fail = (
    column: StatColumn,
    value: string,
    reason: string,
    code: RowReason,
    params?: ReasonParams,
  ): void => {
    errors.push({
      row,
      column: cell(column).header,
      value,
      reason,
      code,
      ...(params && { params }),
    });
  };
  const code = (column: 'region_code' | 'scheme' | 'industry_code', what: string): string => {
    const { text } = cell(column);
    if (text === '') fail(column, '', `${what} is required`, 'VALUE_REQUIRED');
    else {
      const problem = codeProblem(text);
      if (problem)
        fail(column, text, `not a ${what}: ${problem.text}`, problem.code, { max: MAX_CODE });
    }
    return text;
  };
  const regionCode = code('region_code', 'region code');
  // Schemes compare case-blind: GBT4754 and gbt4754 are one scheme.
  const scheme = code('scheme', 'scheme name').toLowerCase();
  const industryCode = code('industry_code', 'industry code');
  const typeText = cell('industry_type').text.toLowerCase();
  if (typeText !== '' && !CODE.test(typeText))
    fail(
      'industry_type',
      typeText,
      'an industry type is one word such as traded or local',
      'INDUSTRY_TYPE_FORMAT',
    );

  const yearText = cell('year').text;
  let year: number | null = null;
  if (yearText === '') fail('year', '', 'the year is required', 'VALUE_REQUIRED');
  else {
    const parsed = parseYear(yearText);
    if (parsed.ok) year = parsed.year;
    else fail('year', yearText, parsed.reason, parsed.code, parsed.params);
  }

  const figures = {} as Record<(typeof NUMBER_COLUMNS)[number], number | null>;
  for (const column of NUMBER_COLUMNS) {
    const { text } = cell(column);
    const parsed = parseFigure(text, FIGURE_MAX[column]);
    if (parsed.ok) figures[column] = parsed.value;
    else {
      fail(column, text, parsed.reason, parsed.code, parsed.params);
      figures[column] = null;
    }
  }

  for (const column of ['region_name', 'industry_name'] as const) {
    const problem = textCellProblem(cell(column).text, MAX_NAME);
    if (problem) fail(column, problem.value, problem.reason, problem.code, problem.params);
  }

  if (errors.length > 0 || year === null) return { errors };
  return {
    record: {
      row,
      regionCode,
      regionName: cell('region_name').text || null,
      scheme,
      industryCode,
      industryName: cell('industry_name').text || null,
      industryType: typeText || null,
      year,
      ...figures,
    },
  };
}

import {
  ENTERPRISE_COLUMNS,
  normalizeIndustryCode,
  normalizeUscc,
  parseCount,
  parseDate,
  parseMoney,
  parseYear,
  splitProducts,
  type CanonicalColumn,
  type HeaderMapping,
  type MoneyUnit,
  type ParseFailure,
} from '../../domain/import-values.ts';
import { qualificationTags } from '../../domain/qualification-tags.ts';
import { usccCheckCharacter, usccProblem } from '../../domain/uscc.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';

import type { RowError } from '../tables/error-report.ts';

export type { RowError };

/** A validated enterprise from one row of an import file. */
export interface EnterpriseRecord {
  row: number;
  uscc: string | null;
  name: string;
  nameEn: string | null;
  regionCode: string;
  address: string | null;
  foundedOn: string | null;
  registeredCapitalYuan: number | null;
  industryCode: string | null;
  businessScope: string | null;
  products: string[] | null;
  tags: string[] | null;
  figures: {
    year: number;
    revenueYuan: number | null;
    outputYuan: number | null;
    employees: number | null;
  } | null;
}

export interface RecordContext {
  mapping: HeaderMapping;
  headers: string[];
  /** --region: the region of rows that name none. */
  defaultRegion: string | null;
  /** --revenue-unit: the unit of money cells whose header and cell state none. */
  defaultMoneyUnit: MoneyUnit;
  regionExists: (code: string) => boolean;
}

/** Undoes the quote our exports put before formula-like text, so an export re-imports unchanged. */
function restoreNeutralized(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** GB/T 4754-2011 classes that the 2017 edition renumbered, for registries that still use them. */
const INDUSTRY_2011_TO_2017: Readonly<Record<string, string>> = {
  // 2011's 2760 生物药品制造 was split into 2761 生物药品制造 and 2762 基因工程药物和疫苗制造.
  '2760': '2761',
};

/**
 * Validates one row into an enterprise record, or lists every problem of the row (so a person
 * fixes a file in one pass, not one error at a time).
 */
export function buildEnterpriseRecord(
  row: number,
  cells: string[],
  context: RecordContext,
): { record: EnterpriseRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (
    column: CanonicalColumn,
  ): { text: string; header: string; index: number } | null => {
    const index = context.mapping.columns.indexOf(column);
    if (index < 0) return null;
    return {
      text: restoreNeutralized((cells[index] ?? '').trim()),
      header: context.headers[index] ?? column,
      index,
    };
  };
  const fail = (
    column: CanonicalColumn,
    value: string,
    reason: string,
    code: RowReason,
    params?: ReasonParams,
  ) => {
    errors.push({
      row,
      column: cell(column)?.header ?? ENTERPRISE_COLUMNS[column].label,
      value,
      reason,
      code,
      ...(params ? { params } : {}),
    });
  };
  // No column can store a NUL character: name the cell rather than fail the batch's write.
  context.mapping.columns.forEach((column, index) => {
    const value = cells[index] ?? '';
    if (column !== null && value.includes('\u0000')) {
      fail(
        column,
        value.replaceAll('\u0000', '␀'),
        'contains the NUL character; remove it',
        'TEXT_HAS_NUL',
      );
    }
  });
  const text = (column: CanonicalColumn): string | null => cell(column)?.text || null;
  const money = (column: CanonicalColumn): number | null => {
    const found = cell(column);
    if (!found || !found.text) return null;
    const parsed = parseMoney(
      found.text,
      context.mapping.units[found.index] ?? null,
      context.defaultMoneyUnit,
    );
    if (!parsed.ok) {
      fail(column, found.text, parsed.reason, parsed.code, parsed.params);
      return null;
    }
    return parsed.yuan;
  };

  const name = text('name');
  if (!name) fail('name', '', 'the enterprise name is required', 'NAME_REQUIRED');

  let uscc: string | null = null;
  const usccText = text('uscc');
  if (usccText) {
    const normalized = normalizeUscc(usccText);
    const problem = usccProblem(normalized);
    if (problem === 'length')
      fail(
        'uscc',
        usccText,
        `a USCC has 18 characters, this has ${normalized.length}`,
        'USCC_LENGTH',
        {
          length: normalized.length,
        },
      );
    else if (problem === 'character')
      fail(
        'uscc',
        usccText,
        'a USCC uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY',
        'USCC_CHARACTERS',
      );
    else if (problem === 'check') {
      const expected = usccCheckCharacter(normalized.slice(0, 17));
      fail(
        'uscc',
        usccText,
        `the check character is wrong (GB 32100-2015 expects ${expected ?? '?'}): a typo?`,
        'USCC_CHECK_CHARACTER',
        { expected: expected ?? '?' },
      );
    } else uscc = normalized;
  }

  // Statistical codes come as 12 digits (320214000000); a region is at most the county's six.
  // Full-width digits (３２０２１４) as Chinese input methods type them read as digits.
  const regionText = text('region_code')?.normalize('NFKC').replace(/\s/g, '') ?? null;
  let regionCode: string | null = context.defaultRegion;
  if (regionText && !/^\d{2}(?:\d{2}){0,2}(?:\d{3}){0,2}$/.test(regionText)) {
    fail(
      'region_code',
      regionText,
      'not a region code (2, 4 or 6 digits, e.g. 320214)',
      'REGION_CODE_FORMAT',
    );
    regionCode = null;
  } else if (regionText) {
    regionCode = regionText.slice(0, 6).replace(/(00)+$/, '') || regionText.slice(0, 2);
  } else if (!regionCode && uscc) {
    regionCode = uscc.slice(2, 8);
  }
  if (regionCode && !context.regionExists(regionCode)) {
    fail(
      'region_code',
      regionText ?? regionCode,
      `no region has code ${regionCode}`,
      'REGION_UNKNOWN',
      {
        code: regionCode,
      },
    );
  } else if (!regionCode && !regionText) {
    fail(
      'region_code',
      '',
      'no region: give a 行政区划代码 column, a USCC, or --region',
      'REGION_MISSING',
    );
  }

  /** The parsed value of a cell, or null when it is empty or invalid (then reported). */
  const parseCell = <R extends { ok: true }>(
    column: CanonicalColumn,
    parse: (text: string) => R | ParseFailure,
  ): R | null => {
    const value = text(column);
    if (!value) return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed;
    fail(column, value, parsed.reason, parsed.code, parsed.params);
    return null;
  };

  const foundedOn = parseCell('founded_on', parseDate)?.date ?? null;
  const code = parseCell('industry_code', normalizeIndustryCode)?.code ?? null;
  const industryCode = code && (INDUSTRY_2011_TO_2017[code] ?? code);
  const registeredCapitalYuan = money('registered_capital');
  const revenueYuan = money('revenue');
  const outputYuan = money('output');
  const employees = parseCell('employees', parseCount)?.count ?? null;
  const year = parseCell('year', parseYear)?.year ?? null;
  const yearText = text('year');
  const hasFigures = revenueYuan !== null || outputYuan !== null || employees !== null;
  if (hasFigures && year === null && !yearText) {
    fail(
      'year',
      '',
      'revenue, output and employees need the year (年份) they belong to',
      'YEAR_REQUIRED',
    );
  }

  if (errors.length > 0 || !name || !regionCode) return { errors };
  const productsText = cell('products');
  const tagsText = cell('tags');
  return {
    record: {
      row,
      uscc,
      name,
      nameEn: text('name_en'),
      regionCode,
      address: text('address'),
      foundedOn,
      registeredCapitalYuan,
      industryCode,
      businessScope: text('business_scope'),
      products: productsText ? splitProducts(productsText.text) : null,
      tags: tagsText ? qualificationTags(tagsText.text) : null,
      figures: hasFigures && year !== null ? { year, revenueYuan, outputYuan, employees } : null,
    },
  };
}

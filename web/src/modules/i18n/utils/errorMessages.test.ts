import { ERROR_CODES } from '@shared/error-codes.ts';
import { ROW_REASONS } from '@shared/row-reasons.ts';
import { describe, expect, it } from 'vitest';
import { ROW_REASON_MESSAGES, interpolate } from '@shared/row-reason-messages.ts';
import { ERROR_MESSAGES, errorText, rowReasonText } from './errorMessages.ts';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error messages', () => {
  it.each([...ERROR_CODES, 'NETWORK' as const])('%s has Chinese and English text', (code) => {
    const text = ERROR_MESSAGES[code];
    expect(text.zh).toMatch(CJK);
    expect(text.en).not.toMatch(CJK);
    expect(text.en.length).toBeGreaterThan(3);
    expect(placeholders(text.zh)).toEqual(placeholders(text.en));
  });

  it.each(ROW_REASONS)(
    'row reason %s has Chinese and English text with the same parameters',
    (r) => {
      const text = ROW_REASON_MESSAGES[r];
      if (r !== 'VALUE_INVALID') expect(text.zh).toMatch(CJK);
      expect(text.en).not.toMatch(CJK);
      expect(placeholders(text.zh)).toEqual(placeholders(text.en));
    },
  );

  it('says an API error in the language, by its reason when details name one', () => {
    expect(errorText({ code: 'PARK_NOT_FOUND' }, 'zh-CN')).toBe('未找到该园区');
    expect(errorText({ code: 'PARK_NOT_FOUND' }, 'en')).toBe('No such park');
    const refusal = {
      code: 'SPACE_UNAVAILABLE' as const,
      details: { reason: 'SPACE_UNIT_TOO_SMALL', code: 'A-101', freeM2: 1000, requestedM2: 1500 },
    };
    expect(errorText(refusal, 'zh-CN')).toBe(
      '单元 A-101 只有 1000 m² 空闲，无法预留 1500 m²；请换一个单元或减小面积',
    );
    expect(errorText(refusal, 'en')).toMatch(/^unit A-101 has 1000 m² free; 1500 m²/);
    // A form's date the server refuses says which date and why.
    const past = {
      code: 'VALIDATION_FAILED' as const,
      details: {
        field: 'deadline',
        reason: 'DEADLINE_BEFORE_SET',
        date: '2020-01-31',
        from: '2026-12-06',
      },
    };
    expect(errorText(past, 'zh-CN')).toBe('办结期限 2020-01-31 早于交办日 2026-12-06');
    const future = {
      code: 'VALIDATION_FAILED' as const,
      details: { field: 'receivedAt', reason: 'DATE_IN_FUTURE', date: '2030-01-01' },
    };
    expect(errorText(future, 'zh-CN')).toBe('2030-01-01 是未来的日期');
    // A reason the table does not know falls back to the code's sentence.
    expect(errorText({ code: 'SPACE_UNAVAILABLE', details: { reason: 'NEW' } }, 'en')).toBe(
      ERROR_MESSAGES.SPACE_UNAVAILABLE.en,
    );
  });

  it('says why a whole file was refused in the language, with its name', () => {
    const notXlsx = {
      code: 'VALIDATION_FAILED' as const,
      details: { reason: 'FILE_NOT_XLSX', file: 'z.xlsx' },
    };
    expect(errorText(notXlsx, 'zh-CN')).toBe(
      'z.xlsx 不是 XLSX 工作簿：若其内容是文本，请改名为 .csv 或 .jsonl',
    );
    expect(errorText(notXlsx, 'en')).toMatch(/^z\.xlsx is not an XLSX workbook/);
    const failure = { code: 'FILE_UNREADABLE', params: { file: 'broken.csv' } };
    expect(rowReasonText(failure, 'zh-CN')).toMatch(/^无法读取文件 broken\.csv：/);
  });

  it('says a row reason in the language, and the server English when there is no code', () => {
    const row = {
      reason: 'the check character is wrong (GB 32100-2015 expects 5): a typo?',
      code: 'USCC_CHECK_CHARACTER',
      params: { expected: '5' },
    };
    expect(rowReasonText(row, 'zh-CN')).toBe(
      '校验码不正确（按 GB 32100-2015 应为 5），是否输入有误？',
    );
    expect(rowReasonText(row, 'en')).toBe(row.reason);
    expect(rowReasonText({ reason: 'old words' }, 'zh-CN')).toBe('old words');
  });

  it('fills placeholders and leaves a missing one as written', () => {
    expect(interpolate('row {row}, {column}', { row: 3 })).toBe('row 3, {column}');
    expect(interpolate('{a}', null)).toBe('{a}');
  });
});

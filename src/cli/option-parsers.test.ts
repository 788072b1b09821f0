import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../domain/app-error.ts';
import { formatOfFile, parseOptions } from './option-parsers.ts';

/** The message a refused option gives. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isAppError(error, 'VALIDATION_FAILED')) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

const schema = z
  .object({
    region: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    pageSize: z.coerce.number().int().min(1).max(500).optional(),
    heldOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    kind: z.enum(['supplies', 'serves']).optional(),
  })
  .strict();

describe('parseOptions', () => {
  it('names the option typed and says what is wanted, with the value given', () => {
    expect(refusal(() => parseOptions(schema, { pageSize: '5000' }, { pageSize: '--limit' }))).toBe(
      '--limit must be at most 500 (given "5000").',
    );
    expect(refusal(() => parseOptions(schema, { region: 'x' }))).toBe(
      '--region must be 2 to 6 digits (given "x").',
    );
    expect(refusal(() => parseOptions(schema, { heldOn: '2025/1/2' }, { heldOn: '--on' }))).toBe(
      '--on must be a date such as 2025-01-31 (given "2025/1/2").',
    );
    expect(refusal(() => parseOptions(schema, { kind: 'sells', region: '1' }))).toBe(
      '--region must be 2 to 6 digits (given "1"); --kind must be one of supplies, serves (given "sells").',
    );
  });

  it('passes what the schema takes', () => {
    expect(parseOptions(schema, { pageSize: '20', region: undefined })).toEqual({ pageSize: 20 });
  });
});

describe('formatOfFile', () => {
  it("takes the format from the file's extension and refuses one the command does not write", () => {
    expect(formatOfFile('清单.XLSX', ['xlsx', 'csv'] as const)).toBe('xlsx');
    expect(refusal(() => formatOfFile('card.xlsx', ['csv', 'json'] as const))).toBe(
      '--out card.xlsx: this command writes .csv or .json files; name the file with one of those extensions.',
    );
  });
});

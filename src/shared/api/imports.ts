import { z } from 'zod';
import { ROW_REASONS } from '../row-reasons.ts';
import { UPLOAD_FIELD_ORDER } from './common.ts';

export const rowErrorSchema = z
  .object({
    row: z
      .number()
      .int()
      .meta({ description: 'Row number as the spreadsheet shows it (header = 1).' }),
    column: z.string(),
    value: z.string(),
    reason: z.string().meta({ description: 'Why, in English (as the CLI and errors.csv say it).' }),
    code: z.enum(ROW_REASONS).optional().meta({
      description: 'Why, as a code clients translate; absent on imports recorded before codes.',
    }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: 'The values the reason names (row, expected character, unit…).' }),
  })
  .meta({ id: 'RowError' });
export type RowErrorView = z.infer<typeof rowErrorSchema>;

export const importErrorsQuerySchema = z.object({
  lang: z
    .enum(['zh', 'en'])
    .default('zh')
    .meta({ description: 'Language of the headers and reasons: zh (default) or en.' }),
});

export const importFailureSchema = z
  .object({
    code: z.enum(ROW_REASONS),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({
    id: 'ImportFailure',
    description:
      'Why an import failed as a whole, as a code clients translate (`message` in English).',
  });
export type ImportFailure = z.infer<typeof importFailureSchema>;

export const importSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    source: z.string(),
    status: z.enum(['running', 'done', 'failed', 'rolled_back']).or(z.string()),
    rowsRead: z.number().int(),
    progress: z.object({ bytesRead: z.number(), totalBytes: z.number() }).nullable(),
    counts: z.record(z.string(), z.number()),
    rowsRejected: z
      .number()
      .int()
      .meta({ description: 'Rows refused; one row may carry several errors.' }),
    errorCount: z
      .number()
      .int()
      .meta({ description: 'Errors found (a row with two bad cells counts two).' }),
    errors: z.array(rowErrorSchema),
    message: z.string().nullable(),
    failure: importFailureSchema.nullable(),
    actorName: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof importSchema>;

export const importUploadSchema = z
  .strictObject({
    file: z
      .any()
      .meta({ type: 'string', format: 'binary', description: 'CSV, XLSX or JSON Lines.' }),
    source: z.string().optional(),
    region: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    revenueUnit: z.enum(['yuan', 'wan', 'yi']).optional(),
    strict: z.enum(['true', 'false']).optional(),
    dryRun: z.enum(['true', 'false']).optional(),
  })
  .meta({ id: 'ImportUpload', description: UPLOAD_FIELD_ORDER });

export const duplicateSchema = z
  .object({
    id: z.number().int(),
    enterprise: z.object({ id: z.number().int(), name: z.string() }),
    other: z.object({
      id: z
        .number()
        .int()
        .nullable()
        .meta({ description: 'null once merged: the record was merged into `enterprise`.' }),
      name: z.string(),
    }),
    score: z.number(),
    reasons: z.array(z.string()),
    status: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Duplicate' });
export type Duplicate = z.infer<typeof duplicateSchema>;

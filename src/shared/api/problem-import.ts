import { z } from 'zod';
import { UPLOAD_FIELD_ORDER } from './common.ts';

// Importing problems from a spreadsheet (a 12345 hotline export): the upload and the answer.

export const problemImportUploadSchema = z
  .strictObject({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .meta({ description: '"true": check every row and answer, writing nothing.' }),
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description:
        'XLSX or CSV (UTF-8, UTF-8 with BOM or GB18030); docs/problems.md lists the columns.',
    }),
  })
  .meta({ id: 'ProblemImportUpload', description: UPLOAD_FIELD_ORDER });

export const problemRowErrorSchema = z
  .object({
    row: z.number().int(),
    column: z.string(),
    value: z.string(),
    reason: z.string(),
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ProblemRowError' });

export const problemImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().meta({ description: 'Data rows read.' }),
    imported: z
      .number()
      .int()
      .meta({ description: 'Problems recorded (on a dry run: that would be recorded).' }),
    skipped: z.number().int().meta({
      description:
        'Rows whose 12345 ticket number the enterprise already has (or that repeat one).',
    }),
    references: z.array(z.string()).meta({ description: 'References of the problems recorded.' }),
    errors: z.array(problemRowErrorSchema).meta({
      description: 'Always empty here: a file with bad rows is a 400 listing them in details.',
    }),
  })
  .meta({ id: 'ProblemImportResult' });
export type ProblemImportResult = z.infer<typeof problemImportResultSchema>;

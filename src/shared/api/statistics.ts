import { z } from 'zod';
import { wholeNumberParam } from './fields.ts';
import { UPLOAD_FIELD_ORDER } from './common.ts';
import { STAT_COLUMNS } from '../stat-columns.ts';

export const LQ_DENOMINATORS = ['total', 'same-type'] as const;
export const STAT_MEASURES = ['employment', 'output'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];

const scheme = z
  .string()
  .min(1)
  .max(40)
  .meta({ description: 'Industry scheme of the loaded statistics, e.g. gbt4754 or us-cmp.' });
const year = wholeNumberParam(z.number().int().min(1900).max(2200));
const code = z.string().min(1).max(40);
const benchmark = code
  .optional()
  .meta({ description: 'Compare with this region of the data instead of the sum of all regions.' });

export const statsUploadSchema = z
  .strictObject({
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description:
        'CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX with the columns ' +
        `${STAT_COLUMNS.join(', ')}.`,
    }),
  })
  .meta({ id: 'StatsUpload', description: UPLOAD_FIELD_ORDER });

export const statsImportSchema = z
  .object({
    file: z.string(),
    encoding: z.string(),
    status: z.literal('done'),
    rowsRead: z.number().int(),
    counts: z.object({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    unknownColumns: z.array(z.string()).meta({ description: 'Headers that were ignored.' }),
    schemes: z.array(
      z.object({
        scheme: z.string(),
        years: z.array(z.number().int()),
        regions: z.number().int(),
        industries: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'StatsImport' });
export type StatsImport = z.infer<typeof statsImportSchema>;

export const loadedStatsQuerySchema = z.object({
  scheme: scheme.optional(),
});

export const loadedStatsSchema = z
  .object({
    datasets: z.array(
      z.object({
        scheme: z.string(),
        year: z.number().int(),
        regions: z.number().int(),
        industries: z.number().int(),
        rows: z.number().int(),
        industryTypes: z.array(z.string()),
      }),
    ),
    regions: z.array(
      z.object({
        scheme: z.string(),
        regionCode: z.string(),
        regionName: z.string().nullable(),
        years: z.array(z.number().int()),
        industries: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'LoadedStats' });
export type LoadedStatsView = z.infer<typeof loadedStatsSchema>;

export const lqQuerySchema = z.object({
  scheme,
  year,
  denominator: z.enum(LQ_DENOMINATORS).default('total').meta({
    description: 'total: all industries of the region; same-type: only those of its type.',
  }),
  measure: z.enum(STAT_MEASURES).default('employment'),
  benchmark,
  region: code.optional().meta({ description: 'Only this region.' }),
  industry: code.optional().meta({ description: 'Only this industry.' }),
});
export type LqQuery = z.infer<typeof lqQuerySchema>;

export const lqRowSchema = z
  .object({
    regionCode: z.string(),
    regionName: z.string().nullable(),
    industryCode: z.string(),
    industryName: z.string().nullable(),
    industryType: z.string().nullable(),
    value: z.number(),
    lq: z.number().nullable(),
    regionShare: z.number().nullable(),
    nationalShare: z.number().nullable(),
    strong: z.boolean(),
    strong10: z.boolean(),
  })
  .meta({ id: 'LqRow' });

export const lqTableSchema = z
  .object({
    scheme: z.string(),
    year: z.number().int(),
    denominator: z.enum(LQ_DENOMINATORS),
    measure: z.enum(STAT_MEASURES),
    benchmark: z.string().nullable(),
    items: z.array(lqRowSchema),
  })
  .meta({ id: 'LqTable' });
export type LqTableView = z.infer<typeof lqTableSchema>;

export const strengthQuerySchema = z.object({
  scheme,
  year,
  denominator: z.enum(LQ_DENOMINATORS).default('same-type'),
  benchmark,
  region: code.optional(),
});

export const strengthTableSchema = z
  .object({
    scheme: z.string(),
    year: z.number().int(),
    denominator: z.enum(LQ_DENOMINATORS),
    benchmark: z.string().nullable(),
    items: z.array(
      z.object({
        regionCode: z.string(),
        regionName: z.string().nullable(),
        tradedEmployment: z.number(),
        strongEmployment: z.number(),
        strongClusters: z.number().int(),
        strength: z.number().nullable(),
        strong10Employment: z.number(),
        strength10: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ClusterStrengthTable' });
export type StrengthTableView = z.infer<typeof strengthTableSchema>;

export const shiftShareQuerySchema = z.object({
  scheme,
  from: year.meta({ description: 'Base year.' }),
  to: year.meta({ description: 'End year.' }),
  measure: z.enum(STAT_MEASURES).default('employment'),
  benchmark,
  region: code.optional(),
  industry: code.optional(),
});

const shiftShareParts = {
  base: z.number(),
  end: z.number(),
  change: z.number(),
  nationalShare: z.number().meta({ description: 'E0·gN' }),
  industryMix: z.number().meta({ description: 'E0·(gi − gN)' }),
  regionalShare: z.number().meta({ description: 'E0·(gir − gi); the three sum to change.' }),
};

export const shiftShareTableSchema = z
  .object({
    scheme: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    measure: z.enum(STAT_MEASURES),
    benchmark: z.string().nullable(),
    items: z.array(
      z.object({
        regionCode: z.string(),
        regionName: z.string().nullable(),
        industryCode: z.string(),
        industryName: z.string().nullable(),
        ...shiftShareParts,
      }),
    ),
    totals: z.array(
      z.object({ regionCode: z.string(), regionName: z.string().nullable(), ...shiftShareParts }),
    ),
  })
  .meta({ id: 'ShiftShareTable' });
export type ShiftShareTableView = z.infer<typeof shiftShareTableSchema>;

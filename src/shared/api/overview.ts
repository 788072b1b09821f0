import { z } from 'zod';
import { bilingualSchema } from './common.ts';

export const regionOverviewParamsSchema = z.object({
  code: z
    .string()
    .regex(/^\d{2,12}$/, 'a region code of 2 to 12 digits, such as 3202')
    .meta({ description: 'The region, e.g. 3202 (Wuxi).', example: '3202' }),
});
export type RegionOverviewParams = z.infer<typeof regionOverviewParamsSchema>;

const personSchema = z.object({ name: z.string(), title: z.string().nullable() });

export const chainOverviewSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    leader: personSchema.nullable().meta({ description: 'The chain leader, when recorded.' }),
    officeName: z.string().nullable(),
    year: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The analysis's figure year; null when the registry has none." }),
    enterprises: z.number().int(),
    outputYuan: z.number().nullable(),
    target: z
      .object({
        year: z.number().int(),
        valueYuan: z.number(),
        progress: z.number().nullable().meta({ description: 'Actual / target.' }),
        requiredGrowth: z
          .number()
          .nullable()
          .meta({ description: 'Yearly growth needed from the actual to the target.' }),
      })
      .nullable()
      .meta({ description: "The chain's own output target in the region (the nearest year)." }),
    statusCounts: z.object({
      strong: z.number().int(),
      weak: z.number().int(),
      missing: z.number().int(),
    }),
    completeness: z.number().nullable().meta({ description: 'Weighted completeness, 0–1.' }),
    chainMasters: z.number().int(),
    projects: z.object({
      active: z.number().int().meta({ description: 'Projects in the pipeline (active).' }),
      investmentYuan: z.number(),
      weightedOutputYuan: z.number(),
    }),
    problems: z.object({
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  })
  .meta({ id: 'ChainOverview' });
export type ChainOverview = z.infer<typeof chainOverviewSchema>;

export const regionOverviewSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    items: z.array(chainOverviewSchema),
  })
  .meta({ id: 'RegionOverview' });
export type RegionOverview = z.infer<typeof regionOverviewSchema>;

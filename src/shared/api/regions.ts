import { z } from 'zod';

export const REGION_LEVELS = ['province', 'city', 'county', 'custom'] as const;

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

export const regionQuerySchema = z.object({
  parent: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .meta({ description: 'Parent region code; omit for the provinces. Example: 3202 (Wuxi).' }),
});

import { z } from 'zod';
import { wholeNumberParam } from './fields.ts';

export const REGION_LEVELS = ['province', 'city', 'county', 'custom'] as const;

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().meta({
      description: "English: a province's settled name, else Hanyu Pinyin (Xishan District).",
    }),
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

export const regionSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(40).meta({
    description:
      'A name (无锡), its pinyin (wuxi) or initials (wx), an English name, or a code prefix (3202).',
    example: 'wuxi',
  }),
  within: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .meta({ description: 'Only regions under this code, e.g. 32 for Jiangsu.' }),
  limit: wholeNumberParam(z.number().int().min(1).max(100)).default(20),
});

export const regionMatchSchema = regionSchema
  .extend({
    path: z
      .array(z.string())
      .meta({ description: 'Names from the province down: ["江苏省", "无锡市", "新吴区"].' }),
  })
  .meta({ id: 'RegionMatch' });
export type RegionMatch = z.infer<typeof regionMatchSchema>;

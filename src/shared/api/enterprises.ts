import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

export const enterpriseQuerySchema = pageQuerySchema.extend({
  region: z
    .string()
    .regex(/^\d{2,6}$/, 'a region code of 2 to 6 digits')
    .optional()
    .meta({ description: 'Region code; a province or city code includes everything inside it.' }),
  tag: z.string().min(1).optional().meta({ description: 'Only enterprises carrying this tag.' }),
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Text: part of the Chinese or English name, or a whole USCC.' }),
});
export type EnterpriseQuery = z.infer<typeof enterpriseQuerySchema>;

export const enterpriseSummarySchema = z
  .object({
    id: z.number().int(),
    uscc: z.string().nullable(),
    name: z.string(),
    nameEn: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    industryCode: z.string().nullable(),
    foundedOn: z.string().nullable(),
    tags: z.array(z.string()),
    parkId: z.number().int().nullable(),
    status: z.string(),
    source: z.string(),
    demo: z.boolean().meta({ description: 'Generated demo data, not a real record.' }),
    latestYear: z.number().int().nullable(),
    latestOutputYuan: z.number().nullable(),
  })
  .meta({ id: 'EnterpriseSummary' });
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

export const enterpriseYearSchema = z
  .object({
    year: z.number().int(),
    revenueYuan: z.number().nullable(),
    outputYuan: z.number().nullable(),
    taxYuan: z.number().nullable(),
    rdSpendYuan: z.number().nullable(),
    exportsYuan: z.number().nullable(),
    employees: z.number().int().nullable(),
  })
  .meta({ id: 'EnterpriseYear' });
export type EnterpriseYear = z.infer<typeof enterpriseYearSchema>;

export const enterpriseDetailSchema = enterpriseSummarySchema
  .extend({
    aliases: z.array(z.string()),
    address: z.string().nullable(),
    registeredCapitalYuan: z.number().nullable(),
    businessScope: z.string().nullable(),
    products: z.array(z.string()),
    park: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    figuresIllustrative: z
      .boolean()
      .meta({ description: 'A real name with made-up figures: the figures illustrate only.' }),
    years: z.array(enterpriseYearSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnterpriseDetail' });
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

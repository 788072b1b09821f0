import { z } from 'zod';
import { nodeCodeSchema, paramIdSchema, regionCodeParam } from './fields.ts';
import { DECISIONS, ENTERPRISE_SORTS } from '../enterprise-values.ts';
import { FIGURE_HISTORY_REASONS, FIGURE_MEASURES } from '../figure-history.ts';
import { bilingualSchema, pageQuerySchema } from './common.ts';

export {
  DECISIONS,
  ENTERPRISE_SORTS,
  KNOWN_TAGS,
  type EnterpriseSort,
} from '../enterprise-values.ts';

/** What selects enterprises, for a page of the list and for an export alike. */
export const enterpriseFilterSchema = z.object({
  region: regionCodeParam
    .optional()
    .meta({ description: 'Region code; a province or city code includes everything inside it.' }),
  tag: z.string().min(1).optional().meta({ description: 'Only enterprises carrying this tag.' }),
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Text: part of the Chinese or English name, or a whole USCC.' }),
  node: nodeCodeSchema.optional().meta({
    description:
      'Only enterprises classified on this node (or under this stage), e.g. biomed.mid.device.',
  }),
  chain: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'a chain code such as biomed')
    .optional()
    .meta({
      description:
        'Only enterprises placed on this chain (any of its nodes); each listed primaryNode is ' +
        'then its node on this chain. An enterprise may sit on several chains.',
    }),
  nodeChain: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'a chain code such as biomed')
    .optional()
    .meta({
      description:
        'The chain whose node each listed primaryNode is, without filtering by it (default: the ' +
        'chain of chain or node, else the first chain loaded). The web registry sends the chain in view.',
    }),
  decision: z
    .enum(['confirmed', 'uncertain', 'rejected'])
    .optional()
    .meta({
      description:
        'With node or chain: only this decision there (default: confirmed or uncertain). ' +
        'Without either: enterprises with a placement of this decision on any node ' +
        '(uncertain: the review queue).',
    }),
  park: paramIdSchema.optional().meta({ description: 'Only tenants of this park (its id).' }),
});
export type EnterpriseFilterQuery = z.infer<typeof enterpriseFilterSchema>;

export const enterpriseQuerySchema = pageQuerySchema.extend(enterpriseFilterSchema.shape).extend({
  sort: z
    .enum(ENTERPRISE_SORTS)
    .default('name')
    .meta({ description: 'Order by name, founding date, latest output or region code.' }),
  order: z.enum(['asc', 'desc']).default('asc').meta({ description: 'Ascending or descending.' }),
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
    place: z.string().nullable().meta({
      description:
        'The region from its city down, as a person reads it: 无锡市·新吴区, 上海市·金山区 (a district name alone is ambiguous).',
    }),
    industryCode: z.string().nullable(),
    industryName: z
      .string()
      .nullable()
      .meta({ description: 'The GB/T 4754-2017 name of industryCode, when the standard has it.' }),
    foundedOn: z.string().nullable(),
    tags: z.array(z.string()),
    parkId: z.number().int().nullable(),
    status: z.string(),
    source: z.string(),
    demo: z.boolean().meta({ description: 'Generated demo data, not a real record.' }),
    latestYear: z.number().int().nullable(),
    latestOutputYuan: z.number().nullable(),
    primaryNode: z
      .object({ code: z.string(), name: bilingualSchema })
      .nullable()
      .meta({
        description:
          'The node the enterprise counts on, if classified: on the chain filtered by (chain or ' +
          'node), else on the first chain loaded. Its placements on every chain are in the detail.',
      }),
    chains: z.array(z.string()).meta({
      description:
        'The codes of the chains it counts on (a primary placement on each), e.g. ["biomed", "equipment"]: ' +
        'a firm with no node on the chain in view may sit on another.',
    }),
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

export const evidenceSchema = z
  .object({
    kind: z.enum(['products', 'scope', 'name', 'industry_code', 'exclusion', 'learned']),
    rule: z.string().meta({ description: 'The template rule that fired, e.g. products.zh.' }),
    keyword: z.string(),
    matched: z.string().meta({ description: 'The enterprise text it matched, with context.' }),
    weight: z.number(),
  })
  .meta({ id: 'Evidence' });
export type EvidenceView = z.infer<typeof evidenceSchema>;

export const enterpriseClassificationSchema = z
  .object({
    nodeCode: z.string(),
    nodeName: z.object({ zh: z.string(), en: z.string() }),
    score: z.number(),
    decision: z.enum(DECISIONS),
    primary: z.boolean(),
    method: z.enum(['rule', 'manual']),
    evidence: z.array(evidenceSchema),
    decidedAt: z.string(),
  })
  .meta({ id: 'EnterpriseClassification' });
export type EnterpriseClassification = z.infer<typeof enterpriseClassificationSchema>;

export const classificationDecisionSchema = z
  .strictObject({
    decision: z.enum(['confirmed', 'rejected']),
    moveTo: z.string().min(1).max(100).optional().meta({
      description: 'Move the enterprise from this node to another node (its new primary).',
    }),
  })
  .meta({ id: 'ClassificationDecision' });
export type ClassificationDecisionRequest = z.infer<typeof classificationDecisionSchema>;

export const figureHistorySchema = z
  .object({
    year: z.number().int(),
    measure: z.enum(FIGURE_MEASURES),
    value: z.number().meta({ description: 'The figure that no longer feeds the analysis.' }),
    keptValue: z
      .number()
      .nullable()
      .meta({ description: 'The figure that feeds the analysis instead, when recorded.' }),
    reason: z.enum(FIGURE_HISTORY_REASONS),
    source: z.object({
      importId: z.number().int().nullable(),
      fileName: z.string().nullable(),
      name: z.string().nullable(),
      row: z.number().int().nullable(),
      at: z.string().nullable(),
    }),
    mergedEnterprise: z
      .object({ id: z.number().int(), name: z.string() })
      .nullable()
      .meta({ description: 'The record merged into this one that held the figure.' }),
    recordedAt: z.string(),
  })
  .meta({ id: 'FigureHistory' });
export type FigureHistory = z.infer<typeof figureHistorySchema>;

export const enterpriseDetailSchema = enterpriseSummarySchema
  .extend({
    aliases: z.array(z.string()),
    address: z.string().nullable(),
    registeredCapitalYuan: z.number().nullable(),
    businessScope: z.string().nullable(),
    products: z.array(z.string()),
    park: z
      .object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() })
      .nullable(),
    figuresIllustrative: z
      .boolean()
      .meta({ description: 'A real name with made-up figures: the figures illustrate only.' }),
    years: z.array(enterpriseYearSchema),
    figureHistory: z.array(figureHistorySchema).meta({
      description:
        'Figures overridden by merges and imports, with their sources; the analysis reads `years` only.',
    }),
    classifications: z.array(enterpriseClassificationSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnterpriseDetail' });
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

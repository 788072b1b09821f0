import { z } from 'zod';
import { LINK_KINDS, LINK_SOURCES } from '../link-kinds.ts';
import { UPLOAD_FIELD_ORDER, bilingualSchema, pageQuerySchema } from './common.ts';
import {
  bodyIdSchema,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  safeText,
  yuanSchema,
} from './fields.ts';

// Links between enterprises (企业关系) and the chain master view (链主生态): the contract.

const regionCodeSchema = z
  .string()
  .regex(/^\d{2}(\d{2}){0,2}$/, 'use an administrative code such as 3202 or 320214')
  .meta({ description: 'Region code (a prefix: 32, 3202, 320214).', example: '3202' });

export const linkKindSchema = z.enum(LINK_KINDS).meta({
  description:
    'supplies 供货 (from sells to to) · serves 服务 (from is the CRO/CDMO of to) · owns 控股 · cooperates 合作',
});

/** The longest product or service a link names, by request or in an imported file. */
export const LINK_PRODUCT_MAX = 200;

export const createLinkSchema = z
  .strictObject({
    kind: linkKindSchema,
    fromId: bodyIdSchema.meta({ description: 'The supplier, provider, owner or partner.' }),
    toId: bodyIdSchema.meta({ description: 'The buyer, client, owned firm or partner.' }),
    product: safeText(LINK_PRODUCT_MAX).nullable().optional(),
    sharePercent: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .meta({ description: "Share of the buyer's purchases, 0–100 (%)." }),
    amountYuan: yuanSchema
      .min(0)
      .nullable()
      .optional()
      .meta({ description: 'Yearly amount in yuan.' }),
    validFrom: isoDateSchema.nullable().optional(),
    validTo: isoDateSchema.nullable().optional(),
  })
  .meta({ id: 'CreateLink' });
export type CreateLinkRequest = z.infer<typeof createLinkSchema>;

export const linkQuerySchema = pageQuerySchema.extend({
  enterprise: paramIdSchema
    .optional()
    .meta({ description: 'Links where this enterprise is a party.' }),
  kind: linkKindSchema.optional(),
});
export type LinkQuery = z.infer<typeof linkQuerySchema>;

const partySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
});

export const linkSchema = z
  .object({
    id: z.number().int(),
    kind: linkKindSchema,
    from: partySchema,
    to: partySchema,
    product: z.string().nullable(),
    sharePercent: z.number().nullable(),
    amountYuan: z.number().nullable(),
    figuresHidden: z.boolean().meta({
      description: "True when share and amount are another firm's and hidden from this user.",
    }),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    source: z.enum(LINK_SOURCES),
    createdBy: z.string(),
    createdAt: z.string(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'EnterpriseLink' });
export type EnterpriseLinkView = z.infer<typeof linkSchema>;

export const linkImportUploadSchema = z
  .strictObject({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .meta({ description: '"true": check every row and answer, writing nothing.' }),
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description: 'XLSX or CSV; docs/ecology.md lists the columns.',
    }),
  })
  .meta({ id: 'LinkImportUpload', description: UPLOAD_FIELD_ORDER });

export const linkImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    imported: z.number().int(),
    unchanged: z.number().int().meta({
      description:
        'Rows that say what a stored link (or an earlier row) says already: not added again.',
    }),
  })
  .meta({ id: 'LinkImportResult' });
export type LinkImportResult = z.infer<typeof linkImportResultSchema>;

export const chainParamSchema = z.object({
  code: requiredText(64).meta({ example: 'biomed' }),
});
export const chainMasterParamSchema = chainParamSchema.extend({ id: paramIdSchema });
export const chainNodeParamSchema = chainParamSchema.extend({
  node: requiredText(120).meta({ example: 'biomed.mid.chem' }),
});
export const chainMasterQuerySchema = z.object({
  region: regionCodeSchema,
  asOf: isoDateSchema.optional().meta({
    description: 'Count the links valid on this day (default: today, Asia/Shanghai).',
  }),
});

export const localRateSchema = z
  .object({
    total: z.number().int(),
    local: z.number().int(),
    byCount: z.number().nullable(),
    withAmount: z.number().int(),
    amountYuan: z.number(),
    localAmountYuan: z.number(),
    byAmount: z.number().nullable(),
  })
  .meta({ id: 'LocalSupportingRate' });

const nodeRefSchema = z.object({ code: z.string(), name: bilingualSchema }).nullable();

export const chainMasterSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    regionCode: z.string(),
    node: nodeRefSchema,
    suppliers: z.number().int(),
    customers: z.number().int(),
    rate: localRateSchema,
  })
  .meta({ id: 'ChainMasterSummary' });
export type ChainMasterSummary = z.infer<typeof chainMasterSummarySchema>;

export const averageRateSchema = z
  .object({
    masters: z
      .number()
      .int()
      .meta({ description: 'Chain masters with at least one known supply link.' }),
    byCount: z.number().nullable(),
    byAmount: z.number().nullable(),
  })
  .meta({ id: 'AverageLocalSupportingRate' });
export type AverageLocalRate = z.infer<typeof averageRateSchema>;

export const chainMastersSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    regionCode: z.string(),
    asOf: z.string(),
    items: z.array(chainMasterSummarySchema),
    average: averageRateSchema,
  })
  .meta({ id: 'ChainMasters' });
export type ChainMasters = z.infer<typeof chainMastersSchema>;

export const partnerSchema = z
  .object({
    linkId: z.number().int(),
    kind: linkKindSchema,
    role: z.enum(['supplier', 'customer', 'provider', 'client', 'owner', 'owned', 'partner']),
    enterprise: partySchema,
    local: z.boolean(),
    node: nodeRefSchema,
    product: z.string().nullable(),
    sharePercent: z.number().nullable(),
    amountYuan: z.number().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    source: z.enum(LINK_SOURCES),
  })
  .meta({ id: 'ChainMasterPartner' });
export type ChainMasterPartner = z.infer<typeof partnerSchema>;

export const byNodeSchema = z.object({
  node: nodeRefSchema,
  suppliersLocal: z.number().int(),
  suppliersElsewhere: z.number().int(),
  customersLocal: z.number().int(),
  customersElsewhere: z.number().int(),
});

export const chainMasterNetworkSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    asOf: z.string(),
    master: chainMasterSummarySchema,
    partners: z.array(partnerSchema),
    byNode: z.array(byNodeSchema),
  })
  .meta({ id: 'ChainMasterNetwork' });
export type ChainMasterNetwork = z.infer<typeof chainMasterNetworkSchema>;

export const nodeLinksSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    node: z.object({ code: z.string(), name: bilingualSchema }),
    regionCode: z.string(),
    asOf: z.string(),
    firms: z.number().int().meta({ description: 'Firms of the region placed on the node.' }),
    flows: z.array(
      z.object({
        direction: z.enum(['buys', 'sells']),
        node: nodeRefSchema,
        links: z.number().int(),
        local: z.number().int(),
        onChainFlow: z
          .boolean()
          .meta({ description: 'The chain template has this flow (supplier node → buyer node).' }),
      }),
    ),
  })
  .meta({ id: 'NodeLinks' });
export type NodeLinks = z.infer<typeof nodeLinksSchema>;

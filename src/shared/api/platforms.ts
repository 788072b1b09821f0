// Innovation platforms (创新平台): the nodes they serve, the firms using them, their own targets.
import { z } from 'zod';
import {
  bodyIdSchema,
  chainCodeSchema,
  isoDateSchema,
  isWholeFen,
  paramIdSchema,
  requiredText,
  safeText,
} from './fields.ts';
import { bilingualSchema, pageQuerySchema } from './common.ts';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_METRICS } from '../platform-values.ts';

export {
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  PLATFORM_METRICS,
  type PlatformKind,
  type PlatformLevel,
  type PlatformMetric,
} from '../platform-values.ts';

const nodeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'use a node code such as biomed.up.cro')
  .max(100);
const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'use a county-level administrative code such as 320214')
  .meta({ example: '320214' });
/** Targets and actuals: counts or yuan, up to 100 trillion. */
const amountSchema = z.number().min(0).max(1e14);
const yearSchema = z.number().int().min(1949).max(2100);

export const platformChainParamSchema = z.object({ code: chainCodeSchema });
export const platformIdParamSchema = z.object({ code: chainCodeSchema, id: paramIdSchema });
export const platformUserParamSchema = z.object({
  code: chainCodeSchema,
  id: paramIdSchema,
  enterpriseId: paramIdSchema,
});

const platformFields = {
  name: requiredText(200).meta({ example: '无锡创新药物研发创新中心（示意）' }),
  kind: z.enum(PLATFORM_KINDS),
  level: z.enum(PLATFORM_LEVELS),
  hostName: safeText(200)
    .nullable()
    .optional()
    .meta({ description: 'The host institution or enterprise as written.' }),
  hostEnterpriseId: bodyIdSchema
    .nullable()
    .optional()
    .meta({ description: 'The host, when it is an enterprise of the registry.' }),
  regionCode: regionCodeSchema,
  parkId: bodyIdSchema.nullable().optional().meta({ description: 'The park it sits in.' }),
  nodeCodes: z
    .array(nodeCodeSchema)
    .max(50)
    .optional()
    .meta({ description: 'The chain nodes it serves.', example: ['biomed.up.cro'] }),
  description: safeText(2000).nullable().optional(),
};

export const createPlatformSchema = z.strictObject(platformFields);
export type CreatePlatformRequest = z.infer<typeof createPlatformSchema>;

export const updatePlatformSchema = z.strictObject({
  ...platformFields,
  name: platformFields.name.optional(),
  kind: platformFields.kind.optional(),
  level: platformFields.level.optional(),
  regionCode: platformFields.regionCode.optional(),
});
export type UpdatePlatformRequest = z.infer<typeof updatePlatformSchema>;

export const platformQuerySchema = pageQuerySchema.extend({
  kind: z.enum(PLATFORM_KINDS).optional(),
  level: z.enum(PLATFORM_LEVELS).optional(),
  node: nodeCodeSchema.optional().meta({ description: 'Only the platforms serving this node.' }),
  q: safeText(100).optional().meta({ description: 'Text in the name or the host.' }),
});
export type PlatformQuery = z.infer<typeof platformQuerySchema>;

export const platformUseSchema = z.strictObject({
  since: isoDateSchema.nullable().optional(),
  service: safeText(200)
    .nullable()
    .optional()
    .meta({ description: 'What it uses the platform for.', example: '中试放大' }),
  note: safeText(1000).nullable().optional(),
});
export type PlatformUseRequest = z.infer<typeof platformUseSchema>;

export const platformTargetRequestSchema = z
  .strictObject({
    year: yearSchema,
    metric: z.enum(PLATFORM_METRICS),
    target: amountSchema,
    actual: amountSchema.nullable().optional(),
  })
  .superRefine((request, ctx) => {
    // Firms, projects, patents and services are counted in whole numbers; R&D spend in yuan.
    // Runs even when a field failed its own check: only a known metric says what it counts.
    if (!(PLATFORM_METRICS as readonly unknown[]).includes(request.metric)) return;
    const money = request.metric === 'rd_spend_yuan';
    for (const field of ['target', 'actual'] as const) {
      const value = request[field];
      if (typeof value !== 'number') continue;
      if (money ? !isWholeFen(value) : !Number.isInteger(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: money
            ? 'has more than two decimal places: yuan are kept to the fen (0.01)'
            : `must be a whole number: ${request.metric} is a count`,
        });
      }
    }
  });
export type PlatformTargetRequest = z.infer<typeof platformTargetRequestSchema>;

const nodeRefSchema = z.object({ code: z.string(), name: bilingualSchema });

export const platformTargetSchema = z
  .object({
    year: z.number().int(),
    metric: z.enum(PLATFORM_METRICS),
    target: z.number(),
    actual: z.number().nullable(),
    progress: z
      .number()
      .nullable()
      .meta({ description: 'actual / target (0–1 and above); null without an actual or target.' }),
  })
  .meta({ id: 'PlatformTarget' });
export type PlatformTarget = z.infer<typeof platformTargetSchema>;

export const platformSummarySchema = z
  .object({
    id: z.number().int(),
    chainCode: z.string(),
    name: z.string(),
    kind: z.enum(PLATFORM_KINDS),
    level: z.enum(PLATFORM_LEVELS),
    hostName: z.string().nullable(),
    hostEnterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    region: z.object({ code: z.string(), name: z.string() }),
    park: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    nodes: z.array(nodeRefSchema),
    firmsUsing: z.number().int().meta({ description: 'How many firms use it.' }),
    progress: z.object({ year: z.number().int(), ratio: z.number() }).nullable().meta({
      description:
        'Its latest target year: the mean of actual / target (each capped at 1) over the metrics with an actual.',
    }),
    demo: z.boolean(),
  })
  .meta({ id: 'PlatformSummary' });
export type PlatformSummary = z.infer<typeof platformSummarySchema>;

export const platformListSchema = z.object({
  items: z.array(platformSummarySchema),
  total: z.number().int(),
});
export type PlatformList = z.infer<typeof platformListSchema>;

export const platformUseViewSchema = z
  .object({
    enterprise: z.object({
      id: z.number().int(),
      name: z.string(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
    }),
    since: z.string().nullable(),
    service: z.string().nullable(),
    note: z.string().nullable(),
    demo: z.boolean(),
  })
  .meta({ id: 'PlatformUse' });
export type PlatformUse = z.infer<typeof platformUseViewSchema>;

export const platformSchema = platformSummarySchema
  .extend({
    description: z.string().nullable(),
    users: z.array(platformUseViewSchema).meta({
      description: "The firms using it, by name (a firm user sees only its own enterprise's use).",
    }),
    usersHidden: z
      .boolean()
      .meta({ description: "Other firms' use is hidden from this viewer (a firm user)." }),
    targets: z.array(platformTargetSchema).meta({ description: 'Newest year first.' }),
  })
  .meta({ id: 'Platform' });
export type Platform = z.infer<typeof platformSchema>;

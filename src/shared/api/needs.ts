// Supply–demand matchmaking (供需对接): needs and offers, proposed matches and their outcomes.
import { z } from 'zod';
import {
  bodyIdSchema,
  chainCodeSchema,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  safeText,
  yuanSchema,
} from './fields.ts';
import { bilingualSchema, pageQuerySchema } from './common.ts';

import {
  MATCH_DISTANCES,
  MATCH_OUTCOMES,
  NEED_KINDS,
  NEED_STANDINGS,
  NEED_STATUSES,
} from '../need-values.ts';

export {
  MATCH_DISTANCES,
  MATCH_OUTCOMES,
  NEED_KINDS,
  NEED_STATUSES,
  type MatchDistance,
  type MatchOutcome,
  type NeedKind,
  type NeedStatus,
} from '../need-values.ts';

const nodeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'use a node code such as biomed.up.reagent')
  .max(100);
/** Quantities up to a trillion units; a need for nothing or less is no need. */
const quantitySchema = z.number().positive().max(1e12);
const priceSchema = yuanSchema.min(0);

export const needChainParamSchema = z.object({ code: chainCodeSchema });
export const needIdParamSchema = z.object({ code: chainCodeSchema, id: paramIdSchema });
export const matchParamSchema = z.object({
  code: chainCodeSchema,
  id: paramIdSchema,
  supplierId: paramIdSchema,
});

const periodCheck = (
  value: { startsOn?: string | null | undefined; endsOn?: string | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: `must not be before startsOn (${value.startsOn})`,
    });
  }
};

const needFields = {
  product: requiredText(200).meta({
    description: 'The product or service, as the enterprise says it (培养基, 西林瓶灌装线).',
    example: '无血清培养基',
  }),
  nodeCode: nodeCodeSchema.nullable().optional().meta({
    description:
      "The node that makes it; left out: proposed from the product text by the chain's classifier.",
  }),
  quantity: quantitySchema.nullable().optional(),
  unit: safeText(20).nullable().optional().meta({ example: '升' }),
  priceYuan: priceSchema.nullable().optional().meta({ description: 'Unit price or budget, yuan.' }),
  contact: safeText(200).nullable().optional(),
  startsOn: isoDateSchema.nullable().optional(),
  endsOn: isoDateSchema.nullable().optional(),
  note: safeText(1000).nullable().optional(),
};

export const createNeedSchema = z
  .strictObject({
    enterpriseId: bodyIdSchema.optional().meta({
      description: "The enterprise; a firm user's own when left out (firms may name no other).",
    }),
    ...needFields,
  })
  .superRefine(periodCheck);
export type CreateNeedRequest = z.infer<typeof createNeedSchema>;

export const updateNeedSchema = z
  .strictObject({
    ...needFields,
    product: needFields.product.optional(),
    status: z.enum(NEED_STATUSES).optional(),
  })
  .superRefine(periodCheck);
export type UpdateNeedRequest = z.infer<typeof updateNeedSchema>;

export const needQuerySchema = pageQuerySchema.extend({
  status: z.enum(NEED_STANDINGS).optional().meta({
    description: 'open: open and its period not over; expired: open, its period over; closed.',
  }),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: "true: only the signed-in firm's own (or, for others, none)." }),
  node: nodeCodeSchema.optional(),
  q: safeText(100).optional().meta({ description: 'Text in the product.' }),
});
export type NeedQuery = z.infer<typeof needQuerySchema>;

const refSchema = z.object({ code: z.string(), name: z.string() });

export const needSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NEED_KINDS),
    chainCode: z.string(),
    enterprise: z.object({ id: z.number().int(), name: z.string() }),
    district: refSchema.nullable().meta({ description: "The enterprise's county-level region." }),
    node: z.object({ code: z.string(), name: bilingualSchema, proposed: z.boolean() }).nullable(),
    product: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    status: z.enum(NEED_STANDINGS).meta({
      description: 'expired: open, but its period ended before today (Asia/Shanghai).',
    }),
    demo: z.boolean(),
    createdAt: z.string(),
    /** `full` for the office and the owner; `public` hides the private fields (null). */
    visibility: z.enum(['full', 'public']),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    priceYuan: z.number().nullable(),
    contact: z.string().nullable(),
    note: z.string().nullable(),
    own: z.boolean().meta({ description: "The signed-in firm's own need or offer." }),
  })
  .meta({ id: 'Need' });
export type Need = z.infer<typeof needSchema>;

export const needListSchema = z.object({ items: z.array(needSchema), total: z.number().int() });
export type NeedList = z.infer<typeof needListSchema>;

export const matchOutcomeSchema = z.object({
  outcome: z.enum(MATCH_OUTCOMES),
  outcomeOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
});

export const proposedMatchSchema = z
  .object({
    rank: z.number().int(),
    supplier: z.object({
      id: z.number().int(),
      name: z.string(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
    }),
    local: z.boolean().meta({ description: 'In the same city as the enterprise with the need.' }),
    distance: z.enum(MATCH_DISTANCES),
    node: z.object({ code: z.string(), name: bilingualSchema }).nullable(),
    offer: z.object({ id: z.number().int(), product: z.string() }).nullable(),
    score: z.number(),
    reasons: z.array(bilingualSchema.extend({ code: z.string() })),
    outcome: matchOutcomeSchema.nullable(),
  })
  .meta({ id: 'ProposedMatch' });
export type ProposedMatch = z.infer<typeof proposedMatchSchema>;

export const needMatchesSchema = z
  .object({
    need: needSchema,
    items: z.array(proposedMatchSchema),
    noLocalSupplier: z.boolean().meta({
      description:
        'No local firm with a confirmed placement on the serving node, and no open local offer of it.',
    }),
  })
  .meta({ id: 'NeedMatches' });
export type NeedMatches = z.infer<typeof needMatchesSchema>;

export const recordOutcomeSchema = z.strictObject({
  outcome: z.enum(MATCH_OUTCOMES),
  outcomeOn: isoDateSchema,
  offerId: bodyIdSchema.nullable().optional(),
  note: safeText(1000).nullable().optional(),
});
export type RecordOutcomeRequest = z.infer<typeof recordOutcomeSchema>;

export const matchRecordSchema = z
  .object({
    id: z.number().int(),
    needId: z.number().int(),
    supplierId: z.number().int(),
    offerId: z.number().int().nullable(),
    ...matchOutcomeSchema.shape,
  })
  .meta({ id: 'MatchRecord' });
export type MatchRecord = z.infer<typeof matchRecordSchema>;

export const matchmakingSummarySchema = z
  .object({
    openNeeds: z.number().int(),
    openOffers: z.number().int(),
    noLocalSupplier: z.number().int().meta({ description: 'Open needs no local firm serves.' }),
    matchesThisYear: z.number().int().meta({
      description: 'Matches followed up this calendar year (Asia/Shanghai) and not dropped.',
    }),
    year: z.number().int(),
  })
  .meta({ id: 'MatchmakingSummary' });
export type MatchmakingSummary = z.infer<typeof matchmakingSummarySchema>;

export const summaryQuerySchema = z.object({
  region: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, 'use an administrative code such as 3202 or 320214')
    .optional()
    .meta({
      description: 'Region code prefix of the needing enterprises; all when left out.',
      example: '3202',
    }),
});

import { z } from 'zod';
import { MAX_INT32, isoDateSchema, optionalText, requiredText, safeText } from './fields.ts';
import { bilingualSchema } from './common.ts';

import { SPACE_KINDS } from '../space-kinds.ts';

export { SPACE_KINDS, SPACE_KIND_NAMES, type SpaceKind } from '../space-kinds.ts';

export const spaceByKindSchema = z
  .object({
    kind: z.enum(SPACE_KINDS),
    areaM2: z.number(),
    occupiedM2: z.number(),
    reservedM2: z.number().meta({ description: 'Held for projects, not yet occupied.' }),
  })
  .meta({ id: 'SpaceByKind' });

export const parkSummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    address: z.string().nullable(),
    focusNodeCodes: z.array(z.string()),
    totalAreaM2: z.number(),
    occupiedM2: z.number(),
    reservedM2: z.number(),
    availableM2: z.number().meta({ description: 'Neither occupied nor reserved.' }),
    occupancyRate: z.number().meta({ description: 'Occupied share of the total area, 0 to 1.' }),
    spaceByKind: z.array(spaceByKindSchema),
    tenantCount: z.number().int(),
    demo: z.boolean(),
  })
  .meta({ id: 'ParkSummary' });
export type ParkSummary = z.infer<typeof parkSummarySchema>;

export const parkSpaceSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    building: z.string().nullable(),
    kind: z.enum(SPACE_KINDS),
    floor: z.number().int().nullable(),
    areaM2: z.number(),
    occupiedM2: z.number(),
    reservedM2: z.number(),
    freeM2: z.number().meta({ description: 'area − occupied − reserved.' }),
    availableFrom: z.string().nullable(),
    rentYuanPerM2Month: z.number().nullable(),
  })
  .meta({ id: 'ParkSpace' });
export type ParkSpace = z.infer<typeof parkSpaceSchema>;

export const parkDetailSchema = parkSummarySchema
  .extend({
    spaces: z.array(parkSpaceSchema),
    tenants: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        nodeCodes: z.array(z.string()).meta({
          description:
            'The node it counts on (its primary placement) on each chain it is on, in code order; empty when on none.',
        }),
      }),
    ),
    tenantsByNode: z
      .array(
        z.object({
          nodeCode: z.string().nullable(),
          nodeName: bilingualSchema.nullable(),
          count: z.number().int(),
        }),
      )
      .meta({
        description:
          'Tenants per node they count on, most first (a tenant on two chains counts under each); null: on no chain.',
      }),
  })
  .meta({ id: 'ParkDetail' });
export type ParkDetail = z.infer<typeof parkDetailSchema>;

export const createSpaceSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(40),
    building: optionalText(100).nullable().optional(),
    kind: z.enum(SPACE_KINDS),
    floor: z.number().int().min(-5).max(200).nullable().optional(),
    areaM2: z.number().positive().max(10_000_000),
    occupiedM2: z.number().min(0).max(10_000_000).default(0),
    availableFrom: isoDateSchema.nullable().optional(),
    rentYuanPerM2Month: z.number().min(0).max(100_000).nullable().optional(),
  })
  .meta({ id: 'CreateParkSpaceRequest' });
export type CreateSpaceRequest = z.infer<typeof createSpaceSchema>;

export const updateSpaceSchema = z
  .strictObject({
    building: optionalText(100).nullable(),
    kind: z.enum(SPACE_KINDS),
    floor: z.number().int().min(-5).max(200).nullable(),
    areaM2: z.number().positive().max(10_000_000),
    occupiedM2: z.number().min(0).max(10_000_000),
    availableFrom: isoDateSchema.nullable(),
    rentYuanPerM2Month: z.number().min(0).max(100_000).nullable(),
  })
  .partial()
  .meta({ id: 'UpdateParkSpaceRequest' });
export type UpdateSpaceRequest = z.infer<typeof updateSpaceSchema>;

const parkFields = {
  name: requiredText(100).meta({
    description: "The park's Chinese name, e.g. 无锡惠山生命科技产业园.",
  }),
  nameEn: optionalText(200).nullable().optional(),
  region: z
    .string()
    .regex(/^\d{6}$/, 'use a six-digit county-level region code, e.g. 320206')
    .meta({ description: 'The district (county-level region code) the park lies in.' }),
  address: safeText(200).nullable().optional(),
  focusNodeCodes: z
    .array(z.string().trim().min(3).max(80))
    .max(50)
    .optional()
    .meta({ description: 'Chain nodes the park focuses on (any chain), e.g. biomed.mid.device.' }),
};

export const createParkSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2 to 40 lowercase letters, digits and dashes')
      .meta({ description: 'A stable code, e.g. huishan-life.' }),
    ...parkFields,
  })
  .meta({ id: 'CreateParkRequest' });
export type CreateParkRequest = z.infer<typeof createParkSchema>;

export const updateParkSchema = z
  .strictObject(parkFields)
  .partial()
  .meta({ id: 'UpdateParkRequest', description: 'Absent fields stay as they are.' });
export type UpdateParkRequest = z.infer<typeof updateParkSchema>;

export const spaceMatchSchema = z
  .object({
    parkId: z.number().int(),
    parkName: z.string(),
    parkNameEn: z.string().nullable(),
    score: z.number().meta({ description: '0 to 100.' }),
    coversNeed: z.boolean().meta({ description: 'Free units of every needed kind suffice.' }),
    focusNode: z.boolean().meta({ description: "The project's node is one of the park's focus." }),
    reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
    kinds: z.array(
      z.object({
        kind: z.enum(SPACE_KINDS),
        neededM2: z.number(),
        freeM2: z.number().meta({ description: 'Free in units available by the needed date.' }),
        units: z
          .array(
            z.object({
              spaceId: z.number().int(),
              code: z.string(),
              building: z.string().nullable(),
              floor: z.number().int().nullable(),
              freeM2: z.number(),
              availableFrom: z.string().nullable(),
              rentYuanPerM2Month: z.number().nullable(),
            }),
          )
          .meta({ description: 'Suggested units, enough to cover the need where possible.' }),
      }),
    ),
  })
  .meta({ id: 'SpaceMatch' });
export type SpaceMatch = z.infer<typeof spaceMatchSchema>;

export const reserveSpaceSchema = z
  .union([
    z.strictObject({
      spaceId: z.number().int().positive().max(MAX_INT32),
      areaM2: z
        .number()
        .positive()
        .max(10_000_000)
        .optional()
        .meta({ description: "Default: the unit's whole free area." }),
      note: z.string().max(500).optional(),
    }),
    z.strictObject({
      parkId: z.number().int().positive().max(MAX_INT32),
      kind: z.enum(SPACE_KINDS),
      areaM2: z.number().positive().max(10_000_000),
      note: z.string().max(500).optional(),
    }),
  ])
  .meta({
    id: 'ReserveSpaceRequest',
    description: 'A unit (all or part of it), or an area of one kind in a park spread over units.',
  });
export type ReserveSpaceRequest = z.infer<typeof reserveSpaceSchema>;

export const supplyDemandSchema = z
  .object({
    parkId: z.number().int(),
    parkName: z.string(),
    rows: z.array(
      z.object({
        kind: z.enum(SPACE_KINDS),
        year: z.number().int(),
        freeM2: z
          .number()
          .meta({ description: 'Free area in units available by the end of that year.' }),
        demandM2: z
          .number()
          .meta({ description: 'Unreserved need of its active projects wanting space by then.' }),
        weightedDemandM2: z.number().meta({ description: 'The same, times stage probability.' }),
        balanceM2: z.number().meta({ description: 'free − demand; negative means short.' }),
      }),
    ),
  })
  .meta({ id: 'ParkSupplyDemand' });
export type SupplyDemand = z.infer<typeof supplyDemandSchema>;

import { z } from 'zod';
import { bilingualSchema } from './common.ts';

export const SPACE_KINDS = ['wet_lab', 'gmp_plant', 'office', 'warehouse'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const spaceByKindSchema = z
  .object({ kind: z.enum(SPACE_KINDS), areaM2: z.number(), occupiedM2: z.number() })
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
    availableM2: z.number(),
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
        nodeCode: z.string().nullable().meta({ description: 'Its primary chain node, if any.' }),
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
      .meta({ description: 'Tenants per primary node, most first; null: not on the chain.' }),
  })
  .meta({ id: 'ParkDetail' });
export type ParkDetail = z.infer<typeof parkDetailSchema>;

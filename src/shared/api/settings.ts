import { z } from 'zod';

/** The home region and default chain stored for the installation (admin settings). */
export const placeSettingsSchema = z
  .object({
    homeRegion: z
      .string()
      .nullable()
      .meta({
        description:
          'The region the chain office works for, e.g. 3202; used when serve has no ' +
          '--home-region and CHAINLEAD_HOME_REGION is unset. null: not stored.',
      }),
    defaultChain: z
      .string()
      .nullable()
      .meta({
        description:
          'The chain the web app opens on; used when serve has no --default-chain and ' +
          'CHAINLEAD_DEFAULT_CHAIN is unset. null: not stored.',
      }),
    effective: z
      .object({
        homeRegion: z.string(),
        defaultChain: z.string().nullable(),
        homeRegionFrom: z.enum(['flag', 'setting', 'default']),
        defaultChainFrom: z.enum(['flag', 'setting', 'default']),
      })
      .meta({ description: 'What the server uses now, and where it comes from.' }),
  })
  .meta({ id: 'PlaceSettings' });
export type PlaceSettings = z.infer<typeof placeSettingsSchema>;

export const putPlaceSettingsSchema = z
  .strictObject({
    homeRegion: z
      .string()
      .regex(/^\d{2,12}$/, 'must be a region code of 2 to 12 digits, such as 3202')
      .nullable()
      .optional(),
    defaultChain: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'must be a chain code, such as biomed')
      .nullable()
      .optional(),
  })
  .meta({ id: 'PutPlaceSettings', description: 'Omitted: unchanged; null: no longer stored.' });
export type PutPlaceSettings = z.infer<typeof putPlaceSettingsSchema>;

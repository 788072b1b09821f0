import { z } from 'zod';
import { PERMISSIONS } from '../permissions.ts';
import { userIdentityFields } from './users.ts';

export const loginRequestSchema = z
  .strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changeOwnPasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    // Length and strength are the password policy's (PASSWORD_TOO_WEAK), a setting.
    newPassword: z
      .string()
      .min(1)
      .max(256)
      .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters'),
  })
  .strict()
  .meta({ id: 'ChangeOwnPasswordRequest' });
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequestSchema>;

export const currentUserSchema = z
  .object({
    ...userIdentityFields,
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionStateSchema = z
  .object({
    user: currentUserSchema.nullable(),
    homeRegion: z.string().meta({
      description:
        'The region the chain office works for, e.g. 3202 (serve --home-region or ' +
        'CHAINLEAD_HOME_REGION; the demo region 3202 when neither is set): the region the ' +
        'pipeline, candidates and shift-share pages start from.',
    }),
    defaultChain: z
      .string()
      .nullable()
      .meta({
        description:
          'The chain the web app opens on (serve --default-chain or CHAINLEAD_DEFAULT_CHAIN when ' +
          'that chain is loaded, else biomed when it is loaded, else the first loaded chain by ' +
          'code); null when none is loaded.',
      }),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof sessionStateSchema>;

export const loginResponseSchema = z
  .object({ user: currentUserSchema, expiresAt: z.string() })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    database: z.enum(['pglite', 'postgres']),
    demoLoaded: z.boolean(),
    pdfReports: z.boolean().meta({
      description: 'Whether briefings can be downloaded as PDF (the server has Chromium).',
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

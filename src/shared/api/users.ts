import { z } from 'zod';
import { bodyIdSchema, displayText, paramIdSchema, rawText } from './fields.ts';
import { ROLES } from '../permissions.ts';

/** Who a user is, as every answer naming a user (the user list, the current user) gives it. */
export const userIdentityFields = {
  id: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ROLES),
  parkId: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The park a park user manages; null for other roles.' }),
  departmentId: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The department a department user works for; null for other roles.' }),
  departmentName: z.string().nullable(),
  enterpriseId: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The enterprise a firm user speaks for; null for other roles.' }),
  enterpriseName: z.string().nullable(),
  chainCodes: z
    .array(z.string())
    .nullable()
    .meta({ description: 'The chains the user may see; null for every chain.' }),
  mustChangePassword: z.boolean().meta({
    description:
      'A one-time password is in use: every API route but the session, sign-in/out and ' +
      'POST /api/auth/password answers 403 PASSWORD_CHANGE_REQUIRED until it is changed.',
  }),
};

const id = bodyIdSchema;
const chainCodesField = z
  .array(rawText(64).min(1))
  .max(100)
  .nullable()
  .optional()
  .meta({
    description:
      'The chains (codes) the user may see; null or absent for every chain. For office, ' +
      'chain_leader, analyst, viewer, department and park users.',
  });

/** The bindings a role needs, shared by creating and changing a user. */
const bindingFields = {
  parkId: id
    .nullable()
    .optional()
    .meta({ description: 'Required for role park: the one park it manages.' }),
  departmentId: id
    .nullable()
    .optional()
    .meta({ description: 'Required for role department: the department it works for.' }),
  enterpriseId: id
    .nullable()
    .optional()
    .meta({ description: 'Required for role firm: the enterprise it speaks for.' }),
  chainCodes: chainCodesField,
};

export const userSchema = z
  .object({
    ...userIdentityFields,
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const createUserRequestSchema = z
  .object({
    username: z.string().min(2).max(32),
    // Length and strength are the password policy's (PASSWORD_TOO_WEAK), a setting.
    password: rawText(256).min(1),
    role: z.enum(ROLES),
    displayName: displayText(64).nullable().optional(),
    ...bindingFields,
    oneTime: z
      .boolean()
      .optional()
      .meta({ description: 'The user must change this password at the first sign-in.' }),
  })
  .strict()
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    displayName: displayText(64).nullable().optional(),
    ...bindingFields,
    disabled: z.boolean().optional(),
  })
  .strict()
  .meta({
    id: 'UpdateUserRequest',
    description:
      'Absent fields stay; when the role changes, bindings the new role does not carry are dropped.',
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z
  .object({
    // Length and strength are the password policy's (PASSWORD_TOO_WEAK), a setting.
    password: rawText(256).min(1),
    oneTime: z
      .boolean()
      .optional()
      .meta({ description: 'The user must change it at the next sign-in (default true).' }),
  })
  .strict()
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const userIdParamsSchema = z.object({ id: paramIdSchema });

export const firmAccountsUploadSchema = z
  .strictObject({
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description:
        'CSV or XLSX with the columns enterprise (USCC, exact registered name or id), username ' +
        '(optional: f + the enterprise id) and displayName (optional).',
    }),
  })
  .meta({ id: 'FirmAccountsUpload' });

export const firmAccountsQuerySchema = z.object({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .meta({ description: 'csv: the accounts and passwords as a CSV download.' }),
});

export const firmAccountSchema = z
  .object({
    row: z.number().int(),
    username: z.string(),
    displayName: z.string().nullable(),
    enterpriseId: z.number().int(),
    enterpriseName: z.string(),
    password: z.string().meta({ description: 'One-time: shown only in this answer.' }),
  })
  .meta({ id: 'FirmAccount' });

export const firmAccountsResultSchema = z
  .object({ created: z.array(firmAccountSchema) })
  .meta({ id: 'FirmAccountsResult' });
export type FirmAccountsResult = z.infer<typeof firmAccountsResultSchema>;

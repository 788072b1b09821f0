import { z } from 'zod';
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
    password: z.string().min(8).max(256),
    role: z.enum(ROLES),
    displayName: z.string().max(64).nullable().optional(),
    parkId: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .meta({ description: 'Required for role park: the one park it manages.' }),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

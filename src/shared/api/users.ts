import { z } from 'zod';
import { ROLES } from '../permissions.ts';

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
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
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

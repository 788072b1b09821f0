import { z } from 'zod';
import { datesInOrder, isoDateSchema } from './fields.ts';
import { pageQuerySchema } from './common.ts';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().meta({ description: 'When, ISO 8601 (UTC).' }),
    actorId: z.number().int().nullable(),
    actorName: z.string().meta({ description: 'A username, or a system actor such as cli.' }),
    action: z.string().meta({ description: 'What was done, e.g. target.set or space.create.' }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().meta({ description: 'The entity before the change; null for a create.' }),
    after: z.unknown().meta({ description: 'The entity after the change; null for a delete.' }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema
  .extend({
    user: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'Who acted: a username (or a system actor such as cli), exactly.' }),
    entity: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({
        description:
          'The kind of entity, e.g. target, park, park_space, user (the answer lists the kinds there are).',
      }),
    entityId: z.string().trim().min(1).max(64).optional(),
    from: isoDateSchema
      .optional()
      .meta({ description: 'First day included, YYYY-MM-DD (Asia/Shanghai).' }),
    to: isoDateSchema
      .optional()
      .meta({ description: 'Last day included, YYYY-MM-DD (Asia/Shanghai).' }),
  })
  .superRefine(datesInOrder(['from', 'to']));
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    total: z.number().int().meta({ description: 'Every matching entry, not just this page.' }),
    entityTypes: z
      .array(z.string())
      .meta({ description: 'Every entity kind in the log, for a filter (A–Z).' }),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;

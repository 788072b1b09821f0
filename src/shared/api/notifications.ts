import { z } from 'zod';
import { wholeNumberParam } from './fields.ts';

export const notificationKinds = [
  'assigned',
  'due_soon',
  'overdue',
  'rated',
  'supervision_assigned',
  'supervision_overdue',
] as const;

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds).meta({
      description:
        'assigned (a problem to my department), due_soon (two working days or fewer), overdue, ' +
        'rated (the enterprise rated the answer), supervision_assigned, supervision_overdue (督办).',
    }),
    problemId: z.number().int().nullable(),
    reference: z
      .string()
      .nullable()
      .meta({ description: "The problem's reference, e.g. 2026-0042." }),
    title: z.string().meta({ description: "The problem's or the 督办 item's title." }),
    supervisionItemId: z.number().int().nullable(),
    link: z.string().meta({ description: 'The page: /problems/{id} or /leader/supervision/{id}.' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema).meta({ description: 'Newest first, at most 100.' }),
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationIdParamsSchema = z.object({
  id: wholeNumberParam(z.number().int().positive().max(2147483647)),
});

export const readAllResponseSchema = z
  .object({ marked: z.number().int() })
  .meta({ id: 'NotificationsMarkedRead' });

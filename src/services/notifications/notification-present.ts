import type { NotificationListRow } from '../../db/notification.repository.ts';

export const NOTIFICATION_KINDS = [
  'assigned',
  'due_soon',
  'overdue',
  'rated',
  'supervision_assigned',
  'supervision_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A notification as a person reads it: what happened, to what, and where to look. */
export interface NotificationItem {
  id: number;
  userId: number;
  kind: NotificationKind;
  problemId: number | null;
  /** The problem's reference (e.g. 2026-0042) or null for a 督办 item. */
  reference: string | null;
  /** The problem's or the 督办 item's title. */
  title: string;
  supervisionItemId: number | null;
  /** The web app's page for it: /problems/{id} or /leader/supervision/{id}. */
  link: string;
  createdAt: Date;
  read: boolean;
}

function isKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The readable form of a stored notification. */
export function presentNotification(row: NotificationListRow): NotificationItem {
  const link =
    row.problemId !== null
      ? `/problems/${row.problemId}`
      : `/leader/supervision/${row.supervisionItemId ?? 0}`;
  return {
    id: row.id,
    userId: row.userId,
    // Kinds are written only by the sweep; an unknown one reads as the closest general kind.
    kind: isKind(row.kind) ? row.kind : 'assigned',
    problemId: row.problemId,
    reference: row.problemReference,
    title: row.problemTitle ?? row.supervisionTitle ?? '',
    supervisionItemId: row.supervisionItemId,
    link,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  };
}

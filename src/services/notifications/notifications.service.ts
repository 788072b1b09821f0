import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import {
  countUnreadNotifications,
  listUserNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../db/notification.repository.ts';
import { presentNotification, type NotificationItem } from './notification-present.ts';
import { sweepNotifications } from './notification-sweep.service.ts';

/** The most notifications one answer lists. */
export const NOTIFICATION_LIST_LIMIT = 100;

/**
 * The user's notifications, newest first, with the unread count; sweeps first so the bell is
 * current (the sweep is cheap: events only since the last one, dates by query).
 */
export async function listMyNotifications(
  db: Db,
  userId: number,
  now: Date,
): Promise<{ items: NotificationItem[]; unread: number }> {
  await sweepNotifications(db, now);
  const [rows, unread] = await Promise.all([
    listUserNotifications(db, userId, NOTIFICATION_LIST_LIMIT),
    countUnreadNotifications(db, userId),
  ]);
  return { items: rows.map(presentNotification), unread };
}

/**
 * Marks one of the user's notifications read. Throws NOTIFICATION_NOT_FOUND when the user has no
 * notification with that id (someone else's reads the same as none).
 */
export async function readNotification(
  db: Db,
  userId: number,
  id: number,
  now: Date,
): Promise<void> {
  if (!(await markNotificationRead(db, userId, id, now))) {
    throw new AppError('NOTIFICATION_NOT_FOUND', `You have no notification ${id}.`, { id });
  }
}

/** Marks all of the user's notifications read; returns how many were unread. */
export async function readAllNotifications(db: Db, userId: number, now: Date): Promise<number> {
  return markAllNotificationsRead(db, userId, now);
}

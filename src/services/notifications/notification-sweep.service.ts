import type { DbOrTx } from '../../db/connection.ts';
import {
  insertAssignedNotifications,
  insertDueNotifications,
  insertRatedNotifications,
  insertSupervisionAssignedNotifications,
  insertSupervisionOverdueNotifications,
  latestProblemEventId,
  listNotificationsByIds,
} from '../../db/notification.repository.ts';
import { findSetting, saveSetting } from '../../db/setting.repository.ts';
import { addWorkingDays, shanghaiDate } from '../../domain/working-calendar.ts';
import { loadWorkingCalendar } from '../problems/working-calendar.service.ts';
import { presentNotification, type NotificationItem } from './notification-present.ts';
import { postToWebhook } from './notification-webhook.ts';

/** The setting holding the last problem event the sweep has derived notifications from. */
const EVENT_CURSOR_SETTING = 'notification_sweep_event_id';
/** A problem due within this many working days is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Derives the bell's notifications up to `now`: assignments and ratings from the problem events
 * since the last sweep, due-soon and overdue problems and 督办 items from their dates. Idempotent:
 * each (user, kind, object, day) is notified once however often it runs. Each new notification is
 * also posted to CHAINLEAD_NOTIFY_WEBHOOK when set (fire-and-forget). Returns how many it made.
 */
export async function sweepNotifications(
  db: DbOrTx,
  now: Date,
  options: { webhookUrl?: string | undefined } = {},
): Promise<{ created: number }> {
  const today = shanghaiDate(now);
  const calendar = await loadWorkingCalendar(db);
  const dueUpTo = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS).date;
  const cursor = Number((await findSetting(db, EVENT_CURSOR_SETTING)) ?? 0) || 0;
  const latest = await latestProblemEventId(db);
  const created = [
    ...(latest > cursor ? await insertAssignedNotifications(db, cursor, latest) : []),
    ...(latest > cursor ? await insertRatedNotifications(db, cursor, latest) : []),
    ...(await insertDueNotifications(db, 'due_soon', today, dueUpTo)),
    ...(await insertDueNotifications(db, 'overdue', today, dueUpTo)),
    ...(await insertSupervisionAssignedNotifications(db)),
    ...(await insertSupervisionOverdueNotifications(db, today)),
  ];
  if (latest > cursor) await saveSetting(db, EVENT_CURSOR_SETTING, latest);
  const webhookUrl = options.webhookUrl ?? process.env.CHAINLEAD_NOTIFY_WEBHOOK;
  if (webhookUrl && created.length > 0) {
    const items: NotificationItem[] = (await listNotificationsByIds(db, created)).map(
      presentNotification,
    );
    for (const item of items) postToWebhook(webhookUrl, item);
  }
  return { created: created.length };
}

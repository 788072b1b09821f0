import type { NotificationItem } from './notification-present.ts';

/** How long one webhook call may take before it is given up. */
const WEBHOOK_TIMEOUT_MS = 5_000;
let failureLogged = false;

/**
 * Posts one new notification as JSON to the webhook (CHAINLEAD_NOTIFY_WEBHOOK), fire-and-forget:
 * a slow or failing hook never holds up or breaks the sweep, and its failure is logged once per
 * process so a dead hook does not flood the log.
 */
export function postToWebhook(url: string, item: NotificationItem): void {
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...item, createdAt: item.createdAt.toISOString() }),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    })
    .catch((error: unknown) => {
      if (failureLogged) return;
      failureLogged = true;
      console.warn(
        `Notification webhook ${url} failed (${error instanceof Error ? error.message : String(error)}); ` +
          'further failures are not logged.',
      );
    });
}

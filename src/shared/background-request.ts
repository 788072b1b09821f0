/**
 * Sent (value `1`) by the web app's own timed polls (the notification bell): such a request is
 * served but does not count as use, so an open, untouched tab still reaches the idle timeout.
 */
export const BACKGROUND_REQUEST_HEADER = 'X-Background-Request';

/** Today in Asia/Shanghai as YYYY-MM-DD: the day the chain office's dates are judged by. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

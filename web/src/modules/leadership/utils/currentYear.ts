/** The current year in Asia/Shanghai (UTC+8, no daylight saving), where the office works. */
export function currentYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

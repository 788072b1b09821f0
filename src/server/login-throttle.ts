/**
 * Slows password guessing per account AND client address together, with growing delays rather
 * than a lockout: an office behind one NAT only slows its own mistyped account, and nobody can
 * lock the mayor out from elsewhere (another address has its own count).
 *
 * Up to FREE_FAILURES wrong passwords per pair within WINDOW_MS cost nothing; the next failure
 * blocks the pair for FIRST_DELAY_MS, and each failure after a block doubles the delay up to
 * MAX_DELAY_MS. A success resets the pair. Blocked attempts are refused before any password
 * check (429 RATE_LIMITED with Retry-After), so they cost no scrypt either.
 *
 * Kept in memory per server process, in a bounded map (oldest pairs evicted first, and pairs
 * idle past their block forgotten): a restart or a second process forgets the counts, which a
 * single-office deployment accepts; a farm would put this in a shared store.
 */
import { AppError } from '../domain/app-error.ts';

export const FREE_FAILURES = 10;
export const WINDOW_MS = 60_000;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
export const MAX_ENTRIES = 10_000;

interface Entry {
  windowStart: number;
  failures: number;
  /** The last block's length; 0 before the first. */
  delayMs: number;
  blockedUntil: number;
  lastSeen: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  private static key(username: string, address: string): string {
    return `${username.trim().toLowerCase()}\n${address}`;
  }

  /** Seconds the pair must wait before its next attempt, or 0 when it may try now. */
  retryAfterSeconds(username: string, address: string): number {
    const entry = this.entries.get(LoginThrottle.key(username, address));
    if (!entry) return 0;
    const wait = entry.blockedUntil - this.now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Counts a wrong password for the pair; returns the seconds it is now blocked for (0: not). */
  recordFailure(username: string, address: string): number {
    const key = LoginThrottle.key(username, address);
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && this.isStale(entry, now)) entry = undefined;
    if (!entry)
      entry = { windowStart: now, failures: 0, delayMs: 0, blockedUntil: 0, lastSeen: now };
    // Outside a penalty, failures are counted per window; once delayed, every failure doubles.
    if (entry.delayMs === 0 && now - entry.windowStart > WINDOW_MS) {
      entry.windowStart = now;
      entry.failures = 0;
    }
    entry.failures += 1;
    entry.lastSeen = now;
    if (entry.failures >= FREE_FAILURES) {
      entry.delayMs =
        entry.delayMs === 0 ? FIRST_DELAY_MS : Math.min(entry.delayMs * 2, MAX_DELAY_MS);
      entry.blockedUntil = now + entry.delayMs;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict(now);
    return entry.blockedUntil > now ? Math.ceil((entry.blockedUntil - now) / 1000) : 0;
  }

  /** A right password: the pair starts afresh. */
  recordSuccess(username: string, address: string): void {
    this.entries.delete(LoginThrottle.key(username, address));
  }

  /** Pairs remembered now (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }

  /** A pair quiet for longer than its block plus the longest delay has paid its dues. */
  private isStale(entry: Entry, now: number): boolean {
    return now - Math.max(entry.lastSeen, entry.blockedUntil) > MAX_DELAY_MS + WINDOW_MS;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && !this.isStale(entry, now)) break;
      this.entries.delete(key);
    }
  }
}

/** The 429 for a blocked pair; the error handler turns `retryAfterSeconds` into Retry-After. */
export function loginRateLimited(retryAfterSeconds: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    `Too many wrong passwords for this account from this address: try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

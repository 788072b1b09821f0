import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, LoginThrottle, MAX_DELAY_MS, MAX_ENTRIES } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('caps the doubling delay at 15 minutes', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    let blocked = 0;
    for (let failure = 0; failure < FREE_FAILURES + 10; failure += 1) {
      now += blocked * 1000 + 1;
      blocked = throttle.recordFailure('mayor', '203.0.113.1');
    }
    expect(blocked).toBe(MAX_DELAY_MS / 1000);
  });

  it('keeps a bounded map, evicting the oldest pairs first', () => {
    const now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_ENTRIES + 50; i += 1) throttle.recordFailure(`user${i}`, '192.0.2.1');
    expect(throttle.size).toBe(MAX_ENTRIES);
  });
});

import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './secret-redaction.ts';

describe('redactSecrets', () => {
  it('replaces credentials at any depth and keeps everything else as it was', () => {
    const entry = {
      enterprises: 1200,
      users: [
        { username: 'office', password: 'chainlead-office', role: 'office' },
        { username: 'leader', passwordHash: 'scrypt$…', role: 'leader' },
      ],
      session: { tokenHash: 'abc', expiresAt: '2026-12-06' },
      mustChangePassword: true,
      note: 'the password policy changed',
    };
    expect(redactSecrets(entry)).toEqual({
      enterprises: 1200,
      users: [
        { username: 'office', password: REDACTED, role: 'office' },
        { username: 'leader', passwordHash: REDACTED, role: 'leader' },
      ],
      session: { tokenHash: REDACTED, expiresAt: '2026-12-06' },
      mustChangePassword: true,
      note: 'the password policy changed',
    });
    expect(entry.users[0]?.password).toBe('chainlead-office');
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets('text')).toBe('text');
  });
});

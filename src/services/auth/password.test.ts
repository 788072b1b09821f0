import { describe, expect, it } from 'vitest';
import { HASH_PARAMS, hashPassword, parseStoredHash, verifyPassword } from './password.ts';
import { UNKNOWN_USER_HASH } from './users.service.ts';

describe('the dummy hash unknown usernames are verified against', () => {
  it('is a well-formed hash with the parameters of a real one', () => {
    const parsed = parseStoredHash(UNKNOWN_USER_HASH);
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject({ N: HASH_PARAMS.N, r: HASH_PARAMS.r, p: HASH_PARAMS.p });
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(HASH_PARAMS.keyLength);
  });

  it('runs the full scrypt: the password it was made from verifies, any other does not', async () => {
    // Only a hash that scrypt really ran over can accept its own password.
    expect(await verifyPassword('no user has this name', UNKNOWN_USER_HASH)).toBe(true);
    expect(await verifyPassword('anything else', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
  });

  it('has the same shape as what hashPassword makes today', async () => {
    const fresh = parseStoredHash(await hashPassword('x'.repeat(12)));
    const dummy = parseStoredHash(UNKNOWN_USER_HASH);
    expect({ ...dummy, salt: null, key: dummy?.key.length }).toEqual({
      ...fresh,
      salt: null,
      key: fresh?.key.length,
    });
  });
});

describe('parseStoredHash', () => {
  it('refuses malformed hashes, such as one missing its p parameter', () => {
    expect(parseStoredHash('scrypt$32768$8$AAAA$AAAA')).toBeNull();
    expect(parseStoredHash('bcrypt$1$1$1$AAAA$AAAA')).toBeNull();
    expect(parseStoredHash('scrypt$0$8$1$AAAA$AAAA')).toBeNull();
    expect(parseStoredHash('scrypt$32768$8$1$AAAA$AAAA$extra')).toBeNull();
  });
});

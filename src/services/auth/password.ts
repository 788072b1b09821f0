import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt parameters per OWASP's guidance (N=2^15, r=8, p=1); stored with the hash so they can rise.
const PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_MEMORY = 64 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, { ...PARAMS, maxmem: MAX_MEMORY });
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** A stored hash taken apart: its scrypt parameters, salt and key. */
export interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const positiveInteger = (text: string | undefined) =>
  text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;

/** The parts of a `scrypt$N$r$p$salt$hash` string, or null when it is not one. */
export function parseStoredHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  const N = positiveInteger(n);
  const blockSize = positiveInteger(r);
  const parallel = positiveInteger(p);
  if (scheme !== 'scrypt' || rest.length > 0 || !N || !blockSize || !parallel) return null;
  if (!salt || !hash) return null;
  return {
    N,
    r: blockSize,
    p: parallel,
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(hash, 'base64'),
  };
}

/** True when `password` matches `stored`; constant-time in the comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    maxmem: MAX_MEMORY,
  });
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** The scrypt parameters new hashes get (a stored hash keeps its own). */
export const HASH_PARAMS = { ...PARAMS, keyLength: KEY_LENGTH } as const;

/** A readable random password: 4 groups of 4 from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet.charAt(b % alphabet.length));
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
